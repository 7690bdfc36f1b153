//! Equity over the years: which column stands for each year, what each
//! opens with, how a scenario's changes carry forward, and the findings
//! about deficits and the level of equity.

use super::{ColumnFigures, OpeningSource, Options};
use crate::engine::findings::{Code, Detail, Finding, Severity};
use crate::engine::model::{Budget, ColumnKind, RowClass};
use rust_decimal::Decimal;

/// True for a column that holds nothing but equity (for example the year
/// before the budget with only "Eget kapital" filled in): no income, cost
/// or declared total other than zero, and an equity figure.
pub(super) fn is_balance_column(budget: &Budget, c: usize) -> bool {
    let mut equity = false;
    for row in &budget.rows {
        match (row.class, row.value(c)) {
            (_, None) | (RowClass::Heading, _) => {}
            (RowClass::OpeningEquity | RowClass::ClosingEquity, Some(_)) => equity = true,
            (_, Some(v)) if v.is_zero() => {}
            _ => return false,
        }
    }
    equity
}

/// One column a year: utfall before prognos before budget before plan,
/// and any of them before a column that holds only the balance.
pub(super) fn choose_chain(budget: &Budget, balance: &[bool]) -> Vec<usize> {
    let mut best: Vec<(i32, u8, usize)> = Vec::new();
    for (i, column) in budget.columns.iter().enumerate() {
        let Some(rank) = column.kind.chain_rank() else {
            continue;
        };
        let rank = rank + if balance[i] { 10 } else { 0 };
        match best.iter_mut().find(|(y, _, _)| *y == column.year) {
            Some(entry) if rank < entry.1 => *entry = (column.year, rank, i),
            Some(_) => {}
            None => best.push((column.year, rank, i)),
        }
    }
    crate::engine::sort_small_by_key(&mut best, |(year, _, _)| *year);
    best.into_iter().map(|(_, _, i)| i).collect()
}

/// Chains equity: each chained year opens with the table's figure if it
/// gives one, otherwise with last year's closing equity. A balance column
/// opens and closes with its own figure. The first year, with neither,
/// opens with its declared closing less its result. Columns off the chain
/// open like the chained column of their year.
pub(super) fn chain_equity(
    budget: &Budget,
    columns: &mut [ColumnFigures],
    chain: &[usize],
    balance: &[bool],
    findings: &mut Vec<Finding>,
) {
    let mut previous: Option<(i32, Decimal)> = None;
    for &i in chain {
        let declared = super::totals::declared_closing(budget, i);
        let col = &mut columns[i];
        let (opening, source, finding) = opening_of(col, previous.map(|p| p.1), declared, balance[i]);
        findings.extend(finding.map(|f| f.in_column(&col.label)));
        if let Some((year, _)) = previous.filter(|(year, _)| col.year != year + 1) {
            let detail = Detail::YearGap {
                from: year,
                to: col.year,
            };
            findings.push(Finding::new(Severity::Info, Code::YearGap, detail).in_column(&col.label));
        }
        col.set_opening(opening, source);
        previous = Some((col.year, col.closing_equity));
    }
    for i in 0..columns.len() {
        if columns[i].chained {
            continue;
        }
        let given = match balance[i] {
            true => columns[i]
                .given_opening
                .or(super::totals::declared_closing(budget, i)),
            false => columns[i].given_opening,
        };
        let (opening, source) = match given {
            Some(given) => (given, OpeningSource::Table),
            None => opening_for_year(columns, chain, columns[i].year),
        };
        columns[i].set_opening(opening, source);
    }
}

/// What a chained column opens with, given last year's closing equity and
/// the closing the column declares, and what to say about it.
fn opening_of(
    col: &ColumnFigures,
    chain_closing: Option<Decimal>,
    declared: Option<Decimal>,
    balance: bool,
) -> (Decimal, OpeningSource, Option<Finding>) {
    let said = |severity, code, detail| Some(Finding::new(severity, code, detail));
    match (col.given_opening, chain_closing) {
        _ if balance => {
            let equity = col.given_opening.or(declared).unwrap_or_default();
            let finding = said(
                Severity::Info,
                Code::BalanceColumn,
                Detail::BalanceColumn { equity },
            );
            (equity, OpeningSource::Table, finding)
        }
        (Some(given), Some(chain)) if given != chain => {
            let rounding = (given - chain).abs() <= Decimal::ONE;
            let severity = if rounding {
                Severity::Info
            } else {
                Severity::Warning
            };
            let detail = Detail::OpeningEquityDiffers { table: given, chain };
            (
                given,
                OpeningSource::Table,
                said(severity, Code::OpeningEquityDiffers, detail),
            )
        }
        (Some(given), _) => (given, OpeningSource::Table, None),
        (None, Some(chain)) => (chain, OpeningSource::Chain, None),
        (None, None) => match declared {
            Some(closing) => {
                let opening = closing - col.result;
                let detail = Detail::OpeningDerived {
                    closing,
                    result: col.result,
                    opening,
                };
                (
                    opening,
                    OpeningSource::Table,
                    said(Severity::Info, Code::OpeningDerived, detail),
                )
            }
            None => {
                let finding = said(
                    Severity::Warning,
                    Code::OpeningEquityMissing,
                    Detail::OpeningEquityMissing,
                );
                (Decimal::ZERO, OpeningSource::Missing, finding)
            }
        },
    }
}

