//! Results in the forms people use: CSV the way Swedish Excel reads it,
//! XLSX with one sheet per view, and the canonical JSON model.

use super::analysis::Analysis;
use super::findings::Finding;
use super::model::BudgetError;
use super::report::{rows, Figure, Style};
use super::scenario::{ScenarioError, ScenarioOutcome};
use super::{Lang, NumberFormat, Scenario};
use rust_decimal::Decimal;

struct Words {
    item: &'static str,
    baseline: &'static str,
    scenario: &'static str,
    change: &'static str,
    severity: &'static str,
    code: &'static str,
    column: &'static str,
    row: &'static str,
    message: &'static str,
    sheet_years: &'static str,
    sheet_findings: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Sv => Words {
            item: "Post",
            baseline: "utgångsläge",
            scenario: "scenario",
            change: "förändring",
            severity: "Allvar",
            code: "Kod",
            column: "Kolumn",
            row: "Rad",
            message: "Meddelande",
            sheet_years: "Flerår",
            sheet_findings: "Iakttagelser",
        },
        Lang::En => Words {
            item: "Item",
            baseline: "baseline",
            scenario: "scenario",
            change: "change",
            severity: "Severity",
            code: "Code",
            column: "Column",
            row: "Row",
            message: "Message",
            sheet_years: "Years",
            sheet_findings: "Findings",
        },
    }
}

/// A number as Swedish Excel reads it in a CSV cell: decimal comma, no
/// grouping, ASCII minus (Excel does not read U+2212 as a sign).
fn csv_number(v: Decimal) -> String {
    v.normalize().to_string().replace('.', ",")
}

