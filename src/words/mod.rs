//! The sentences the page and the CLI share, worded from typed values:
//! the headline's explanation, the goal seeks' answers, the scenario in one
//! sentence, and every error and notice of the state and the scenario
//! engine. One file per language ([`sv`], [`en`]); this one only picks.
//!
//! Numbers go through a [`NumberFormat`]: `Intl` in the page, the engine's
//! `SwedishFormat` natively, so both write them as Swedes do.
//!
//! The engine words its own findings, import errors and table labels
//! (`engine::findings`, `engine::import`, `engine::report`), because the
//! import and export workers carry them without this module.

pub mod en;
pub mod sv;

use crate::engine::explain::{AskLine, Lever, Shortfall};
use crate::engine::planning::UniformGoal;
use crate::engine::{Analysis, Lang, NumberFormat, Scenario, ScenarioError};
use crate::state::persist::ReadError;
use crate::state::{ExportFailure, InputError, KeyError, Notice, WorkerFailure};
use rust_decimal::Decimal;

/// Something the page or the CLI can say, in either language. The words
/// are never inlined: each component that shows a message calls them,
/// and a copy in each would cost the page kilobytes.
pub trait Say {
    fn say(&self, lang: Lang, f: &dyn NumberFormat) -> String;
}

macro_rules! by_lang {
    ($lang:expr, $name:ident($($arg:expr),*)) => {
        match $lang {
            Lang::Sv => sv::$name($($arg),*),
            Lang::En => en::$name($($arg),*),
        }
    };
}

impl Say for ScenarioError {
    #[inline(never)]
    fn say(&self, lang: Lang, f: &dyn NumberFormat) -> String {
        by_lang!(lang, scenario_error(self, f))
    }
}

impl Say for InputError {
    #[inline(never)]
    fn say(&self, lang: Lang, f: &dyn NumberFormat) -> String {
        match self {
            InputError::Amount(e) => e.message(lang),
            InputError::Scenario(e) => e.say(lang, f),
        }
    }
}

impl Say for ReadError {
    #[inline(never)]
    fn say(&self, lang: Lang, f: &dyn NumberFormat) -> String {
        by_lang!(lang, read_error(self, f))
    }
}

impl Say for KeyError {
    #[inline(never)]
    fn say(&self, lang: Lang, _: &dyn NumberFormat) -> String {
        by_lang!(lang, key_error(self))
    }
}

impl Say for Notice {
    #[inline(never)]
    fn say(&self, lang: Lang, f: &dyn NumberFormat) -> String {
        by_lang!(lang, notice(self, f))
    }
}

impl Say for ExportFailure {
    #[inline(never)]
    fn say(&self, lang: Lang, _: &dyn NumberFormat) -> String {
        by_lang!(lang, export_failure(*self))
    }
}

impl Say for WorkerFailure {
    #[inline(never)]
    fn say(&self, lang: Lang, _: &dyn NumberFormat) -> String {
        by_lang!(lang, worker_failure(*self))
    }
}

/// What a member's change brings, and from whom; empty for
/// [`Lever::Quiet`], which has nothing to say.
impl Say for Lever {
    #[inline(never)]
    fn say(&self, lang: Lang, f: &dyn NumberFormat) -> String {
        by_lang!(lang, lever(self, f))
    }
}

/// What part of the offers is not matched, and why.
impl Say for Shortfall {
    #[inline(never)]
    fn say(&self, lang: Lang, f: &dyn NumberFormat) -> String {
        by_lang!(lang, shortfall(self, f))
    }
}

/// After an asked change: what the state still lacks to match it all,
/// as a note in parentheses; empty when it lacks nothing.
#[inline(never)]
pub fn ask_note(ask: &AskLine, lang: Lang, f: &dyn NumberFormat) -> String {
    ask.state_short
        .map(|short| by_lang!(lang, state_short(short, f)))
        .unwrap_or_default()
}

/// "What it asks of the others in {year}", as a heading.
#[inline(never)]
pub fn asks_heading(year: i32, lang: Lang) -> String {
    by_lang!(lang, asks_heading(year))
}

/// The answer to "what must every member pay?".
#[inline(never)]
pub fn uniform_goal(goal: &UniformGoal, floor: Decimal, lang: Lang, f: &dyn NumberFormat) -> String {
    by_lang!(lang, uniform_goal(goal, floor, f))
}

/// The answer to "what would this kommun have to add?": the yearly sum,
/// or none when the state cannot match what it would take.
#[inline(never)]
pub fn member_goal(name: &str, yearly: Option<Decimal>, lang: Lang, f: &dyn NumberFormat) -> String {
    by_lang!(lang, member_goal(name, yearly, f))
}

/// What the scenario is, in one sentence, for print-outs, exports and the
/// CLI: "Scenario: Habo kommun +10 000 kr från 2024, ensam, …".
#[inline(never)]
pub fn describe(base: &Analysis, scenario: &Scenario, from: i32, lang: Lang, f: &dyn NumberFormat) -> String {
    by_lang!(lang, describe(base, scenario, from, f))
}

/// "a, b och c": a list as a sentence writes it.
fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// How the parties of a [`Lever::Shares`] moved, as one word for all: up,
/// down, or each its own way.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Up,
    Down,
    Mixed,
}

fn direction(amounts: impl Iterator<Item = Decimal>) -> Direction {
    let (mut up, mut down) = (false, false);
    for a in amounts {
        up |= a > Decimal::ZERO;
        down |= a < Decimal::ZERO;
    }
    match (up, down) {
        (true, false) => Direction::Up,
        (false, true) => Direction::Down,
        _ => Direction::Mixed,
    }
}
