//! After the rows are read: costs written as negative amounts turned into
//! the model's positive costs, and amounts in tkr or mnkr into kronor.
//! Each is said as a finding, so the person sees what was assumed.

use super::header::{Header, Units};
use super::units::{rescale_amount, Unit, UnitRead};
use crate::engine::classify::Section;
use crate::engine::findings::{Code, Detail, Finding, Severity};
use crate::engine::model::{Budget, RowClass};
use crate::engine::money::AmountError;
use rust_decimal::Decimal;

/// Below this, a table with no unit written is small for a förbund: the
/// smallest have budgets of a few million kronor.
const SMALL: i64 = 100_000;

/// When most cost figures are negative, the table writes costs as a
/// resultaträkning does: every cost, cost total and subtotal among the
/// costs changes sign. A few negative figures among positive ones are
/// refunds, and stay as written. Gives the rows whose sign it changed.
pub(super) fn costs_as_positive(
    budget: &mut Budget,
    sections: &[Section],
    findings: &mut Vec<Finding>,
) -> Vec<usize> {
    let (mut negative, mut positive) = (0usize, 0usize);
    for value in budget
        .rows
        .iter()
        .filter(|r| r.class.is_cost())
        .flat_map(|r| r.values.iter().flatten())
    {
        if value.is_sign_negative() && !value.is_zero() {
            negative += 1;
        } else if !value.is_zero() {
            positive += 1;
        }
    }
    if negative <= positive {
        return Vec::new();
    }
    let mut first = None;
    let mut turned = Vec::new();
    for (r, (row, section)) in budget.rows.iter_mut().zip(sections).enumerate() {
        let cost_figure = row.class.is_cost()
            || row.class == RowClass::TotalCosts
            || (row.class == RowClass::Subtotal && *section == Section::Costs);
        if cost_figure {
            first = first.or(row.line);
            turned.push(r);
            for value in row.values.iter_mut().flatten().filter(|v| !v.is_zero()) {
                *value = -*value;
            }
        }
    }
    findings.push(Finding::new(Severity::Info, Code::CostsNegative, Detail::CostsNegative).at(first, None));
    turned
}

/// Scales every amount from the unit the table names to kronor, and says
/// which unit was read where. With no unit written, amounts are kronor,
/// and a table of small amounts gets a hint that it may be in tkr.
pub(super) fn to_kronor(
    budget: &mut Budget,
    header: &Header,
    units: Units,
    findings: &mut Vec<Finding>,
) -> UnitRead {
    let Some((unit, source, written, line, cell)) = units.found else {
        let largest = budget
            .rows
            .iter()
            .flat_map(|r| r.values.iter().flatten())
            .map(|v| v.abs())
            .max()
            .unwrap_or_default();
        if !largest.is_zero() && largest < Decimal::from(SMALL) {
            let detail = Detail::UnitUnstated { largest };
            findings.push(Finding::new(Severity::Info, Code::UnitUnstated, detail));
        }
        return UnitRead::default();
    };
    if unit != Unit::Kr {
        for row in &mut budget.rows {
            for (c, value) in row.values.iter_mut().enumerate() {
                let Some(v) = *value else { continue };
                *value = rescale_amount(v, Unit::Kr, unit);
                if value.is_none() {
                    let (i, column) = &header.columns[c];
                    let detail = Detail::BadCell {
                        label: row.label.clone(),
                        error: AmountError::TooLarge(format!("{v} {}", unit.abbreviation())),
                    };
                    findings.push(
                        Finding::new(Severity::Error, Code::BadCell, detail)
                            .in_column(&column.label)
                            .at(row.line, Some(header.cell_no(*i))),
                    );
                }
            }
        }
        let detail = Detail::UnitRead {
            unit,
            source,
            written,
        };
        findings.push(Finding::new(Severity::Info, Code::UnitRead, detail).at(Some(line), Some(cell)));
    }
    UnitRead {
        unit,
        source: Some(source),
    }
}
