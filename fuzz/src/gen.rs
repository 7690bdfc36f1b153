//! Arbitrary scenarios: every input the scenario engine takes, with values
//! drawn mostly where people type them, often at the limits the engine
//! checks, and sometimes anywhere in `Decimal`'s range.

use arbitrary::{Arbitrary, Result, Unstructured};
use finsam_kalkyl::engine::analysis::Analysis;
use finsam_kalkyl::engine::money::MAX_AMOUNT;
use finsam_kalkyl::engine::scenario::{CostChange, CostEdit, MemberChange, NewInsats};
use finsam_kalkyl::engine::{Budget, Change, MemberRef, Mode, Scenario};
use rust_decimal::Decimal;

/// An amount in kronor.
#[derive(Debug, Clone, Copy)]
pub struct Amount(pub Decimal);

impl<'a> Arbitrary<'a> for Amount {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let max = MAX_AMOUNT;
        Ok(Amount(match u.int_in_range(0u8..=7)? {
            0 => Decimal::from(u.int_in_range(-1_000_000i64..=1_000_000)?),
            1 => Decimal::from(u.int_in_range(-100_000_000i64..=100_000_000)? * 100),
            2 => Decimal::from(u.int_in_range(-max..=max)?),
            3 => Decimal::from(*u.choose(&[max, max + 1, -max, -max - 1, 0, 1, -1])?),
            4 => Decimal::new(u.int_in_range(-max * 100..=max * 100)?, 2),
            5 => Decimal::new(i64::arbitrary(u)?, u.int_in_range(0..=28)?),
            6 => Decimal::from_parts(
                u32::arbitrary(u)?,
                u32::arbitrary(u)?,
                u32::arbitrary(u)?,
                bool::arbitrary(u)?,
                u.int_in_range(0..=28)?,
            ),
            _ => *u.choose(&[
                Decimal::MAX,
                Decimal::MIN,
                Decimal::new(1, 28),
                Decimal::new(-1, 28),
            ])?,
        }))
    }
}

/// A percentage.
#[derive(Debug, Clone, Copy)]
pub struct Pct(pub Decimal);

impl<'a> Arbitrary<'a> for Pct {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Pct(match u.int_in_range(0u8..=4)? {
            0 => Decimal::from(u.int_in_range(-150i64..=1100)?),
            1 => Decimal::new(u.int_in_range(-15_000i64..=110_000)?, 2),
            2 => Decimal::from(*u.choose(&[-100i64, -50, -20, 0, 50, 100, 200, 1000, -101, 1001, 201])?),
            3 => Decimal::new(i64::arbitrary(u)?, u.int_in_range(0..=28)?),
            _ => Amount::arbitrary(u)?.0,
        }))
    }
}

/// A year: one of the budget's columns, near them, or anything.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Year {
    Column(u8),
    Offset(i8),
    Raw(i32),
}

impl Year {
    pub fn resolve(self, base: &Analysis) -> i32 {
        let first = base.columns.iter().map(|c| c.year).min().unwrap_or(2024);
        match self {
            Year::Column(i) if !base.columns.is_empty() => base.columns[i as usize % base.columns.len()].year,
            Year::Column(_) => first,
            Year::Offset(d) => first.saturating_add(i32::from(d)),
            Year::Raw(y) => y,
        }
    }
}

#[derive(Debug, Clone, Arbitrary)]
pub enum Who {
    Region,
    Kommun(u8),
    /// A name that is not a member: the engine must refuse it.
    Named(String),
}

#[derive(Debug, Clone, Arbitrary)]
pub enum HowMuch {
    Kr(Amount),
    Percent(Pct),
}

#[derive(Debug, Clone, Arbitrary)]
pub enum Edit {
    Kr(Amount),
    Percent(Pct),
    Off,
}

#[derive(Debug, Clone, Arbitrary)]
pub struct Insats {
    pub name: String,
    pub yearly: Amount,
    pub start: Year,
    pub end: Year,
}

