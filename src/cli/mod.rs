//! The native command line: the same engine as the browser, for people
//! who live in terminals and for scripts. One function per subcommand.

mod args;
mod json;
mod text;

use args::{Cli, Command, Format, GoalArgs, Input, ModeArg, Output, ScenarioArgs, YesNo};
use clap::Parser;
use finsam_kalkyl::engine::{
    self, analyse, money, planning, presets, run_scenario, scenario::resolve_member, Analysis, Change,
    Imported, Lang, MemberRef, Mode, Options, Scenario, SwedishFormat,
};
use finsam_kalkyl::words::{self, Say};
use rust_decimal::Decimal;
use std::io::Write;

/// Exit status 2 and a message for input that cannot be used.
struct Fail(String);

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let done = match cli.command {
        Command::Schema => write(engine::model::json_schema()),
        Command::Presets => write(
            presets::PRESETS
                .iter()
                .map(|p| format!("{:<26} {}\n", p.id, p.name))
                .collect(),
        ),
        Command::Check { input, output } => check(&input, &output),
        Command::Scenario {
            input,
            scenario,
            output,
        } => scenario_command(&input, scenario, &output),
        Command::Export {
            input,
            format,
            scenario,
            output,
            lang,
        } => export(&input, format, scenario, &output, lang.into()),
        Command::Goal(goal_args) => goal(goal_args),
    };
    match done {
        Ok(()) => 0,
        Err(Fail(message)) => {
            eprintln!("finsam-kalkyl: {message}");
            2
        }
    }
}

fn write(text: String) -> Result<(), Fail> {
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(())
}

/// A scenario error, in the words the page uses.
fn refused(lang: Lang) -> impl Fn(engine::ScenarioError) -> Fail {
    move |e| Fail(e.say(lang, &SwedishFormat))
}

fn check(input: &Input, output: &Output) -> Result<(), Fail> {
    let (imported, options) = load(input, output.lang.into())?;
    let analysis = analyse(&imported.budget, &options);
    write(if output.json {
        json::check(&imported, &analysis)
    } else {
        text::check(&imported, &analysis, output.lang.into())
    })
}

fn scenario_command(input: &Input, args: ScenarioArgs, output: &Output) -> Result<(), Fail> {
    let lang: Lang = output.lang.into();
    if args.member.is_none() {
        return Err(Fail(text::words(lang).need_member.into()));
    }
    let (imported, options) = load(input, lang)?;
    let base = analyse(&imported.budget, &options);
    let scenario = args.build(&base, lang)?;
    let outcome = run_scenario(&imported.budget, &base, &scenario, &options).map_err(refused(lang))?;
    write(if output.json {
        json::scenario(&imported, &base, &scenario, &outcome)
    } else {
        text::scenario(&imported, &base, &scenario, &outcome, lang)
    })
}

fn export(
    input: &Input,
    format: Format,
    args: ScenarioArgs,
    path: &std::path::Path,
    lang: Lang,
) -> Result<(), Fail> {
    let w = text::words(lang);
    let (imported, options) = load(input, lang)?;
    let base = analyse(&imported.budget, &options);
    let scenario = args.build(&base, lang)?;
    let outcome = run_scenario(&imported.budget, &base, &scenario, &options).map_err(refused(lang))?;
    let findings = engine::scenario::visible_findings(&imported.findings, &base, &outcome);
    let description = words::describe(&base, &scenario, outcome.from_year, lang, &SwedishFormat);
    let bytes = match format {
        Format::Csv => engine::export::csv(&base, &outcome, &description, lang).into_bytes(),
        Format::Xlsx => engine::export::xlsx(&base, &outcome, &description, &findings, lang, &SwedishFormat)
            .map_err(|_| Fail(format!("{} {}", w.cannot_write_workbook, path.display())))?,
        Format::Json => imported.budget.to_json().into_bytes(),
    };
    std::fs::write(path, bytes).map_err(|e| {
        Fail(format!(
            "{} {}: {}",
            w.cannot_write,
            path.display(),
            io_reason(&e, lang)
        ))
    })
}

