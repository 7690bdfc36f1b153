//! The value reader: a row's cells under the year columns as amounts,
//! in the unit the table is written in. A blank cell is no figure; a lone
//! dash is zero, as printed tables write it; anything else that is not an
//! amount is reported where it stands and counts as blank.

use super::header::Header;
use crate::engine::findings::{Code, Detail, Finding, Severity};
use crate::engine::money::parse_amount;
use rust_decimal::Decimal;

pub(super) struct Values {
    /// One per year column.
    pub values: Vec<Option<Decimal>>,
    /// Whether the row has any figure at all, in any column but the notes:
    /// a row without is a heading.
    pub any_figure: bool,
}

/// Reads a row's values. `label` names the row in findings.
pub(super) fn read(
    cells: &[String],
    header: &Header,
    line: usize,
    label: &str,
    findings: &mut Vec<Finding>,
) -> Values {
    let mut values = Vec::with_capacity(header.columns.len());
    let mut any_figure = false;
    for (i, column) in &header.columns {
        let cell = cells.get(*i).map_or("", String::as_str);
        if cell.is_empty() {
            values.push(None);
            continue;
        }
        any_figure = true;
        if matches!(cell, "-" | "–" | "—" | "−") {
            values.push(Some(Decimal::ZERO));
            continue;
        }
        match parse_amount(cell) {
            Ok(v) => values.push(Some(v)),
            Err(error) => {
                findings.push(
                    Finding::new(
                        Severity::Error,
                        Code::BadCell,
                        Detail::BadCell {
                            label: label.to_string(),
                            error,
                        },
                    )
                    .in_column(&column.label)
                    .at(Some(line), Some(header.cell_no(*i))),
                );
                values.push(None);
            }
        }
    }
    // Cells beyond the year columns count as figures for deciding whether
    // this is a heading, but are otherwise ignored; note references do not.
    any_figure = any_figure
        || cells
            .iter()
            .enumerate()
            .skip(1)
            .any(|(i, c)| !header.notes.contains(&i) && !c.is_empty() && parse_amount(c).is_ok());
    Values { values, any_figure }
}
