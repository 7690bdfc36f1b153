//! The XLSX export worker's answer: the workbook says what the page shows,
//! the förbund's own equity guideline and the importer's findings included.
#![cfg(not(target_arch = "wasm32"))]
use finsam_kalkyl::engine::{
    analyse,
    export::{xlsx_from_request, XlsxRequest},
    import::{Worded, WordedFinding},
    presets, run_scenario, Code, Lang, Options, Scenario, Severity, SwedishFormat,
};
use rust_decimal::Decimal;
use std::io::Read;

/// Every text in the workbook's XML parts, one string.
fn workbook_text(request: &XlsxRequest) -> String {
    let json = serde_json::to_string(request).expect("serialises");
    let bytes = xlsx_from_request(&json).expect("a workbook");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part");
        if part.name().expect("a name").ends_with(".xml") {
            part.read_to_string(&mut text).expect("utf-8");
        }
    }
    text
}

fn request() -> XlsxRequest {
    let imported = presets::find("sodra-vatterbygden-2024")
        .expect("preset")
        .load()
        .expect("imports");
    XlsxRequest {
        budget: imported.budget,
        scenario: Scenario::default(),
        description: String::new(),
        lang: Lang::Sv,
        options: Options::default(),
        import_findings: Vec::new(),
    }
}

#[test]
fn the_workbook_uses_the_equity_guideline_the_page_uses() {
    let mut with = request();
    with.options.equity_guideline_pct = Some(Decimal::from(10));
    // What the page says with that guideline: closing equity is 16.8 % of
    // the member contributions in 2023 and 11.7 % in 2024 (the year table
    // on the page), above 10 %.
    let base = analyse(&with.budget, &with.options);
    let outcome = run_scenario(&with.budget, &base, &with.scenario, &with.options).expect("runs");
    let above: Vec<String> = outcome
        .findings
        .iter()
        .filter(|f| f.code == Code::EquityHigh)
        .map(|f| f.body(Lang::Sv, &SwedishFormat))
        .collect();
    assert_eq!(above.len(), 2);
    let text = workbook_text(&with);
    let without = workbook_text(&request());
    for finding in &above {
        assert!(text.contains(finding.as_str()), "{finding}");
        assert!(!without.contains(finding.as_str()), "{finding}");
    }
}

#[test]
fn the_workbook_carries_what_the_importer_said() {
    let mut with = request();
    with.import_findings.push(WordedFinding {
        severity: Severity::Info,
        code: Code::UnknownRow,
        column: None,
        line: Some(7),
        cell: Some(1),
        text: Worded {
            sv: "raden «Övrigt bidrag» kändes inte igen".into(),
            en: "the row «Övrigt bidrag» was not recognised".into(),
        },
    });
    let text = workbook_text(&with);
    assert!(text.contains("raden «Övrigt bidrag» kändes inte igen"));
    assert!(text.contains("unknown-row"));
    assert!(!workbook_text(&request()).contains("unknown-row"));
}
