#![cfg(not(target_arch = "wasm32"))]
//! The importer on tables generated valid, in the shapes förbund publish
//! (units, sign conventions, headings, member labels, separators, equity
//! written as flows or as balances, one to eight kommuner, one or two
//! regions), then damaged. Random bytes rarely get past a header; these
//! reach the analysis and the scenario engine every time.

mod tables;

use finsam_kalkyl::engine::{
    analyse, import_table, run_scenario, Analysis, Change, ColumnFigures, MemberRef, Mode, Options, Scenario,
    Severity, Unit,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use tables::{apply, damage, shape, Truth};

/// closing = opening + income − costs in every column.
fn equity_chains(columns: &[ColumnFigures]) -> Result<(), TestCaseError> {
    for c in columns {
        prop_assert_eq!(
            c.closing_equity,
            c.opening_equity + c.income_total - c.costs,
            "{}",
            c.label
        );
    }
    Ok(())
}

/// closing = opening + income − costs in every column of an analysis and
/// of a scenario's outcome; a scenario runs without panic, or refuses
/// with a reason.
fn identity_holds(budget: &finsam_kalkyl::engine::Budget, a: &Analysis) -> Result<(), TestCaseError> {
    equity_chains(&a.columns)?;
    let mut scenarios = vec![Scenario::default()];
    if let Some(name) = a.kommun_names.first() {
        scenarios.push(
            Scenario {
                mode: Mode::Alone,
                state_offer: Some(Decimal::from(1_000_000_000)),
                ..Scenario::default()
            }
            .with_change(MemberRef::Kommun(name.clone()), Change::Kr(Decimal::from(10_000))),
        );
    }
    for s in scenarios {
        if let Ok(outcome) = run_scenario(budget, a, &s, &Options::default()) {
            equity_chains(&outcome.columns)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// A valid table in any of the shapes reads as generated, to the krona,
    /// with no error finding, in the unit it names.
    #[test]
    fn valid_tables_read_as_written(shape in shape()) {
        let text = shape.render();
        let imported = import_table(&text).map_err(|e| TestCaseError::fail(format!("{}\n{text}", e.message(finsam_kalkyl::engine::Lang::Sv))))?;
        let a = analyse(&imported.budget, &Options::default());
        prop_assert_eq!(imported.unit.unit, shape.unit, "{}", text);
        // Nothing red, and nothing amber but what the figures say: planned
        // deficits, and a missing opening where the table gives none.
        let loud: Vec<_> = imported.findings.iter().chain(&a.findings)
            .filter(|f| f.severity != Severity::Info)
            .filter(|f| !matches!(f.code.as_str(), "deficit" | "opening-equity-missing"))
            .collect();
        prop_assert!(loud.is_empty(), "{:?}\n{}", loud, text);
        let years: Vec<_> = a.columns.iter().skip(usize::from(shape.equity == 3)).collect();
        prop_assert_eq!(years.len(), shape.years);
        for (c, want) in years.iter().zip(shape.truth()) {
            let got = Truth { state: c.state, region: c.region, costs: c.costs, opening: c.opening_equity, closing: c.closing_equity };
            prop_assert_eq!(&got, &want, "{}\n{}", c.label, text);
            prop_assert_eq!(c.kommuner_total, want.region);
        }
        prop_assert_eq!(a.kommun_names.len(), shape.kommuner.len());
        prop_assert_eq!(&a.kommun_names[0], "Alfa kommun");
        prop_assert_eq!(a.state_name.as_str(), "Försäkringskassan");
        identity_holds(&imported.budget, &a)?;
    }

    /// The same tables damaged in one to three places: the import fails
    /// with an error that names its row, or it reads, and then the analysis
    /// and a scenario run and keep the equity identity in every column.
    #[test]
    fn damaged_tables_fail_where_they_are_wrong_or_still_add_up(
        shape in shape(),
        damages in prop::collection::vec(damage(), 1..=3),
    ) {
        let sep = [';', '\t', ','][shape.sep as usize];
        let mut text = shape.render();
        for d in &damages {
            text = apply(&text, sep, d);
        }
        match import_table(&text) {
            Err(e) => prop_assert!(e.line.is_some(), "{:?}\n{}", e, text),
            Ok(imported) => {
                let a = analyse(&imported.budget, &Options::default());
                identity_holds(&imported.budget, &a)?;
                // The unit can be changed afterwards, exactly, both ways.
                for unit in Unit::ALL {
                    if let Ok(other) = imported.clone().with_unit(unit) {
                        let back = other.with_unit(imported.unit.unit).unwrap();
                        prop_assert_eq!(&back.budget, &imported.budget);
                    }
                }
            }
        }
    }
}
