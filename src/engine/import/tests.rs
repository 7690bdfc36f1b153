//! The importer's own cases; the corpus (`tests/wild.rs`) and the
//! generated tables (`tests/importer.rs`) test the whole.

use super::*;
use crate::engine::model::{ColumnKind, RowClass};
use crate::engine::{Code, Lang};
use rust_decimal::Decimal;

#[test]
fn headers() {
    use ColumnKind::*;
    assert_eq!(parse_column_header("Budget 2024"), Some((Budget, 2024, None)));
    assert_eq!(parse_column_header("Prognos 2023"), Some((Prognos, 2023, None)));
    assert_eq!(parse_column_header("Plan 2026"), Some((Plan, 2026, None)));
    assert_eq!(parse_column_header("Utfall 2022"), Some((Utfall, 2022, None)));
    assert_eq!(parse_column_header("2024"), Some((Budget, 2024, None)));
    assert_eq!(
        parse_column_header("Utfall 2023-06-30"),
        Some((PeriodUtfall, 2023, Some("2023-06-30".into())))
    );
    assert_eq!(
        parse_column_header("Utfall 2023-12-31"),
        Some((Utfall, 2023, None))
    );
    assert_eq!(
        parse_column_header("Budget 2024 (kr)"),
        Some((Budget, 2024, None))
    );
    assert_eq!(parse_column_header("Kommentar"), None);
    assert_eq!(parse_column_header("Budget"), None);
    assert_eq!(parse_column_header("Budget 2024 tkr"), Some((Budget, 2024, None)));
    assert_eq!(
        parse_column_header("Delår jan–aug 2023"),
        Some((PeriodUtfall, 2023, None))
    );
    assert_eq!(parse_column_header("Bokslut 2022"), Some((Utfall, 2022, None)));
    assert_eq!(parse_column_header("2024 2025"), None);
}

#[test]
fn windows_1252_is_read() {
    let bytes = b"S\xf6dra;Budget 2024\nHabo kommun;100\n";
    let imported = import_bytes(bytes).unwrap();
    assert_eq!(imported.budget.title, "Södra");
}

#[test]
fn fatal_errors_name_the_problem() {
    let err = import_table("").unwrap_err();
    assert_eq!(err.kind, ImportErrorKind::Empty);
    let err = import_table("Förbund;Kommentar\nHabo kommun;1\n").unwrap_err();
    assert_eq!(err.kind, ImportErrorKind::NoYearHeader);
    assert_eq!(err.line, Some(1));
    assert!(err
        .message(Lang::Sv)
        .starts_with("Rad 1: ingen kolumn har ett år"));
    let err = import_table("F;Budget 2024;Plan 2025\nHabo kommun\t100\t200\n").unwrap_err();
    assert_eq!(err.line, Some(2));
    assert!(matches!(
        err.kind,
        ImportErrorKind::MixedSeparators {
            header: ';',
            row: '\t'
        }
    ));
    assert_eq!(
        import_bytes(b"PK\x03\x04rest").unwrap_err().kind,
        ImportErrorKind::Spreadsheet
    );
    assert_eq!(import_bytes(b"ab\0cd").unwrap_err().kind, ImportErrorKind::Binary);
    let big = vec![b'1'; MAX_BYTES + 1];
    assert!(matches!(
        import_bytes(&big).unwrap_err().kind,
        ImportErrorKind::TooLarge { .. }
    ));
}

#[test]
fn text_in_a_number_cell_names_row_and_column() {
    let imported = import_table("F;Budget 2024;Plan 2025\nHabo kommun;100;abc\n").unwrap();
    let f = &imported.findings[0];
    assert_eq!(f.code, Code::BadCell);
    assert_eq!((f.line, f.cell), (Some(2), Some(3)));
    assert_eq!(f.column.as_deref(), Some("Plan 2025"));
    assert_eq!(imported.budget.rows[0].values, vec![Some(100.into()), None]);
}

