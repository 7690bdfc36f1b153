//! What can the förbund afford, and what would it take? Answers in whole
//! kronor (and hundredths of a percent), each found by running the same
//! scenario engine the calculator uses, so every answer fed back in as a
//! scenario gives exactly what it promised.

use super::analysis::{Analysis, Options};
use super::model::Budget;
use super::scenario::{
    run_scenario, Change, MemberChange, MemberRef, Mode, NewInsats, Scenario, ScenarioOutcome,
};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The lowest closing equity over the chained years from `from` on.
pub fn lowest_equity(base: &Analysis, outcome: &ScenarioOutcome, from: i32) -> Option<Decimal> {
    base.chain
        .iter()
        .map(|&i| &outcome.columns[i])
        .filter(|c| c.year >= from)
        .map(|c| c.closing_equity)
        .min()
}

fn holds(
    budget: &Budget,
    base: &Analysis,
    scenario: &Scenario,
    options: &Options,
    floor: Decimal,
    from: i32,
) -> bool {
    run_scenario(budget, base, scenario, options)
        .ok()
        .and_then(|o| lowest_equity(base, &o, from))
        .is_some_and(|low| low >= floor)
}

/// The largest whole number in `lo..=hi` for which `ok` holds, given that
/// `ok` holds for everything below a threshold and nothing above it.
fn largest(mut lo: i64, mut hi: i64, ok: impl Fn(i64) -> bool) -> Option<i64> {
    if !ok(lo) {
        return None;
    }
    while lo < hi {
        let mid = lo + (hi - lo + 1) / 2;
        if ok(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Some(lo)
}

/// The smallest whole number in `lo..=hi` for which `ok` holds, given that
/// `ok` holds for everything above a threshold.
fn smallest(mut lo: i64, mut hi: i64, ok: impl Fn(i64) -> bool) -> Option<i64> {
    if !ok(hi) {
        return None;
    }
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

fn last_year(base: &Analysis) -> i32 {
    base.chain
        .last()
        .map(|&i| base.columns[i].year)
        .unwrap_or_default()
}

/// Equity, money, well past any förbund: the search never needs more.
const CEILING: i64 = 1_000_000_000;

/// Room for new insatser, per year: the most that can be granted in that
/// year and every later year of the plan without closing equity falling
/// below `floor` in any year. `None` where even nothing is too much.
pub fn room(
    budget: &Budget,
    base: &Analysis,
    scenario: &Scenario,
    options: &Options,
    floor: Decimal,
) -> Vec<(i32, Option<Decimal>)> {
    let end = last_year(base);
    base.chain
        .iter()
        .map(|&i| base.columns[i].year)
        .filter(|&y| base.columns.iter().any(|c| c.year == y && c.kind.is_planned()))
        .map(|year| {
            let with = |x: i64| {
                let mut s = scenario.clone();
                s.new_insatser.push(NewInsats {
                    name: "room".into(),
                    yearly: Decimal::from(x),
                    start: year,
                    end,
                });
                holds(budget, base, &s, options, floor, year)
            };
            // Adding X a year lowers this year's closing equity by at least
            // X, so the room is never more than what lies above the floor.
            let current = run_scenario(budget, base, scenario, options)
                .ok()
                .and_then(|o| lowest_equity(base, &o, year))
                .unwrap_or_default();
            let hi = (current - floor)
                .floor()
                .to_i64()
                .unwrap_or(CEILING)
                .clamp(0, CEILING);
            (year, largest(0, hi, with).map(Decimal::from))
        })
        .collect()
}

/// The answer to "how much must every member pay?".
#[derive(Debug, Clone, PartialEq)]
pub struct UniformGoal {
    pub from: i32,
    /// The smallest uniform change of every member's contribution, in
    /// percent with two decimals, that keeps equity at or above the floor.
    /// `None` when no change the state can match is enough.
    pub percent: Option<Decimal>,
    /// The scenario that gives it, to show or to apply.
    pub scenario: Option<Scenario>,
    /// When the state's offer is what stops it: the change that would be
    /// needed were the state to match everything.
    pub percent_if_state_matched: Option<Decimal>,
    /// And what the region and kommuner would have to add each year on
    /// their own, unmatched, which Finsam § 5 does not allow.
    pub unmatched_alone: Option<Decimal>,
}

/// Every member's contribution changed by `pct` percent from `from` on
/// (alone mode, so no change is counted twice).
fn uniform(base: &Analysis, scenario: &Scenario, pct: Decimal, from: i32) -> Scenario {
    let mut s = Scenario {
        mode: Mode::Alone,
        region_follows: false,
        from_year: Some(from),
        ..scenario.clone()
    };
    s.changes = base
        .kommun_names
        .iter()
        .map(|k| MemberRef::Kommun(k.clone()))
        .chain((!base.region_name.is_empty()).then_some(MemberRef::Region))
        .map(|member| MemberChange {
            member,
            change: Change::Percent(pct),
        })
        .collect();
    s
}

/// Hundredths of a percent.
fn hundredths(n: i64) -> Decimal {
    Decimal::new(n, 2)
}

/// Goal seek: the smallest uniform percentage change of all member
/// contributions from `from` that keeps equity at or above `floor` through
/// the plan, with the state matched up to its offer.
pub fn required_uniform(
    budget: &Budget,
    base: &Analysis,
    scenario: &Scenario,
    options: &Options,
    floor: Decimal,
    from: i32,
) -> UniformGoal {
    let ok = |s: &Scenario| holds(budget, base, s, options, floor, from);
    let search = |scenario: &Scenario| {
        smallest(-10_000, 100_000, |n| {
            ok(&uniform(base, scenario, hundredths(n), from))
        })
    };
    if let Some(n) = search(scenario) {
        return UniformGoal {
            from,
            percent: Some(hundredths(n)),
            scenario: Some(uniform(base, scenario, hundredths(n), from)),
            percent_if_state_matched: None,
            unmatched_alone: None,
        };
    }
    // The state's offer binds: what if it matched everything?
    let generous = Scenario {
        state_offer: Some(Decimal::from(CEILING) * Decimal::TEN),
        ..scenario.clone()
    };
    let percent_if_state_matched = search(&generous).map(hundredths);
    // On their own, unmatched, the region and the kommuner would have to
    // add enough each year that every year's equity reaches the floor:
    // the n-th year from the start has had n + 1 such sums.
    let unmatched_alone = run_scenario(budget, base, scenario, options).ok().map(|o| {
        base.chain
            .iter()
            .map(|&i| &o.columns[i])
            .filter(|c| c.year >= from)
            .enumerate()
            .map(|(n, c)| ((floor - c.closing_equity) / Decimal::from(n as i64 + 1)).ceil())
            .fold(Decimal::ZERO, Decimal::max)
    });
    UniformGoal {
        from,
        percent: None,
        scenario: None,
        percent_if_state_matched,
        unmatched_alone,
    }
}

/// Goal seek for one member: what `member` would have to add each year,
/// key-bound with the region following, for `insats` to be afforded with
/// equity at or above `floor`. `None` when no such sum can be matched.
pub fn required_of_member(
    budget: &Budget,
    base: &Analysis,
    scenario: &Scenario,
    options: &Options,
    floor: Decimal,
    member: &MemberRef,
    insats: Option<&NewInsats>,
) -> Option<(Decimal, Scenario)> {
    let from = scenario.from_year.or(base.budget_year)?;
    let build = |x: i64| {
        let mut s = Scenario {
            mode: Mode::Key,
            region_follows: true,
            from_year: Some(from),
            ..scenario.clone()
        };
        s.new_insatser.extend(insats.cloned());
        s.with_change(member.clone(), Change::Kr(Decimal::from(x)))
    };
    let n = smallest(0, CEILING, |x| {
        holds(budget, base, &build(x), options, floor, from)
    })?;
    Some((Decimal::from(n), build(n)))
}
