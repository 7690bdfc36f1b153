#![cfg(not(target_arch = "wasm32"))]
//! The import preview shows what the importer assumed and lets the person
//! change it: the unit (kr, tkr, mnkr) and costs written as negative
//! amounts. Each change is exact, and undone exactly.

use finsam_kalkyl::engine::import::{ImportReply, UnitSource};
use finsam_kalkyl::engine::{import_table, Code, Lang, RowClass, SwedishFormat, Unit};
use finsam_kalkyl::state::{Import, PreviewTable, State, READ_TABLES};
use rust_decimal::Decimal;

/// A table as the page gets it: through the import worker's reply.
fn previewed(table: &str) -> State {
    let json = serde_json::to_string(&ImportReply::new(import_table(table), &SwedishFormat)).unwrap();
    let reply: ImportReply = serde_json::from_str(&json).unwrap();
    State::new(Lang::Sv, READ_TABLES).apply(Import::Table(None, reply.into_result()))
}

fn table(s: &State) -> &PreviewTable {
    s.preview.as_ref().unwrap().result.as_ref().unwrap()
}

fn value(s: &State, label: &str, column: usize) -> Option<Decimal> {
    let row = table(s).budget.rows.iter().find(|r| r.label == label).unwrap();
    row.values[column]
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn codes(s: &State) -> Vec<Code> {
    table(s).import_findings.iter().map(|f| f.code).collect()
}

#[test]
fn the_unit_read_is_shown_and_another_rescales_the_budget_exactly() {
    let tkr = previewed(include_str!("fixtures/wild/04-excel-tkr.tsv"));
    let read = table(&tkr).unit.unwrap();
    assert_eq!((read.unit, read.source), (Unit::Tkr, Some(UnitSource::FirstCell)));
    assert_eq!(value(&tkr, "Habo kommun", 0), Some(d("204600")));
    assert!(codes(&tkr).contains(&Code::UnitRead));

    // A row corrected by hand stays corrected through every unit.
    let nova = table(&tkr)
        .budget
        .rows
        .iter()
        .position(|r| r.label == "NOVA")
        .unwrap();
    assert_eq!(table(&tkr).budget.rows[nova].class, RowClass::Verksamhet);
    let corrected = tkr.apply(Import::SetClass(nova, RowClass::Administration));
    let kr = corrected.apply(Import::SetUnit(Unit::Kr));
    let read = table(&kr).unit.unwrap();
    assert_eq!((read.unit, read.source), (Unit::Kr, Some(UnitSource::Chosen)));
    assert_eq!(value(&kr, "Habo kommun", 0), Some(d("204.6")));
    assert_eq!(value(&kr, "Jönköpings kommun", 1), Some(d("2329.6")));
    assert!(
        !codes(&kr).contains(&Code::UnitRead),
        "the person chose: no finding about it"
    );
    assert_eq!(table(&kr).budget.rows[nova].class, RowClass::Administration);
    let first = table(&kr).analysis.columns[0].members_total;
    assert_eq!(first, d("11172"));

    let mnkr = kr.apply(Import::SetUnit(Unit::Mnkr));
    assert_eq!(value(&mnkr, "Habo kommun", 0), Some(d("204600000")));
    let back = mnkr.apply(Import::SetUnit(Unit::Tkr));
    assert_eq!(table(&back).budget, table(&corrected).budget);
    assert_eq!(table(&back).analysis, table(&corrected).analysis);

    // Used: the budget opens in kronor as chosen.
    let opened = kr.apply(Import::Confirm);
    assert_eq!(opened.base.columns[0].members_total, d("11172"));
}

#[test]
fn a_unit_that_would_make_an_amount_too_large_is_refused_and_the_table_stays() {
    let big = previewed("Förbundet;Budget 2024\nHabo kommun;2 000 000 000\nStaten;2 000 000 000\n");
    let refused = big.apply(Import::SetUnit(Unit::Mnkr));
    let preview = refused.preview.as_ref().unwrap();
    let why = preview.unit_error.as_ref().unwrap().message(Lang::Sv);
    assert!(why.contains("i mnkr blir ett belopp orimligt stort"), "{why}");
    assert_eq!(table(&refused).budget, table(&big).budget);
    assert_eq!(table(&refused).unit.unwrap().unit, Unit::Kr);
    let fine = refused.apply(Import::SetUnit(Unit::Kr));
    assert_eq!(fine.preview.as_ref().unwrap().unit_error, None);
}

#[test]
fn costs_read_as_negative_can_be_read_as_written_and_back() {
    let s = previewed(include_str!("fixtures/wild/07-kostnader-negativa.csv"));
    assert!(codes(&s).contains(&Code::CostsNegative));
    assert_eq!(value(&s, "Kansli", 0), Some(d("2300000")));
    assert_eq!(value(&s, "Verksamhetens kostnader", 0), Some(d("17400000")));
    assert_eq!(table(&s).analysis.columns[0].costs, d("17400000"));

    let written = s.apply(Import::CostsAsWritten(true));
    assert_eq!(value(&written, "Kansli", 0), Some(d("-2300000")));
    assert_eq!(
        value(&written, "Verksamhetens kostnader", 0),
        Some(d("-17400000"))
    );
    assert_eq!(
        value(&written, "Karlstads kommun", 0),
        Some(d("2500000")),
        "income stays"
    );
    assert!(!codes(&written).contains(&Code::CostsNegative));
    assert_eq!(table(&written).analysis.columns[0].costs, d("-17400000"));
    // Saying it twice changes nothing more.
    assert_eq!(
        written.apply(Import::CostsAsWritten(true)).preview,
        written.preview
    );

    let again = written.apply(Import::CostsAsWritten(false));
    assert_eq!(table(&again).budget, table(&s).budget);
    assert_eq!(codes(&again), codes(&s));
    assert_eq!(table(&again).analysis, table(&s).analysis);

    // Costs written as positive amounts: there is nothing to turn.
    let plain = previewed(include_str!("fixtures/wild/04-excel-tkr.tsv"));
    assert!(table(&plain).costs_turned.is_empty());
    assert_eq!(plain.apply(Import::CostsAsWritten(true)).preview, plain.preview);
}

#[test]
fn the_canonical_json_has_no_unit_to_choose() {
    let budget = State::new(Lang::Sv, READ_TABLES).budget;
    let s = State::new(Lang::Sv, READ_TABLES).apply(Import::Budget(None, Ok((*budget).clone())));
    assert_eq!(table(&s).unit, None);
    assert_eq!(s.apply(Import::SetUnit(Unit::Tkr)).preview, s.preview);
}
