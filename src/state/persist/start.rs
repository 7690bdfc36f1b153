//! Which state the page opens with. A share link wins; then what this
//! browser saved, unless the page asks for a preset; then that preset, or
//! the default. What could not be read is said in a notice, and the page
//! opens all the same.

use super::{link, read_saved, Codec};
use crate::engine::Lang;
use crate::state::{Notice, PresetReader, State};
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
    let mut state = decide(opening, codec, presets);
    // Said at once: a notice that appears later, on the first save, pushes
    // the page down just as someone reaches for a field.
    if state.notice.is_none() && !opening.storage_writable {
        state.notice = Some(Rc::new(Notice::StorageUnavailable));
    }
    state
}

fn decide<C: Codec>(opening: &Opening, codec: &C, presets: PresetReader) -> State {
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
