#![cfg(not(target_arch = "wasm32"))]
//! Inputs the fuzz targets (fuzz/, FUZZING.md) found crashing or breaking
//! an invariant, each minimised and kept here with what must happen now.

use finsam_kalkyl::engine::matching::allocate;
use finsam_kalkyl::engine::money::MAX_AMOUNT;
use finsam_kalkyl::engine::scenario::{CostChange, CostEdit, NewInsats};
use finsam_kalkyl::engine::BudgetError;
use finsam_kalkyl::engine::{
    analyse, import_bytes, presets, run_scenario, Budget, Change, MemberRef, Options, Quantity, Scenario,
    ScenarioError,
};
use finsam_kalkyl::state::persist::{link, read_saved, NativeCodec, ReadError};
use finsam_kalkyl::state::READ_TABLES;
use rust_decimal::Decimal;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn run(budget: &Budget, scenario: &Scenario) -> Result<(), ScenarioError> {
    let base = analyse(budget, &Options::default());
    run_scenario(budget, &base, scenario, &Options::default()).map(|_| ())
}

/// import_bytes: a table the importer takes, over 61 years. A 100 % step-up
/// compounded to 2^61 and the kommun split came out at −42 509 186 470 872
/// kr; a few years more and `Decimal` overflowed (a panic in the page).
#[test]
fn a_step_up_compounded_past_the_limit_is_refused() {
    let budget = import_bytes(b";2023;;2083\ns kommun;1;;22430200\nl kommun;;;1")
        .expect("the importer reads it")
        .budget;
    let max = d(MAX_AMOUNT);
    let crashing = Scenario {
        state_offer: Some(max),
        step_up_pct: Some(d(100)),
        new_insatser: vec![NewInsats {
            name: "x".into(),
            yearly: max,
            start: 2023,
            end: 2083,
        }],
        utilisation_pct: Some(d(200)),
        cost_index_pct: Some(d(100)),
        interest_pct: Some(d(50)),
        ..Scenario::default()
    }
    .with_change(MemberRef::Kommun("s kommun".into()), Change::Kr(max));
    for scenario in [
        crashing,
        Scenario {
            step_up_pct: Some(d(100)),
            ..Scenario::default()
        },
        Scenario {
            cost_index_pct: Some(d(100)),
            ..Scenario::default()
        },
    ] {
        assert!(
            matches!(run(&budget, &scenario), Err(ScenarioError::AmountTooLarge { .. })),
            "{scenario:?}"
        );
    }
    // A plan of ordinary length still takes the largest step-up.
    let preset = presets::find("sodra-vatterbygden-2024")
        .unwrap()
        .load()
        .unwrap()
        .budget;
    let steep = Scenario {
        step_up_pct: Some(d(100)),
        cost_index_pct: Some(d(100)),
        interest_pct: Some(d(50)),
        ..Scenario::default()
    };
    assert_eq!(run(&preset, &steep), Ok(()));
}

/// budget_json: a budget over the years 2 to 100 overflowed `Decimal` in
/// the step-up (and years far apart looped billions of times). The model
/// takes the years the importer reads.
#[test]
fn a_json_budget_outside_the_importers_years_is_refused() {
    let json = r#"{"schema_version":1,"title":"","columns":[{"label":"","kind":"budget","year":100},{"label":"","kind":"budget","year":2}],"rows":[]}"#;
    let err = Budget::from_json(json).unwrap_err();
    assert!(
        matches!(
            err,
            BudgetError::Year {
                column: 1,
                year: 100,
                ..
            }
        ),
        "{err:?}"
    );
    let ok = json
        .replace("\"year\":100", "\"year\":2100")
        .replace("\"year\":2}", "\"year\":1990}");
    assert!(Budget::from_json(&ok).is_ok());
}

/// share_link: a link carrying its own budget over the years 5 to 8957,
/// with a 5 % step-up: a panic on opening the link.
#[test]
fn a_link_whose_budget_spans_millennia_is_refused_with_a_message() {
    let link = r#"{"v":1,"preset":"import-1","lang":"sv","scenario":{"step_up_pct":"5"},"budget":{"id":"import-1","name":"","budget":{"schema_version":1,"title":"","columns":[{"label":"","kind":"plan","year":5},{"label":"","kind":"plan","year":8957}],"rows":[]}}}"#;
    let err = link::parse(link, &NativeCodec)
        .and_then(|l| link::open(l, None, READ_TABLES))
        .unwrap_err();
    assert!(
        matches!(err, ReadError::Budget(BudgetError::Year { year: 5, .. })),
        "{err:?}"
    );
}

