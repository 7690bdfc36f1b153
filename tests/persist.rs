#![cfg(not(target_arch = "wasm32"))]
//! What the page opens with, decided as the page decides it: a share link
//! (compressed or in the old format), a förbund's budget file, what this
//! browser saved, `?preset=`, or the default; and what it says when one of
//! them cannot be read.

use finsam_kalkyl::engine::{presets, Lang, Scenario};
use finsam_kalkyl::state::persist::{link, start::open_page, start::Opening, NativeCodec, ReadError};
use finsam_kalkyl::state::{Edit, Field, Library, Notice, State, READ_TABLES};
use std::io::{Read, Write};

fn open(opening: Opening) -> State {
    open_page(&opening, &NativeCodec, READ_TABLES)
}

/// Raw deflate, as the browser's `CompressionStream('deflate-raw')`.
pub fn deflate(text: &str) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap()
}

pub fn inflate(bytes: &[u8]) -> Option<String> {
    let mut text = String::new();
    flate2::read::DeflateDecoder::new(bytes)
        .read_to_string(&mut text)
        .ok()?;
    Some(text)
}

/// A state's share link as the browser writes it: compressed.
pub fn share(state: &State) -> String {
    link::compressed(&deflate(&link::json(state, &NativeCodec)))
}

/// The link's JSON in a fragment, as the browser hands it to the opening.
pub fn found(fragment: &str) -> Option<Result<String, ReadError>> {
    link::decode(fragment, &NativeCodec, inflate)
}

fn writable() -> Opening {
    Opening {
        storage_writable: true,
        ..Opening::default()
    }
}

fn hoglandet_scenario() -> State {
    State::from_preset("hoglandet-2023", Lang::Sv, READ_TABLES)
        .unwrap()
        .apply(Edit::Type(Field::StateOffer, "9 000 000".into()))
        .apply(Library::Save("A".into()))
}

#[test]
fn with_nothing_the_page_opens_on_the_default_or_the_preset_asked_for() {
    let s = open(writable());
    assert_eq!(s.source.id(), presets::DEFAULT_PRESET);
    assert_eq!((s.lang, s.notice.as_deref()), (Lang::Sv, None));
    let s = open(Opening {
        preset: Some("hoglandet-2023".into()),
        lang: Some("en".into()),
        ..writable()
    });
    assert_eq!((s.source.id(), s.lang), ("hoglandet-2023", Lang::En));
    // An unknown language is as if none were asked for; an unknown preset
    // says so, rather than silently showing another förbund.
    let s = open(Opening {
        preset: Some("nowhere".into()),
        lang: Some("fi".into()),
        saved: Some(serde_json::to_string(&hoglandet_scenario().saved()).unwrap()),
        ..writable()
    });
    assert_eq!((s.source.id(), s.lang), (presets::DEFAULT_PRESET, Lang::Sv));
    assert_eq!(
        s.notice.as_deref(),
        Some(&Notice::UnknownPreset("nowhere".into()))
    );
    assert_eq!(s.named.len(), 1, "this browser's saved scenarios are kept");
    let s = open(Opening::default());
    assert_eq!(s.notice.as_deref(), Some(&Notice::StorageUnavailable));
}

#[test]
fn a_share_link_wins_and_keeps_this_browsers_saved_scenarios() {
    let linked = hoglandet_scenario();
    let fragment = share(&linked);
    assert!(fragment.starts_with("#s=2."), "{fragment}");
    let saved_here = State::new(Lang::Sv, READ_TABLES).apply(Library::Save("Här".into()));
    let s = open(Opening {
        link: found(&fragment),
        saved: Some(serde_json::to_string(&saved_here.saved()).unwrap()),
        preset: Some(presets::DEFAULT_PRESET.into()),
        lang: Some("en".into()),
        ..writable()
    });
    assert_eq!(s.source.id(), "hoglandet-2023");
    assert_eq!(s.scenario, linked.scenario);
    assert_eq!(s.outcome, linked.outcome);
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.named, saved_here.named);
    assert_eq!(s.notice.as_deref(), None);
}