/// The opening equity the chain gives a year: that of its chained column,
/// or else the closing equity of the last chained year before it.
fn opening_for_year(columns: &[ColumnFigures], chain: &[usize], year: i32) -> (Decimal, OpeningSource) {
    if let Some(&i) = chain.iter().find(|&&i| columns[i].year == year) {
        return (columns[i].opening_equity, columns[i].opening_source);
    }
    chain
        .iter()
        .rev()
        .find(|&&i| columns[i].year < year)
        .map(|&i| (columns[i].closing_equity, OpeningSource::Chain))
        .unwrap_or((Decimal::ZERO, OpeningSource::Missing))
}

/// After a scenario changes results, shifts every opening by what the
/// earlier years changed, so the chain carries the scenario forward.
pub fn rechain_shifted(
    base: &[ColumnFigures],
    scenario: &mut [ColumnFigures],
    chain: &[usize],
    interest: Option<(Decimal, i32)>,
) {
    // (year, shift of its opening, shift of its closing) per chained year.
    let mut shifts: Vec<(i32, Decimal, Decimal)> = Vec::with_capacity(chain.len());
    let mut shift = Decimal::ZERO;
    for &i in chain {
        let source = base[i].opening_source;
        let opening = base[i].opening_equity + shift;
        // Interest depends on this year's opening equity, so it is added
        // here, in chain order, rather than with the other income.
        if let Some((rate, from)) = interest {
            if scenario[i].year >= from && scenario[i].kind.is_planned() {
                let earned =
                    crate::engine::money::round_kr(opening.max(Decimal::ZERO) * rate / Decimal::ONE_HUNDRED);
                scenario[i].other_income = base[i].other_income + earned;
                scenario[i].recompute_income();
            }
        }
        scenario[i].set_opening(opening, source);
        let closing_shift = scenario[i].closing_equity - base[i].closing_equity;
        shifts.push((scenario[i].year, shift, closing_shift));
        shift = closing_shift;
    }
    for i in 0..scenario.len() {
        if scenario[i].chained {
            continue;
        }
        let year = scenario[i].year;
        let s = match shifts.iter().find(|(y, _, _)| *y == year) {
            Some((_, opening_shift, _)) => *opening_shift,
            None => shifts
                .iter()
                .rev()
                .find(|(y, _, _)| *y < year)
                .map(|(_, _, closing_shift)| *closing_shift)
                .unwrap_or_default(),
        };
        let source = base[i].opening_source;
        scenario[i].set_opening(base[i].opening_equity + s, source);
    }
}

/// Deficits, negative equity and equity above the guideline, on the chain.
pub fn equity_findings(columns: &[ColumnFigures], chain: &[usize], options: &Options) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Equity chained from a missing opening (taken as zero, and said so)
    // is not known to be negative: that would be one gap reported again
    // in every year.
    let grounded = chain
        .first()
        .is_none_or(|&i| columns[i].opening_source != OpeningSource::Missing);
    for &i in chain {
        let fig = &columns[i];
        if fig.result < Decimal::ZERO {
            let actual = fig.kind == ColumnKind::Utfall;
            findings.push(
                Finding::new(
                    if actual { Severity::Info } else { Severity::Warning },
                    Code::Deficit,
                    Detail::Deficit {
                        result: fig.result,
                        opening: fig.opening_equity,
                        closing: fig.closing_equity,
                        actual,
                    },
                )
                .in_column(&fig.label),
            );
        }
        if fig.closing_equity < Decimal::ZERO && grounded {
            findings.push(
                Finding::new(
                    Severity::Error,
                    Code::NegativeEquity,
                    Detail::NegativeEquity {
                        closing: fig.closing_equity,
                    },
                )
                .in_column(&fig.label),
            );
        }
        if let (Some(guideline), Some(pct)) = (options.equity_guideline_pct, fig.equity_pct_of_members) {
            if pct > guideline {
                findings.push(
                    Finding::new(
                        Severity::Warning,
                        Code::EquityHigh,
                        Detail::EquityHigh {
                            equity: fig.closing_equity,
                            pct,
                            guideline_pct: guideline,
                        },
                    )
                    .in_column(&fig.label),
                );
            }
        }
    }
    findings
}
