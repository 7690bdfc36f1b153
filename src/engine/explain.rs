//! The headline's sentences as typed facts, worked out once: who adds what
//! when a member changes its contribution, what the change asks of the
//! others, and why nothing is matched. The page and the CLI word them from
//! the same words (`crate::words`), so they cannot drift apart.

use super::analysis::Analysis;
use super::findings::Binding;
use super::scenario::{ColumnMatch, MemberRef, Mode, Role, Scenario, ScenarioOutcome};
use rust_decimal::Decimal;

/// The headline of a scenario, in the start year.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub year: i32,
    pub lever: Lever,
    /// Part of what is offered is not matched.
    pub shortfall: Option<Shortfall>,
    /// What the change asks of each other member, those it asks nothing of
    /// left out.
    pub asks: Vec<AskLine>,
}

/// What a member's change brings, and from whom.
#[derive(Debug, Clone, PartialEq)]
pub enum Lever {
    /// No member's contribution is changed.
    NoChange,
    /// The changed member pays the same, though the total moves (a
    /// step-up, a new utrymme): nothing to say about the member.
    Quiet,
    /// Only the member and those who match it move: each krona from the
    /// member moves the total by `per_krona` (4 when all of it is matched).
    PerKrona {
        member: String,
        /// What the member pays more (negative: less).
        delta: Decimal,
        per_krona: Decimal,
    },
    /// Others move as well: by the key, or by their own changes. Each
    /// amount is what that party pays more (negative: less) after matching.
    Shares {
        /// The members whose own change this is, with what each pays more.
        members: Vec<(String, Decimal)>,
        /// True when the others move because the split key holds.
        by_key: bool,
        /// The others, in the order they are named; none of them zero.
        others: Vec<(Party, Decimal)>,
        total: Decimal,
    },
    /// Nothing of the change is matched.
    Blocked {
        member: String,
        binding: Binding,
        /// The utrymme that would match everything offered.
        state_needed: Decimal,
    },
}

/// A group named in a [`Lever::Shares`] sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    /// The kommuner other than the changed one.
    OtherKommuner,
    /// All kommuner (when the region changed).
    Kommuner,
    Region,
    State,
}

/// Offered but not matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortfall {
    pub amount: Decimal,
    pub binding: Binding,
    pub state_needed: Decimal,
}

/// One line of "what it asks of the others".
#[derive(Debug, Clone, PartialEq)]
pub struct AskLine {
    pub member: String,
    pub role: Role,
    /// The change in what it offers; for the state, in what it pays.
    pub amount: Decimal,
    /// For the state: the utrymme still missing to match everything.
    pub state_short: Option<Decimal>,
}

/// The headline of `outcome`, the scenario run on `base`.
pub fn explain(base: &Analysis, scenario: &Scenario, outcome: &ScenarioOutcome) -> Explanation {
    let start = base
        .chained_column(outcome.from_year)
        .and_then(|i| outcome.match_for(i));
    let lever = match (start, scenario.changes.is_empty()) {
        (Some(m), false) => lever(base, scenario, m),
        _ => Lever::NoChange,
    };
    let shortfall = start
        .filter(|_| !matches!(lever, Lever::Blocked { .. } | Lever::NoChange))
        .and_then(|m| {
            let amount = m.matched.unmatched_total();
            let binding = m.matched.binding?;
            (!amount.is_zero()).then_some(Shortfall {
                amount,
                binding,
                state_needed: m.matched.state_needed,
            })
        });
    let asks = outcome
        .asks
        .iter()
        .filter(|a| !a.offer_delta.is_zero() || !a.paid_delta.is_zero())
        .map(|a| {
            let state = a.role == Role::State;
            AskLine {
                member: a.member.clone(),
                role: a.role,
                amount: if state { a.paid_delta } else { a.offer_delta },
                // Only where the change asks more of the state than it can
                // give: after a cut, what the utrymme lacks is the
                // shortfall's to say, not this change's.
                state_short: (state && a.offer_delta > a.paid_delta && a.offer_delta > Decimal::ZERO)
                    .then(|| a.offer_delta - a.paid_delta),
            }
        })
        .collect();
    Explanation {
        year: outcome.from_year,
        lever,
        shortfall,
        asks,
    }
}

fn label(base: &Analysis, member: &MemberRef) -> String {
    match member {
        MemberRef::Region => base.region_name.clone(),
        MemberRef::Kommun(label) => label.clone(),
    }
}

fn lever(base: &Analysis, scenario: &Scenario, m: &ColumnMatch) -> Lever {
    let paid = &m.matched.paid;
    let region = paid.region - m.base.region;
    let state = paid.state - m.base.state;
    let total = paid.total() - m.base.total();
    let kommun = |k: usize| paid.kommuner[k] - m.base.kommuner[k];
    let own = |member: &MemberRef| match member {
        MemberRef::Region => Some(region),
        MemberRef::Kommun(l) => base.kommun_names.iter().position(|x| x == l).map(kommun),
    };
    let members: Vec<(MemberRef, Decimal)> = scenario
        .changes
        .iter()
        .filter_map(|c| Some((c.member.clone(), own(&c.member)?)))
        .collect();
    let Some((last, delta)) = members.last().cloned() else {
        return Lever::NoChange;
    };
    if delta.is_zero() {
        if !total.is_zero() {
            return Lever::Quiet;
        }
        return Lever::Blocked {
            member: label(base, &last),
            binding: m.matched.binding.unwrap_or(Binding::State),
            state_needed: m.matched.state_needed,
        };
    }
    let changed = |k: usize| {
        members
            .iter()
            .any(|(r, _)| *r == MemberRef::Kommun(base.kommun_names[k].clone()))
    };
    let others: Decimal = (0..base.kommun_names.len())
        .filter(|&k| !changed(k))
        .map(kommun)
        .sum();
    if members.len() == 1 && others.is_zero() {
        return Lever::PerKrona {
            member: label(base, &last),
            delta,
            per_krona: (total / delta).round_dp(2),
        };
    }
    let region_changed = members.iter().any(|(r, _)| *r == MemberRef::Region);
    let kommuner = if region_changed && members.len() == 1 {
        Party::Kommuner
    } else {
        Party::OtherKommuner
    };
    let others = [
        (kommuner, others),
        (Party::Region, if region_changed { Decimal::ZERO } else { region }),
        (Party::State, state),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_zero())
    .collect();
    Lever::Shares {
        members: members.iter().map(|(r, d)| (label(base, r), *d)).collect(),
        by_key: scenario.mode == Mode::Key && scenario.step_up_pct.is_none(),
        others,
        total,
    }
}
