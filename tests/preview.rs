#![cfg(not(target_arch = "wasm32"))]
//! The import preview shows what the importer assumed and lets the person
//! change it: the unit (kr, tkr, mnkr) and costs written as negative
//! amounts. The import worker reads the table again with the choices; the
//! preview keeps the rows the person corrected and the populations typed.

use finsam_kalkyl::engine::import::{Choices, CostSigns, ImportReply, UnitSource};
use finsam_kalkyl::engine::{import_table, Code, Lang, RowClass, SwedishFormat, Unit};
use finsam_kalkyl::state::{Import, PreviewTable, State, READ_TABLES};
use rust_decimal::Decimal;

/// The table as the import worker reads it with `choices`, through its
/// JSON reply, as the page gets it.
fn worker(table: &str, choices: Choices) -> Import {
    let result = import_table(table).and_then(|i| i.with_choices(choices));
    let json = serde_json::to_string(&ImportReply::new(result, &SwedishFormat)).unwrap();
    let reply: ImportReply = serde_json::from_str(&json).unwrap();
    Import::Reread(reply.into_result())
}

fn previewed(table: &str) -> State {
    let json = serde_json::to_string(&ImportReply::new(import_table(table), &SwedishFormat)).unwrap();
    let reply: ImportReply = serde_json::from_str(&json).unwrap();
    State::new(Lang::Sv, READ_TABLES).apply(Import::Table(Some("budget.tsv".into()), reply.into_result()))
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

const TKR: &str = include_str!("fixtures/wild/04-excel-tkr.tsv");
const NEGATIVE: &str = include_str!("fixtures/wild/07-kostnader-negativa.csv");

#[test]
fn the_unit_read_is_shown_and_another_rescales_the_budget_exactly() {
    let tkr = previewed(TKR);
    let read = table(&tkr).unit.unwrap();
    assert_eq!((read.unit, read.source), (Unit::Tkr, Some(UnitSource::FirstCell)));
    assert_eq!(table(&tkr).choices(), Choices::default());
    assert_eq!(value(&tkr, "Habo kommun", 0), Some(d("204600")));
    assert!(codes(&tkr).contains(&Code::UnitRead));

    // A row corrected by hand and a population typed stay through every unit.
    let nova = table(&tkr)
        .budget
        .rows
        .iter()
        .position(|r| r.label == "NOVA")
        .unwrap();
    assert_eq!(table(&tkr).budget.rows[nova].class, RowClass::Verksamhet);
    let corrected = tkr
        .apply(Import::SetClass(nova, RowClass::Administration))
        .apply(Import::SetKey(1, "141 000".into()));
    let in_kr = Choices {
        unit: Some(Unit::Kr),
        ..Choices::default()
    };
    let kr = corrected.apply(worker(TKR, in_kr));
    let read = table(&kr).unit.unwrap();
    assert_eq!((read.unit, read.source), (Unit::Kr, Some(UnitSource::Chosen)));
    assert_eq!(table(&kr).choices(), in_kr);
    assert_eq!(value(&kr, "Habo kommun", 0), Some(d("204.6")));
    assert_eq!(value(&kr, "Jönköpings kommun", 1), Some(d("2329.6")));
    assert!(
        !codes(&kr).contains(&Code::UnitRead),
        "the person chose: no finding about it"
    );
    assert_eq!(table(&kr).budget.rows[nova].class, RowClass::Administration);
    assert_eq!(kr.preview.as_ref().unwrap().key_texts[1], "141 000");
    assert_eq!(table(&kr).analysis.columns[0].members_total, d("11172"));
    assert_eq!(kr.preview.as_ref().unwrap().name.as_deref(), Some("budget.tsv"));

    let mnkr = kr.apply(worker(
        TKR,
        Choices {
            unit: Some(Unit::Mnkr),
            ..Choices::default()
        },
    ));
    assert_eq!(value(&mnkr, "Habo kommun", 0), Some(d("204600000")));
    let back = mnkr.apply(worker(
        TKR,
        Choices {
            unit: Some(Unit::Tkr),
            ..Choices::default()
        },
    ));
    assert_eq!(table(&back).budget, table(&corrected).budget);
    assert_eq!(table(&back).analysis, table(&corrected).analysis);

    // Used: the budget opens in kronor as chosen.
    let opened = kr.apply(Import::SetKey(1, String::new())).apply(Import::Confirm);
    assert_eq!(opened.preview, None);
    assert_eq!(opened.base.columns[0].members_total, d("11172"));
}

#[test]
fn a_unit_that_would_make_an_amount_too_large_is_refused_and_the_table_stays() {
    let text = "Förbundet;Budget 2024\nHabo kommun;2 000 000 000\nStaten;2 000 000 000\n";
    let big = previewed(text);
    let refused = big.apply(worker(
        text,
        Choices {
            unit: Some(Unit::Mnkr),
            ..Choices::default()
        },
    ));
    let preview = refused.preview.as_ref().unwrap();
    let why = preview.reread_error.as_ref().unwrap().message(Lang::Sv);
    assert!(why.contains("i mnkr blir ett belopp orimligt stort"), "{why}");
    assert_eq!(table(&refused).budget, table(&big).budget);
    assert_eq!(table(&refused).unit.unwrap().unit, Unit::Kr);
    let fine = refused.apply(worker(text, Choices::default()));
    assert_eq!(fine.preview.as_ref().unwrap().reread_error, None);
}

#[test]
fn costs_read_as_negative_can_be_read_as_written_and_back() {
    let s = previewed(NEGATIVE);
    assert!(matches!(table(&s).costs, CostSigns::Turned(_)));
    assert!(codes(&s).contains(&Code::CostsNegative));
    assert_eq!(value(&s, "Kansli", 0), Some(d("2300000")));
    assert_eq!(value(&s, "Verksamhetens kostnader", 0), Some(d("17400000")));
    assert_eq!(table(&s).analysis.columns[0].costs, d("17400000"));

    let as_written = Choices {
        costs_as_written: true,
        ..Choices::default()
    };
    let written = s.apply(worker(NEGATIVE, as_written));
    assert_eq!(table(&written).costs, CostSigns::KeptNegative);
    assert_eq!(table(&written).choices(), as_written);
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

    let again = written.apply(worker(NEGATIVE, Choices::default()));
    assert_eq!(table(&again).budget, table(&s).budget);
    assert_eq!(codes(&again), codes(&s));
    assert_eq!(table(&again).analysis, table(&s).analysis);

    // Costs written as positive amounts: there is nothing to choose.
    assert_eq!(table(&previewed(TKR)).costs, CostSigns::AsWritten);
}

#[test]
fn the_canonical_json_has_no_unit_to_choose() {
    let budget = State::new(Lang::Sv, READ_TABLES).budget;
    let s = State::new(Lang::Sv, READ_TABLES).apply(Import::Budget(None, Ok((*budget).clone())));
    assert_eq!(table(&s).unit, None);
    assert_eq!(table(&s).costs, CostSigns::AsWritten);
}
