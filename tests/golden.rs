#![cfg(not(target_arch = "wasm32"))]
//! DOMAIN.md's worked examples, to the krona, from the shipped presets.

use finsam_kalkyl::engine::{
    analyse, import_table, presets, run_scenario, scenario::resolve_member, Analysis, Budget, Change, Code,
    ColumnKind, Mode, OpeningSource, Options, RowClass, Scenario, Severity,
};
use rust_decimal::Decimal;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn load(id: &str) -> (Budget, Analysis) {
    let imported = presets::find(id).expect("preset").load().expect("imports");
    let analysis = analyse(&imported.budget, &Options::default());
    (imported.budget, analysis)
}

fn column<'a>(a: &'a Analysis, label: &str) -> &'a finsam_kalkyl::engine::ColumnFigures {
    a.columns
        .iter()
        .find(|c| c.label == label)
        .unwrap_or_else(|| panic!("no column {label}"))
}

#[test]
fn sodra_vatterbygden_2024_worked_example() {
    let (_, a) = load("sodra-vatterbygden-2024");
    let p23 = column(&a, "Prognos 2023");
    assert!(p23.chained);
    assert_eq!(p23.members_total, d(8_892_000));
    assert_eq!(p23.costs, d(9_737_700));
    assert_eq!(p23.result, d(-845_700));
    assert_eq!(
        (p23.opening_equity, p23.closing_equity),
        (d(2_337_024), d(1_491_324))
    );

    let b24 = column(&a, "Budget 2024");
    assert_eq!(b24.members_total, d(11_172_000));
    assert_eq!(b24.costs, d(11_356_500));
    assert_eq!(b24.result, d(-184_500));
    assert_eq!(
        (b24.opening_equity, b24.closing_equity),
        (d(1_491_324), d(1_306_824))
    );
    assert_eq!(b24.administration, d(1_090_000));
    assert_eq!(
        b24.admin_share_pct.map(|p| p.round_dp(1)),
        Some(Decimal::new(96, 1))
    );
    // Finsam § 5 holds exactly in 2024.
    assert_eq!(b24.state, d(5_586_000));
    assert_eq!(b24.region, d(2_793_000));
    assert_eq!(
        b24.kommuner,
        vec![d(204_600), d(2_243_200), d(116_200), d(229_000)]
    );
    assert_eq!(b24.kommuner_total, d(2_793_000));

    assert_eq!(column(&a, "Plan 2025").closing_equity, d(599_324));
    assert_eq!(column(&a, "Plan 2026").closing_equity, d(67_324));

    // Budget 2023 is shown beside Prognos 2023 but not chained.
    let b23 = column(&a, "Budget 2023");
    assert!(!b23.chained);
    assert_eq!(b23.closing_equity, d(1_312_210));
    assert_eq!(a.chain.len(), 4);
    assert_eq!(a.budget_year, Some(2024));

    // The table's own "Prel balanserat resultat" agrees with every column.
    assert!(!a.findings.iter().any(|f| f.code == Code::SumMismatch));
    // Every planned deficit is a warning that names the equity it uses.
    let deficits: Vec<_> = a.findings.iter().filter(|f| f.code == Code::Deficit).collect();
    assert_eq!(deficits.len(), 4);
    assert!(deficits.iter().all(|f| f.severity == Severity::Warning));
}

#[test]
fn hoglandet_2023_worked_example() {
    let (budget, a) = load("hoglandet-2023");
    let u22 = column(&a, "Utfall 2022");
    assert_eq!(u22.kind, ColumnKind::Utfall);
    assert_eq!(u22.members_total, d(8_054_000));
    assert_eq!(u22.income_total, d(8_098_439));
    assert_eq!(u22.costs, d(8_363_466));
    assert_eq!(u22.result, d(-265_027));
    assert_eq!(
        (u22.opening_equity, u22.closing_equity),
        (d(1_480_609), d(1_215_582))
    );
    assert_eq!(u22.opening_source, OpeningSource::Table);

    let p23 = column(&a, "Prognos 2023");
    assert!(p23.chained);
    assert_eq!(p23.result, d(297_068));
    assert_eq!(
        (p23.opening_equity, p23.closing_equity),
        (d(1_215_582), d(1_512_650))
    );
    assert_eq!(p23.opening_source, OpeningSource::Chain);

    // The period-to-date column is shown, never chained.
    let period = column(&a, "Utfall 2023-06-30");
    assert_eq!(period.kind, ColumnKind::PeriodUtfall);
    assert!(!period.chained);
    assert_eq!(period.result, d(2_190_781));
    assert_eq!(a.chain.len(), 2);

    // The 1 kr gap in the 2022 costs is rounding: info, not an error.
    let rounding: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.code == Code::SumMismatch && f.column.as_deref() == Some("Utfall 2022"))
        .collect();
    assert_eq!(rounding.len(), 1);
    assert_eq!(rounding[0].severity, Severity::Info);
    assert_eq!(rounding[0].line, Some(30));
    assert!(!a.findings.iter().any(|f| f.severity == Severity::Error));

    // Opening equity listed below the costs is still opening equity.
    let row = budget
        .rows
        .iter()
        .find(|r| r.label == "Balanserat från föregående år")
        .unwrap();
    assert_eq!(row.class, RowClass::OpeningEquity);
    let cost_lines_2022: Decimal = u22.cost_lines.iter().copied().sum();
    assert_eq!(cost_lines_2022, d(8_363_465));
}

