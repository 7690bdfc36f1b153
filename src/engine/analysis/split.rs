//! Finsam § 5 on the table's own figures: the state half, the region and
//! the kommuner a quarter each, and the kommuner's split by their key.

use super::{percent_of, ColumnFigures};
use crate::engine::findings::{Code, Detail, Finding, Severity};
use crate::engine::model::{Budget, ColumnKind, KeyBasis, SplitKey};
use rust_decimal::Decimal;

/// The split rules of Finsam § 5 on the table's own figures.
pub(super) fn split_findings(fig: &ColumnFigures, findings: &mut Vec<Finding>) {
    if fig.members_total.is_zero() {
        return;
    }
    let period = fig.kind == ColumnKind::PeriodUtfall;
    let small = |gap: Decimal| {
        let tolerance = (fig.region.abs() / Decimal::ONE_THOUSAND).max(Decimal::ONE_HUNDRED);
        period || gap.abs() <= tolerance
    };
    let severity = |gap: Decimal| {
        if small(gap) {
            Severity::Info
        } else {
            Severity::Warning
        }
    };
    let kommun_gap = fig.kommuner_total - fig.region;
    if !kommun_gap.is_zero() {
        findings.push(
            Finding::new(
                severity(kommun_gap),
                Code::SplitMismatch,
                Detail::RegionVsKommuner {
                    region: fig.region,
                    kommuner: fig.kommuner_total,
                    period,
                },
            )
            .in_column(&fig.label),
        );
    }
    let others = fig.region + fig.kommuner_total;
    let gap = fig.state - others;
    // One figure off is one finding: when the state is twice one side, it
    // is the other side that is off, and that has been said.
    let state_matches_a_side =
        fig.state == fig.region * Decimal::TWO || fig.state == fig.kommuner_total * Decimal::TWO;
    let said = state_matches_a_side && !kommun_gap.is_zero();
    if !gap.is_zero() && !said {
        findings.push(
            Finding::new(
                severity(gap),
                Code::SplitMismatch,
                Detail::StateVsOthers {
                    state: fig.state,
                    others,
                    period,
                },
            )
            .in_column(&fig.label),
        );
    }
}

/// Each kommun's key share in percent, aligned with the kommun rows, from
/// an explicit key. Kommuner the key does not name get no share.
pub fn explicit_key_shares(budget: &Budget, key: &SplitKey) -> Vec<Decimal> {
    let weights: Vec<Decimal> = budget
        .kommun_labels()
        .iter()
        .map(|label| {
            key.weights
                .iter()
                .find(|w| {
                    crate::engine::classify::normalise(&w.kommun) == crate::engine::classify::normalise(label)
                })
                .map(|w| w.weight)
                .unwrap_or_default()
        })
        .collect();
    let total: Decimal = weights.iter().copied().sum();
    weights
        .iter()
        .map(|w| match key.basis {
            KeyBasis::Percent => *w,
            KeyBasis::Population => percent_of(*w, total).unwrap_or_default(),
        })
        .collect()
}

pub(super) fn key_findings(
    budget: &Budget,
    key: &SplitKey,
    columns: &[ColumnFigures],
    chain: &[usize],
    findings: &mut Vec<Finding>,
) {
    let shares = explicit_key_shares(budget, key);
    let names = budget.kommun_labels();
    for &i in chain {
        let fig = &columns[i];
        if fig.kommuner_total.is_zero() {
            continue;
        }
        for (k, amount) in fig.kommuner.iter().enumerate() {
            let share = percent_of(*amount, fig.kommuner_total).unwrap_or_default();
            let deviation = (share - shares[k]).abs();
            if deviation >= Decimal::new(1, 1) {
                findings.push(
                    Finding::new(
                        if deviation < Decimal::new(5, 1) {
                            Severity::Info
                        } else {
                            Severity::Warning
                        },
                        Code::KeyDeviation,
                        Detail::KeyDeviation {
                            kommun: names[k].to_string(),
                            share_pct: share,
                            key_pct: shares[k],
                        },
                    )
                    .in_column(&fig.label),
                );
            }
        }
    }
}
