#![cfg(not(target_arch = "wasm32"))]
//! Planning tools: costs in a scenario, room for new insatser, goal seek,
//! checked from first principles on Södra Vätterbygden 2024.

use finsam_kalkyl::engine::{
    analyse, planning, presets, run_scenario,
    scenario::{resolve_member, CostChange, CostEdit, NewInsats},
    Analysis, Budget, Code, Options, Scenario, ScenarioOutcome,
};
use rust_decimal::Decimal;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn sv2024() -> (Budget, Analysis) {
    let budget = presets::find("sodra-vatterbygden-2024")
        .unwrap()
        .load()
        .unwrap()
        .budget;
    let base = analyse(&budget, &Options::default());
    (budget, base)
}

fn col<'a>(base: &Analysis, o: &'a ScenarioOutcome, label: &str) -> &'a finsam_kalkyl::engine::ColumnFigures {
    &o.columns[base.columns.iter().position(|c| c.label == label).unwrap()]
}

fn run(s: &Scenario) -> (Analysis, ScenarioOutcome) {
    let (budget, base) = sv2024();
    let o = run_scenario(&budget, &base, s, &Options::default()).unwrap();
    (base, o)
}

#[test]
fn room_for_new_insatser_from_first_principles() {
    let (budget, base) = sv2024();
    let room = planning::room(
        &budget,
        &base,
        &Scenario::default(),
        &Options::default(),
        Decimal::ZERO,
    );
    // Equity closes 1 491 324, 1 306 824, 599 324 and 67 324 in 2023–2026.
    // Adding X a year from year y lowers year t by X·(t − y + 1).
    assert_eq!(
        room,
        vec![
            (2023, Some(d(16_831))), // min(1 491 324, 1 306 824/2, 599 324/3, 67 324/4)
            (2024, Some(d(22_441))), // min(1 306 824, 599 324/2, 67 324/3)
            (2025, Some(d(33_662))), // min(599 324, 67 324/2)
            (2026, Some(d(67_324))), // the 2026 closing equity itself
        ]
    );
    // With a floor above what the plan leaves, there is no room at all.
    let room = planning::room(
        &budget,
        &base,
        &Scenario::default(),
        &Options::default(),
        d(100_000),
    );
    assert!(room.iter().all(|(_, r)| r.is_none()));
}

#[test]
fn room_is_exact_to_the_krona() {
    let (budget, base) = sv2024();
    for (year, room) in planning::room(
        &budget,
        &base,
        &Scenario::default(),
        &Options::default(),
        Decimal::ZERO,
    ) {
        let room = room.unwrap();
        let with = |x: Decimal| {
            let s = Scenario {
                new_insatser: vec![NewInsats {
                    name: "Ny".into(),
                    yearly: x,
                    start: year,
                    end: 2026,
                }],
                ..Scenario::default()
            };
            let o = run_scenario(&budget, &base, &s, &Options::default()).unwrap();
            planning::lowest_equity(&base, &o, year).unwrap()
        };
        assert!(with(room) >= Decimal::ZERO, "{year}");
        assert!(with(room + Decimal::ONE) < Decimal::ZERO, "{year}");
    }
}

#[test]
fn cost_lines_change_by_kr_percent_or_off() {
    let s = Scenario {
        cost_changes: vec![
            CostChange {
                line: "Enter".into(),
                edit: CostEdit::Kr(d(100_000)),
            },
            CostChange {
                line: "FIA".into(),
                edit: CostEdit::Percent(d(-10)),
            },
            CostChange {
                line: "IT-spåret".into(),
                edit: CostEdit::Off,
            },
        ],
        ..Scenario::default()
    };
    let (base, o) = run(&s);
    let b = col(&base, &o, "Budget 2024");
    // 11 356 500 + 100 000 − 69 800 − 562 500
    assert_eq!(b.costs, d(10_824_200));
    assert_eq!(b.result, d(11_172_000 - 10_824_200));
    assert_eq!(
        col(&base, &o, "Prognos 2023").costs,
        d(9_737_700),
        "before the start year"
    );
    let (budget, base) = sv2024();
    let bad = Scenario {
        cost_changes: vec![CostChange {
            line: "Nope".into(),
            edit: CostEdit::Off,
        }],
        ..Scenario::default()
    };
    assert!(run_scenario(&budget, &base, &bad, &Options::default()).is_err());
}