#[test]
fn sodra_vatterbygden_2012_worked_example() {
    let (budget, a) = load("sodra-vatterbygden-2012");
    let b12 = column(&a, "Budget 2012");
    assert_eq!(b12.kommuner_total, d(576_900));
    assert_eq!(b12.region, d(576_800));
    // 2012 uses 2 144 000 of saved equity: both equity rows are opening.
    assert_eq!(b12.opening_equity, d(2_144_000));
    assert_eq!(b12.result, d(-2_144_000));
    assert_eq!(b12.closing_equity, d(0));
    assert_eq!(
        budget
            .rows
            .iter()
            .filter(|r| r.class == RowClass::OpeningEquity)
            .count(),
        2
    );
    // The 100 kr gap is found, as a small rounding finding.
    let gap = a
        .findings
        .iter()
        .find(|f| f.code == Code::SplitMismatch && f.column.as_deref() == Some("Budget 2012"))
        .expect("split finding");
    assert_eq!(gap.severity, Severity::Info);
    assert!(gap
        .body(
            finsam_kalkyl::engine::Lang::Sv,
            &finsam_kalkyl::engine::SwedishFormat
        )
        .contains("100\u{a0}kr"));
    // "Summa intäkter" includes the equity rows listed among income.
    assert!(!a.findings.iter().any(|f| f.code == Code::SumMismatch));
}

fn habo_plus_10000(state_offer: Option<i64>) -> (Analysis, finsam_kalkyl::engine::ScenarioOutcome) {
    let (budget, a) = load("sodra-vatterbygden-2024");
    let habo = resolve_member(&a, "Habo").unwrap();
    let scenario = Scenario {
        from_year: Some(2024),
        mode: Mode::Alone,
        region_follows: true,
        state_offer: state_offer.map(d),
        ..Scenario::default()
    }
    .with_change(habo, Change::Kr(d(10_000)));
    let outcome = run_scenario(&budget, &a, &scenario, &Options::default()).unwrap();
    (a, outcome)
}

#[test]
fn habo_plus_10000_with_room_gives_40000_a_year() {
    let (a, outcome) = habo_plus_10000(Some(6_000_000));
    for label in ["Budget 2024", "Plan 2025", "Plan 2026"] {
        let i = a.columns.iter().position(|c| c.label == label).unwrap();
        assert_eq!(
            outcome.columns[i].members_total - a.columns[i].members_total,
            d(40_000),
            "{label}"
        );
    }
    assert_eq!(outcome.last_chained(&a).unwrap().closing_equity, d(187_324));
    let lev = outcome.leverage.as_ref().unwrap();
    assert_eq!(lev.per_krona, Some(d(4)));
    assert_eq!(lev.member_delta, d(10_000));
    assert!(!outcome.findings.iter().any(|f| f.code == Code::Unmatched));
    // Alone: the split departs from the key, and the engine says so.
    assert!(outcome.findings.iter().any(|f| f.code == Code::KeyDeviation));
    // 2023 is untouched.
    let p23 = a.columns.iter().position(|c| c.label == "Prognos 2023").unwrap();
    assert_eq!(outcome.columns[p23], a.columns[p23]);
}

#[test]
fn habo_plus_10000_without_room_is_unmatched() {
    let (a, outcome) = habo_plus_10000(None);
    for (b, n) in a.columns.iter().zip(&outcome.columns) {
        assert_eq!(n.members_total, b.members_total, "{}", b.label);
        assert_eq!(n.closing_equity, b.closing_equity, "{}", b.label);
    }
    let unmatched: Vec<_> = outcome
        .findings
        .iter()
        .filter(|f| f.code == Code::Unmatched)
        .collect();
    assert_eq!(unmatched.len(), 3);
    let text = unmatched[0].body(
        finsam_kalkyl::engine::Lang::Sv,
        &finsam_kalkyl::engine::SwedishFormat,
    );
    assert!(
        text.contains("Statens utrymme är fullt utnyttjat — höjningen kan inte matchas"),
        "{text}"
    );
    assert_eq!(outcome.leverage.as_ref().unwrap().per_krona, None);
}

#[test]
fn key_bound_raise_asks_each_member_by_the_key() {
    let (budget, a) = load("sodra-vatterbygden-2024");
    let habo = resolve_member(&a, "habo").unwrap();
    let scenario = Scenario {
        state_offer: Some(d(6_000_000)),
        ..Scenario::default()
    }
    .with_change(habo, Change::Kr(d(10_000)));
    let outcome = run_scenario(&budget, &a, &scenario, &Options::default()).unwrap();
    // 10 000 × 2 793 000 / 204 600 = 136 510,26…: the kommun side grows by
    // 136 510, split by the key with largest remainder.
    let lev = outcome.leverage.as_ref().unwrap();
    assert_eq!(lev.kommun_side_delta, d(136_510));
    assert_eq!(lev.total_delta, d(546_040));
    assert_eq!(lev.per_kommun_krona, Some(d(4)));
    let ask = |name: &str| {
        outcome
            .asks
            .iter()
            .find(|x| x.member.starts_with(name))
            .unwrap()
            .offer_delta
    };
    assert_eq!(ask("Region"), d(136_510));
    assert_eq!(ask("Jönköping") + ask("Mullsjö") + ask("Vaggeryd"), d(126_510));
    assert_eq!(ask("Staten"), d(273_020));
    assert!(!outcome.findings.iter().any(|f| f.code == Code::KeyDeviation));
}

#[test]
fn blank_cells_are_not_zero_and_headers_are_read() {
    let text = "Test;Utfall 2022;Budget 2023\nHabo kommun;100;\nRegion X;100;100\nStaten;200;200\nKostnader;;\nEnter;400;300\n";
    let imported = import_table(text).unwrap();
    assert_eq!(imported.budget.rows[0].values, vec![Some(d(100)), None]);
    let a = analyse(&imported.budget, &Options::default());
    assert!(a.findings.iter().any(|f| f.code == Code::OpeningEquityMissing));
}
