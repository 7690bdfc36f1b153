//! Svenska: every sentence of `crate::words`, in Swedish. A word table:
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
        Quantity::Change => "Ändringen",
        Quantity::StateOffer => "Statens utrymme",
        Quantity::StepUp => "Årlig uppräkning",
        Quantity::Utilisation => "Nyttjandegrad",
        Quantity::CostIndex => "Indexering av kostnader",
        Quantity::Interest => "Ränta på eget kapital",
        Quantity::CostChange => "Kostnadsändringen",
        Quantity::InsatsCost => "Insatsens kostnad",
        Quantity::Guideline => "Riktlinjen för eget kapital",
    }
}

pub fn scenario_error(e: &ScenarioError, f: &dyn NumberFormat) -> String {
    match e {
        ScenarioError::UnknownMember { name, members } => {
            format!("«{name}» är ingen medlem i budgeten. Medlemmar: {}.", members.join(", "))
        }
        ScenarioError::AmbiguousMember { name, candidates } => format!(
            "«{name}» passar flera medlemmar: {}. Skriv mer av namnet.",
            candidates.join(", ")
        ),
        ScenarioError::StateIsNotAMember => {
            "Statens bidrag ändras genom statens utrymme (--state-offer), inte som en medlems bidrag.".into()
        }
        ScenarioError::FromYearOutside { year, first, last } => {
            format!("Startåret {year} finns inte i budgeten; välj ett år från {first} till {last}.")
        }
        ScenarioError::AmountTooLarge { what } => {
            format!("{}: beloppet är orimligt stort; gränsen är 1 000 miljarder kr.", quantity(*what))
        }
        ScenarioError::PercentOutOfRange { what, min, max } => format!(
            "{}: procentsatsen måste ligga mellan {min} och {max} %.",
            quantity(*what)
        ),
        ScenarioError::NegativeStateOffer => "Statens utrymme kan inte vara negativt.".into(),
        ScenarioError::NegativeOffer { member, year, offer } => format!(
            "{member} skulle bidra med {} år {year}; ett bidrag kan inte vara negativt.",
            f.kr(*offer)
        ),
        ScenarioError::NoKeyShare { member } => format!(
            "{member} har ingen andel i fördelningsnyckeln, så en nyckelbunden ändring går inte att räkna ut. Välj läget «ensam»."
        ),
        ScenarioError::UnknownCostLine { line } => format!("Kostnadsraden «{line}» finns inte i budgeten."),
        ScenarioError::InsatsYears { name } => format!(
            "Insatsen «{name}»: slutåret kan inte ligga före startåret, och beloppet kan inte vara negativt."
        ),
        ScenarioError::NoPlannedYears => {
            "Budgeten har inga budget-, prognos- eller planår att ändra från startåret.".into()
        }
    }
}

pub fn read_error(e: &ReadError, f: &dyn NumberFormat) -> String {
    match e {
        ReadError::Encoding => "Länkens text är inte rätt kodad; den kan ha kortats av på vägen.".into(),
        ReadError::NotJson => "Innehållet går inte att läsa.".into(),
        ReadError::Damaged => "Innehållet är skadat eller ändrat.".into(),
        ReadError::Version { found, reads } if found > reads => format!(
            "Det skrevs av en nyare version av kalkylen (version {found}; den här läser version {reads})."
        ),
        ReadError::Version { found, reads } => format!(
            "Det skrevs av en annan version av kalkylen (version {found}; den här läser version {reads})."
        ),
        ReadError::Budget(e) => e.message(Lang::Sv),
        ReadError::UnknownBudget(id) => format!("Budgeten «{id}» finns inte i den här webbläsaren."),
        ReadError::Scenario(e) => scenario_error(e, f),
    }
}

pub fn key_error(e: &KeyError) -> String {
    match &e.amount {
        None => format!("{}: invånarantalet kan inte vara negativt.", e.kommun),
        Some(a) => format!("{}: {}.", e.kommun, a.message(Lang::Sv)),
    }
}

