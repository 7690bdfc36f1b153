//! Running a scenario: the matching in every changed column, the cost
//! side, and the equity chain carried through.

use super::error::{member_names, validate};
use super::outcome::{asks, key_deviation_findings, leverage};
use super::{
    Change, ColumnMatch, CostEdit, MemberChange, MemberRef, Mode, Quantity, Scenario, ScenarioError,
    ScenarioOutcome,
};
use crate::engine::analysis::{
    equity_findings, rechain_shifted, sort_findings, Analysis, ColumnFigures, Options,
};
use crate::engine::findings::{Code, Detail, Finding, Severity};
use crate::engine::matching::{match_change, Parties};
use crate::engine::model::{Budget, RowClass};
use crate::engine::money::{round_kr, split_largest_remainder, MAX_AMOUNT};
use rust_decimal::Decimal;

/// The kommuner's split key for one column: explicit, or the column's
/// own baseline contributions.
pub(super) fn key_weights(budget: &Budget, column: &ColumnFigures) -> Vec<Decimal> {
    match &budget.key {
        Some(key) => crate::engine::analysis::explicit_key_shares(budget, key),
        None => column.kommuner.clone(),
    }
}

/// Runs a scenario against the baseline analysis of the same budget.
pub fn run_scenario(
    budget: &Budget,
    base: &Analysis,
    scenario: &Scenario,
    options: &Options,
) -> Result<ScenarioOutcome, ScenarioError> {
    let from = validate(scenario, base)?;
    let kommun_index = |label: &str| base.kommun_names.iter().position(|k| k == label);
    for c in &scenario.changes {
        if let MemberRef::Kommun(label) = &c.member {
            if kommun_index(label).is_none() {
                return Err(ScenarioError::UnknownMember {
                    name: label.clone(),
                    members: member_names(base),
                });
            }
        }
    }

    let mut columns = base.columns.clone();
    let mut matches = Vec::new();
    let touches_costs = !scenario.cost_changes.is_empty()
        || !scenario.new_insatser.is_empty()
        || scenario.utilisation_pct.is_some()
        || scenario.cost_index_pct.is_some();
    let cost_classes = base.cost_classes();

    for (i, col) in base.columns.iter().enumerate() {
        if !col.kind.is_planned() {
            continue;
        }
        if col.year < from {
            // Before the start year only new insatser that begin earlier
            // count; everything else in the scenario starts at `from`.
            if scenario
                .new_insatser
                .iter()
                .any(|n| (n.start..=n.end).contains(&col.year))
            {
                let figures = &mut columns[i];
                figures.new_insatser = new_insatser_in(scenario, col.year);
                figures.recompute(&cost_classes);
            }
            continue;
        }
        let base_parties = Parties {
            state: col.state,
            region: col.region,
            kommuner: col.kommuner.clone(),
        };
        let offers = offers_in(budget, base, scenario, col, from, &kommun_index)?;
        let matched = match_change(&base_parties, &offers);
        let figures = &mut columns[i];
        figures.state = matched.paid.state;
        figures.region = matched.paid.region;
        figures.kommuner.clone_from(&matched.paid.kommuner);
        if touches_costs {
            apply_costs(scenario, base, figures, from);
            figures.recompute(&cost_classes);
        } else {
            figures.recompute_income();
        }
        matches.push(ColumnMatch {
            column: i,
            base: base_parties,
            offers,
            matched,
        });
    }
    let interest = scenario.interest_pct.map(|rate| (rate, from));
    rechain_shifted(&base.columns, &mut columns, &base.chain, interest);

    let mut findings = unmatched_findings(&columns, &matches);
    if scenario.mode == Mode::Alone {
        key_deviation_findings(budget, base, scenario, &columns, &matches, from, &mut findings);
    }
    findings.extend(equity_findings(&columns, &base.chain, options));
    sort_findings(&mut findings);

    let start = base
        .chained_column(from)
        .and_then(|i| matches.iter().find(|m| m.column == i));
    let leverage = start.and_then(|m| leverage(base, scenario, m));
    let asks = start.map(|m| asks(base, scenario, m)).unwrap_or_default();
    Ok(ScenarioOutcome {
        from_year: from,
        columns,
        matches,
        findings,
        leverage,
        asks,
    })
}