#[test]
fn a_bad_link_says_why_and_opens_the_preset() {
    let cases: [(&str, ReadError); 5] = [
        ("#s=%E0%A4%A", ReadError::Encoding),
        ("#s=not%20json", ReadError::NotJson),
        (
            "#s=%7B%22v%22%3A1%2C%22preset%22%3A%22sodra-vatterbygden-2024%22%7D",
            ReadError::Damaged,
        ),
        (
            "#s=%7B%22v%22%3A7%2C%22preset%22%3A%22x%22%7D",
            ReadError::Version { found: 7, reads: 1 },
        ),
        (
            "#s=%7B%22v%22%3A1%2C%22preset%22%3A%22nowhere%22%2C%22lang%22%3A%22sv%22%2C%22scenario%22%3A%7B%7D%7D",
            ReadError::UnknownBudget("nowhere".into()),
        ),
    ];
    for (fragment, why) in cases {
        let s = open(Opening {
            link: found(fragment),
            preset: Some("hoglandet-2023".into()),
            ..writable()
        });
        // Percent-encoding natively is laxer than decodeURIComponent: a
        // broken escape reads as text, which is then not JSON.
        let why = match (&why, s.notice.as_deref()) {
            (ReadError::Encoding, Some(Notice::BadLink(ReadError::NotJson))) => ReadError::NotJson,
            _ => why,
        };
        assert_eq!(s.notice.as_deref(), Some(&Notice::BadLink(why)), "{fragment}");
        assert_eq!(s.source.id(), "hoglandet-2023", "{fragment}");
        assert_eq!(s.scenario, Scenario::default());
    }
}

#[test]
fn what_this_browser_saved_opens_unless_a_preset_is_asked_for() {
    let saved = serde_json::to_string(&hoglandet_scenario().saved()).unwrap();
    let s = open(Opening {
        saved: Some(saved.clone()),
        ..writable()
    });
    assert_eq!(s.source.id(), "hoglandet-2023");
    assert_eq!(s.named.len(), 1);
    let s = open(Opening {
        saved: Some(saved.clone()),
        preset: Some(presets::DEFAULT_PRESET.into()),
        ..writable()
    });
    assert_eq!(s.source.id(), presets::DEFAULT_PRESET);
    assert_eq!(s.notice.as_deref(), None);

    let newer = saved.replace("\"version\":1", "\"version\":9");
    let damaged = saved.replace("\"mode\":\"key\"", "\"mode\":\"sideways\"");
    for (text, why) in [
        (newer.as_str(), ReadError::Version { found: 9, reads: 1 }),
        (damaged.as_str(), ReadError::Damaged),
        ("{\"version\":1,", ReadError::NotJson),
    ] {
        let s = open(Opening {
            saved: Some(text.into()),
            ..writable()
        });
        assert_eq!(s.notice.as_deref(), Some(&Notice::BadSaved(why)), "{text}");
        assert_eq!(s.source.id(), presets::DEFAULT_PRESET);
    }
}

#[test]
fn the_address_is_clean_at_the_default_baseline_and_carries_any_change() {
    let s = State::new(Lang::Sv, READ_TABLES);
    assert!(!link::in_address(&s));
    let changed = s.apply(Edit::Type(Field::StateOffer, "6 000 000".into()));
    assert!(link::in_address(&changed));
    let back = found(&share(&changed))
        .unwrap()
        .and_then(|json| link::parse(&json, &NativeCodec))
        .and_then(|l| link::open(l, None, READ_TABLES))
        .unwrap();
    assert_eq!(back.scenario, changed.scenario);
    assert!(found("#other").is_none());
    assert!(found("").is_none());
}