pub fn notice(n: &Notice, f: &dyn NumberFormat) -> String {
    match n {
        Notice::BadLink(why) => format!(
            "Länken kunde inte öppnas. {} Den förinställda budgeten visas i stället.",
            read_error(why, f)
        ),
        Notice::BadSaved(why) => format!(
            "Det som sparats i den här webbläsaren kunde inte läsas. {} Det har lagts undan och skrivs inte över; kalkylen börjar om från utgångsläget.",
            read_error(why, f)
        ),
        Notice::BudgetFile { name, why } => format!(
            "Budgetfilen «{name}» kunde inte läsas. {} Den förinställda budgeten visas i stället.",
            file_error(why)
        ),
        Notice::UnknownPreset(id) => {
            format!("Det finns ingen förinställd budget «{id}». Standardbudgeten visas i stället.")
        }
        Notice::StorageUnavailable => "Webbläsaren sparar inget just nu (privat läge, fullt eller blockerat). Kalkylen fungerar ändå; behåll scenariot med «Dela länk».".into(),
        Notice::LinkReady => "Länken till scenariot är kopierad. Den innehåller hela scenariot och skickas inte till någon server.".into(),
        Notice::CopyLink => "Länken kunde inte kopieras: webbläsaren tillät det inte. Kopiera den själv från fältet nedan (Ctrl+C).".into(),
        Notice::ExportFailed(why) => export_failure(*why),
        Notice::Refused(why) => scenario_error(why, f),
    }
}

pub fn file_error(e: &FileError) -> String {
    match e {
        FileError::Address => "Adressen går inte att tolka.".into(),
        FileError::Scheme(scheme) => {
            format!(
                "Bara filer på webben (http eller https) läses, inte adresser som börjar med «{scheme}:»."
            )
        }
        FileError::Status(404) => "Servern svarade 404: filen finns inte där.".into(),
        FileError::Status(status) => format!("Servern svarade med felkod {status}."),
        FileError::Offline => {
            "Webbläsaren är inte ansluten till nätet, och ingen kopia finns sparad från ett tidigare besök."
                .into()
        }
        FileError::Unreachable => {
            "Servern gick inte att nå, eller så tillåter den inte att sidan läser filen (CORS).".into()
        }
        FileError::TooLarge => "Filen är större än 1 MB; en budgettabell är några kilobyte.".into(),
        FileError::TimedOut => "Filen kom inte fram inom 15 sekunder.".into(),
        FileError::Unreadable(why) => {
            format!("Den går inte att läsa som en budget. {}", why.message(Lang::Sv))
        }
    }
}

pub fn export_failure(e: ExportFailure) -> String {
    let why = match e {
        ExportFailure::CannotStart => {
            "Excel-exporten kan inte starta i den här webbläsaren. Exportera som CSV i stället."
        }
        ExportFailure::WorkerFailed => {
            "exporten kunde inte laddas eller svarade inte. Försök igen, eller exportera som CSV."
        }
        ExportFailure::Workbook => "arbetsboken gick inte att skriva. Försök igen, eller exportera som CSV.",
        ExportFailure::Browser => {
            "webbläsaren tillät inte att den sparades. Tillåt nedladdningar för sidan och försök igen."
        }
    };
    format!("Filen kunde inte skapas: {why}")
}

pub fn worker_failure(e: WorkerFailure) -> String {
    match e {
        WorkerFailure::CannotStart => "Importen kunde inte starta i den här webbläsaren.",
        WorkerFailure::NotLoaded => {
            "Tabellen kunde inte läsas: importens arbetare kunde inte laddas eller svarade inte. Försök igen; hjälper det inte, ladda om sidan."
        }
        WorkerFailure::Garbled => "Tabellen kunde inte läsas: importen svarade oväntat. Försök igen.",
    }
    .into()
}

fn party(p: Party) -> &'static str {
    match p {
        Party::OtherKommuner => "de övriga kommunerna",
        Party::Kommuner => "kommunerna",
        Party::Region => "regionen",
        Party::State => "staten",
    }
}