/// Where the budget comes from: a preset as it is, or a preset reshaped as
/// an imported table could be (columns over any years the importer takes,
/// 1990–2100, and amounts scaled up to the engine's limit).
#[derive(Debug, Clone, Arbitrary)]
pub struct Source {
    pub preset: u8,
    pub years: Option<Vec<u8>>,
    pub scale: Option<u8>,
}

impl Source {
    /// The reshaped budget, when it is reshaped.
    pub fn reshape(&self, budget: &Budget) -> Option<Budget> {
        if self.years.is_none() && self.scale.is_none() {
            return None;
        }
        let mut budget = budget.clone();
        if let Some(years) = &self.years {
            for (col, y) in budget.columns.iter_mut().zip(years) {
                col.year = 1990 + i32::from(*y % 111);
            }
        }
        if let Some(scale) = self.scale {
            let factor = Decimal::from(10i64.pow(u32::from(scale % 8)));
            let max = Decimal::from(MAX_AMOUNT);
            for v in budget.rows.iter_mut().flat_map(|r| r.values.iter_mut()).flatten() {
                *v = (*v * factor).clamp(-max, max);
            }
        }
        Some(budget)
    }
}

/// Every field of a [`Scenario`], each one drawn.
#[derive(Debug, Clone, Arbitrary)]
pub struct ScenarioInput {
    pub changes: Vec<(Who, HowMuch)>,
    pub from: Option<Year>,
    pub alone: bool,
    pub region_follows: bool,
    pub state_offer: Option<Amount>,
    pub step_up: Option<Pct>,
    pub costs: Vec<(u8, Edit)>,
    pub insatser: Vec<Insats>,
    pub utilisation: Option<Pct>,
    pub index: Option<Pct>,
    pub interest: Option<Pct>,
}

impl ScenarioInput {
    pub fn build(&self, base: &Analysis) -> Scenario {
        let member = |who: &Who| match who {
            Who::Region => MemberRef::Region,
            Who::Kommun(i) if !base.kommun_names.is_empty() => {
                MemberRef::Kommun(base.kommun_names[*i as usize % base.kommun_names.len()].clone())
            }
            Who::Kommun(_) => MemberRef::Kommun(String::new()),
            Who::Named(name) => MemberRef::Kommun(name.clone()),
        };
        let line = |i: u8| {
            base.cost_lines
                .get(i as usize % base.cost_lines.len().max(1))
                .map(|l| l.label.clone())
                .unwrap_or_default()
        };
        Scenario {
            changes: self
                .changes
                .iter()
                .map(|(who, how)| MemberChange {
                    member: member(who),
                    change: match how {
                        HowMuch::Kr(a) => Change::Kr(a.0),
                        HowMuch::Percent(p) => Change::Percent(p.0),
                    },
                })
                .collect(),
            from_year: self.from.map(|y| y.resolve(base)),
            mode: if self.alone { Mode::Alone } else { Mode::Key },
            region_follows: self.region_follows,
            state_offer: self.state_offer.map(|a| a.0),
            step_up_pct: self.step_up.map(|p| p.0),
            cost_changes: self
                .costs
                .iter()
                .map(|(i, edit)| CostChange {
                    line: line(*i),
                    edit: match edit {
                        Edit::Kr(a) => CostEdit::Kr(a.0),
                        Edit::Percent(p) => CostEdit::Percent(p.0),
                        Edit::Off => CostEdit::Off,
                    },
                })
                .collect(),
            new_insatser: self
                .insatser
                .iter()
                .map(|n| NewInsats {
                    name: n.name.clone(),
                    yearly: n.yearly.0,
                    start: n.start.resolve(base),
                    end: n.end.resolve(base),
                })
                .collect(),
            utilisation_pct: self.utilisation.map(|p| p.0),
            cost_index_pct: self.index.map(|p| p.0),
            interest_pct: self.interest.map(|p| p.0),
        }
    }
}