fn goal(args: GoalArgs) -> Result<(), Fail> {
    let lang: Lang = args.output.lang.into();
    let (imported, options) = load(&args.input, lang)?;
    let base = analyse(&imported.budget, &options);
    let floor = amount("--floor", &args.floor, lang)?;
    let member = args.scenario.member.clone();
    // The goal seeks change contributions themselves: only the scenario's
    // other settings are the starting point.
    let mut start_from = ScenarioArgs {
        member: None,
        ..args.scenario
    }
    .build(&base, lang)?;
    let insats = match (args.new_insats, args.start, args.end) {
        (Some(kr), Some(start), Some(end)) => Some(engine::scenario::NewInsats {
            name: if lang == Lang::Sv {
                "Ny insats"
            } else {
                "New insats"
            }
            .into(),
            yearly: amount("--new-insats", &kr, lang)?,
            start,
            end,
        }),
        _ => None,
    };
    start_from.new_insatser.extend(insats.clone());
    run_scenario(&imported.budget, &base, &start_from, &options).map_err(refused(lang))?;
    let from = start_from.from_year.or(base.budget_year).unwrap_or_default();
    let uniform = planning::required_uniform(&imported.budget, &base, &start_from, &options, floor, from);
    let room = planning::room(&imported.budget, &base, &start_from, &options, floor);
    let for_member = match member {
        Some(name) => {
            let m = resolve_member(&base, &name).map_err(refused(lang))?;
            let without = Scenario {
                new_insatser: Vec::new(),
                ..start_from.clone()
            };
            let name = match &m {
                MemberRef::Region => base.region_name.clone(),
                MemberRef::Kommun(label) => label.clone(),
            };
            let answer = planning::required_of_member(
                &imported.budget,
                &base,
                &without,
                &options,
                floor,
                &m,
                insats.as_ref(),
            );
            Some((name, answer))
        }
        None => None,
    };
    let report = text::GoalReport {
        base: &base,
        imported: &imported,
        floor,
        goal: &uniform,
        room: &room,
        member: for_member.as_ref(),
        options: &options,
    };
    write(if args.output.json {
        json::goal(&report)
    } else {
        text::goal(&report, lang)
    })
}

fn amount(flag: &str, text: &str, lang: Lang) -> Result<Decimal, Fail> {
    money::parse_amount(text).map_err(|e| Fail(format!("{flag}: {}", e.message(lang))))
}

fn percent(flag: &str, text: &str, lang: Lang) -> Result<Decimal, Fail> {
    money::parse_percent(text).map_err(|e| Fail(format!("{flag}: {}", e.message(lang))))
}

/// Why a file could not be read or written, without the system's own text.
fn io_reason(e: &std::io::Error, lang: Lang) -> &'static str {
    let w = text::words(lang);
    match e.kind() {
        std::io::ErrorKind::NotFound => w.not_found,
        std::io::ErrorKind::PermissionDenied => w.denied,
        _ => w.inaccessible,
    }
}

/// Reads a table, a budget JSON file, or a preset.
fn load(input: &Input, lang: Lang) -> Result<(Imported, Options), Fail> {
    let options = Options {
        equity_guideline_pct: input
            .equity_guideline
            .as_deref()
            .map(|s| percent("--equity-guideline", s, lang))
            .transpose()?,
    };
    let path = std::path::Path::new(&input.file);
    if !path.exists() {
        if let Some(preset) = presets::find(&input.file) {
            let imported = preset.load().map_err(|e| Fail(e.message(lang)))?;
            return Ok((imported, options));
        }
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Fail(format!(
            "{} {}: {}",
            text::words(lang).cannot_read,
            input.file,
            io_reason(&e, lang)
        ))
    })?;
    let imported =
        engine::import_file(&bytes).map_err(|e| Fail(format!("{}: {}", input.file, e.message(lang))))?;
    Ok((imported, options))
}

impl ScenarioArgs {
    fn build(self, base: &Analysis, lang: Lang) -> Result<Scenario, Fail> {
        let scenario = Scenario {
            from_year: self.from,
            mode: match self.mode {
                ModeArg::Key => Mode::Key,
                ModeArg::Alone => Mode::Alone,
            },
            region_follows: self.region_follows == YesNo::Yes,
            state_offer: self
                .state_offer
                .map(|s| amount("--state-offer", &s, lang))
                .transpose()?,
            step_up_pct: self.step_up.map(|s| percent("--step-up", &s, lang)).transpose()?,
            ..Scenario::default()
        };
        let Some(name) = self.member else {
            return Ok(scenario);
        };
        let member = resolve_member(base, &name).map_err(refused(lang))?;
        let change = match (self.delta, self.percent) {
            (Some(d), _) => Change::Kr(amount("--delta", &d, lang)?),
            (None, Some(p)) => Change::Percent(percent("--percent", &p, lang)?),
            (None, None) => return Err(Fail(text::words(lang).need_change.into())),
        };
        Ok(scenario.with_change(member, change))
    }
}
