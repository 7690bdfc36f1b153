#![cfg(not(target_arch = "wasm32"))]
//! What the page does with a saved state it cannot read (issue 17): it
//! says so, opens the default, and keeps the text aside under a key of its
//! own, whichever way the page was opened, so that the next autosave does
//! not write over it. The browser only reads and writes the keys; these
//! decisions are made here, as the page makes them.

use finsam_kalkyl::engine::{presets, Lang};
use finsam_kalkyl::state::persist::start::{self, aside_key, Aside, Opening, ASIDE_KEYS};
use finsam_kalkyl::state::persist::{link, NativeCodec, ReadError};
use finsam_kalkyl::state::{Edit, Field, Library, Notice, State, READ_TABLES};
use std::collections::HashMap;

fn open(opening: Opening) -> start::Opened {
    start::open(&opening, &NativeCodec, READ_TABLES)
}

/// A state saved by this version: Höglandet, a changed utrymme, one named
/// scenario.
fn readable() -> String {
    let state = State::from_preset("hoglandet-2023", Lang::Sv, READ_TABLES)
        .unwrap()
        .apply(Edit::Type(Field::StateOffer, "9 000 000".into()))
        .apply(Library::Save("A".into()));
    serde_json::to_string(&state.saved()).unwrap()
}

/// Texts this version cannot read, and why.
fn unreadable() -> [(String, ReadError); 3] {
    let good = readable();
    [
        (
            good.replace("\"version\":1", "\"version\":2"),
            ReadError::Version { found: 2, reads: 1 },
        ),
        (
            good.replace("\"mode\":\"key\"", "\"mode\":\"sideways\""),
            ReadError::Damaged,
        ),
        (good[..good.len() / 2].to_string(), ReadError::NotJson),
    ]
}

/// A saved state whose budget is not on this page (a budget file another
/// page of the site opened) is readable: the default opens without a word,
/// with this browser's named scenarios, and nothing is set aside.
#[test]
fn a_saved_state_of_a_budget_not_here_opens_the_default_and_keeps_the_rest() {
    let text = readable().replace("hoglandet-2023", "budget-2025.csv");
    let opened = open(with_saved(&text));
    assert_eq!(opened.state.notice, None);
    assert_eq!(opened.state.source.id(), presets::DEFAULT_PRESET);
    assert_eq!(opened.state.named.len(), 1);
    assert!(!opened.set_aside);
}

fn with_saved(saved: &str) -> Opening {
    Opening {
        saved: Some(saved.into()),
        storage_writable: true,
        ..Opening::default()
    }
}

#[test]
fn an_unreadable_saved_state_is_said_set_aside_and_the_default_opens() {
    for (text, why) in unreadable() {
        let opened = open(with_saved(&text));
        assert_eq!(
            opened.state.notice.as_deref(),
            Some(&Notice::BadSaved(why)),
            "{text}"
        );
        assert_eq!(opened.state.source.id(), presets::DEFAULT_PRESET);
        assert!(opened.set_aside, "{text}");
    }
}

#[test]
fn a_readable_saved_state_or_none_is_not_set_aside() {
    let opened = open(with_saved(&readable()));
    assert_eq!(opened.state.source.id(), "hoglandet-2023");
    assert_eq!(opened.state.notice, None);
    assert!(!opened.set_aside);
    let opened = open(Opening {
        storage_writable: true,
        ..Opening::default()
    });
    assert!(!opened.set_aside);
}

#[test]
fn a_link_or_a_preset_opens_but_an_unreadable_saved_state_is_still_set_aside() {
    let linked = State::from_preset("hoglandet-2023", Lang::Sv, READ_TABLES)
        .unwrap()
        .apply(Edit::Type(Field::StateOffer, "9 000 000".into()));
    let json = link::json(&linked, &NativeCodec);
    for (text, _) in unreadable() {
        // The link opens as if nothing were saved: its own scenario, no word
        // about what was saved, and no named scenarios from it.
        let opened = open(Opening {
            link: Some(Ok(json.clone())),
            ..with_saved(&text)
        });
        assert_eq!(opened.state.scenario, linked.scenario);
        assert_eq!(opened.state.notice, None);
        assert!(opened.state.named.is_empty());
        assert!(opened.set_aside, "link: {text}");
        // A preset asked for opens without reading what was saved; the page
        // would still save over it.
        let opened = open(Opening {
            preset: Some("hoglandet-2023".into()),
            ..with_saved(&text)
        });
        assert_eq!(opened.state.source.id(), "hoglandet-2023");
        assert!(opened.set_aside, "preset: {text}");
    }
    for opening in [
        Opening {
            link: Some(Ok(json.clone())),
            ..with_saved(&readable())
        },
        Opening {
            preset: Some("hoglandet-2023".into()),
            ..with_saved(&readable())
        },
    ] {
        assert!(!open(opening).set_aside);
    }
}

#[test]
fn open_page_is_what_open_opens() {
    for (text, _) in unreadable() {
        let opening = with_saved(&text);
        let state = start::open_page(&opening, &NativeCodec, READ_TABLES);
        assert_eq!(state.notice, open(opening).state.notice);
    }
}

#[test]
fn an_unreadable_copy_goes_to_the_first_free_key_and_is_never_written_over() {
    let key = |n: usize| ASIDE_KEYS[n - 1];
    let mut storage: HashMap<String, String> = HashMap::new();
    let keep = |text: &str, storage: &mut HashMap<String, String>| {
        let answer = aside_key(text, |k| storage.get(k).cloned());
        if let Aside::Keep(k) = &answer {
            storage.insert(k.to_string(), text.into());
        }
        answer
    };
    assert_eq!(keep("first", &mut storage), Aside::Keep(key(1)));
    // The same text again (the page opened twice before a save) is kept once.
    assert_eq!(keep("first", &mut storage), Aside::Kept);
    assert_eq!(keep("second", &mut storage), Aside::Keep(key(2)));
    for n in 3..=5 {
        assert_eq!(keep(&format!("copy {n}"), &mut storage), Aside::Keep(key(n)));
    }
    // Every key holds a copy: none is written over.
    assert_eq!(keep("sixth", &mut storage), Aside::NoRoom);
    assert_eq!(storage.len(), 5);
    assert_eq!(storage[key(1)], "first");
    // Aside keys are never the key the page saves under, nor each other.
    assert!(ASIDE_KEYS.iter().all(|k| !k.starts_with("finsam-kalkyl/v1")));
    assert!(ASIDE_KEYS
        .iter()
        .enumerate()
        .all(|(i, k)| !ASIDE_KEYS[..i].contains(k)));
}