/// What each party offers in one column under the scenario: the baseline,
/// stepped up, with every member's change, and the state's utrymme. A
/// member left with a negative offer is refused.
fn offers_in(
    budget: &Budget,
    base: &Analysis,
    scenario: &Scenario,
    col: &ColumnFigures,
    from: i32,
    kommun_index: &impl Fn(&str) -> Option<usize>,
) -> Result<Parties, ScenarioError> {
    let mut offers = offers_before_changes(scenario, col, from);
    let weights = key_weights(budget, col);
    for c in &scenario.changes {
        apply_change(c, scenario, col, &weights, kommun_index, &mut offers)?;
    }
    offers.state = scenario.state_offer.unwrap_or(col.state);
    // A table can give the state a negative figure; matching it would
    // silently pay zero instead, so it is refused like the others.
    if offers.state < Decimal::ZERO {
        return Err(ScenarioError::NegativeOffer {
            member: base.state_name.clone(),
            year: col.year,
            offer: offers.state,
        });
    }
    if offers.region < Decimal::ZERO {
        return Err(ScenarioError::NegativeOffer {
            member: base.region_name.clone(),
            year: col.year,
            offer: offers.region,
        });
    }
    if let Some(k) = offers.kommuner.iter().position(|o| *o < Decimal::ZERO) {
        return Err(ScenarioError::NegativeOffer {
            member: base.kommun_names[k].clone(),
            year: col.year,
            offer: offers.kommuner[k],
        });
    }
    Ok(offers)
}

/// A finding for each chained year whose offers are not all matched.
fn unmatched_findings(columns: &[ColumnFigures], matches: &[ColumnMatch]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for m in matches {
        let col = &columns[m.column];
        if !col.chained {
            continue;
        }
        if let Some(binding) = m.matched.binding {
            findings.push(
                Finding::new(
                    Severity::Warning,
                    Code::Unmatched,
                    Detail::Unmatched {
                        binding,
                        region: m.matched.unmatched_region,
                        kommuner: m.matched.unmatched_kommuner.iter().copied().sum(),
                        state_offer: m.offers.state,
                        state_needed: m.matched.state_needed,
                    },
                )
                .in_column(&col.label),
            );
        }
    }
    findings
}

/// Yearly factor `(1 + p/100)^(year − from + 1)`: the start year already
/// carries one year's change.
fn yearly_factor(pct: Decimal, year: i32, from: i32) -> Decimal {
    let step = Decimal::ONE + pct / Decimal::ONE_HUNDRED;
    let years = u32::try_from(year - from + 1).unwrap_or(0);
    (0..years).fold(Decimal::ONE, |f, _| f * step)
}

/// The cost side of a scenario on one column: indexation, line changes,
/// new insatser, and the share of insats money expected to be used. The
/// granted sums are kept beside the expected ones.
fn apply_costs(scenario: &Scenario, base: &Analysis, figures: &mut ColumnFigures, from: i32) {
    let index = scenario
        .cost_index_pct
        .map(|p| yearly_factor(p, figures.year, from));
    let use_share = scenario.utilisation_pct.map(|p| p / Decimal::ONE_HUNDRED);
    let mut granted = Decimal::ZERO;
    for (j, line) in base.cost_lines.iter().enumerate() {
        let mut amount = figures.cost_lines[j];
        if let Some(f) = index {
            amount = round_kr(amount * f);
        }
        for c in scenario.cost_changes.iter().filter(|c| c.line == line.label) {
            amount = match c.edit {
                CostEdit::Kr(v) => amount + v,
                CostEdit::Percent(p) => round_kr(amount * (Decimal::ONE + p / Decimal::ONE_HUNDRED)),
                CostEdit::Off => Decimal::ZERO,
            };
        }
        if line.class == RowClass::Verksamhet {
            granted += amount;
            if let Some(share) = use_share {
                amount = round_kr(amount * share);
            }
        }
        figures.cost_lines[j] = amount;
    }
    let new = new_insatser_in(scenario, figures.year);
    granted += new;
    figures.new_insatser = match use_share {
        Some(share) => round_kr(new * share),
        None => new,
    };
    figures.granted_verksamhet = Some(granted);
}

