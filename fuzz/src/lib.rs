//! What the fuzz targets share: the seed tables, a memoised preset reader,
//! and the invariants every budget, scenario and state must keep. A broken
//! invariant panics, so libFuzzer reports it as a crash with its input.

// An overflow must be a crash the fuzzer reports, not a silent wrap: the
// profile in Cargo.toml turns debug assertions and overflow checks on.
#[cfg(not(debug_assertions))]
compile_error!("the fuzz targets must be built with debug assertions and overflow checks on");

pub mod gen;
pub mod persist;
pub mod table;
pub mod targets;
pub mod words;

/// The page's slider geometry (`src/ui/slider.rs`, pure but compiled only
/// for the page): a link or a saved state sets the values it is drawn from.
#[path = "../../src/ui/slider.rs"]
pub mod slider;

use finsam_kalkyl::engine::analysis::ColumnFigures;
use finsam_kalkyl::engine::explain::explain;
use finsam_kalkyl::engine::presets::{Preset, PRESETS};
use finsam_kalkyl::engine::scenario::{visible_findings, CostChange, CostEdit, NewInsats, ScenarioOutcome};
use finsam_kalkyl::engine::{
    analyse, money::MAX_AMOUNT, report, run_scenario, Analysis, Budget, Change, Finding, Lang, MemberRef,
    Mode, Options, Scenario, SwedishFormat,
};
use finsam_kalkyl::state::{Edit, Field, PresetReader, State, READ_TABLES};
use finsam_kalkyl::words::{ask_note, describe, Say};
use rust_decimal::Decimal;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

pub const LANGS: [Lang; 2] = [Lang::Sv, Lang::En];

/// `READ_TABLES`, memoised: the same budgets, without importing a preset's
/// table again on every input (it is most of an input's time otherwise).
pub const PRESET_READER: PresetReader = PresetReader(cached_preset);

fn cached_preset(preset: &Preset) -> Option<Budget> {
    static CACHE: OnceLock<Vec<Option<Budget>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| PRESETS.iter().map(|p| (READ_TABLES.0)(p)).collect());
    let i = PRESETS.iter().position(|p| p.id == preset.id)?;
    cache[i].clone()
}

/// Each preset's budget and baseline analysis, computed once.
pub fn preset_baselines() -> &'static [(Budget, Analysis)] {
    static CACHE: OnceLock<Vec<(Budget, Analysis)>> = OnceLock::new();
    CACHE.get_or_init(|| {
        PRESETS
            .iter()
            .map(|p| {
                let budget = cached_preset(p).expect("every preset imports");
                let base = analyse(&budget, &Options::default());
                (budget, base)
            })
            .collect()
    })
}

/// Every finding worded in both languages: wording must never panic.
pub fn word_findings(findings: &[Finding]) {
    for f in findings {
        for lang in LANGS {
            let _ = f.message(lang, &SwedishFormat);
        }
    }
}

/// Equal to well under an öre. `Decimal` keeps 28 significant digits, so
/// amounts given to 20-odd decimal places (a link or a JSON file can carry
/// them) lose their last digits when added; anything people write is exact.
pub fn near(a: Decimal, b: Decimal) -> bool {
    a.checked_sub(b).is_some_and(|d| d.abs() <= Decimal::new(1, 12))
}

/// closing = opening + income − costs, and the totals are their parts, on
/// every column.
pub fn check_columns(columns: &[ColumnFigures]) {
    for c in columns {
        let kommuner: Decimal = c.kommuner.iter().copied().sum();
        let why = |what: &str| format!("{what} in {}: {c:?}", c.label);
        assert!(
            near(c.members_total, c.state + c.region + kommuner),
            "{}",
            why("members total")
        );
        assert!(near(c.result, c.income_total - c.costs), "{}", why("result"));
        assert!(
            near(c.closing_equity, c.opening_equity + c.income_total - c.costs),
            "{}",
            why("equity identity")
        );
    }
}

pub fn check_analysis(base: &Analysis) {
    check_columns(&base.columns);
    word_findings(&base.findings);
    for pair in base.chain.windows(2) {
        assert!(
            base.columns[pair[0]].year < base.columns[pair[1]].year,
            "the chain is one column a year, in year order"
        );
    }
}