pub fn lever(l: &Lever, f: &dyn NumberFormat) -> String {
    match l {
        Lever::NoChange => "Ändra ett bidrag för att se hur matchningen slår igenom.".into(),
        Lever::Quiet => String::new(),
        Lever::PerKrona { member, delta, per_krona } if *delta > Decimal::ZERO => {
            format!("Varje krona från {member} ger {} kr till förbundet.", f.plain(*per_krona))
        }
        Lever::PerKrona { member, per_krona, .. } => {
            format!("Varje krona mindre från {member} ger förbundet {} kr mindre.", f.plain(*per_krona))
        }
        Lever::Shares { members, by_key, others, total } => {
            let who: Vec<String> = members.iter().map(|(m, d)| format!("{m} {}", f.signed_kr(*d))).collect();
            let dir = direction(others.iter().map(|(_, v)| *v));
            let amount = |v: Decimal| match dir {
                Direction::Mixed => f.signed_kr(v),
                _ => f.kr(v.abs()),
            };
            let parts: Vec<String> = others
                .iter()
                .map(|(p, v)| format!("{} med {}", party(*p), amount(*v)))
                .collect();
            let verb = match dir {
                Direction::Up => "ökar",
                Direction::Down => "minskar",
                Direction::Mixed => "ändras",
            };
            let lead = if *by_key { "Enligt nyckeln" } else { "Därmed" };
            let sum = if total.is_zero() {
                "förbundet får lika mycket som förut".to_string()
            } else if *total > Decimal::ZERO {
                format!("totalt {} mer till förbundet", f.kr(*total))
            } else {
                format!("totalt {} mindre till förbundet", f.kr(total.abs()))
            };
            format!("{}. {lead} {verb} {}: {sum}.", join(&who, "och"), join(&parts, "och"))
        }
        Lever::Blocked { member, binding: Binding::State, state_needed } => format!(
            "Statens utrymme är fullt utnyttjat — höjningen från {member} kan inte matchas och ger förbundet ingenting. Staten skulle behöva erbjuda {}.",
            f.kr(*state_needed)
        ),
        Lever::Blocked { member, binding: Binding::Region, .. } => {
            format!("Regionen följer inte med — höjningen från {member} kan inte matchas.")
        }
        Lever::Blocked { member, binding: Binding::Kommuner, .. } => {
            format!("Kommunerna följer inte med — höjningen från {member} kan inte matchas.")
        }
    }
}

pub fn shortfall(s: &Shortfall, f: &dyn NumberFormat) -> String {
    let amount = f.kr(s.amount);
    match s.binding {
        Binding::State => format!(
            "{amount} kan inte matchas: staten skulle behöva erbjuda {}.",
            f.kr(s.state_needed)
        ),
        Binding::Region => format!("{amount} kan inte matchas: regionen följer inte med."),
        Binding::Kommuner => format!("{amount} kan inte matchas: kommunerna följer inte med."),
    }
}

pub fn state_short(short: Decimal, f: &dyn NumberFormat) -> String {
    format!(" (behöver utrymme {})", f.kr(short))
}

pub fn asks_heading(year: i32) -> String {
    format!("Det kräver av de andra {year}")
}

pub fn uniform_goal(g: &UniformGoal, floor: Decimal, f: &dyn NumberFormat) -> String {
    match g.percent {
        Some(p) => format!(
            "Alla medlemmars bidrag behöver ändras med {} från {} för att eget kapital ska vara minst {} varje år.",
            f.signed_percent(p),
            g.from,
            f.kr(floor)
        ),
        None => format!(
            "Det går inte: statens utrymme räcker inte, så höjningar kan inte matchas. Om staten matchade allt skulle det krävas {}. Regionen och kommunerna skulle på egen hand behöva tillskjuta {} per år; det är omatchade medel och inte tillåtet enligt Finsam 5 §.",
            g.percent_if_state_matched
                .map(|p| f.signed_percent(p))
                .unwrap_or_else(|| "mer än någon höjning".into()),
            g.unmatched_alone.map(|v| f.kr(v)).unwrap_or_else(|| "–".into())
        ),
    }
}

pub fn member_goal(name: &str, yearly: Option<Decimal>, f: &dyn NumberFormat) -> String {
    match yearly {
        Some(x) => format!(
            "{name} skulle behöva öka sitt bidrag med {} per år, nyckelbundet med regionen som följer med och staten som matchar.",
            f.kr(x)
        ),
        None => format!(
            "{name} kan inte betala sig dit: statens utrymme räcker inte för att matcha det som skulle behövas."
        ),
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
        "inga ändrade bidrag".to_string()
    } else {
        parts.join(", ")
    };
    let mut s = format!("Scenario: {what} från {from}");
    s.push_str(match scenario.mode {
        Mode::Key => ", nyckelbunden (fördelningsnyckeln håller)",
        Mode::Alone => ", ensam (övriga kommuner oförändrade)",
    });
    s.push_str(if scenario.region_follows {
        ", regionen följer med"
    } else {
        ", regionen följer inte med"
    });
    if let Some(offer) = scenario.state_offer {
        s.push_str(&format!(", statens utrymme {}", f.kr(offer)));
    }
    if let Some(p) = scenario.step_up_pct {
        s.push_str(&format!(", alla bidrag {} per år", f.signed_percent(p)));
    }
    s.push('.');
    s
}
