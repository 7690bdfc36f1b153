//! English: every sentence of `crate::words`, in English. A word table:
//! long by nature, one function per kind of sentence.

use super::{direction, join, Direction};
use crate::engine::explain::{Lever, Party, Shortfall};
use crate::engine::findings::Binding;
use crate::engine::planning::UniformGoal;
use crate::engine::{
    Analysis, Change, Lang, MemberRef, Mode, NumberFormat, Quantity, Scenario, ScenarioError,
};
use crate::state::persist::{file::FileError, ReadError};
use crate::state::{ExportFailure, KeyError, Notice, WorkerFailure};
use rust_decimal::Decimal;

fn quantity(q: Quantity) -> &'static str {
    match q {
        Quantity::Change => "The change",
        Quantity::StateOffer => "The state's allocation",
        Quantity::StepUp => "The yearly step-up",
        Quantity::Utilisation => "Utilisation",
        Quantity::CostIndex => "Cost indexation",
        Quantity::Interest => "Interest on equity",
        Quantity::CostChange => "The cost change",
        Quantity::InsatsCost => "The insats' cost",
        Quantity::Guideline => "The equity guideline",
    }
}

pub fn scenario_error(e: &ScenarioError, f: &dyn NumberFormat) -> String {
    match e {
        ScenarioError::UnknownMember { name, members } => {
            format!("“{name}” is not a member in this budget. Members: {}.", members.join(", "))
        }
        ScenarioError::AmbiguousMember { name, candidates } => format!(
            "“{name}” fits several members: {}. Type more of the name.",
            candidates.join(", ")
        ),
        ScenarioError::StateIsNotAMember => "The state's money changes through its allocation (--state-offer), not as a member's contribution.".into(),
        ScenarioError::FromYearOutside { year, first, last } => {
            format!("The start year {year} is not in the budget; choose a year from {first} to {last}.")
        }
        ScenarioError::AmountTooLarge { what } => format!(
            "{}: the amount is absurdly large; the limit is 1 000 billion kr.",
            quantity(*what)
        ),
        ScenarioError::PercentOutOfRange { what, min, max } => format!(
            "{}: the percentage must be between {min} and {max} %.",
            quantity(*what)
        ),
        ScenarioError::NegativeStateOffer => "The state's allocation cannot be negative.".into(),
        ScenarioError::NegativeOffer { member, year, offer } => format!(
            "{member} would contribute {} in {year}; a contribution cannot be negative.",
            f.kr(*offer)
        ),
        ScenarioError::NoKeyShare { member } => format!(
            "{member} has no share in the split key, so a key-bound change cannot be computed. Choose the “alone” mode."
        ),
        ScenarioError::UnknownCostLine { line } => format!("The cost line “{line}” is not in the budget."),
        ScenarioError::InsatsYears { name } => format!(
            "The insats “{name}”: the end year cannot come before the start year, and the amount cannot be negative."
        ),
        ScenarioError::NoPlannedYears => {
            "The budget has no budget, forecast or plan years to change from the start year.".into()
        }
    }
}

pub fn read_error(e: &ReadError, f: &dyn NumberFormat) -> String {
    match e {
        ReadError::Encoding => "The link's text is not correctly encoded; it may have been cut short on the way.".into(),
        ReadError::NotJson => "Its content cannot be read.".into(),
        ReadError::Damaged => "Its content is damaged or has been altered.".into(),
        ReadError::Version { found, reads } if found > reads => format!(
            "It was written by a newer version of the calculator (version {found}; this one reads version {reads})."
        ),
        ReadError::Version { found, reads } => format!(
            "It was written by another version of the calculator (version {found}; this one reads version {reads})."
        ),
        ReadError::Budget(e) => e.message(Lang::En),
        ReadError::UnknownBudget(id) => format!("The budget “{id}” is not in this browser."),
        ReadError::Scenario(e) => scenario_error(e, f),
    }
}

pub fn key_error(e: &KeyError) -> String {
    match &e.amount {
        None => format!("{}: the population cannot be negative.", e.kommun),
        Some(a) => format!("{}: {}.", e.kommun, a.message(Lang::En)),
    }
}

