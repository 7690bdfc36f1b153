#![cfg(not(target_arch = "wasm32"))]
//! The corpus of tables shaped as förbund publish them (issue 14):
//! `tests/fixtures/wild/NAME.{csv,tsv,txt}`, each with its figures worked
//! out by hand in `NAME.expect`. Every table is imported and analysed, and
//! every expected figure checked to the krona; the error and warning
//! findings must be exactly those expected. Then a scenario runs on each.
//!
//! The `.expect` format, one statement a line (`#` starts a comment):
//!
//! ```text
//! title: Samordningsförbundet Exempel
//! unit: tkr title              # the unit read, and where; `kr` alone: none written
//! column: Budget 2025          # then the column's figures, in kronor
//!   state: 5 586 000           # also region, kommuner, other, costs,
//!                              # result, opening, closing
//! region-name: Region Örebro län + Region Västmanland   # also state-name,
//!                              # kommun-names (joined by ", "), budget-year
//! finding: error sum-mismatch line=14 column=Budget 2025
//! info: unit-read              # an info finding that must be there
//! ```
//!
//! A `finding:` names severity and code, and optionally `line=`, `cell=`
//! and `column=` (the rest of the line); together they must match the
//! error and warning findings one to one.

use finsam_kalkyl::engine::{
    analyse, import_file, run_scenario, Analysis, Change, ColumnFigures, Finding, MemberRef, Mode, Options,
    Scenario, ScenarioError, Severity,
};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

const FIGURES: [&str; 8] = [
    "state", "region", "kommuner", "other", "costs", "result", "opening", "closing",
];

#[derive(Debug, Default)]
struct Expect {
    title: Option<String>,
    unit: Option<String>,
    /// `region-name`, `state-name`, `kommun-names` (comma-separated) and
    /// `budget-year`, as the analysis gives them.
    names: Vec<(String, String)>,
    columns: Vec<(String, Vec<(String, Decimal)>)>,
    findings: Vec<Wanted>,
    infos: Vec<String>,
}

#[derive(Debug)]
struct Wanted {
    severity: Severity,
    code: String,
    line: Option<usize>,
    cell: Option<usize>,
    column: Option<String>,
}

impl Wanted {
    fn matches(&self, f: &Finding) -> bool {
        f.severity == self.severity
            && f.code.as_str() == self.code
            && self.line.is_none_or(|l| f.line == Some(l))
            && self.cell.is_none_or(|c| f.cell == Some(c))
            && self.column.as_ref().is_none_or(|c| f.column.as_ref() == Some(c))
    }
}

fn parse_expect(path: &Path) -> Expect {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut expect = Expect::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let here = || format!("{}:{}", path.display(), n + 1);
        let (key, value) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("{}: no `key:`", here()));
        let value = value.trim();
        match key.trim() {
            "title" => expect.title = Some(value.to_string()),
            "unit" => expect.unit = Some(value.to_string()),
            "column" => expect.columns.push((value.to_string(), Vec::new())),
            "region-name" | "state-name" | "kommun-names" | "budget-year" => {
                expect.names.push((key.trim().to_string(), value.to_string()))
            }
            "finding" => {
                let (head, column) = match value.split_once("column=") {
                    Some((h, c)) => (h, Some(c.trim().to_string())),
                    None => (value, None),
                };
                let mut words = head.split_whitespace();
                let severity = match words.next() {
                    Some("error") => Severity::Error,
                    Some("warning") => Severity::Warning,
                    other => panic!("{}: severity {other:?}", here()),
                };
                let code = words
                    .next()
                    .unwrap_or_else(|| panic!("{}: no code", here()))
                    .to_string();
                let (mut line, mut cell) = (None, None);
                for w in words {
                    let (k, v) = w.split_once('=').unwrap_or_else(|| panic!("{}: {w}", here()));
                    let v = v.parse().unwrap_or_else(|_| panic!("{}: {w}", here()));
                    match k {
                        "line" => line = Some(v),
                        "cell" => cell = Some(v),
                        _ => panic!("{}: {w}", here()),
                    }
                }
                expect.findings.push(Wanted {
                    severity,
                    code,
                    line,
                    cell,
                    column,
                });
            }
            "info" => expect.infos.push(value.to_string()),
            figure if FIGURES.contains(&figure) => {
                let amount = finsam_kalkyl::engine::money::parse_amount(value)
                    .unwrap_or_else(|e| panic!("{}: {e}", here()));
                let (_, figures) = expect
                    .columns
                    .last_mut()
                    .unwrap_or_else(|| panic!("{}: a figure before any `column:`", here()));
                figures.push((figure.to_string(), amount));
            }
            other => panic!("{}: unknown key {other}", here()),
        }
    }
    expect
}

fn figure(c: &ColumnFigures, name: &str) -> Decimal {
    match name {
        "state" => c.state,
        "region" => c.region,
        "kommuner" => c.kommuner_total,
        "other" => c.other_income,
        "costs" => c.costs,
        "result" => c.result,
        "opening" => c.opening_equity,
        "closing" => c.closing_equity,
        _ => unreachable!(),
    }
}

fn tables() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wild");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/wild")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "expect"))
        .collect();
    paths.sort();
    paths
}

