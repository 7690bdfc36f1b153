#![cfg(not(target_arch = "wasm32"))]
//! The calculator's reducer, driven as the page drives it.

use finsam_kalkyl::engine::{Code, Lang, Mode};
use finsam_kalkyl::state::persist::{link, read_saved, NativeCodec, ReadError};
use finsam_kalkyl::state::{
    Edit, Field, Import, InputError, Library, PresetReader, State, Travel, View, READ_TABLES,
};
use rust_decimal::Decimal;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

/// The state a link's JSON describes, as the page opens it.
fn from_link(json: &str, presets: PresetReader) -> Result<State, ReadError> {
    link::parse(json, &NativeCodec).and_then(|l| link::open(l, None, presets))
}

fn from_saved(json: &str, presets: PresetReader) -> Result<State, ReadError> {
    read_saved(json, &NativeCodec, presets)
}

fn total_2024(s: &State) -> Decimal {
    s.outcome.columns[s.start_column().unwrap()].members_total
}

const HABO: Field = Field::Kommun(0);

#[test]
fn opens_on_the_default_preset_at_the_baseline() {
    let s = State::new(Lang::Sv, READ_TABLES);
    assert_eq!(s.outcome.from_year, 2024);
    assert_eq!(total_2024(&s), d(11_172_000));
    assert_eq!(s.current_value(HABO), d(204_600));
    assert_eq!(s.current_value(Field::StateOffer), d(5_586_000));
    assert!(!s.is_changed());
}

#[test]
fn a_leading_plus_raises_the_value_typing_began_from() {
    let mut s = State::new(Lang::Sv, READ_TABLES).apply(Edit::Type(Field::StateOffer, "6 000 000".into()));
    // Typed key by key, each prefix relative to 204 600, not to the last.
    for prefix in ["+", "+1", "+10", "+10 ", "+10 0", "+10 00", "+10 000"] {
        s = s.apply(Edit::Type(HABO, prefix.into()));
    }
    assert_eq!(s.current_value(HABO), d(214_600));
    assert_eq!(total_2024(&s), d(11_172_000 + 4 * 136_510));
    let s = s.apply(Edit::Blur(HABO));
    assert!(s.draft(HABO).is_none());
}

#[test]
fn key_bound_moves_every_kommun_and_alone_keeps_each_change() {
    let s = State::new(Lang::Sv, READ_TABLES).apply(Edit::Type(Field::StateOffer, "9 000 000".into()));
    let key = s.apply(Edit::Type(HABO, "214 600".into()));
    assert!(key.current_value(Field::Kommun(1)) > d(2_243_200));
    // A new key-bound change replaces the first: Jönköping's own amount.
    let key = key.apply(Edit::Type(Field::Kommun(1), "2 300 000".into()));
    assert_eq!(key.current_value(Field::Kommun(1)), d(2_300_000));
    assert_eq!(key.scenario.changes.len(), 1);

    let alone = s.apply(Edit::Mode(Mode::Alone));
    let alone = alone.apply(Edit::Type(HABO, "214 600".into()));
    let alone = alone.apply(Edit::Type(Field::Kommun(2), "126 200".into()));
    assert_eq!(alone.current_value(HABO), d(214_600));
    assert_eq!(alone.current_value(Field::Kommun(2)), d(126_200));
    assert_eq!(alone.current_value(Field::Kommun(1)), d(2_243_200));
    assert_eq!(total_2024(&alone), d(11_172_000 + 80_000));
    // Back to key-bound: the kommun side moves as one, so one change stays.
    let back = alone.apply(Edit::Mode(Mode::Key));
    assert_eq!(back.scenario.changes.len(), 1);
}

/// The controls' slider geometry: pure, so it is tested here although the
/// rest of `ui` is built for wasm only.
#[path = "../src/ui/slider.rs"]
mod slider;

#[test]
fn steps_and_the_slider_grid_pass_through_the_baseline() {
    let s = State::new(Lang::Sv, READ_TABLES);
    let habo = slider::slider(s.baseline_value(HABO), s.current_value(HABO));
    assert_eq!(habo.step, d(10_000));
    assert_eq!(habo.min, d(4_600));
    assert_eq!((habo.max - habo.min) % habo.step, d(0));
    assert!(habo.max >= d(409_200));
    let up = s
        .apply(Edit::Step(HABO, habo.step))
        .apply(Edit::Step(HABO, habo.step));
    assert_eq!(up.current_value(HABO), d(224_600));
    let down = up.apply(Edit::Set(HABO, d(194_600)));
    assert_eq!(down.current_value(HABO), d(194_600));
    let state = slider::slider(
        s.baseline_value(Field::StateOffer),
        s.current_value(Field::StateOffer),
    );
    assert_eq!(state.step, d(200_000));
}

