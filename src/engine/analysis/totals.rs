//! Declared figures checked against the rows: sums, subtotals, results
//! and closing equity. Each wrong figure is reported once, where it is.

use super::ColumnFigures;
use crate::engine::findings::{Code, Detail, Finding, Severity};
use crate::engine::model::{Budget, RowClass};
use rust_decimal::Decimal;

/// A declared total against what it sums. Within 1 kr per line summed it
/// is rounding in the source (info); beyond that, an error.
struct Check {
    rounding: bool,
    gap: Decimal,
}

fn compare(declared: Decimal, computed: Decimal, lines: usize) -> Option<Check> {
    let gap = declared - computed;
    if gap.is_zero() {
        return None;
    }
    Some(Check {
        rounding: gap.abs() <= Decimal::from(lines.max(1)),
        gap,
    })
}

fn mismatch(
    budget: &Budget,
    c: usize,
    row: usize,
    (declared, computed): (Decimal, Decimal),
    check: &Check,
    uses_declared: bool,
) -> Finding {
    let r = &budget.rows[row];
    Finding::new(
        if check.rounding {
            Severity::Info
        } else {
            Severity::Error
        },
        Code::SumMismatch,
        Detail::SumMismatch {
            label: r.label.clone(),
            declared,
            computed,
            rounding: check.rounding,
            uses_declared,
        },
    )
    .in_column(&budget.columns[c].label)
    .at(r.line, None)
}

/// A running sum and the number of lines in it.
#[derive(Clone, Copy, Default)]
struct Sum(Decimal, usize);

impl Sum {
    fn add(&mut self, value: Decimal) {
        self.0 += value;
        self.1 += 1;
    }
}

/// Checks "Summa …", "Delsumma …" and each result ("Verksamhetens
/// resultat", "Årets resultat") against the rows above it, and takes a
/// declared grand total over its rows when the gap is rounding.
pub(super) fn check_declared_totals(
    budget: &Budget,
    c: usize,
    fig: &mut ColumnFigures,
    findings: &mut Vec<Finding>,
) {
    let mut since_boundary = Sum::default();
    // Opening equity listed among income counts towards "Summa intäkter"
    // (tables add it there), never towards a result.
    let mut income = Sum::default();
    let mut flow_income = Sum::default();
    let mut costs = Sum::default();
    // The declared totals so far: a declared result that follows from
    // them is not reported again when it is they that are wrong.
    let (mut declared_income, mut declared_costs) = (None, None);
    for (i, row) in budget.rows.iter().enumerate() {
        let value = row.value(c);
        let check =
            |declared: Decimal, sum: Sum| compare(declared, sum.0, sum.1).map(|k| (declared, sum.0, k));
        match row.class {
            RowClass::Heading => since_boundary = Sum::default(),
            RowClass::ClosingEquity | RowClass::Unknown => {}
            RowClass::State | RowClass::Region | RowClass::Kommun | RowClass::OtherIncome => {
                if let Some(v) = value {
                    income.add(v);
                    flow_income.add(v);
                    since_boundary.add(v);
                }
            }
            RowClass::OpeningEquity => {
                if let Some(v) = value {
                    income.add(v);
                    since_boundary.add(v);
                }
            }
            RowClass::Verksamhet | RowClass::Administration => {
                if let Some(v) = value {
                    costs.add(v);
                    since_boundary.add(v);
                }
            }
            RowClass::Subtotal | RowClass::TotalIncome | RowClass::TotalCosts | RowClass::Result => {
                let sum = match row.class {
                    RowClass::Subtotal => since_boundary,
                    RowClass::TotalIncome => income,
                    RowClass::TotalCosts => costs,
                    _ => Sum(
                        flow_income.0 + fig.income_rounding - costs.0 - fig.cost_rounding,
                        flow_income.1 + costs.1,
                    ),
                };
                let follows = |declared: Decimal| {
                    let income = declared_income.unwrap_or(flow_income.0 + fig.income_rounding);
                    let costs = declared_costs.unwrap_or(costs.0 + fig.cost_rounding);
                    (declared_income.is_some() || declared_costs.is_some()) && declared == income - costs
                };
                match row.class {
                    RowClass::TotalIncome => declared_income = value,
                    RowClass::TotalCosts => declared_costs = value,
                    RowClass::Result if value.is_some_and(follows) => {
                        since_boundary = Sum::default();
                        continue;
                    }
                    _ => {}
                }
                if let Some((declared, computed, k)) = value.and_then(|v| check(v, sum)) {
                    // A grand total off by rounding wins over its rows.
                    let uses_declared =
                        k.rounding && matches!(row.class, RowClass::TotalIncome | RowClass::TotalCosts);
                    if uses_declared && row.class == RowClass::TotalIncome {
                        fig.income_rounding = k.gap;
                    } else if uses_declared {
                        fig.cost_rounding = k.gap;
                    }
                    findings.push(mismatch(budget, c, i, (declared, computed), &k, uses_declared));
                }
                since_boundary = Sum::default();
            }
        }
    }
}

/// Checks each declared closing equity against the chain. A declared
/// figure that follows from the table's own declared figures (last year's
/// declared closing plus this year's declared result) is not reported
/// again: the wrong figure it follows from is, once, where it stands.
pub(super) fn check_declared_closing(
    budget: &Budget,
    columns: &[ColumnFigures],
    chain: &[usize],
    findings: &mut Vec<Finding>,
) {
    for (c, fig) in columns.iter().enumerate() {
        let lines = budget
            .rows
            .iter()
            .filter(|r| (r.class.is_income() || r.class.is_cost()) && r.value(c).is_some())
            .count();
        let previous = chain
            .iter()
            .position(|&i| i == c)
            .and_then(|at| at.checked_sub(1))
            .map(|at| chain[at]);
        let result = declared_result(budget, c).unwrap_or(fig.result);
        for (i, row) in budget.rows.iter().enumerate() {
            let Some(declared) = row.value(c).filter(|_| row.class == RowClass::ClosingEquity) else {
                continue;
            };
            let Some(check) = compare(declared, fig.closing_equity, lines) else {
                continue;
            };
            let follows = previous
                .and_then(|p| row.value(p))
                .is_some_and(|before| compare(declared, before + result, lines).is_none_or(|k| k.rounding));
            if check.rounding || !follows {
                findings.push(mismatch(
                    budget,
                    c,
                    i,
                    (declared, fig.closing_equity),
                    &check,
                    false,
                ));
            }
        }
    }
}

/// The year's result as the table declares it: its last result row.
fn declared_result(budget: &Budget, c: usize) -> Option<Decimal> {
    budget
        .rows
        .iter()
        .rev()
        .filter(|r| r.class == RowClass::Result)
        .find_map(|r| r.value(c))
}

/// The closing equity a column declares: its last closing equity row.
pub(super) fn declared_closing(budget: &Budget, c: usize) -> Option<Decimal> {
    budget
        .rows
        .iter()
        .rev()
        .filter(|r| r.class == RowClass::ClosingEquity)
        .find_map(|r| r.value(c))
}
