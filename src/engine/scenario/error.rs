//! Why a scenario cannot be computed, as typed values: the words are in
//! `crate::words`, so the page and the CLI say it in either language.

use super::{Change, CostEdit, MemberRef, Scenario};
use crate::engine::analysis::Analysis;
use crate::engine::classify::normalise;
use crate::engine::money::MAX_AMOUNT;
use rust_decimal::Decimal;

/// What a scenario limit is about, so the message can name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    /// A member's change.
    Change,
    StateOffer,
    StepUp,
    Utilisation,
    CostIndex,
    Interest,
    /// A change to a cost line.
    CostChange,
    /// A new insats' yearly cost.
    InsatsCost,
    /// The förbund's equity guideline (an option of the analysis).
    Guideline,
}

/// Why a scenario cannot be computed. The last valid scenario stays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    UnknownMember {
        name: String,
        members: Vec<String>,
    },
    AmbiguousMember {
        name: String,
        candidates: Vec<String>,
    },
    StateIsNotAMember,
    FromYearOutside {
        year: i32,
        first: i32,
        last: i32,
    },
    AmountTooLarge {
        what: Quantity,
    },
    PercentOutOfRange {
        what: Quantity,
        min: i64,
        max: i64,
    },
    NegativeStateOffer,
    NegativeOffer {
        member: String,
        year: i32,
        offer: Decimal,
    },
    NoKeyShare {
        member: String,
    },
    NoPlannedYears,
    UnknownCostLine {
        line: String,
    },
    InsatsYears {
        name: String,
    },
}

/// Finds a member by label, case-insensitively, or by a unique prefix
/// such as `Habo`.
pub fn resolve_member(analysis: &Analysis, name: &str) -> Result<MemberRef, ScenarioError> {
    let wanted = normalise(name);
    if wanted.is_empty() {
        return Err(ScenarioError::UnknownMember {
            name: name.into(),
            members: member_names(analysis),
        });
    }
    let state = normalise(&analysis.state_name);
    if matches!(wanted.as_str(), "staten" | "state" | "försäkringskassan" | "fk")
        || (!state.is_empty() && state.starts_with(&wanted))
    {
        return Err(ScenarioError::StateIsNotAMember);
    }
    let mut candidates: Vec<(MemberRef, String)> = Vec::new();
    let region = normalise(&analysis.region_name);
    if wanted == "region" || (!region.is_empty() && region.starts_with(&wanted)) {
        candidates.push((MemberRef::Region, analysis.region_name.clone()));
    }
    for label in &analysis.kommun_names {
        let norm = normalise(label);
        if norm == wanted {
            return Ok(MemberRef::Kommun(label.clone()));
        }
        if norm.starts_with(&wanted) {
            candidates.push((MemberRef::Kommun(label.clone()), label.clone()));
        }
    }
    match candidates.len() {
        1 => Ok(candidates.remove(0).0),
        0 => Err(ScenarioError::UnknownMember {
            name: name.into(),
            members: member_names(analysis),
        }),
        _ => Err(ScenarioError::AmbiguousMember {
            name: name.into(),
            candidates: candidates.into_iter().map(|c| c.1).collect(),
        }),
    }
}

pub(super) fn member_names(analysis: &Analysis) -> Vec<String> {
    std::iter::once(analysis.region_name.clone())
        .filter(|r| !r.is_empty())
        .chain(analysis.kommun_names.iter().cloned())
        .collect()
}

const STEP_UP_RANGE: (i64, i64) = (-50, 100);
const CHANGE_PCT_RANGE: (i64, i64) = (-100, 1000);