fn csv_cell(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The multi-year table, baseline, scenario and change per chained year,
/// as CSV for Swedish Excel: `;` between cells, decimal comma, UTF-8 with a
/// byte-order mark, CRLF line ends.
pub fn csv(base: &Analysis, outcome: &ScenarioOutcome, description: &str, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::from("\u{feff}");
    let line = |out: &mut String, cells: Vec<String>| {
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    };
    line(&mut out, vec![csv_cell(&base.title)]);
    line(&mut out, vec![csv_cell(description)]);
    let mut header = vec![w.item.to_string()];
    for &i in &base.chain {
        let label = &base.columns[i].label;
        header.extend([w.baseline, w.scenario, w.change].map(|kind| csv_cell(&format!("{label} {kind}"))));
    }
    line(&mut out, header);
    for row in rows(base, &outcome.columns, &base.chain, lang) {
        let mut cells = vec![csv_cell(&row.label)];
        for (b, s) in &row.cells {
            match (b, s) {
                (Figure::Money(b), Figure::Money(s)) => {
                    cells.extend([csv_number(*b), csv_number(*s), csv_number(*s - *b)]);
                }
                (b, s) => {
                    let pct = |f: &Figure| match f {
                        Figure::Percent(Some(p)) => csv_number(*p),
                        _ => String::new(),
                    };
                    cells.extend([pct(b), pct(s), String::new()]);
                }
            }
        }
        line(&mut out, cells);
    }
    out
}

/// The same table as an Excel workbook, with the findings on a sheet of
/// their own. Figures are numbers, formatted with thousands grouping.
pub fn xlsx(
    base: &Analysis,
    outcome: &ScenarioOutcome,
    description: &str,
    findings: &[&Finding],
    lang: Lang,
    f: &dyn NumberFormat,
) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let w = words(lang);
    let mut book = Workbook::new();
    let plain = Format::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let money = Format::new().set_num_format("#,##0");
    let money_bold = Format::new().set_num_format("#,##0").set_bold();
    let pct = Format::new().set_num_format("0.0");
    let delta = Format::new().set_num_format("+#,##0;-#,##0;0");
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();

    let sheet = book.add_worksheet();
    sheet.set_name(w.sheet_years).map_err(err)?;
    sheet.write_with_format(0, 0, &base.title, &title).map_err(err)?;
    sheet.write(1, 0, description).map_err(err)?;
    sheet.write_with_format(3, 0, w.item, &bold).map_err(err)?;
    let mut col: u16 = 1;
    for &i in &base.chain {
        let label = &base.columns[i].label;
        for kind in [w.baseline, w.scenario, w.change] {
            sheet
                .write_with_format(3, col, format!("{label} {kind}"), &bold)
                .map_err(err)?;
            col += 1;
        }
    }
    sheet.set_column_width(0, 38).map_err(err)?;
    sheet
        .set_column_range_width(1, col.saturating_sub(1).max(1), 16)
        .map_err(err)?;
    for (r, row) in rows(base, &outcome.columns, &base.chain, lang).iter().enumerate() {
        let r = 4 + r as u32;
        let strong = matches!(row.style, Style::Group | Style::Sum | Style::Equity);
        sheet
            .write_with_format(r, 0, &row.label, if strong { &bold } else { &plain })
            .map_err(err)?;
        for (n, (b, s)) in row.cells.iter().enumerate() {
            let c = 1 + 3 * n as u16;
            match (b, s) {
                (Figure::Money(b), Figure::Money(s)) => {
                    let format = if strong { &money_bold } else { &money };
                    sheet.write_with_format(r, c, *b, format).map_err(err)?;
                    sheet.write_with_format(r, c + 1, *s, format).map_err(err)?;
                    sheet.write_with_format(r, c + 2, *s - *b, &delta).map_err(err)?;
                }
                (b, s) => {
                    for (offset, figure) in [(0, b), (1, s)] {
                        if let Figure::Percent(Some(p)) = figure {
                            sheet.write_with_format(r, c + offset, *p, &pct).map_err(err)?;
                        }
                    }
                }
            }
        }
    }

    let sheet = book.add_worksheet();
    sheet.set_name(w.sheet_findings).map_err(err)?;
    for (c, head) in [w.severity, w.code, w.column, w.row, w.message]
        .iter()
        .enumerate()
    {
        sheet.write_with_format(0, c as u16, *head, &bold).map_err(err)?;
    }
    sheet.set_column_width(4, 100).map_err(err)?;
    for (r, finding) in findings.iter().enumerate() {
        let r = 1 + r as u32;
        sheet.write(r, 0, finding.severity.name(lang)).map_err(err)?;
        sheet.write(r, 1, finding.code.as_str()).map_err(err)?;
        sheet
            .write(r, 2, finding.column.clone().unwrap_or_default())
            .map_err(err)?;
        if let Some(line) = finding.line {
            sheet.write(r, 3, line as u32).map_err(err)?;
        }
        sheet.write(r, 4, finding.body(lang, f)).map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}

/// What the browser's export worker is asked: the budget, scenario and
/// options, so it can compute everything itself, the scenario in one
/// sentence as the page words it, and what the importer said about the
/// table (worded: the page has no typed import findings).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct XlsxRequest {
    pub budget: super::Budget,
    pub scenario: Scenario,
    #[serde(default)]
    pub description: String,
    pub lang: Lang,
    #[serde(default)]
    pub options: super::Options,
    #[serde(default)]
    pub import_findings: Vec<super::import::WordedFinding>,
}

/// Why the worker could not make a workbook. The page and the worker come
/// from the same build, so only a bug or a damaged request gets here: the
/// page says the workbook could not be made, whichever it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    Request,
    Budget(BudgetError),
    Scenario(ScenarioError),
    Workbook,
}

/// The worker's whole job: a request as JSON in, a workbook out.
pub fn xlsx_from_request(json: &str) -> Result<Vec<u8>, ExportError> {
    let request: XlsxRequest = serde_json::from_str(json).map_err(|_| ExportError::Request)?;
    request.budget.validate().map_err(ExportError::Budget)?;
    let options = &request.options;
    let base = super::analyse(&request.budget, options);
    let outcome = super::run_scenario(&request.budget, &base, &request.scenario, options)
        .map_err(ExportError::Scenario)?;
    let imported: Vec<Finding> = request.import_findings.into_iter().map(Finding::from).collect();
    let findings = super::scenario::visible_findings(&imported, &base, &outcome);
    xlsx(
        &base,
        &outcome,
        &request.description,
        &findings,
        request.lang,
        &super::SwedishFormat,
    )
    .map_err(|_| ExportError::Workbook)
}
