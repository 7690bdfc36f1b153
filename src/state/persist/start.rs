//! Which state the page opens with. A share link wins; then the budget
//! file the page names (`?budget=`, `data-budget`); then what this browser
//! saved, unless the page asks for a preset; then that preset, or the
//! default. What could not be read is said in a notice, and the page opens
//! all the same, with this browser's saved scenarios and imports kept.

use super::file::{BudgetFile, FileError};
use super::{link, parse_versioned, read_saved, Codec, ReadError, Saved, SAVED_VERSION};
use crate::engine::{presets, Lang};
use crate::state::{ImportedBudget, Notice, PresetReader, State};
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
    let asked = opening.preset.as_deref();
    let preset = asked.filter(|p| presets::find(p).is_some());
    let unknown_preset = asked
        .filter(|_| preset.is_none())
        .map(|p| Notice::UnknownPreset(p.to_string()));
    // What this browser keeps whichever budget opens: its saved scenarios
    // and imports, so that the next autosave does not lose them.
    let saved: Option<Result<Saved, ReadError>> = opening
        .saved
        .as_deref()
        .map(|text| parse_versioned(text, codec, "version", |s: &Saved| s.version, SAVED_VERSION));
    let kept = |mut state: State| {
        if let Some(Ok(saved)) = &saved {
            state.named = saved.named.clone();
            state.imports = saved.imports.clone();
        }
        state
    };
    let (file, file_error) = match &opening.file {
        Some(BudgetFile {
            name,
            loaded: Ok(imported),
        }) => (Some((name, imported)), None),
        Some(BudgetFile {
            name,
            loaded: Err(why),
        }) => (None, Some(file_notice(name, why))),
        None => (None, None),
    };
    let file_budget = file.map(|(name, imported)| ImportedBudget {
        id: name.clone(),
        name: if imported.budget.title.is_empty() {
            name.clone()
        } else {
            imported.budget.title.clone()
        },
        budget: imported.budget.clone(),
    });
    let fallback = |notice: Option<Notice>| {
        let lang = lang.unwrap_or_default();
        let mut state = kept(
            preset
                .and_then(|p| State::from_preset(p, lang, presets))
                .unwrap_or_else(|| State::new(lang, presets)),
        );
        state.notice = notice.or_else(|| unknown_preset.clone()).map(Rc::new);
        state
    };

    if let Some(json) = &opening.link {
        let opened = json
            .clone()
            .and_then(|json| link::parse(&json, codec))
            .and_then(|l| link::open(l, file_budget.as_ref(), presets));
        let mut state = match opened {
            Ok(mut state) => {
                // Named scenarios live in this browser, whatever the link says.
                if let Some(Ok(saved)) = &saved {
                    state.named = saved.named.clone();
                }
                state
            }
            // A link that names the page's budget file, which did not load.
            Err(ReadError::UnknownBudget(id))
                if opening.file.as_ref().is_some_and(|f| f.name == id) && file_error.is_some() =>
            {
                fallback(file_error)
            }
            Err(why) => fallback(Some(Notice::BadLink(why))),
        };
        if let Some(l) = lang {
            state.lang = l;
        }
        return state;
    }
    if let (Some(budget), Some((_, imported))) = (file_budget, file) {
        let id = budget.id.clone();
        let mut holder = kept(State::empty(lang.unwrap_or_default(), presets));
        holder.file = Some(Rc::new(budget));
        // The file's page remembers its own last scenario.
        let restored = match &saved {
            Some(Ok(saved)) if saved.preset == id => {
                Some(holder.with_scenario(&id, saved.scenario.clone(), saved.guideline))
            }
            _ => None,
        };
        let fresh = || holder.open(&id).unwrap_or_else(|| holder.clone());
        let mut state = match restored {
            Some(Ok(state)) => state,
            Some(Err(why)) => State {
                notice: Some(Rc::new(Notice::BadSaved(why))),
                ..fresh()
            },
            None => fresh(),
        };
        state.import_findings = Rc::new(imported.findings.clone());
        return state;
    }
    if file_error.is_some() {
        return fallback(file_error);
    }
    if asked.is_none() {
        match opening
            .saved
            .as_deref()
            .map(|text| read_saved(text, codec, presets))
        {
            Some(Ok(mut state)) => {
                if let Some(l) = lang {
                    state.lang = l;
                }
                return state;
            }
            // The budget last open is not here: a budget file of another
            // page of this site, say. The default opens, and nothing of
            // this browser's is lost.
            Some(Err(ReadError::UnknownBudget(_))) => return fallback(None),
            Some(Err(why)) => return fallback(Some(Notice::BadSaved(why))),
            None => {}
        }
    }
    fallback(None)
}

fn file_notice(name: &str, why: &FileError) -> Notice {
    Notice::BudgetFile {
        name: name.to_string(),
        why: why.clone(),
    }
}