#[test]
fn links_in_the_old_format_still_open() {
    let linked = hoglandet_scenario();
    let old = link::plain(&link::json(&linked, &NativeCodec), &NativeCodec);
    assert!(old.starts_with("#s=%7B"), "{old}");
    let s = open(Opening {
        link: found(&old),
        ..writable()
    });
    assert_eq!((s.source.id(), &s.scenario), ("hoglandet-2023", &linked.scenario));
    assert_eq!(s.notice.as_deref(), None);
    // Written by hand before the compressed format, with a decimal point
    // in it: still the old format, not a format number.
    let by_hand = "#s=%7B%22v%22%3A1%2C%22preset%22%3A%22hoglandet-2023%22%2C%22lang%22%3A%22en%22%2C%22scenario%22%3A%7B%22step_up_pct%22%3A%221.5%22%7D%7D";
    let s = open(Opening {
        link: found(by_hand),
        ..writable()
    });
    assert_eq!(s.notice.as_deref(), None);
    assert_eq!((s.source.id(), s.lang), ("hoglandet-2023", Lang::En));
    assert_eq!(s.scenario.step_up_pct, Some("1.5".parse().unwrap()));
}

#[test]
fn a_compressed_link_that_is_damaged_or_newer_says_so() {
    let good = share(&hoglandet_scenario());
    let cut = &good[..good.len() / 2];
    let cases: [(&str, ReadError); 5] = [
        // A later calculator's format.
        ("#s=3.eJyrVg", ReadError::Version { found: 3, reads: 2 }),
        // Not base64url.
        ("#s=2.ab+c", ReadError::Encoding),
        ("#s=2.abcde", ReadError::Encoding),
        // Cut short on the way: it does not inflate.
        (cut, ReadError::Encoding),
        ("#s=99999999999.AAAA", ReadError::Damaged),
    ];
    for (fragment, why) in cases {
        let s = open(Opening {
            link: found(fragment),
            ..writable()
        });
        assert_eq!(s.notice.as_deref(), Some(&Notice::BadLink(why)), "{fragment}");
        assert_eq!(s.source.id(), presets::DEFAULT_PRESET);
    }
    // JSON that inflates but is not a link.
    let s = open(Opening {
        link: found(&link::compressed(&deflate("[1,2]"))),
        ..writable()
    });
    assert_eq!(s.notice.as_deref(), Some(&Notice::BadLink(ReadError::Damaged)));
}

#[test]
fn a_pasted_budgets_link_is_short_and_carries_the_whole_budget() {
    // Höglandet's table pasted from Excel, imported and used.
    let table = include_str!("../presets/hoglandet-2023.csv").replace(';', "\t");
    let state = State::new(Lang::Sv, READ_TABLES)
        .apply(finsam_kalkyl::state::Import::Table(
            None,
            finsam_kalkyl::engine::import_table(&table),
        ))
        .apply(finsam_kalkyl::state::Import::Confirm)
        .apply(Edit::Type(Field::Kommun(0), "+10 000".into()));
    let fragment = share(&state);
    // The browser's deflate is as good; the page's address comes in front.
    assert!(fragment.len() < 1_800, "{} characters", fragment.len());
    let old = link::plain(&link::json(&state, &NativeCodec), &NativeCodec);
    assert!(
        old.len() > 3 * fragment.len(),
        "{} against {}",
        old.len(),
        fragment.len()
    );
    let s = open(Opening {
        link: found(&fragment),
        ..writable()
    });
    assert_eq!(s.notice.as_deref(), None);
    assert_eq!(*s.budget, *state.budget);
    assert_eq!(s.outcome, state.outcome);
}

mod budget_file {
    use super::*;
    use finsam_kalkyl::engine::{import_table, Code};
    use finsam_kalkyl::state::persist::file::{BudgetFile, FileError};
    use finsam_kalkyl::state::Source;

    const NAME: &str = "budget-2025.csv";

    fn loaded() -> BudgetFile {
        BudgetFile {
            name: NAME.into(),
            loaded: import_table(include_str!("fixtures/wild/04-excel-tkr.tsv"))
                .map_err(FileError::Unreadable),
        }
    }

    fn with_file(file: BudgetFile) -> Opening {
        Opening {
            file: Some(file),
            ..writable()
        }
    }