pub fn notice(n: &Notice, f: &dyn NumberFormat) -> String {
    match n {
        Notice::BadLink(why) => format!(
            "The link could not be opened. {} The preset budget is shown instead.",
            read_error(why, f)
        ),
        Notice::BadSaved(why) => format!(
            "What this browser saved could not be read. {} It has been set aside and will not be written over; the calculator starts from the baseline.",
            read_error(why, f)
        ),
        Notice::BudgetFile { name, why } => format!(
            "The budget file “{name}” could not be read. {} The preset budget is shown instead.",
            file_error(why)
        ),
        Notice::UnknownPreset(id) => {
            format!("There is no preset budget called “{id}”. The default budget is shown instead.")
        }
        Notice::StorageUnavailable => "This browser keeps nothing right now (private mode, full or blocked). The calculator still works; keep the scenario with “Share link”.".into(),
        Notice::LinkReady => "The link to the scenario is copied. It holds the whole scenario and is sent to no server.".into(),
        Notice::CopyLink => "The link could not be copied: the browser did not allow it. Copy it yourself from the field below (Ctrl+C).".into(),
        Notice::ExportFailed(why) => export_failure(*why),
        Notice::Refused(why) => scenario_error(why, f),
    }
}

pub fn file_error(e: &FileError) -> String {
    match e {
        FileError::Address => "The address cannot be read.".into(),
        FileError::Scheme(scheme) => {
            format!("Only files on the web (http or https) are read, not addresses starting “{scheme}:”.")
        }
        FileError::Status(404) => "The server answered 404: the file is not there.".into(),
        FileError::Status(status) => format!("The server answered with status {status}."),
        FileError::Offline => "The browser is offline, and no copy is kept from an earlier visit.".into(),
        FileError::Unreachable => {
            "The server could not be reached, or it does not allow this page to read the file (CORS).".into()
        }
        FileError::TooLarge => "The file is larger than 1 MB; a budget table is a few kilobytes.".into(),
        FileError::TimedOut => "The file did not arrive within 15 seconds.".into(),
        FileError::Unreadable(why) => format!("It cannot be read as a budget. {}", why.message(Lang::En)),
    }
}

pub fn export_failure(e: ExportFailure) -> String {
    let why = match e {
        ExportFailure::CannotStart => "the Excel export cannot start in this browser. Export as CSV instead.",
        ExportFailure::WorkerFailed => {
            "the export did not load or did not answer. Try again, or export as CSV."
        }
        ExportFailure::Workbook => "the workbook could not be written. Try again, or export as CSV.",
        ExportFailure::Browser => {
            "the browser would not save it. Allow downloads for this page and try again."
        }
    };
    format!("The file could not be made: {why}")
}

pub fn worker_failure(e: WorkerFailure) -> String {
    match e {
        WorkerFailure::CannotStart => "The import could not start in this browser.",
        WorkerFailure::NotLoaded => {
            "The table could not be read: the import worker could not be loaded or did not answer. Try again; if that does not help, reload the page."
        }
        WorkerFailure::Garbled => "The table could not be read: the import answered unexpectedly. Try again.",
    }
    .into()
}

fn party(p: Party) -> &'static str {
    match p {
        Party::OtherKommuner => "the other municipalities",
        Party::Kommuner => "the municipalities",
        Party::Region => "the region",
        Party::State => "the state",
    }
}

pub fn lever(l: &Lever, f: &dyn NumberFormat) -> String {
    match l {
        Lever::NoChange => "Change a contribution to see how the matching works through.".into(),
        Lever::Quiet => String::new(),
        Lever::PerKrona { member, delta, per_krona } if *delta > Decimal::ZERO => {
            format!("Every krona from {member} brings {} kr to the association.", f.plain(*per_krona))
        }
        Lever::PerKrona { member, per_krona, .. } => {
            format!("Every krona less from {member} costs the association {} kr.", f.plain(*per_krona))
        }
        Lever::Shares { members, by_key, others, total } => {
            let who: Vec<String> = members.iter().map(|(m, d)| format!("{m} {}", f.signed_kr(*d))).collect();
            let dir = direction(others.iter().map(|(_, v)| *v));
            let plural = matches!(others.first(), Some((Party::OtherKommuner | Party::Kommuner, _)));
            let parts: Vec<String> = others
                .iter()
                .enumerate()
                .map(|(i, (p, v))| {
                    let (verb, amount, tail) = match dir {
                        Direction::Up => (if plural { "add" } else { "adds" }, f.kr(*v), ""),
                        Direction::Down => (if plural { "pay" } else { "pays" }, f.kr(v.abs()), " less"),
                        Direction::Mixed => (if plural { "change by" } else { "changes by" }, f.signed_kr(*v), ""),
                    };
                    if i == 0 {
                        format!("{} {verb} {amount}{tail}", party(*p))
                    } else {
                        format!("{} {amount}{tail}", party(*p))
                    }
                })
                .collect();
            let lead = if *by_key { "By the key" } else { "With that" };
            let sum = if total.is_zero() {
                "the association gets as much as before".to_string()
            } else if *total > Decimal::ZERO {
                format!("{} more for the association in all", f.kr(*total))
            } else {
                format!("{} less for the association in all", f.kr(total.abs()))
            };
            format!("{}. {lead}, {}: {sum}.", join(&who, "and"), join(&parts, "and"))
        }
        Lever::Blocked { member, binding: Binding::State, state_needed } => format!(
            "The state's allocation is fully used — the increase from {member} cannot be matched and brings the association nothing. The state would have to offer {}.",
            f.kr(*state_needed)
        ),
        Lever::Blocked { member, binding: Binding::Region, .. } => {
            format!("The region does not follow — the increase from {member} cannot be matched.")
        }
        Lever::Blocked { member, binding: Binding::Kommuner, .. } => {
            format!("The municipalities do not follow — the increase from {member} cannot be matched.")
        }
    }
}