#[test]
fn utilisation_indexation_interest_and_a_new_insats() {
    // 90 % of granted insats money is expected to be used (the seeds' rule).
    let (base, o) = run(&Scenario {
        utilisation_pct: Some(d(90)),
        ..Scenario::default()
    });
    let b = col(&base, &o, "Budget 2024");
    assert_eq!(b.granted_verksamhet, Some(d(10_266_500)));
    assert_eq!(b.verksamhet, d(9_239_850));
    assert_eq!(b.costs, d(9_239_850 + 1_090_000));
    assert_eq!(b.administration, d(1_090_000), "administration is not an insats");

    // Costs indexed 2 % a year from 2024: 2024 × 1.02, 2025 × 1.0404.
    let (base, o) = run(&Scenario {
        cost_index_pct: Some(d(2)),
        ..Scenario::default()
    });
    assert_eq!(col(&base, &o, "Budget 2024").costs, d(11_583_630));
    assert_eq!(col(&base, &o, "Plan 2025").costs, d(12_359_432));

    // 2 % interest on opening equity: 1 491 324 × 0.02 = 29 826,48 → 29 826.
    let (base, o) = run(&Scenario {
        interest_pct: Some(d(2)),
        ..Scenario::default()
    });
    let b = col(&base, &o, "Budget 2024");
    assert_eq!(b.other_income, d(29_826));
    assert_eq!(b.closing_equity, d(1_306_824 + 29_826));
    // 2025 earns on the higher opening: (1 306 824 + 29 826) × 0.02.
    assert_eq!(col(&base, &o, "Plan 2025").other_income, d(26_733));

    // A new insats of 50 000 a year in 2025–2026.
    let s = Scenario {
        new_insatser: vec![NewInsats {
            name: "Ny".into(),
            yearly: d(50_000),
            start: 2025,
            end: 2026,
        }],
        ..Scenario::default()
    };
    let (base, o) = run(&s);
    assert_eq!(col(&base, &o, "Budget 2024").new_insatser, d(0));
    assert_eq!(col(&base, &o, "Plan 2025").new_insatser, d(50_000));
    assert_eq!(o.last_chained(&base).unwrap().closing_equity, d(67_324 - 100_000));
    assert!(o.findings.iter().any(|f| f.code == Code::NegativeEquity));
}

#[test]
fn uniform_goal_seek_when_the_state_has_room_and_when_it_binds() {
    let (budget, base) = sv2024();
    let floor = d(500_000);
    // The table's state figure is fully used: no raise can be matched.
    let g = planning::required_uniform(
        &budget,
        &base,
        &Scenario::default(),
        &Options::default(),
        floor,
        2024,
    );
    assert_eq!(g.percent, None);
    assert!(g.percent_if_state_matched.is_some());
    // 2026 closes at 67 324; three years of a sum x must bring it to 500 000.
    assert_eq!(g.unmatched_alone, Some(d(144_226)));

    // With room from the state, the smallest percentage that holds.
    let roomy = Scenario {
        state_offer: Some(d(7_000_000)),
        ..Scenario::default()
    };
    let g = planning::required_uniform(&budget, &base, &roomy, &Options::default(), floor, 2024);
    let pct = g.percent.unwrap();
    let ok = |s: &Scenario| {
        let o = run_scenario(&budget, &base, s, &Options::default()).unwrap();
        planning::lowest_equity(&base, &o, 2024).unwrap()
    };
    assert!(ok(g.scenario.as_ref().unwrap()) >= floor);
    let mut less = g.scenario.clone().unwrap();
    for c in &mut less.changes {
        c.change = finsam_kalkyl::engine::Change::Percent(pct - Decimal::new(1, 2));
    }
    assert!(ok(&less) < floor, "0,01 % less must not be enough");
}

#[test]
fn one_member_goal_seek_for_a_new_insats() {
    let (budget, base) = sv2024();
    let habo = resolve_member(&base, "Habo").unwrap();
    let insats = NewInsats {
        name: "Ny insats".into(),
        yearly: d(300_000),
        start: 2024,
        end: 2026,
    };
    let roomy = Scenario {
        state_offer: Some(d(7_000_000)),
        ..Scenario::default()
    };
    let (x, s) = planning::required_of_member(
        &budget,
        &base,
        &roomy,
        &Options::default(),
        Decimal::ZERO,
        &habo,
        Some(&insats),
    )
    .unwrap();
    let low = |s: &Scenario| {
        let o = run_scenario(&budget, &base, s, &Options::default()).unwrap();
        planning::lowest_equity(&base, &o, 2024).unwrap()
    };
    assert!(low(&s) >= Decimal::ZERO);
    let less = s
        .clone()
        .with_change(habo.clone(), finsam_kalkyl::engine::Change::Kr(x - Decimal::ONE));
    assert!(low(&less) < Decimal::ZERO, "1 kr less must not be enough");
    // Without room from the state, Habo cannot pay its way to it.
    assert!(planning::required_of_member(
        &budget,
        &base,
        &Scenario::default(),
        &Options::default(),
        Decimal::ZERO,
        &habo,
        Some(&insats)
    )
    .is_none());
}

#[test]
fn equity_above_the_guideline_is_a_finding() {
    let (budget, _) = sv2024();
    let options = Options {
        equity_guideline_pct: Some(d(10)),
    };
    let base = analyse(&budget, &options);
    let high: Vec<_> = base
        .findings
        .iter()
        .filter(|f| f.code == Code::EquityHigh)
        .collect();
    // 2023 16,8 % and 2024 11,7 % are above 10 %; 2025 and 2026 are not.
    assert_eq!(
        high.iter().map(|f| f.column.clone().unwrap()).collect::<Vec<_>>(),
        ["Prognos 2023", "Budget 2024"]
    );
}