/// saved_state: imports kept in the browser were not checked, so a
/// damaged one opened, and the link the app then wrote could not be read.
#[test]
fn a_saved_import_with_a_broken_shape_is_refused() {
    let saved = r#"{"version":1,"preset":"import-1","lang":"sv","scenario":{},"imports":[{"id":"import-1","name":"","budget":{"schema_version":1,"title":"","columns":[{"label":"","kind":"budget","year":2024}],"rows":[{"label":"","class":"kommun","values":[]}]}}]}"#;
    let err = read_saved(saved, &NativeCodec, READ_TABLES).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::Budget(BudgetError::RowLength {
                values: 0,
                columns: 1,
                ..
            })
        ),
        "{err:?}"
    );
    let fixed = saved.replace("\"values\":[]", "\"values\":[\"100\"]");
    let state = read_saved(&fixed, &NativeCodec, READ_TABLES).expect("a sound import opens");
    let written = serde_json::to_string(&state.link()).unwrap();
    assert!(link::parse(&written, &NativeCodec)
        .and_then(|l| link::open(l, None, READ_TABLES))
        .is_ok());
}

/// import_cells: Höglandet with the state's Budget 2023 figure negated.
/// The zero scenario "matched" it by paying nothing at all that year:
/// more than the state offered, and every member's money gone.
#[test]
fn a_negative_state_figure_is_refused_like_a_members() {
    let preset = presets::find("hoglandet-2023").unwrap();
    let table = preset.table().replace(
        "Försäkringskassan;4 027 000;4 018 000;",
        "Försäkringskassan;4 027 000;-4 018 000;",
    );
    assert_ne!(table, preset.table());
    let budget = finsam_kalkyl::engine::import_table(&table).unwrap().budget;
    assert_eq!(
        run(&budget, &Scenario::default()),
        Err(ScenarioError::NegativeOffer {
            member: "Försäkringskassan".into(),
            year: 2023,
            offer: d(-4_018_000),
        })
    );
}

/// scenario: Södra Vätterbygden 2024 scaled to the limit, the region down
/// by 999 999 999 999,40 kr: kommun offers with öre, and the whole-krona
/// cuts left one kommun paying −0,60 kr and another past its offer.
#[test]
fn a_cut_with_ore_keeps_every_kommun_within_its_offer() {
    let offers = [
        Decimal::new(74_999_999_999_960, 2),
        d(750_000_000_000),
        d(750_000_000_000),
        d(750_000_000_001),
    ];
    let base = [d(MAX_AMOUNT); 4];
    let paid = allocate(Decimal::ZERO, &offers, &base);
    assert_eq!(paid, vec![Decimal::ZERO; 4]);
    let paid = allocate(Decimal::new(150, 2), &offers, &base);
    assert_eq!(paid.iter().copied().sum::<Decimal>(), Decimal::new(150, 2));
    for (p, o) in paid.iter().zip(&offers) {
        assert!(*p >= Decimal::ZERO && p <= o, "{paid:?}");
    }

    let budget = budget_at_the_limit();
    let base = analyse(&budget, &Options::default());
    let scenario = Scenario {
        region_follows: false,
        ..Scenario::default()
    }
    .with_change(
        MemberRef::Region,
        Change::Kr(Decimal::new(-99_999_999_999_940, 2)),
    );
    let outcome = run_scenario(&budget, &base, &scenario, &Options::default()).unwrap();
    for m in &outcome.matches {
        for (p, o) in m.matched.paid.kommuner.iter().zip(&m.offers.kommuner) {
            assert!(*p >= Decimal::ZERO && p <= o, "{m:?}");
        }
    }
}