pub(super) fn validate(scenario: &Scenario, base: &Analysis) -> Result<i32, ScenarioError> {
    let limit = Decimal::from(MAX_AMOUNT);
    for c in &scenario.changes {
        match c.change {
            Change::Kr(v) if v.abs() > limit => {
                return Err(ScenarioError::AmountTooLarge {
                    what: Quantity::Change,
                })
            }
            Change::Percent(p)
                if p < Decimal::from(CHANGE_PCT_RANGE.0) || p > Decimal::from(CHANGE_PCT_RANGE.1) =>
            {
                return Err(ScenarioError::PercentOutOfRange {
                    what: Quantity::Change,
                    min: CHANGE_PCT_RANGE.0,
                    max: CHANGE_PCT_RANGE.1,
                })
            }
            _ => {}
        }
    }
    if let Some(offer) = scenario.state_offer {
        if offer < Decimal::ZERO {
            return Err(ScenarioError::NegativeStateOffer);
        }
        if offer > limit {
            return Err(ScenarioError::AmountTooLarge {
                what: Quantity::StateOffer,
            });
        }
    }
    if let Some(p) = scenario.step_up_pct {
        if p < Decimal::from(STEP_UP_RANGE.0) || p > Decimal::from(STEP_UP_RANGE.1) {
            return Err(ScenarioError::PercentOutOfRange {
                what: Quantity::StepUp,
                min: STEP_UP_RANGE.0,
                max: STEP_UP_RANGE.1,
            });
        }
    }
    for (what, pct, min, max) in [
        (Quantity::Utilisation, scenario.utilisation_pct, 0, 200),
        (Quantity::CostIndex, scenario.cost_index_pct, -50, 100),
        (Quantity::Interest, scenario.interest_pct, -20, 50),
    ] {
        if let Some(p) = pct {
            if p < Decimal::from(min) || p > Decimal::from(max) {
                return Err(ScenarioError::PercentOutOfRange { what, min, max });
            }
        }
    }
    for c in &scenario.cost_changes {
        if !base.cost_lines.iter().any(|l| l.label == c.line) {
            return Err(ScenarioError::UnknownCostLine { line: c.line.clone() });
        }
        match c.edit {
            CostEdit::Kr(v) if v.abs() > limit => {
                return Err(ScenarioError::AmountTooLarge {
                    what: Quantity::CostChange,
                })
            }
            CostEdit::Percent(p) if p < Decimal::from(-100) || p > Decimal::from(1000) => {
                return Err(ScenarioError::PercentOutOfRange {
                    what: Quantity::CostChange,
                    min: -100,
                    max: 1000,
                })
            }
            _ => {}
        }
    }
    check_line_changes(scenario, base)?;
    for n in &scenario.new_insatser {
        if n.end < n.start || n.yearly < Decimal::ZERO {
            return Err(ScenarioError::InsatsYears { name: n.name.clone() });
        }
        if n.yearly > limit {
            return Err(ScenarioError::AmountTooLarge {
                what: Quantity::InsatsCost,
            });
        }
    }
    let years: Vec<i32> = base.chain.iter().map(|&i| base.columns[i].year).collect();
    let (first, last) = (
        years.first().copied().unwrap_or(0),
        years.last().copied().unwrap_or(0),
    );
    let from = scenario.from_year.or(base.budget_year).unwrap_or(first);
    if !base.columns.iter().any(|c| c.year == from) {
        return Err(ScenarioError::FromYearOutside {
            year: from,
            first,
            last,
        });
    }
    if !base.columns.iter().any(|c| c.year >= from && c.kind.is_planned()) {
        return Err(ScenarioError::NoPlannedYears);
    }
    check_compounding(scenario, base, from)?;
    Ok(from)
}

/// The page keeps one change a cost line, but a link or a file can carry
/// several, and percentages compound: refused when together they could
/// take a line further than one change at its limits can (×11, or the
/// limit added), which would otherwise overflow `Decimal` (a panic).
fn check_line_changes(scenario: &Scenario, base: &Analysis) -> Result<(), ScenarioError> {
    let limit = Decimal::from(MAX_AMOUNT);
    for line in &base.cost_lines {
        // Each change at most adds the limit or multiplies by 11, and the
        // loop stops past 11 × the limit: the bound cannot overflow.
        let mut bound = limit;
        for c in scenario.cost_changes.iter().filter(|c| c.line == line.label) {
            bound = match c.edit {
                CostEdit::Kr(v) => bound + v.abs(),
                CostEdit::Percent(p) => bound * (Decimal::ONE + p / Decimal::ONE_HUNDRED),
                CostEdit::Off => Decimal::ZERO,
            };
            if bound > limit * Decimal::from(11) {
                return Err(ScenarioError::AmountTooLarge {
                    what: Quantity::CostChange,
                });
            }
        }
    }
    Ok(())
}

/// Step-up, indexation and interest compound once a year from `from` to
/// the last planned year. Refused when that would take the budget's
/// largest figure past the engine's limit: over a long plan it would
/// otherwise overflow `Decimal` (a panic) or lose its precision.
fn check_compounding(scenario: &Scenario, base: &Analysis, from: i32) -> Result<(), ScenarioError> {
    let limit = Decimal::from(MAX_AMOUNT);
    let (mut largest, mut years) = (Decimal::ONE, 0);
    for c in &base.columns {
        largest = largest
            .max(c.members_total.abs())
            .max(c.costs.abs())
            .max(c.closing_equity.abs());
        if c.kind.is_planned() {
            years = years.max(c.year - from + 1);
        }
    }
    for (what, pct) in [
        (Quantity::StepUp, scenario.step_up_pct),
        (Quantity::CostIndex, scenario.cost_index_pct),
        (Quantity::Interest, scenario.interest_pct),
    ] {
        let Some(p) = pct.filter(|p| *p > Decimal::ZERO) else {
            continue;
        };
        let step = Decimal::ONE + p / Decimal::ONE_HUNDRED;
        let mut amount = largest;
        for _ in 0..years {
            // At most the limit (or the largest figure) before, and at
            // most doubled (step-up ≤ 100 %): it cannot overflow.
            amount *= step;
            if amount > limit {
                return Err(ScenarioError::AmountTooLarge { what });
            }
        }
    }
    Ok(())
}