#[test]
fn bad_input_is_kept_with_its_error_and_the_scenario_stays() {
    let good = State::new(Lang::Sv, READ_TABLES)
        .apply(Edit::Type(Field::StateOffer, "6 000 000".into()))
        .apply(Edit::Type(HABO, "214 600".into()));
    for text in ["abc", "", "-5 000", "99 999 999 999 999", "1,2,3"] {
        let s = good.apply(Edit::Type(HABO, text.into()));
        let draft = s.draft(HABO).unwrap();
        assert_eq!(draft.text, text);
        assert!(draft.error.is_some(), "{text}");
        assert_eq!(s.scenario, good.scenario, "{text}");
        assert_eq!(s.outcome, good.outcome, "{text}");
        // Leaving the field keeps the text and its message in place.
        assert!(s.apply(Edit::Blur(HABO)).draft(HABO).is_some());
    }
    let s = good.apply(Edit::Type(HABO, "-5 000".into()));
    assert!(matches!(
        s.draft(HABO).unwrap().error,
        Some(InputError::Scenario(_))
    ));
    let s = good.apply(Edit::Type(Field::StateOffer, "-1".into()));
    assert!(s.draft(Field::StateOffer).unwrap().error.is_some());
    let s = good.apply(Edit::Type(Field::StepUp, "200".into()));
    assert!(s.draft(Field::StepUp).unwrap().error.is_some());
}

#[test]
fn reset_language_and_presets() {
    let s = State::new(Lang::Sv, READ_TABLES).apply(Edit::Type(HABO, "+10 000".into()));
    assert!(s.is_changed());
    let s = s.apply(View::Lang(Lang::En)).apply(Edit::Reset);
    assert_eq!(s.lang, Lang::En);
    assert!(!s.is_changed());
    assert_eq!(s.current_value(HABO), d(204_600));
    let h = s.apply(Library::Open("hoglandet-2023".into()));
    assert_eq!(h.outcome.from_year, 2023);
    assert_eq!(h.lang, Lang::En);
    assert_eq!(h.base.kommun_names.len(), 6);
    let unknown = h.apply(Library::Open("nowhere".into()));
    assert_eq!(unknown, h);
    let from = s.apply(Edit::FromYear(2025));
    assert_eq!(from.outcome.from_year, 2025);
    assert_eq!(s.from_years(), vec![2023, 2024, 2025, 2026]);
}

#[test]
fn a_step_up_moves_every_offer_and_typed_amounts_still_land() {
    let s = State::new(Lang::Sv, READ_TABLES)
        .apply(Edit::Type(Field::StateOffer, "20 000 000".into()))
        .apply(Edit::Type(Field::StepUp, "10".into()));
    assert_eq!(s.current_value(HABO), d(225_060));
    let s = s.apply(Edit::Type(HABO, "250 000".into()));
    assert_eq!(s.current_value(HABO), d(250_000));
}

#[test]
fn undo_and_redo_take_whole_edits() {
    let s = State::new(Lang::Sv, READ_TABLES)
        .apply(Edit::Type(Field::StateOffer, "6 000 000".into()))
        .apply(Edit::Blur(Field::StateOffer));
    // Seven keystrokes in Habo's field: one step.
    let mut typed = s.clone();
    for prefix in ["+", "+1", "+10", "+10 ", "+10 0", "+10 00", "+10 000"] {
        typed = typed.apply(Edit::Type(HABO, prefix.into()));
    }
    let stepped = typed.apply(Edit::Blur(HABO)).apply(Edit::Step(HABO, d(10_000)));
    assert_eq!(stepped.current_value(HABO), d(224_600));
    let u1 = stepped.apply(Travel::Undo);
    assert_eq!(u1.current_value(HABO), d(214_600));
    let u2 = u1.apply(Travel::Undo);
    assert_eq!(u2.current_value(HABO), d(204_600));
    assert_eq!(u2.current_value(Field::StateOffer), d(6_000_000));
    let u3 = u2.apply(Travel::Undo);
    assert_eq!(u3.current_value(Field::StateOffer), d(5_586_000));
    assert_eq!(u3.apply(Travel::Undo), u3, "nothing left to undo");
    let r = u3.apply(Travel::Redo).apply(Travel::Redo).apply(Travel::Redo);
    assert_eq!(r.current_value(HABO), d(224_600));
    assert_eq!(r.scenario, stepped.scenario);
    // A new change after an undo drops the redo branch.
    let branched = u1.apply(Edit::Mode(Mode::Alone));
    assert!(!branched.history.can_redo());
}

