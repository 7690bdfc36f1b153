//! Which state the page opens with. A share link wins; then what this
//! browser saved, unless the page asks for a preset; then that preset, or
//! the default. What could not be read is said in a notice, and the page
//! opens all the same; a saved state it could not read is set aside, never
//! saved over.

use super::{link, read_saved, Codec};
use crate::engine::Lang;
use crate::state::{Notice, PresetReader, State};
use std::cell::Cell;
use std::rc::Rc;

/// What the page finds as it opens, as raw text: the browser reads it and
/// hands it here.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Opening {
    /// `?preset=`, or a host page's `data-preset`.
    pub preset: Option<String>,
    /// `?lang=`, or `data-lang`: `sv` or `en`.
    pub lang: Option<String>,
    /// The address's fragment (`#s=…` for a share link).
    pub fragment: String,
    /// What this browser saved, if anything.
    pub saved: Option<String>,
    /// Whether this browser keeps what the page saves.
    pub storage_writable: bool,
}

/// `sv` or `en`.
pub fn parse_lang(code: &str) -> Option<Lang> {
    match code {
        "sv" => Some(Lang::Sv),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The state to open with.
pub fn open_page<C: Codec>(opening: &Opening, codec: &C, presets: PresetReader) -> State {
    open(opening, codec, presets).state
}

/// What the page opens with, and what it must do first.
#[derive(Debug, Clone)]
pub struct Opened {
    pub state: State,
    /// What this browser saved could not be read (damaged, or written by
    /// a newer version): it must be kept under another key ([`aside_key`])
    /// before the page saves anything over it.
    pub set_aside: bool,
}

/// The state to open with, and whether what was saved must be set aside.
pub fn open<C: Codec>(opening: &Opening, codec: &C, presets: PresetReader) -> Opened {
    let unread = Cell::new(None);
    let mut state = decide(opening, codec, presets, &unread);
    // Said at once: a notice that appears later, on the first save, pushes
    // the page down just as someone reaches for a field.
    if state.notice.is_none() && !opening.storage_writable {
        state.notice = Some(Rc::new(Notice::StorageUnavailable));
    }
    // A link or a preset opens without reading what was saved; the page
    // saves over it all the same, so it is read here to know.
    let set_aside = unread.get().unwrap_or_else(|| {
        opening
            .saved
            .as_deref()
            .is_some_and(|text| read_saved(text, codec, presets).is_err())
    });
    Opened { state, set_aside }
}

/// Where a saved state this version cannot read is kept: the first free
/// of a few numbered keys, so that neither the next autosave nor another
/// bad copy writes over it, and a later version can still read it.
pub const ASIDE_KEYS: [&str; 5] = [
    "finsam-kalkyl/unread-1",
    "finsam-kalkyl/unread-2",
    "finsam-kalkyl/unread-3",
    "finsam-kalkyl/unread-4",
    "finsam-kalkyl/unread-5",
];

/// Where to keep `text` aside, given what each key holds (`held`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aside {
    /// Under this key, which is free.
    Keep(&'static str),
    /// It is kept already, under one of the keys.
    Kept,
    /// Every key holds another copy: the page must leave `text` where it
    /// is and save nothing.
    NoRoom,
}

pub fn aside_key(text: &str, held: impl Fn(&str) -> Option<String>) -> Aside {
    for key in ASIDE_KEYS {
        match held(key) {
            None => return Aside::Keep(key),
            Some(kept) if kept == text => return Aside::Kept,
            Some(_) => {}
        }
    }
    Aside::NoRoom
}

fn decide<C: Codec>(
    opening: &Opening,
    codec: &C,
    presets: PresetReader,
    unread: &Cell<Option<bool>>,
) -> State {
    let lang = opening.lang.as_deref().and_then(parse_lang);
    let preset = opening
        .preset
        .as_deref()
        .filter(|p| crate::engine::presets::find(p).is_some());
    let fallback = || {
        let lang = lang.unwrap_or_default();
        preset
            .and_then(|p| State::from_preset(p, lang, presets))
            .unwrap_or_else(|| State::new(lang, presets))
    };
    let saved = || {
        opening
            .saved
            .as_deref()
            .map(|text| read_saved(text, codec, presets))
            .inspect(|read| unread.set(Some(read.is_err())))
    };
    if let Some(read) = link::read(&opening.fragment, codec) {
        let mut state = match read.and_then(|l| link::open(l, presets)) {
            Ok(state) => state,
            Err(why) => State {
                notice: Some(Rc::new(Notice::BadLink(why))),
                ..fallback()
            },
        };
        if let Some(l) = lang {
            state.lang = l;
        }
        // Named scenarios live in this browser, whatever the link says.
        if let Some(Ok(saved)) = saved() {
            state.named = saved.named;
        }
        return state;
    }
    if preset.is_none() {
        match saved() {
            Some(Ok(mut state)) => {
                if let Some(l) = lang {
                    state.lang = l;
                }
                return state;
            }
            Some(Err(why)) => {
                return State {
                    notice: Some(Rc::new(Notice::BadSaved(why))),
                    ..fallback()
                }
            }
            None => {}
        }
    }
    fallback()
}