/// The scenario's outcome against its baseline: the equity identity on
/// every column, actuals untouched, and in every changed column Finsam § 5
/// (the state's change is the region's plus the kommuner's, and those two
/// are equal) with nobody paying more than it offered or less than zero.
pub fn check_outcome(base: &Analysis, scenario: Option<&Scenario>, outcome: &ScenarioOutcome) {
    assert_eq!(outcome.columns.len(), base.columns.len());
    check_columns(&outcome.columns);
    word_findings(&outcome.findings);
    for (b, s) in base.columns.iter().zip(&outcome.columns) {
        if !b.kind.is_planned() {
            assert_eq!(
                (b.state, b.region, &b.kommuner, b.costs),
                (s.state, s.region, &s.kommuner, s.costs),
                "an actual changed: {}",
                b.label
            );
        }
    }
    for m in &outcome.matches {
        let (paid, offers, was) = (&m.matched.paid, &m.offers, &m.base);
        let label = &outcome.columns[m.column].label;
        let context = || format!("{label}: {m:?}\nscenario: {scenario:?}");
        assert!(
            paid.state <= offers.state,
            "state pays past its offer in {}",
            context()
        );
        assert!(
            paid.region <= offers.region,
            "region pays past its offer in {}",
            context()
        );
        for (p, o) in paid.kommuner.iter().zip(&offers.kommuner) {
            assert!(p <= o, "a kommun pays past its offer in {}", context());
            assert!(
                *p >= Decimal::ZERO,
                "a kommun pays less than nothing in {}",
                context()
            );
        }
        assert!(
            paid.state >= Decimal::ZERO && paid.region >= Decimal::ZERO,
            "a party pays less than nothing in {}",
            context()
        );
        let (k, k0) = (paid.kommuner_total(), was.kommuner_total());
        let on_change = near(paid.state - was.state, (paid.region - was.region) + (k - k0))
            && near(paid.region - was.region, k - k0);
        let from_scratch = near(paid.state, paid.region + k) && near(paid.region, k);
        assert!(on_change || from_scratch, "§ 5 split broken in {}", context());
        assert!(
            near(
                m.matched.unmatched_total() + paid.region + k,
                offers.region + offers.kommuner_total()
            ),
            "unmatched is what was offered and not paid, in {}",
            context()
        );
        let col = &outcome.columns[m.column];
        assert_eq!(
            (col.state, col.region, &col.kommuner),
            (paid.state, paid.region, &paid.kommuner)
        );
    }
}

/// Everything the page and the CLI do with an outcome that could panic.
pub fn show_outcome(base: &Analysis, scenario: &Scenario, outcome: &ScenarioOutcome) {
    let columns: Vec<usize> = (0..base.columns.len()).collect();
    let headline = explain(base, scenario, outcome);
    for lang in LANGS {
        let _ = report::rows(base, &outcome.columns, &columns, lang);
        let _ = describe(base, scenario, outcome.from_year, lang, &SwedishFormat);
        let _ = headline.lever.say(lang, &SwedishFormat);
        let _ = headline.shortfall.as_ref().map(|s| s.say(lang, &SwedishFormat));
        for ask in &headline.asks {
            let _ = ask_note(ask, lang, &SwedishFormat);
        }
    }
    let _ = visible_findings(&[], base, outcome);
    let _ = outcome.first_deficit_year(base);
    let _ = outcome.first_negative_equity_year(base);
}

/// Runs one scenario and checks it, or words its refusal.
pub fn run_checked(
    budget: &Budget,
    base: &Analysis,
    scenario: &Scenario,
    options: &Options,
) -> Option<ScenarioOutcome> {
    match run_scenario(budget, base, scenario, options) {
        Ok(outcome) => {
            check_outcome(base, Some(scenario), &outcome);
            show_outcome(base, scenario, &outcome);
            Some(outcome)
        }
        Err(e) => {
            for lang in LANGS {
                let _ = e.say(lang, &SwedishFormat);
            }
            None
        }
    }
}