    #[test]
    fn the_pages_budget_file_opens_in_kronor_with_what_the_importer_said() {
        let s = open(with_file(loaded()));
        assert_eq!(s.source, Source::File(NAME.into()));
        assert_eq!(s.notice.as_deref(), None);
        let first = s.start_column().unwrap();
        // Budget 2025: 11 600 tkr.
        assert_eq!(s.outcome.columns[first].members_total, 11_600_000.into());
        assert!(s.import_findings.iter().any(|f| f.code == Code::UnitRead));
        // Offered first in the budget picker, under its own title.
        let (id, name) = &s.budgets()[0];
        assert_eq!((id.as_str(), name.as_str()), (NAME, "Importerad budget"));
        // A preset and back: the file's budget is still there.
        let back = s
            .apply(Library::Open("hoglandet-2023".into()))
            .apply(Library::Open(NAME.into()));
        assert_eq!(back.source, Source::File(NAME.into()));
        assert_eq!(back.budget, s.budget);
    }

    #[test]
    fn a_link_from_the_file_names_it_instead_of_carrying_it() {
        let changed = open(with_file(loaded())).apply(Edit::Type(Field::Kommun(0), "+10 000".into()));
        let link = changed.link();
        assert_eq!((link.preset.as_str(), link.budget.is_none()), (NAME, true));
        let fragment = share(&changed);
        assert!(fragment.len() < 300, "{fragment}");
        let s = open(Opening {
            link: found(&fragment),
            ..with_file(loaded())
        });
        assert_eq!(s.notice.as_deref(), None);
        assert_eq!((s.source.id(), &s.scenario), (NAME, &changed.scenario));
        assert_eq!(s.outcome, changed.outcome);
        // Without the file, the link says which budget it misses.
        let s = open(Opening {
            link: found(&fragment),
            ..writable()
        });
        assert_eq!(
            s.notice.as_deref(),
            Some(&Notice::BadLink(ReadError::UnknownBudget(NAME.into())))
        );
    }

    #[test]
    fn a_file_that_cannot_be_used_is_named_with_its_reason_and_the_default_opens() {
        for why in [
            FileError::Status(404),
            FileError::Unreachable,
            FileError::Offline,
            FileError::TooLarge,
            FileError::TimedOut,
            FileError::Scheme("data".into()),
            FileError::Unreadable(import_table("inga år här\n1;2").unwrap_err()),
        ] {
            let failed = BudgetFile {
                name: NAME.into(),
                loaded: Err(why.clone()),
            };
            let expected = Notice::BudgetFile {
                name: NAME.into(),
                why: why.clone(),
            };
            let s = open(with_file(failed.clone()));
            assert_eq!(s.notice.as_deref(), Some(&expected), "{why:?}");
            assert_eq!(
                (s.source.id(), &s.scenario),
                (presets::DEFAULT_PRESET, &Scenario::default())
            );
            // A link to the file's scenario says the same.
            let fragment = share(&open(with_file(loaded())).apply(Edit::Type(Field::Kommun(0), "+1".into())));
            let s = open(Opening {
                link: found(&fragment),
                ..with_file(failed)
            });
            assert_eq!(s.notice.as_deref(), Some(&expected), "{why:?}");
        }
    }

    #[test]
    fn the_files_page_remembers_its_own_scenario_and_nothing_of_the_browsers_is_lost() {
        let elsewhere = hoglandet_scenario();
        let on_file = open(Opening {
            saved: Some(serde_json::to_string(&elsewhere.saved()).unwrap()),
            ..with_file(loaded())
        });
        // Another budget was saved: the file opens at its baseline, and the
        // saved scenarios stay.
        assert_eq!(
            (on_file.source.id(), &on_file.scenario),
            (NAME, &Scenario::default())
        );
        assert_eq!(on_file.named, elsewhere.named);
        let changed = on_file.apply(Edit::Type(Field::Kommun(0), "+10 000".into()));
        let saved = serde_json::to_string(&changed.saved()).unwrap();
        let again = open(Opening {
            saved: Some(saved.clone()),
            ..with_file(loaded())
        });
        assert_eq!((again.source.id(), &again.scenario), (NAME, &changed.scenario));
        // The calculator's own page, without the file: the default, quietly,
        // with the saved scenarios kept for when the file's page opens again.
        let plain = open(Opening {
            saved: Some(saved),
            ..writable()
        });
        assert_eq!(plain.source.id(), presets::DEFAULT_PRESET);
        assert_eq!(plain.notice.as_deref(), None);
        assert_eq!(plain.named, elsewhere.named);
    }
}