#[test]
fn named_scenarios_save_load_rename_delete_and_compare() {
    let s = State::new(Lang::Sv, READ_TABLES).apply(Edit::Type(Field::StateOffer, "6 000 000".into()));
    let a = s
        .apply(Edit::Type(HABO, "214 600".into()))
        .apply(Library::Save("Förslag A".into()));
    let b = a
        .apply(Edit::Mode(Mode::Alone))
        .apply(Edit::Type(HABO, "224 600".into()))
        .apply(Library::Save("  Förslag B ".into()));
    assert_eq!(b.named_here().len(), 2);
    assert_eq!(b.named[1].name, "Förslag B");
    let b = b
        .apply(Library::Compare(0, Some(0)))
        .apply(Library::Compare(1, Some(1)));
    let (oa, ob) = (b.outcome_of(0).unwrap(), b.outcome_of(1).unwrap());
    let i = b.start_column().unwrap();
    assert_eq!(oa.columns[i].members_total, d(11_172_000 + 4 * 136_510));
    assert_eq!(ob.columns[i].members_total, d(11_172_000 + 4 * 20_000));
    let loaded = b.apply(Library::Load(0));
    assert_eq!(loaded.scenario, a.scenario);
    let renamed = loaded.apply(Library::Rename(0, "Förslag Ett".into()));
    assert_eq!(renamed.named[0].name, "Förslag Ett");
    assert_eq!(
        renamed.apply(Library::Rename(0, "   ".into())).named[0].name,
        "Förslag Ett"
    );
    let deleted = renamed.apply(Library::Delete(0));
    assert_eq!(deleted.named.len(), 1);
    assert_eq!(deleted.compare, [None, Some(0)]);
    // Saving an existing name replaces it; other budgets keep their own.
    let again = deleted.apply(Library::Save("Förslag B".into()));
    assert_eq!(again.named.len(), 1);
    let other = again.apply(Library::Open("hoglandet-2023".into()));
    assert_eq!(other.named.len(), 1);
    assert!(other.named_here().is_empty());
}

#[test]
fn opening_a_saved_state_or_a_link_reads_only_its_own_budget() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    // Only this test reads through it, so the count is this test's own.
    static READS: AtomicUsize = AtomicUsize::new(0);
    const COUNTING: PresetReader = PresetReader(|p| {
        READS.fetch_add(1, Ordering::SeqCst);
        (READ_TABLES.0)(p)
    });
    let s = State::from_preset("hoglandet-2023", Lang::Sv, READ_TABLES)
        .unwrap()
        .apply(Edit::Type(Field::StateOffer, "9 000 000".into()));
    let saved = serde_json::to_string(&s.saved()).unwrap();
    let link = serde_json::to_string(&s.link()).unwrap();
    type Open = fn(&str, PresetReader) -> Result<State, ReadError>;
    for (open, json) in [(from_saved as Open, &saved), (from_link, &link)] {
        READS.store(0, Ordering::SeqCst);
        let back = open(json, COUNTING).unwrap();
        assert_eq!(back.outcome, s.outcome);
        // Not the default preset first, only to be replaced.
        assert_eq!(READS.load(Ordering::SeqCst), 1);
    }
}

#[test]
fn saved_state_and_links_round_trip_and_refuse_damage() {
    let s = State::new(Lang::En, READ_TABLES)
        .apply(Edit::Type(Field::StateOffer, "6 000 000".into()))
        .apply(Edit::Mode(Mode::Alone))
        .apply(Edit::Type(HABO, "214 600".into()))
        .apply(Edit::FromYear(2025))
        .apply(Library::Save("A".into()));
    let json = serde_json::to_string(&s.saved()).unwrap();
    let back = from_saved(&json, READ_TABLES).unwrap();
    assert_eq!(back.scenario, s.scenario);
    assert_eq!(back.outcome, s.outcome);
    assert_eq!(back.named, s.named);
    assert_eq!(back.lang, Lang::En);
    let link = serde_json::to_string(&s.link()).unwrap();
    let opened = from_link(&link, READ_TABLES).unwrap();
    assert_eq!(opened.outcome, s.outcome);

    // The equity guideline travels too, and its finding with it.
    let g = s.apply(Edit::Type(Field::Guideline, "10".into()));
    assert!(g.base.findings.iter().any(|f| f.code == Code::EquityHigh));
    for back in [
        from_saved(&serde_json::to_string(&g.saved()).unwrap(), READ_TABLES).unwrap(),
        from_link(&serde_json::to_string(&g.link()).unwrap(), READ_TABLES).unwrap(),
    ] {
        assert_eq!(back.options.equity_guideline_pct, Some(Decimal::from(10)));
        assert_eq!(back.base, g.base);
    }
    // Without one, the field is left out, so older saves read the same.
    assert!(!json.contains("guideline"));

    for bad in [
        "",
        "not json",
        "{}",
        r#"{"v":2,"preset":"sodra-vatterbygden-2024","lang":"sv","scenario":{}}"#,
        r#"{"v":1,"preset":"nowhere","lang":"sv","scenario":{}}"#,
        r#"{"v":1,"preset":"sodra-vatterbygden-2024","lang":"sv","scenario":{"changes":[{"member":{"kommun":"Ydre kommun"},"change":{"kr":"1"}}]}}"#,
        r#"{"v":1,"preset":"sodra-vatterbygden-2024","lang":"sv","scenario":{"state_offer":"-5"}}"#,
        r#"{"v":1,"preset":"sodra-vatterbygden-2024","lang":"sv","scenario":{},"guideline":"-10"}"#,
    ] {
        assert!(from_link(bad, READ_TABLES).is_err(), "{bad}");
    }
    assert!(from_saved(&json.replace("\"version\":1", "\"version\":9"), READ_TABLES).is_err());
    assert!(from_saved("{\"version\":1,", READ_TABLES).is_err());
}