/// Scenarios at the edges of what the page lets a person type, for any
/// budget a door let in: the limits of every percentage and amount over
/// every year of the budget.
pub fn edge_scenarios(base: &Analysis) -> Vec<Scenario> {
    let max = Decimal::from(MAX_AMOUNT);
    let years = base.columns.iter().map(|c| c.year);
    let (first, last) = (years.clone().min().unwrap_or(0), years.max().unwrap_or(0));
    let kommun = base.kommun_names.first().cloned().map(MemberRef::Kommun);
    let line = |i: usize| base.cost_lines.get(i).map(|l| l.label.clone());
    let mut high = Scenario {
        step_up_pct: Some(Decimal::ONE_HUNDRED),
        cost_index_pct: Some(Decimal::ONE_HUNDRED),
        interest_pct: Some(Decimal::from(50)),
        utilisation_pct: Some(Decimal::from(200)),
        state_offer: Some(max),
        new_insatser: vec![NewInsats {
            name: "x".into(),
            yearly: max,
            start: first,
            end: last,
        }],
        cost_changes: line(0)
            .map(|line| CostChange {
                line,
                edit: CostEdit::Percent(Decimal::from(1000)),
            })
            .into_iter()
            .collect(),
        ..Scenario::default()
    };
    if let Some(k) = kommun.clone() {
        high = high.with_change(k, Change::Kr(max));
    }
    let low = Scenario {
        mode: Mode::Alone,
        region_follows: false,
        step_up_pct: Some(Decimal::from(-50)),
        cost_index_pct: Some(Decimal::from(-50)),
        interest_pct: Some(Decimal::from(-20)),
        utilisation_pct: Some(Decimal::ZERO),
        state_offer: Some(Decimal::ZERO),
        cost_changes: line(1)
            .map(|line| CostChange {
                line,
                edit: CostEdit::Kr(-max),
            })
            .into_iter()
            .collect(),
        ..Scenario::default()
    }
    .with_change(MemberRef::Region, Change::Percent(Decimal::from(-100)));
    let mut out = vec![Scenario::default(), high, low];
    if let Some(k) = kommun {
        out.push(Scenario::default().with_change(k, Change::Percent(Decimal::from(1000))));
    }
    out.push(Scenario {
        from_year: Some(last),
        ..Scenario::default()
    });
    out
}

/// Everything that follows a budget through a door: the baseline, its
/// findings and table, and the edge scenarios. A zero scenario changes
/// nothing when every contribution is at least zero.
pub fn exercise_budget(budget: &Budget) {
    let options = Options::default();
    let base = analyse(budget, &options);
    check_analysis(&base);
    let columns: Vec<usize> = (0..base.columns.len()).collect();
    let _ = report::rows(&base, &base.columns, &columns, Lang::Sv);
    for scenario in edge_scenarios(&base) {
        let Some(outcome) = run_checked(budget, &base, &scenario, &options) else {
            continue;
        };
        let paying = |c: &ColumnFigures| {
            c.state >= Decimal::ZERO
                && c.region >= Decimal::ZERO
                && c.kommuner.iter().all(|k| *k >= Decimal::ZERO)
        };
        if scenario == Scenario::default() && base.columns.iter().all(paying) {
            for (b, s) in base.columns.iter().zip(&outcome.columns) {
                assert_eq!(
                    b.closing_equity, s.closing_equity,
                    "a zero scenario changed {}",
                    b.label
                );
                assert_eq!(
                    b.members_total, s.members_total,
                    "a zero scenario changed {}",
                    b.label
                );
            }
        }
    }
}

/// A state a door opened: its outcome holds, every control works, and
/// what it would write back (the saved state, the link in both formats)
/// reads back to the same state.
pub fn check_state(state: &State) {
    check_analysis(&state.base);
    check_outcome(&state.base, Some(&state.scenario), &state.outcome);
    word_findings(&state.findings().into_iter().cloned().collect::<Vec<_>>());
    // The controls the page draws from this state, and a step on each.
    let fields = [
        Field::StateOffer,
        Field::Region,
        Field::StepUp,
        Field::Utilisation,
    ]
    .into_iter()
    .chain([Field::CostIndex, Field::Interest, Field::Guideline])
    .chain((0..state.base.kommun_names.len().min(3)).map(Field::Kommun))
    .chain((0..state.base.cost_lines.len().min(3)).map(Field::CostLine));
    for field in fields {
        let (current, baseline) = (state.current_value(field), state.baseline_value(field));
        // Percentages are typed, one percentage point a step; amounts have
        // the slider's step and range, drawn from these values.
        let step = if field.is_percent() {
            Decimal::ONE
        } else {
            let geometry = slider::slider(baseline, current);
            assert!(geometry.min <= geometry.max, "slider of {field:?}: {geometry:?}");
            geometry.step
        };
        let stepped = state.apply(Edit::Step(field, step));
        check_outcome(&stepped.base, Some(&stepped.scenario), &stepped.outcome);
    }
    persist::check_round_trips(state);
}
