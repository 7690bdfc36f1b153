//! Which state the page opens with. A share link wins; then the budget
//! file the page names (`?budget=`, `data-budget`); then what this browser
//! saved, unless the page asks for a preset; then that preset, or the
//! default. What could not be read is said in a notice, and the page opens
//! all the same, with this browser's saved scenarios and imports kept; a
//! saved state it could not read is set aside, never saved over.

use super::file::BudgetFile;
use super::{link, parse_saved, Codec, ReadError};
use crate::engine::{presets, Lang};
use crate::state::{ImportedBudget, Notice, PresetReader, Source, State};
use std::rc::Rc;

/// What the page finds as it opens, as the browser read it: the raw text
/// of the address and of storage, and the budget file as it loaded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Opening {
    /// `?preset=`, or a host page's `data-preset`.
    pub preset: Option<String>,
    /// `?lang=`, or `data-lang`: `sv` or `en`.
    pub lang: Option<String>,
    /// The share link's JSON in the address's fragment (decoded, and
    /// inflated: see [`link::find`]), or why it could not be read; none
    /// when the address carries no link.
    pub link: Option<Result<String, ReadError>>,
    /// What this browser saved, if anything.
    pub saved: Option<String>,
    /// Whether this browser keeps what the page saves.
    pub storage_writable: bool,
    /// `?budget=`, or `data-budget`: the förbund's own file, as loaded.
    pub file: Option<BudgetFile>,
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
    let (mut state, set_aside) = decide(opening, codec, presets);
    // Said at once: a notice that appears later, on the first save, pushes
    // the page down just as someone reaches for a field.
    if state.notice.is_none() && !opening.storage_writable {
        state.notice = Some(Rc::new(Notice::StorageUnavailable));
    }
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

/// The state, and whether what this browser saved could not be read.
fn decide<C: Codec>(opening: &Opening, codec: &C, presets: PresetReader) -> (State, bool) {
    let lang = opening.lang.as_deref().and_then(parse_lang);
    let saved = opening.saved.as_deref().map(|text| parse_saved(text, codec));
    let unread = matches!(saved, Some(Err(_)));
    // What this browser keeps whichever budget opens, so that the next
    // autosave loses nothing: its saved scenarios and imports. And the
    // page's budget file, as it loaded.
    let mut holder = State::empty(lang.unwrap_or_default(), presets);
    if let Some(Ok(saved)) = &saved {
        holder.named = saved.named.clone();
        holder.imports = saved.imports.clone();
    }
    let mut notice = None;
    let mut findings = Vec::new();
    match &opening.file {
        Some(BudgetFile {
            name,
            loaded: Ok(imported),
        }) => {
            let title = &imported.budget.title;
            holder.file = Some(Rc::new(ImportedBudget {
                id: name.clone(),
                name: if title.is_empty() { name } else { title }.clone(),
                budget: imported.budget.clone(),
            }));
            findings.clone_from(&imported.findings);
        }
        Some(BudgetFile {
            name,
            loaded: Err(why),
        }) => {
            notice = Some(Notice::BudgetFile {
                name: name.clone(),
                why: why.clone(),
            })
        }
        None => {}
    }
    let asked = opening.preset.as_deref();
    let preset = asked.filter(|p| presets::find(p).is_some());
    if let (Some(p), None, None) = (asked, preset, &notice) {
        notice = Some(Notice::UnknownPreset(p.to_string()));
    }
    let file = holder.file.as_ref().map(|f| f.id.clone());
    // What the address, the page or this browser asks to open, in that
    // order; or why it cannot be, if that is worth saying.
    let opened: Result<State, Option<Notice>> = match (&opening.link, &file, &saved) {
        (Some(link), _, _) => link
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|json| link::parse(json, codec))
            .and_then(|link| {
                // The link's budget, not this browser's imports.
                let holder = State {
                    imports: Vec::new(),
                    lang: link.lang,
                    ..holder.clone()
                };
                link::open_in(link, holder)
            })
            .map_err(|why| match why {
                // A link to the page's budget file, which did not load.
                ReadError::UnknownBudget(id) if opening.file.as_ref().is_some_and(|f| f.name == id) => None,
                why => Some(Notice::BadLink(why)),
            }),
        // The file's page remembers its own last scenario.
        (None, Some(id), Some(Ok(saved))) if saved.preset == *id => holder
            .with_scenario(id, saved.scenario.clone(), saved.guideline)
            .map_err(|why| Some(Notice::BadSaved(why))),
        (None, Some(id), _) => holder.open(id).ok_or(None),
        (None, None, Some(saved)) if asked.is_none() && opening.file.is_none() => saved
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|saved| {
                let holder = State {
                    lang: saved.lang,
                    ..holder.clone()
                };
                holder.with_scenario(&saved.preset, saved.scenario.clone(), saved.guideline)
            })
            .map_err(|why| match why {
                // The budget last open is not here: a budget file of
                // another page of this site, say. The default opens.
                ReadError::UnknownBudget(_) => None,
                why => Some(Notice::BadSaved(why)),
            }),
        _ => Err(None),
    };
    let mut state = match opened {
        Ok(state) => state,
        Err(why) => {
            notice = why.or(notice);
            let id = preset.unwrap_or(presets::DEFAULT_PRESET);
            holder.open(id).unwrap_or(holder)
        }
    };
    if file.is_some_and(|id| state.source == Source::File(id)) {
        state.import_findings = Rc::new(findings);
    }
    if let Some(l) = lang {
        state.lang = l;
    }
    state.notice = notice.map(Rc::new);
    (state, unread)
}
