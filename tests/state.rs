#![cfg(not(target_arch = "wasm32"))]
//! The calculator's reducer, driven as the page drives it.

use finsam_kalkyl::engine::{Lang, Mode};
use finsam_kalkyl::state::{Action, Field, InputError, State};
use rust_decimal::Decimal;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn total_2024(s: &State) -> Decimal {
    s.outcome.columns[s.start_column().unwrap()].members_total
}

const HABO: Field = Field::Kommun(0);

#[test]
fn opens_on_the_default_preset_at_the_baseline() {
    let s = State::new(Lang::Sv);
    assert_eq!(s.outcome.from_year, 2024);
    assert_eq!(total_2024(&s), d(11_172_000));
    assert_eq!(s.current_value(HABO), d(204_600));
    assert_eq!(s.current_value(Field::StateOffer), d(5_586_000));
    assert!(!s.is_changed());
}

#[test]
fn a_leading_plus_raises_the_value_typing_began_from() {
    let mut s = State::new(Lang::Sv).apply(Action::Type(Field::StateOffer, "6 000 000".into()));
    // Typed key by key, each prefix relative to 204 600, not to the last.
    for prefix in ["+", "+1", "+10", "+10 ", "+10 0", "+10 00", "+10 000"] {
        s = s.apply(Action::Type(HABO, prefix.into()));
    }
    assert_eq!(s.current_value(HABO), d(214_600));
    assert_eq!(total_2024(&s), d(11_172_000 + 4 * 136_510));
    let s = s.apply(Action::Blur(HABO));
    assert!(s.draft(HABO).is_none());
}

#[test]
fn key_bound_moves_every_kommun_and_alone_keeps_each_change() {
    let s = State::new(Lang::Sv).apply(Action::Type(Field::StateOffer, "9 000 000".into()));
    let key = s.apply(Action::Type(HABO, "214 600".into()));
    assert!(key.current_value(Field::Kommun(1)) > d(2_243_200));
    // A new key-bound change replaces the first: Jönköping's own amount.
    let key = key.apply(Action::Type(Field::Kommun(1), "2 300 000".into()));
    assert_eq!(key.current_value(Field::Kommun(1)), d(2_300_000));
    assert_eq!(key.scenario.changes.len(), 1);

    let alone = s.apply(Action::SetMode(Mode::Alone));
    let alone = alone.apply(Action::Type(HABO, "214 600".into()));
    let alone = alone.apply(Action::Type(Field::Kommun(2), "126 200".into()));
    assert_eq!(alone.current_value(HABO), d(214_600));
    assert_eq!(alone.current_value(Field::Kommun(2)), d(126_200));
    assert_eq!(alone.current_value(Field::Kommun(1)), d(2_243_200));
    assert_eq!(total_2024(&alone), d(11_172_000 + 80_000));
    // Back to key-bound: the kommun side moves as one, so one change stays.
    let back = alone.apply(Action::SetMode(Mode::Key));
    assert_eq!(back.scenario.changes.len(), 1);
}

#[test]
fn steps_and_the_slider_grid_pass_through_the_baseline() {
    let s = State::new(Lang::Sv);
    assert_eq!(s.step(HABO), d(10_000));
    assert_eq!(s.slider_min(HABO), d(4_600));
    assert_eq!(
        (s.slider_max(HABO) - s.slider_min(HABO)) % s.step(HABO),
        d(0)
    );
    assert!(s.slider_max(HABO) >= d(409_200));
    let up = s.apply(Action::Step(HABO, 1)).apply(Action::Step(HABO, 1));
    assert_eq!(up.current_value(HABO), d(224_600));
    let down = up.apply(Action::Set(HABO, d(194_600)));
    assert_eq!(down.current_value(HABO), d(194_600));
    assert_eq!(s.step(Field::StateOffer), d(200_000));
}

#[test]
fn bad_input_is_kept_with_its_error_and_the_scenario_stays() {
    let good = State::new(Lang::Sv)
        .apply(Action::Type(Field::StateOffer, "6 000 000".into()))
        .apply(Action::Type(HABO, "214 600".into()));
    for text in ["abc", "", "-5 000", "99 999 999 999 999", "1,2,3"] {
        let s = good.apply(Action::Type(HABO, text.into()));
        let draft = s.draft(HABO).unwrap();
        assert_eq!(draft.text, text);
        assert!(draft.error.is_some(), "{text}");
        assert_eq!(s.scenario, good.scenario, "{text}");
        assert_eq!(s.outcome, good.outcome, "{text}");
        // Leaving the field keeps the text and its message in place.
        assert!(s.apply(Action::Blur(HABO)).draft(HABO).is_some());
    }
    let s = good.apply(Action::Type(HABO, "-5 000".into()));
    assert!(matches!(
        s.draft(HABO).unwrap().error,
        Some(InputError::Scenario(_))
    ));
    let s = good.apply(Action::Type(Field::StateOffer, "-1".into()));
    assert!(s.draft(Field::StateOffer).unwrap().error.is_some());
    let s = good.apply(Action::Type(Field::StepUp, "200".into()));
    assert!(s.draft(Field::StepUp).unwrap().error.is_some());
}

#[test]
fn reset_language_and_presets() {
    let s = State::new(Lang::Sv).apply(Action::Type(HABO, "+10 000".into()));
    assert!(s.is_changed());
    let s = s.apply(Action::SetLang(Lang::En)).apply(Action::Reset);
    assert_eq!(s.lang, Lang::En);
    assert!(!s.is_changed());
    assert_eq!(s.current_value(HABO), d(204_600));
    let h = s.apply(Action::LoadPreset("hoglandet-2023".into()));
    assert_eq!(h.outcome.from_year, 2023);
    assert_eq!(h.lang, Lang::En);
    assert_eq!(h.base.kommun_names.len(), 6);
    let unknown = h.apply(Action::LoadPreset("nowhere".into()));
    assert_eq!(unknown, h);
    let from = s.apply(Action::SetFromYear(2025));
    assert_eq!(from.outcome.from_year, 2025);
    assert_eq!(s.from_years(), vec![2023, 2024, 2025, 2026]);
}

#[test]
fn a_step_up_moves_every_offer_and_typed_amounts_still_land() {
    let s = State::new(Lang::Sv)
        .apply(Action::Type(Field::StateOffer, "20 000 000".into()))
        .apply(Action::Type(Field::StepUp, "10".into()));
    assert_eq!(s.current_value(HABO), d(225_060));
    let s = s.apply(Action::Type(HABO, "250 000".into()));
    assert_eq!(s.current_value(HABO), d(250_000));
}