pub fn shortfall(s: &Shortfall, f: &dyn NumberFormat) -> String {
    let amount = f.kr(s.amount);
    match s.binding {
        Binding::State => format!(
            "{amount} cannot be matched: the state would have to offer {}.",
            f.kr(s.state_needed)
        ),
        Binding::Region => format!("{amount} cannot be matched: the region does not follow."),
        Binding::Kommuner => format!("{amount} cannot be matched: the municipalities do not follow."),
    }
}

pub fn state_short(short: Decimal, f: &dyn NumberFormat) -> String {
    format!(" (needs {} more allocation)", f.kr(short))
}

pub fn asks_heading(year: i32) -> String {
    format!("What it asks of the others in {year}")
}

pub fn uniform_goal(g: &UniformGoal, floor: Decimal, f: &dyn NumberFormat) -> String {
    match g.percent {
        Some(p) => format!(
            "Every member's contribution must change by {} from {} for equity to stay at least {} every year.",
            f.signed_percent(p),
            g.from,
            f.kr(floor)
        ),
        None => format!(
            "It cannot be done: the state's allocation is not enough, so raises cannot be matched. Were the state to match everything, it would take {}. The region and municipalities on their own would have to add {} a year; that money is unmatched and not allowed under Finsam § 5.",
            g.percent_if_state_matched
                .map(|p| f.signed_percent(p))
                .unwrap_or_else(|| "more than any raise".into()),
            g.unmatched_alone.map(|v| f.kr(v)).unwrap_or_else(|| "–".into())
        ),
    }
}

pub fn member_goal(name: &str, yearly: Option<Decimal>, f: &dyn NumberFormat) -> String {
    match yearly {
        Some(x) => format!(
            "{name} would have to raise its contribution by {} a year, key-bound with the region following and the state matching.",
            f.kr(x)
        ),
        None => format!("{name} cannot pay its way there: the state's allocation cannot match what it would take."),
    }
}

pub fn describe(base: &Analysis, scenario: &Scenario, from: i32, f: &dyn NumberFormat) -> String {
    let parts: Vec<String> = scenario
        .changes
        .iter()
        .map(|c| {
            let who = match &c.member {
                MemberRef::Region => base.region_name.as_str(),
                MemberRef::Kommun(l) => l.as_str(),
            };
            match c.change {
                Change::Kr(v) => format!("{who} {}", f.signed_kr(v)),
                Change::Percent(p) => format!("{who} {}", f.signed_percent(p)),
            }
        })
        .collect();
    let what = if parts.is_empty() {
        "no contribution changed".to_string()
    } else {
        parts.join(", ")
    };
    let mut s = format!("Scenario: {what} from {from}");
    s.push_str(match scenario.mode {
        Mode::Key => ", key-bound (the split key holds)",
        Mode::Alone => ", alone (other municipalities unchanged)",
    });
    s.push_str(if scenario.region_follows {
        ", the region follows"
    } else {
        ", the region does not follow"
    });
    if let Some(offer) = scenario.state_offer {
        s.push_str(&format!(", state allocation {}", f.kr(offer)));
    }
    if let Some(p) = scenario.step_up_pct {
        s.push_str(&format!(", all contributions {} a year", f.signed_percent(p)));
    }
    s.push('.');
    s
}
