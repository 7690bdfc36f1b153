//! The body of each fuzz target, here so that `examples/replay.rs` runs
//! exactly what the fuzzer ran on a saved input.

use crate::gen::{Amount, Pct, ScenarioInput, Source};
use crate::table::Damage;
use crate::{
    check_analysis, check_outcome, check_state, exercise_budget, preset_baselines, run_checked,
    word_findings, LANGS, PRESET_READER, TABLES,
};
use arbitrary::Arbitrary;
use finsam_kalkyl::engine::money::MAX_AMOUNT;
use finsam_kalkyl::engine::{
    analyse, import_bytes, import_file, planning, Budget, MemberRef, Options, SwedishFormat,
};
use finsam_kalkyl::state::persist::{link, read_budget, read_saved, NativeCodec, ReadError};
use finsam_kalkyl::state::Library;
use finsam_kalkyl::words::Say;
use rust_decimal::Decimal;

/// What an importer made of the bytes, checked either way.
fn imported(result: Result<finsam_kalkyl::engine::Imported, finsam_kalkyl::engine::ImportError>) {
    match result {
        Ok(imported) => {
            word_findings(&imported.findings);
            exercise_budget(&imported.budget);
        }
        Err(e) => {
            for lang in LANGS {
                let _ = e.message(lang);
            }
        }
    }
}

pub fn import_bytes_target(data: &[u8]) {
    imported(import_file(data));
}

pub fn import_cells_target(damage: &Damage) {
    imported(import_bytes(&damage.apply(TABLES)));
}

pub fn budget_json_target(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The CLI's reader and the page's (here with the native codec) take
    // the same budgets.
    let read = Budget::from_json(text);
    assert_eq!(
        read_budget(text, &NativeCodec).ok(),
        read.as_ref().ok().cloned(),
        "the page and the CLI read a budget alike"
    );
    match read {
        Ok(budget) => {
            let again = Budget::from_json(&budget.to_json()).expect("a budget the engine wrote reads back");
            assert_eq!(again, budget, "the JSON model round-trips");
            exercise_budget(&budget);
        }
        Err(e) => {
            for lang in LANGS {
                let _ = e.message(lang);
            }
        }
    }
}

/// A link or a saved state that could not be opened, worded as the page
/// words it.
fn refused(e: &ReadError) {
    for lang in LANGS {
        let _ = e.say(lang, &SwedishFormat);
    }
}

pub fn share_link_target(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // A whole fragment (`#s=…`) goes through the address's decoder, the
    // link's JSON straight to its parser, as the seeds hold both.
    let parsed = if text.starts_with('#') {
        let Some(read) = link::read(text, &NativeCodec) else {
            return;
        };
        read
    } else {
        link::parse(text, &NativeCodec)
    };
    match parsed.and_then(|l| link::open(l, PRESET_READER)) {
        Ok(state) => check_state(&state),
        Err(e) => refused(&e),
    }
}

pub fn saved_state_target(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let state = match read_saved(text, &NativeCodec, PRESET_READER) {
        Ok(state) => state,
        Err(e) => return refused(&e),
    };
    check_state(&state);
    for i in 0..state.named.len().min(8) {
        if let Some(outcome) = state.outcome_of(i) {
            check_outcome(&state.base, None, &outcome);
        }
        let opened = state.apply(Library::Load(i));
        check_outcome(&opened.base, Some(&opened.scenario), &opened.outcome);
        let _ = opened.apply(Library::Compare(0, Some(i)));
    }
    for id in state.imports.iter().take(4).map(|i| i.id.clone()) {
        check_state(&state.apply(Library::Open(id)));
    }
}

/// The scenario target's input: a budget, a scenario, the equity
/// guideline, and sometimes a floor for the goal seeks.
#[derive(Debug, Arbitrary)]
pub struct ScenarioCase {
    pub source: Source,
    pub scenario: ScenarioInput,
    pub guideline: Option<Pct>,
    pub goal_seek: Option<Amount>,
}

pub fn scenario_target(input: &ScenarioCase) {
    let presets = preset_baselines();
    let (preset_budget, preset_base) = &presets[input.source.preset as usize % presets.len()];
    let options = Options {
        equity_guideline_pct: input.guideline.map(|p| p.0),
    };
    let reshaped = input.source.reshape(preset_budget);
    let budget = reshaped.as_ref().unwrap_or(preset_budget);
    let fresh;
    let base = if reshaped.is_some() || options != Options::default() {
        fresh = analyse(budget, &options);
        check_analysis(&fresh);
        &fresh
    } else {
        preset_base
    };
    let scenario = input.scenario.build(base);
    let Some(outcome) = run_checked(budget, base, &scenario, &options) else {
        return;
    };
    if let Some(floor) = input.goal_seek {
        // The floor is typed (page and CLI), so parse_amount bounds it.
        let max = Decimal::from(MAX_AMOUNT);
        let floor = floor.0.clamp(-max, max);
        let _ = planning::room(budget, base, &scenario, &options, floor);
        let _ = planning::required_uniform(budget, base, &scenario, &options, floor, outcome.from_year);
        if let Some(k) = base.kommun_names.first() {
            let member = MemberRef::Kommun(k.clone());
            let _ = planning::required_of_member(budget, base, &scenario, &options, floor, &member, None);
        }
    }
}
