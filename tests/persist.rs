#![cfg(not(target_arch = "wasm32"))]
//! What the page opens with, decided as the page decides it: a share link,
//! what this browser saved, `?preset=`, or the default; and what it says
//! when one of them cannot be read.

use finsam_kalkyl::engine::{presets, Lang, Scenario};
use finsam_kalkyl::state::persist::{link, start::open_page, start::Opening, NativeCodec, ReadError};
use finsam_kalkyl::state::{Edit, Field, Library, Notice, State, READ_TABLES};

fn open(opening: Opening) -> State {
    open_page(&opening, &NativeCodec, READ_TABLES)
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
    // An unknown preset or language is as if none were asked for.
    let s = open(Opening {
        preset: Some("nowhere".into()),
        lang: Some("fi".into()),
        ..writable()
    });
    assert_eq!((s.source.id(), s.lang), (presets::DEFAULT_PRESET, Lang::Sv));
    let s = open(Opening::default());
    assert_eq!(s.notice.as_deref(), Some(&Notice::StorageUnavailable));
}

#[test]
fn a_share_link_wins_and_keeps_this_browsers_saved_scenarios() {
    let linked = hoglandet_scenario();
    let fragment = link::write(&linked, &NativeCodec);
    assert!(fragment.starts_with(link::PREFIX));
    let saved_here = State::new(Lang::Sv, READ_TABLES).apply(Library::Save("Här".into()));
    let s = open(Opening {
        fragment: fragment.clone(),
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
            fragment: fragment.into(),
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
    assert_eq!(link::address(&s, &NativeCodec), None);
    let changed = s.apply(Edit::Type(Field::StateOffer, "6 000 000".into()));
    let fragment = link::address(&changed, &NativeCodec).unwrap();
    let back = link::read(&fragment, &NativeCodec)
        .unwrap()
        .and_then(|l| link::open(l, READ_TABLES))
        .unwrap();
    assert_eq!(back.scenario, changed.scenario);
    assert!(link::read("#other", &NativeCodec).is_none());
}