#[test]
fn quoted_cells_and_tabs() {
    let text = "\"Förbund, test\"\t\"Budget 2024\"\n\"Habo kommun\"\t\"1 234,50\"\n";
    let imported = import_table(text).unwrap();
    assert_eq!(imported.budget.title, "Förbund, test");
    assert_eq!(imported.budget.rows[0].value(0), Some("1234.5".parse().unwrap()));
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn a_table_in_mnkr_is_read_in_kronor_and_can_be_switched() {
    let text = "Verksamhetsplan (mnkr);Budget 2025;Plan 2026\nFörsäkringskassan;3,15;3,2\nKansli;0,5;0,5\n";
    let imported = import_table(text).unwrap();
    assert_eq!(imported.budget.title, "Verksamhetsplan");
    assert_eq!(imported.budget.rows[0].value(0), Some(d("3150000")));
    assert_eq!(
        imported.unit,
        UnitRead {
            unit: Unit::Mnkr,
            source: Some(UnitSource::Title)
        }
    );
    let said = imported
        .findings
        .iter()
        .find(|f| f.code == Code::UnitRead)
        .unwrap();
    assert_eq!((said.line, said.cell), (Some(1), Some(1)));
    let in_tkr = imported.clone().with_unit(Unit::Tkr).unwrap();
    assert_eq!(in_tkr.budget.rows[0].value(0), Some(d("3150")));
    assert!(!in_tkr.findings.iter().any(|f| f.code.is_about_the_unit()));
    assert_eq!(in_tkr.unit.source, Some(UnitSource::Chosen));
    let back = in_tkr.with_unit(Unit::Mnkr).unwrap();
    assert_eq!(back.budget, imported.budget);
    // Too large in the unit chosen: a message naming the row.
    let big = import_table("F;Budget 2025\nFörsäkringskassan;900 000 000 000\n").unwrap();
    let err = big.with_unit(Unit::Mnkr).unwrap_err();
    assert_eq!(err.line, Some(2));
    assert!(err
        .message(Lang::Sv)
        .contains("i mnkr blir ett belopp orimligt stort"));
}

#[test]
fn headers_on_two_rows_in_column_b_under_a_caption() {
    let text = "\tSamordningsförbundet Test\n\tBelopp i tkr\n\t\tUtfall\tBudget\n\t\t2023\t2024\n\tHabo kommun\t1\t2\n";
    let imported = import_table(text).unwrap();
    let b = &imported.budget;
    assert_eq!(b.title, "Samordningsförbundet Test");
    let labels: Vec<&str> = b.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Utfall 2023", "Budget 2024"]);
    assert_eq!(b.rows[0].values, vec![Some(d("1000")), Some(d("2000"))]);
    assert_eq!(imported.unit.source, Some(UnitSource::FirstCell));
    let said = imported
        .findings
        .iter()
        .find(|f| f.code == Code::UnitRead)
        .unwrap();
    assert_eq!((said.line, said.cell), (Some(2), Some(2)));
}

#[test]
fn members_keep_their_names_without_prefix_or_note_marks() {
    let text = "F;Not;Budget 2024\nMedlemsavgift Region Örebro län 2);3;400\nBidrag från Habo kommun*;;200\n\
                Västra Götalandsregionen;;100\nKommunerna;;300\nArbetsförmedlingen;;0\nFörsäkringskassan¹;;1 000\n";
    let imported = import_table(text).unwrap();
    let rows: Vec<(&str, RowClass)> = imported
        .budget
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.class))
        .collect();
    assert_eq!(
        rows,
        [
            ("Region Örebro län", RowClass::Region),
            ("Habo kommun", RowClass::Kommun),
            ("Västra Götalandsregionen", RowClass::Region),
            ("Kommunerna", RowClass::Kommun),
            ("Arbetsförmedlingen", RowClass::State),
            ("Försäkringskassan", RowClass::State),
        ]
    );
    let notes = &imported.findings[0];
    assert_eq!(
        (notes.code, notes.severity, notes.cell),
        (Code::ColumnIgnored, crate::engine::Severity::Info, Some(2))
    );
    let a = crate::engine::analyse(&imported.budget, &Default::default());
    assert_eq!(a.region_name, "Region Örebro län + Västra Götalandsregionen");
    assert_eq!(a.state_name, "Försäkringskassan");
    assert_eq!(a.columns[0].region, d("500"));
    assert!(!a.findings.iter().any(|f| f.code == Code::SplitMismatch));
}

#[test]
fn the_workers_reply_carries_the_unit_and_the_codes_by_name() {
    let imported = import_table("Belopp i tkr;Budget 2025\nFörsäkringskassan;5 586\nKansli;-800\n").unwrap();
    let json = serde_json::to_string(&ImportReply::new(
        Ok(imported.clone()),
        &crate::engine::SwedishFormat,
    ))
    .unwrap();
    assert!(json.contains(r#""unit":"tkr first-cell""#), "{json}");
    assert!(json.contains(r#""code":"costs-negative""#), "{json}");
    let back = serde_json::from_str::<ImportReply>(&json)
        .unwrap()
        .into_result()
        .unwrap();
    assert_eq!(back.unit, imported.unit);
    assert_eq!(back.budget, imported.budget);
    let codes: Vec<Code> = back.findings.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        imported.findings.iter().map(|f| f.code).collect::<Vec<_>>()
    );
    // A reply from an older worker, without a unit, reads as kronor.
    let old = json.replace(r#","unit":"tkr first-cell""#, "");
    assert_eq!(
        serde_json::from_str::<ImportReply>(&old).unwrap().unit,
        UnitRead::default()
    );
}