/// Checks one table against its expectations; returns what is wrong.
fn check(path: &Path) -> Vec<String> {
    let expect_path = path.with_extension("expect");
    if !expect_path.exists() {
        return vec![format!("no expectations: {}", expect_path.display())];
    }
    let expect = parse_expect(&expect_path);
    let mut wrong = Vec::new();
    let bytes = std::fs::read(path).unwrap();
    let imported = match import_file(&bytes) {
        Ok(i) => i,
        Err(e) => {
            return vec![format!(
                "import failed: {}",
                e.message(finsam_kalkyl::engine::Lang::Sv)
            )]
        }
    };
    let a = analyse(&imported.budget, &Options::default());
    if let Some(title) = &expect.title {
        if &imported.budget.title != title {
            wrong.push(format!("title {:?}, expected {title:?}", imported.budget.title));
        }
    }
    let unit = match imported.unit.source {
        Some(source) => format!("{} {}", imported.unit.unit.abbreviation(), source_name(source)),
        None => imported.unit.unit.abbreviation().to_string(),
    };
    if expect.unit.as_ref().is_some_and(|u| *u != unit) {
        wrong.push(format!("unit {unit:?}, expected {:?}", expect.unit));
    }
    for (key, want) in &expect.names {
        let got = match key.as_str() {
            "region-name" => a.region_name.clone(),
            "state-name" => a.state_name.clone(),
            "kommun-names" => a.kommun_names.join(", "),
            _ => a.budget_year.map(|y| y.to_string()).unwrap_or_default(),
        };
        if &got != want {
            wrong.push(format!("{key} {got:?}, expected {want:?}"));
        }
    }
    for column in &a.columns {
        let Some((_, figures)) = expect.columns.iter().find(|(l, _)| *l == column.label) else {
            wrong.push(format!("column {:?} has no expected figures", column.label));
            continue;
        };
        for name in FIGURES {
            match figures.iter().find(|(n, _)| n == name) {
                None => wrong.push(format!("{}: no expected {name}", column.label)),
                Some((_, want)) if figure(column, name) != *want => wrong.push(format!(
                    "{}: {name} {}, expected {want}",
                    column.label,
                    figure(column, name)
                )),
                Some(_) => {}
            }
        }
        if column.closing_equity != column.opening_equity + column.income_total - column.costs {
            wrong.push(format!("{}: equity identity fails", column.label));
        }
    }
    for (label, _) in &expect.columns {
        if !a.columns.iter().any(|c| &c.label == label) {
            wrong.push(format!("expected column {label:?} is not in the table"));
        }
    }
    let findings: Vec<&Finding> = imported.findings.iter().chain(&a.findings).collect();
    let mut loud: Vec<&Finding> = findings
        .iter()
        .copied()
        .filter(|f| f.severity != Severity::Info)
        .collect();
    for want in &expect.findings {
        match loud.iter().position(|f| want.matches(f)) {
            Some(i) => drop(loud.remove(i)),
            None => wrong.push(format!("missing finding {want:?}")),
        }
    }
    for f in loud {
        wrong.push(format!("unexpected finding: {}", describe(f)));
    }
    for code in &expect.infos {
        if !findings
            .iter()
            .any(|f| f.severity == Severity::Info && f.code.as_str() == code)
        {
            wrong.push(format!("missing info finding {code}"));
        }
    }
    wrong.extend(scenarios(&imported.budget, &a));
    wrong
}

fn source_name(source: finsam_kalkyl::engine::import::UnitSource) -> &'static str {
    use finsam_kalkyl::engine::import::UnitSource::*;
    match source {
        Title => "title",
        Header => "header",
        FirstCell => "first-cell",
        Chosen => "chosen",
    }
}

fn describe(f: &Finding) -> String {
    format!(
        "{} {} line={:?} cell={:?} column={:?}: {}",
        f.severity.name(finsam_kalkyl::engine::Lang::En),
        f.code.as_str(),
        f.line,
        f.cell,
        f.column,
        f.body(
            finsam_kalkyl::engine::Lang::Sv,
            &finsam_kalkyl::engine::SwedishFormat
        )
    )
}

/// The table as a baseline scenario, and a raise for each kommun in turn
/// (alone, with room in the state's utrymme): each runs, and keeps
/// closing = opening + income − costs in every column.
fn scenarios(budget: &finsam_kalkyl::engine::Budget, a: &Analysis) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut runs = vec![("baseline".to_string(), Scenario::default())];
    for name in &a.kommun_names {
        let raise = Scenario {
            mode: Mode::Alone,
            state_offer: Some(Decimal::from(1_000_000_000)),
            ..Scenario::default()
        }
        .with_change(MemberRef::Kommun(name.clone()), Change::Kr(Decimal::from(10_000)));
        runs.push((format!("{name} +10 000"), raise));
    }
    for (what, scenario) in runs {
        match run_scenario(budget, a, &scenario, &Options::default()) {
            Ok(outcome) => {
                for c in &outcome.columns {
                    if c.closing_equity != c.opening_equity + c.income_total - c.costs {
                        wrong.push(format!("scenario {what}: {}: equity identity fails", c.label));
                    }
                }
            }
            // A table of outcomes only has no year a scenario may change,
            // and says so.
            Err(ScenarioError::NoPlannedYears) if !a.columns.iter().any(|c| c.kind.is_planned()) => {}
            Err(e) => wrong.push(format!("scenario {what} failed: {e:?}")),
        }
    }
    wrong
}

#[test]
fn every_wild_table_reads_as_worked_out_by_hand() {
    let paths = tables();
    assert!(
        paths.len() >= 20,
        "the corpus has {} tables, fewer than 20",
        paths.len()
    );
    let mut failures = Vec::new();
    for path in &paths {
        let wrong = check(path);
        if !wrong.is_empty() {
            failures.push(format!("{}:\n  {}", path.display(), wrong.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_expectation_has_its_table() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wild");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "expect") {
            let stem = path.file_stem().unwrap();
            assert!(
                tables().iter().any(|t| t.file_stem() == Some(stem)),
                "{} has no table",
                path.display()
            );
        }
    }
}
