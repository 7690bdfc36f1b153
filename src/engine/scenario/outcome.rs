//! What a scenario gives: the figures, the matching per column, what one
//! krona brings, what the change asks of the others, and its findings.

use super::run::key_weights;
use super::{MemberRef, Scenario};
use crate::engine::analysis::{percent_of, Analysis, ColumnFigures};
use crate::engine::findings::{Code, Detail, Finding, Severity};
use crate::engine::matching::{Matched, Parties};
use crate::engine::model::Budget;
use crate::engine::money::split_largest_remainder;
use rust_decimal::Decimal;
use serde::Serialize;

/// The matching in one column the scenario changes.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMatch {
    pub column: usize,
    pub base: Parties,
    pub offers: Parties,
    pub matched: Matched,
}

/// What a change asks of one member in the start year.
#[derive(Debug, Clone, PartialEq)]
pub struct Ask {
    pub member: String,
    pub role: Role,
    /// The change in what it offers (for the state: in what it must offer).
    pub offer_delta: Decimal,
    /// The change in what it pays after matching.
    pub paid_delta: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    State,
    Region,
    Kommun,
}

/// Total funding per krona a member adds, in the start year.
#[derive(Debug, Clone, PartialEq)]
pub struct Leverage {
    pub year: i32,
    pub member: String,
    /// What the member pays more (after matching).
    pub member_delta: Decimal,
    pub kommun_side_delta: Decimal,
    pub total_delta: Decimal,
    /// Total change per krona from the member.
    pub per_krona: Option<Decimal>,
    /// Total change per krona from the kommun side (4 when fully matched).
    pub per_kommun_krona: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioOutcome {
    pub from_year: i32,
    pub columns: Vec<ColumnFigures>,
    pub matches: Vec<ColumnMatch>,
    /// Matching and equity findings of the scenario. Findings about the
    /// source table stay on the baseline [`Analysis`].
    pub findings: Vec<Finding>,
    pub leverage: Option<Leverage>,
    pub asks: Vec<Ask>,
}

impl ScenarioOutcome {
    pub fn match_for(&self, column: usize) -> Option<&ColumnMatch> {
        self.matches.iter().find(|m| m.column == column)
    }

    pub fn last_chained<'a>(&'a self, base: &Analysis) -> Option<&'a ColumnFigures> {
        base.chain.last().map(|&i| &self.columns[i])
    }

    /// The first chained year with a deficit, and with negative equity.
    pub fn first_deficit_year(&self, base: &Analysis) -> Option<i32> {
        first_year(base, &self.columns, |c| c.result < Decimal::ZERO)
    }

    pub fn first_negative_equity_year(&self, base: &Analysis) -> Option<i32> {
        first_year(base, &self.columns, |c| c.closing_equity < Decimal::ZERO)
    }
}

/// The first chained year whose figures satisfy `test`.
pub fn first_year(
    base: &Analysis,
    columns: &[ColumnFigures],
    test: impl Fn(&ColumnFigures) -> bool,
) -> Option<i32> {
    base.chain
        .iter()
        .map(|&i| &columns[i])
        .find(|c| test(c))
        .map(|c| c.year)
}

fn changed_member_label(base: &Analysis, scenario: &Scenario) -> Option<(MemberRef, String)> {
    scenario.changes.last().map(|c| {
        let label = match &c.member {
            MemberRef::Region => base.region_name.clone(),
            MemberRef::Kommun(label) => label.clone(),
        };
        (c.member.clone(), label)
    })
}

pub(super) fn leverage(base: &Analysis, scenario: &Scenario, m: &ColumnMatch) -> Option<Leverage> {
    let (member, label) = changed_member_label(base, scenario)?;
    let paid = &m.matched.paid;
    let member_delta = match &member {
        MemberRef::Region => paid.region - m.base.region,
        MemberRef::Kommun(l) => {
            let k = base.kommun_names.iter().position(|x| x == l)?;
            paid.kommuner[k] - m.base.kommuner[k]
        }
    };
    let kommun_side_delta = paid.kommuner_total() - m.base.kommuner_total();
    let total_delta = paid.total() - m.base.total();
    // Per krona of less than an öre means nothing, and could overflow.
    let per = |d: Decimal| (d.abs() >= Decimal::new(1, 2)).then(|| (total_delta / d).round_dp(2));
    Some(Leverage {
        year: base.columns[m.column].year,
        member: label,
        member_delta,
        kommun_side_delta,
        total_delta,
        per_krona: per(member_delta),
        per_kommun_krona: per(kommun_side_delta),
    })
}

pub(super) fn asks(base: &Analysis, scenario: &Scenario, m: &ColumnMatch) -> Vec<Ask> {
    let changed = changed_member_label(base, scenario).map(|(r, _)| r);
    let mut asks = Vec::new();
    if changed != Some(MemberRef::Region) {
        asks.push(Ask {
            member: base.region_name.clone(),
            role: Role::Region,
            offer_delta: m.offers.region - m.base.region,
            paid_delta: m.matched.paid.region - m.base.region,
        });
    }
    for (k, name) in base.kommun_names.iter().enumerate() {
        if changed == Some(MemberRef::Kommun(name.clone())) {
            continue;
        }
        asks.push(Ask {
            member: name.clone(),
            role: Role::Kommun,
            offer_delta: m.offers.kommuner[k] - m.base.kommuner[k],
            paid_delta: m.matched.paid.kommuner[k] - m.base.kommuner[k],
        });
    }
    asks.push(Ask {
        member: base.state_name.clone(),
        role: Role::State,
        offer_delta: m.matched.state_needed - m.base.state,
        paid_delta: m.matched.paid.state - m.base.state,
    });
    asks
}

pub(super) fn key_deviation_findings(
    budget: &Budget,
    base: &Analysis,
    scenario: &Scenario,
    columns: &[ColumnFigures],
    matches: &[ColumnMatch],
    from: i32,
    findings: &mut Vec<Finding>,
) {
    let Some(m) = base
        .chained_column(from)
        .and_then(|i| matches.iter().find(|m| m.column == i))
    else {
        return;
    };
    let col = &columns[m.column];
    let weights = key_weights(budget, &base.columns[m.column]);
    let key_amounts = split_largest_remainder(col.kommuner_total, &weights);
    let total_weight: Decimal = weights.iter().copied().sum();
    for c in &scenario.changes {
        let MemberRef::Kommun(label) = &c.member else {
            continue;
        };
        let Some(k) = base.kommun_names.iter().position(|x| x == label) else {
            continue;
        };
        if (col.kommuner[k] - key_amounts[k]).abs() <= Decimal::ONE {
            continue;
        }
        findings.push(
            Finding::new(
                Severity::Warning,
                Code::KeyDeviation,
                Detail::KeyDeviation {
                    kommun: label.clone(),
                    share_pct: percent_of(col.kommuner[k], col.kommuner_total).unwrap_or_default(),
                    key_pct: percent_of(weights[k], total_weight).unwrap_or_default(),
                },
            )
            .in_column(&col.label),
        );
    }
}

/// The table's own findings (import and baseline checks), then the
/// scenario's matching and equity findings, which replace the baseline's.
pub fn visible_findings<'a>(
    import: &'a [Finding],
    base: &'a Analysis,
    outcome: &'a ScenarioOutcome,
) -> Vec<&'a Finding> {
    use crate::engine::findings::Code::*;
    import
        .iter()
        .chain(
            base.findings
                .iter()
                .filter(|f| !matches!(f.code, Deficit | NegativeEquity | EquityHigh | Unmatched)),
        )
        .chain(&outcome.findings)
        .collect()
}