#[test]
fn undo_after_typing_like_a_browser() {
    let mut s = State::new(Lang::Sv, READ_TABLES);
    for p in [
        "6",
        "6 ",
        "6 0",
        "6 00",
        "6 000",
        "6 000 ",
        "6 000 0",
        "6 000 00",
        "6 000 000",
    ] {
        s = s.apply(Edit::Type(Field::StateOffer, p.into()));
    }
    s = s.apply(Edit::Blur(Field::StateOffer));
    for p in ["+", "+1", "+10", "+10 ", "+10 0", "+10 00", "+10 000"] {
        s = s.apply(Edit::Type(HABO, p.into()));
    }
    s = s.apply(Edit::Blur(HABO));
    assert_eq!(total_2024(&s), d(11_718_040));
    let u = s.apply(Travel::Undo);
    assert_eq!(total_2024(&u), d(11_172_000));
    assert_eq!(u.current_value(Field::StateOffer), d(6_000_000));
}

/// The page gets imports from the import worker as an `ImportReply` (JSON):
/// every finding and error must read there exactly as the importer wrote it,
/// in both languages, and the preview must show them.
#[test]
fn an_import_through_the_workers_reply_reads_as_the_importer_wrote_it() {
    use finsam_kalkyl::engine::import::ImportReply;
    use finsam_kalkyl::engine::{import_table, SwedishFormat};
    let through_worker = |text: &str| {
        let json = serde_json::to_string(&ImportReply::new(import_table(text), &SwedishFormat)).unwrap();
        serde_json::from_str::<ImportReply>(&json).unwrap().into_result()
    };

    let table = "Förbundet;Budget 2024;Plan 2025\nHabo kommun;10 000;10 000\nStaten;20 000;20 000\n\
                 Region;5 000;fem tusen\nFIA;12 000;12 000\nEn rad ingen känner;1;2\n";
    let direct = import_table(table).unwrap();
    let sent = through_worker(table).unwrap();
    assert_eq!(sent.budget, direct.budget);
    assert!(!direct.findings.is_empty());
    assert_eq!(sent.findings.len(), direct.findings.len());
    for (a, b) in sent.findings.iter().zip(&direct.findings) {
        assert_eq!((a.severity, a.code), (b.severity, b.code));
        for lang in [Lang::Sv, Lang::En] {
            assert_eq!(a.message(lang, &SwedishFormat), b.message(lang, &SwedishFormat));
        }
    }
    let s = State::new(Lang::Sv, READ_TABLES).apply(Import::Table(None, Ok(sent)));
    let preview = s.preview.as_ref().unwrap().result.as_ref().unwrap();
    assert!(preview
        .import_findings
        .iter()
        .any(|f| f.code == Code::BadCell && f.message(Lang::Sv, &SwedishFormat).contains("fem tusen")));

    let bad = "Förbundet;Budget 2024\nHabo kommun;10 000\nRegion,5 000\n";
    let direct = import_table(bad).unwrap_err();
    let sent = through_worker(bad).unwrap_err();
    for lang in [Lang::Sv, Lang::En] {
        assert_eq!(sent.message(lang), direct.message(lang));
    }
    assert!(
        sent.message(Lang::Sv).starts_with("Rad 3"),
        "{}",
        sent.message(Lang::Sv)
    );
}