/// saved_state: an import with a negative contribution opens (the zero
/// scenario cannot run on it, so the page shows the table as it stands)
/// and is saved, but the saved state could not be read back: the next
/// visit lost it.
#[test]
fn an_import_the_zero_scenario_cannot_run_on_is_read_back() {
    let saved = r#"{"version":1,"preset":"import-1","lang":"sv","scenario":{},"imports":[{"id":"import-1","name":"","budget":{"schema_version":1,"title":"","columns":[{"label":"","kind":"utfall","year":2022},{"label":"","kind":"budget","year":2023},{"label":"","kind":"utfall","year":2023},{"label":"","kind":"prognos","year":2023}],"rows":[{"label":"","class":"kommun","values":["7","-1","2",null]}]}}]}"#;
    let state = read_saved(saved, &NativeCodec, READ_TABLES).expect("the saved import opens");
    assert_eq!(state.source.id(), "import-1");
    let written = serde_json::to_string(&state.saved()).unwrap();
    assert_eq!(
        read_saved(&written, &NativeCodec, READ_TABLES).unwrap().saved(),
        state.saved()
    );
    let written = serde_json::to_string(&state.link()).unwrap();
    let reopened = link::parse(&written, &NativeCodec).and_then(|l| link::open(l, None, READ_TABLES));
    assert_eq!(reopened.unwrap().link(), state.link());
    // A scenario that cannot run on it is still refused.
    let raised = saved.replace(r#""scenario":{}"#, r#""scenario":{"step_up_pct":"10"}"#);
    assert!(read_saved(&raised, &NativeCodec, READ_TABLES).is_err());
}

/// import_bytes: a kommun whose share is 0,000460344 kr raising by the
/// largest change, key-bound: the kommun side had to grow by 1,5 × 10^20
/// kr, and the split lost its last öre (past `Decimal`'s 28 digits).
#[test]
fn a_key_bound_change_that_moves_the_side_past_the_limit_is_refused() {
    let budget = import_bytes(b";;;2026\nI kommun;;;.000460344\no kommun;;;67034")
        .expect("the importer reads it")
        .budget;
    let change =
        |kr: i64| Scenario::default().with_change(MemberRef::Kommun("I kommun".into()), Change::Kr(d(kr)));
    assert_eq!(
        run(&budget, &change(MAX_AMOUNT)),
        Err(ScenarioError::AmountTooLarge {
            what: Quantity::Change
        })
    );
    // The same change from a kommun with a real share is taken.
    let other = Scenario::default().with_change(MemberRef::Kommun("o kommun".into()), Change::Kr(d(10_000)));
    assert_eq!(run(&budget, &other), Ok(()));
}

/// scenario: Södra Vätterbygden 2024, the state's utrymme 10^−28 kr and
/// Habo down by 0,00000000275773215836819 kr: members paid a sliver of a
/// krona, and equity as a percentage of it overflowed `Decimal` (a panic).
#[test]
fn a_percentage_of_a_sliver_is_none_not_an_overflow() {
    assert_eq!(
        finsam_kalkyl::engine::analysis::percent_of(d(1_000_000), Decimal::new(1, 28)),
        None
    );
    assert_eq!(
        finsam_kalkyl::engine::analysis::percent_of(d(1), d(4)),
        Some(d(25))
    );
    let budget = presets::find("sodra-vatterbygden-2024")
        .unwrap()
        .load()
        .unwrap()
        .budget;
    let scenario = Scenario {
        region_follows: false,
        state_offer: Some(Decimal::new(1, 28)),
        ..Scenario::default()
    }
    .with_change(
        MemberRef::Kommun("Habo kommun".into()),
        Change::Kr(Decimal::from_str_exact("-0.00000000275773215836819").unwrap()),
    );
    let base = analyse(&budget, &Options::default());
    let outcome = run_scenario(&budget, &base, &scenario, &Options::default()).expect("it runs");
    let budget_2024 = &outcome.columns[2];
    assert_eq!(budget_2024.label, "Budget 2024");
    assert!(budget_2024.members_total > Decimal::ZERO && budget_2024.members_total < Decimal::ONE);
    assert_eq!(budget_2024.equity_pct_of_members, None);
}

/// scenario: Södra Vätterbygden 2024 scaled to the limit, Kansli raised by
/// 768 % eighteen times over. The page keeps one change a line, but a link
/// can carry many, and they compounded: the administration's share of the
/// costs overflowed `Decimal` (a panic).
#[test]
fn many_changes_to_one_cost_line_that_compound_past_the_limit_are_refused() {
    let budget = budget_at_the_limit();
    let change = |edit| CostChange {
        line: "Kansli".into(),
        edit,
    };
    let raised = |edits: &[CostEdit]| Scenario {
        cost_changes: edits.iter().copied().map(change).collect(),
        ..Scenario::default()
    };
    assert_eq!(
        run(&budget, &raised(&[CostEdit::Percent(d(768)); 18])),
        Err(ScenarioError::AmountTooLarge {
            what: Quantity::CostChange
        })
    );
    // Changes that add the limit, then multiply it, go past what one
    // change can; so do two at their top.
    for edits in [
        [CostEdit::Kr(d(MAX_AMOUNT)), CostEdit::Percent(d(1000))],
        [CostEdit::Percent(d(1000)), CostEdit::Percent(d(1000))],
    ] {
        assert_eq!(
            run(&budget, &raised(&edits)),
            Err(ScenarioError::AmountTooLarge {
                what: Quantity::CostChange
            }),
            "{edits:?}"
        );
    }
    // One change at its limit, or several within reason, still run.
    for edits in [
        &[CostEdit::Percent(d(1000))][..],
        &[CostEdit::Kr(-d(MAX_AMOUNT))],
        &[
            CostEdit::Percent(d(10)),
            CostEdit::Percent(d(10)),
            CostEdit::Kr(d(50_000)),
        ],
        &[
            CostEdit::Percent(d(1000)),
            CostEdit::Off,
            CostEdit::Percent(d(1000)),
        ],
    ] {
        assert_eq!(run(&budget, &raised(edits)), Ok(()), "{edits:?}");
    }
}

/// Södra Vätterbygden 2024 with every amount scaled up to the largest the
/// engine takes, where overflow is nearest.
fn budget_at_the_limit() -> Budget {
    let mut budget = presets::find("sodra-vatterbygden-2024")
        .unwrap()
        .load()
        .unwrap()
        .budget;
    for v in budget.rows.iter_mut().flat_map(|r| r.values.iter_mut()).flatten() {
        *v = (*v * d(10_000_000)).min(d(MAX_AMOUNT));
    }
    budget
}