/// The new insatser granted in a year.
fn new_insatser_in(scenario: &Scenario, year: i32) -> Decimal {
    scenario
        .new_insatser
        .iter()
        .filter(|n| (n.start..=n.end).contains(&year))
        .map(|n| n.yearly)
        .sum()
}

/// What the parties offer in a column before any member's own change:
/// the baseline, stepped up by the yearly percentage if there is one.
pub fn offers_before_changes(scenario: &Scenario, col: &ColumnFigures, from: i32) -> Parties {
    let mut offers = Parties {
        state: col.state,
        region: col.region,
        kommuner: col.kommuner.clone(),
    };
    if let Some(p) = scenario.step_up_pct {
        let factor = Decimal::ONE + p / Decimal::ONE_HUNDRED;
        let years = u32::try_from(col.year - from + 1).unwrap_or(0);
        let mut f = Decimal::ONE;
        for _ in 0..years {
            f *= factor;
        }
        offers.region = round_kr(offers.region * f);
        for k in &mut offers.kommuner {
            *k = round_kr(*k * f);
        }
    }
    offers
}

fn apply_change(
    c: &MemberChange,
    scenario: &Scenario,
    col: &ColumnFigures,
    weights: &[Decimal],
    kommun_index: &impl Fn(&str) -> Option<usize>,
    offers: &mut Parties,
) -> Result<(), ScenarioError> {
    let own_base = match &c.member {
        MemberRef::Region => col.region,
        MemberRef::Kommun(label) => kommun_index(label).map(|k| col.kommuner[k]).unwrap_or_default(),
    };
    let delta = match c.change {
        Change::Kr(v) => v,
        Change::Percent(p) => round_kr(own_base * p / Decimal::ONE_HUNDRED),
    };
    if delta.is_zero() {
        return Ok(());
    }
    match (&c.member, scenario.mode) {
        (MemberRef::Region, Mode::Key) => {
            offers.region += delta;
            for (k, part) in split_largest_remainder(delta, weights).into_iter().enumerate() {
                offers.kommuner[k] += part;
            }
        }
        (MemberRef::Region, Mode::Alone) => offers.region += delta,
        (MemberRef::Kommun(label), mode) => {
            let m = kommun_index(label).unwrap_or_default();
            let side = match mode {
                Mode::Alone => delta,
                Mode::Key => {
                    let own = weights.get(m).copied().unwrap_or_default();
                    if own <= Decimal::ZERO {
                        return Err(ScenarioError::NoKeyShare {
                            member: label.clone(),
                        });
                    }
                    let total: Decimal = weights.iter().copied().sum();
                    // A kommun with a tiny share moves the whole side by
                    // its change over that share: refused past the limit.
                    // (Both products stay far inside Decimal: the change
                    // and each weight are at most MAX_AMOUNT.)
                    if (delta * total).abs() > Decimal::from(MAX_AMOUNT) * own {
                        return Err(ScenarioError::AmountTooLarge {
                            what: Quantity::Change,
                        });
                    }
                    let side = round_kr(delta * total / own);
                    let mut others = weights.to_vec();
                    others[m] = Decimal::ZERO;
                    if others.iter().any(|w| !w.is_zero()) {
                        for (k, part) in split_largest_remainder(side - delta, &others)
                            .into_iter()
                            .enumerate()
                        {
                            offers.kommuner[k] += part;
                        }
                    }
                    side
                }
            };
            offers.kommuner[m] += delta;
            if scenario.region_follows {
                offers.region += side;
            }
        }
    }
    Ok(())
}
