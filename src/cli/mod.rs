//! The native command line: the same engine as the browser, for people
//! who live in terminals and for scripts.

mod json;
mod text;

use clap::{Parser, Subcommand, ValueEnum};
use finsam_kalkyl::engine::{
    self, analyse, money, presets, run_scenario, scenario::resolve_member, Change, Imported, Lang, Mode,
    Options, Scenario, SwedishFormat,
};
use rust_decimal::Decimal;
use std::io::Write;

/// Budget scenarios for Swedish samordningsförbund (Finsam).
#[derive(Parser, Debug)]
#[command(name = "finsam-kalkyl", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the multi-year table and the findings of a budget table.
    Check {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        output: Output,
    },
    /// Change one member's contribution and compare with the baseline.
    Scenario {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        scenario: ScenarioArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Write the multi-year table (baseline, scenario, change) as CSV or
    /// XLSX, or the budget itself as the canonical JSON model.
    Export {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum)]
        format: Format,
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// The file to write.
        #[arg(short, long)]
        output: std::path::PathBuf,
        /// Language of headings and messages in the file.
        #[arg(long, value_enum, default_value_t = LangArg::Sv)]
        lang: LangArg,
    },
    /// What can the förbund afford? Room for new insatser per year, and the
    /// uniform change of every member's contribution that keeps equity at
    /// or above the floor (with --member: what that kommun alone, key-bound,
    /// would have to add).
    Goal {
        #[command(flatten)]
        input: Input,
        /// The lowest equity allowed in any year, in kronor.
        #[arg(long, allow_hyphen_values = true, default_value = "0")]
        floor: String,
        /// A new insats to afford: its yearly cost in kronor.
        #[arg(long, allow_hyphen_values = true, requires_all = ["start", "end"])]
        new_insats: Option<String>,
        /// First year of the new insats.
        #[arg(long)]
        start: Option<i32>,
        /// Last year of the new insats.
        #[arg(long)]
        end: Option<i32>,
        #[command(flatten)]
        scenario: ScenarioArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Print the JSON Schema of the canonical budget model.
    Schema,
    /// List the budgets compiled into the app.
    Presets,
}

/// A scenario, as flags. Without `--member` only the state offer and the
/// step-up apply.
#[derive(clap::Args, Debug)]
struct ScenarioArgs {
    /// The member: a row label, case-insensitive, or a unique prefix such as `Habo`.
    #[arg(long)]
    member: Option<String>,
    /// Change in kronor, Swedish style: `10000`, `"+10 000"`, `-5 000`, `1 234,50`.
    #[arg(long, allow_hyphen_values = true, conflicts_with = "percent")]
    delta: Option<String>,
    /// Change in percent of the member's contribution each year: `5`, `-2,5`.
    #[arg(long, allow_hyphen_values = true)]
    percent: Option<String>,
    /// First year the change applies to (default: the budget year).
    #[arg(long)]
    from: Option<i32>,
    /// `key`: every kommun moves by the split key; `alone`: only this member.
    #[arg(long, value_enum, default_value_t = ModeArg::Key)]
    mode: ModeArg,
    /// Whether the region matches the kommuner's change.
    #[arg(long, value_enum, default_value_t = YesNo::Yes)]
    region_follows: YesNo,
    /// The state's utrymme (offer) in kronor from `--from` on (default: the table's state figure).
    #[arg(long, allow_hyphen_values = true)]
    state_offer: Option<String>,
    /// Step every member's contribution up by this percent a year.
    #[arg(long, allow_hyphen_values = true)]
    step_up: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Csv,
    Xlsx,
    Json,
}

#[derive(clap::Args, Debug)]
struct Input {
    /// A budget table (CSV or TSV, `;` `,` or tab), a budget JSON file, or a preset id (see `presets`).
    file: String,
    /// Equity guideline in percent of the year's member contributions.
    #[arg(long)]
    equity_guideline: Option<String>,
}

#[derive(clap::Args, Debug)]
struct Output {
    /// Machine-readable JSON instead of the table. Money is written as plain decimal strings.
    #[arg(long)]
    json: bool,
    /// Language of the table and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    lang: LangArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ModeArg {
    Key,
    Alone,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum YesNo {
    Yes,
    No,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum LangArg {
    Sv,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

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
    match execute(cli) {
        Ok(()) => 0,
        Err(Fail(message)) => {
            eprintln!("finsam-kalkyl: {message}");
            2
        }
    }
}

fn execute(cli: Cli) -> Result<(), Fail> {
    let mut out = std::io::stdout().lock();
    let write = |out: &mut std::io::StdoutLock, s: String| {
        // A closed pipe (`| head`) is not an error worth a message.
        let _ = out.write_all(s.as_bytes());
    };
    match cli.command {
        Command::Schema => write(&mut out, engine::model::json_schema()),
        Command::Export {
            input,
            format,
            scenario,
            output,
            lang,
        } => {
            let (imported, options) = load(&input)?;
            let lang: Lang = lang.into();
            let base = analyse(&imported.budget, &options);
            let scenario = scenario.build(&base, lang)?;
            let outcome = run_scenario(&imported.budget, &base, &scenario, &options)
                .map_err(|e| Fail(e.message(lang, &SwedishFormat)))?;
            let findings = engine::scenario::visible_findings(&imported.findings, &base, &outcome);
            let bytes = match format {
                Format::Csv => {
                    engine::export::csv(&base, &outcome, &scenario, lang, &SwedishFormat).into_bytes()
                }
                Format::Xlsx => {
                    engine::export::xlsx(&base, &outcome, &scenario, &findings, lang, &SwedishFormat)
                        .map_err(Fail)?
                }
                Format::Json => imported.budget.to_json().into_bytes(),
            };
            std::fs::write(&output, bytes)
                .map_err(|e| Fail(format!("kan inte skriva {}: {e}", output.display())))?;
        }
        Command::Goal {
            input,
            floor,
            new_insats,
            start,
            end,
            scenario,
            output,
        } => {
            let (imported, options) = load(&input)?;
            let lang: Lang = output.lang.into();
            let base = analyse(&imported.budget, &options);
            let floor = amount("--floor", &floor)?;
            let member = scenario.member.clone();
            // The goal seeks change contributions themselves: only the
            // scenario's other settings are the starting point.
            let mut start_from = ScenarioArgs {
                member: None,
                ..scenario
            }
            .build(&base, lang)?;
            let insats = match (new_insats, start, end) {
                (Some(kr), Some(start), Some(end)) => Some(engine::scenario::NewInsats {
                    name: if lang == Lang::Sv {
                        "Ny insats".into()
                    } else {
                        "New insats".into()
                    },
                    yearly: amount("--new-insats", &kr)?,
                    start,
                    end,
                }),
                _ => None,
            };
            start_from.new_insatser.extend(insats.clone());
            run_scenario(&imported.budget, &base, &start_from, &options)
                .map_err(|e| Fail(e.message(lang, &SwedishFormat)))?;
            let from = start_from.from_year.or(base.budget_year).unwrap_or_default();
            let goal = engine::planning::required_uniform(
                &imported.budget,
                &base,
                &start_from,
                &options,
                floor,
                from,
            );
            let room = engine::planning::room(&imported.budget, &base, &start_from, &options, floor);
            let for_member = match member {
                Some(name) => {
                    let m =
                        resolve_member(&base, &name).map_err(|e| Fail(e.message(lang, &SwedishFormat)))?;
                    let without = engine::Scenario {
                        new_insatser: Vec::new(),
                        ..start_from.clone()
                    };
                    let name = match &m {
                        engine::MemberRef::Region => base.region_name.clone(),
                        engine::MemberRef::Kommun(label) => label.clone(),
                    };
                    Some((
                        name,
                        engine::planning::required_of_member(
                            &imported.budget,
                            &base,
                            &without,
                            &options,
                            floor,
                            &m,
                            insats.as_ref(),
                        ),
                    ))
                }
                None => None,
            };
            let report = text::GoalReport {
                base: &base,
                imported: &imported,
                floor,
                goal: &goal,
                room: &room,
                member: for_member.as_ref(),
                options: &options,
            };
            write(
                &mut out,
                if output.json {
                    json::goal(&report)
                } else {
                    text::goal(&report, lang)
                },
            );
        }
        Command::Presets => {
            for p in presets::PRESETS {
                write(&mut out, format!("{:<26} {}\n", p.id, p.name));
            }
        }
        Command::Check { input, output } => {
            let (imported, options) = load(&input)?;
            let analysis = analyse(&imported.budget, &options);
            let lang = output.lang.into();
            let text = if output.json {
                json::check(&imported, &analysis)
            } else {
                text::check(&imported, &analysis, lang)
            };
            write(&mut out, text);
        }
        Command::Scenario {
            input,
            scenario,
            output,
        } => {
            let (imported, options) = load(&input)?;
            let lang: Lang = output.lang.into();
            let base = analyse(&imported.budget, &options);
            let fmt = SwedishFormat;
            if scenario.member.is_none() {
                return Err(Fail("ange --member, och --delta eller --percent".into()));
            }
            let scenario = scenario.build(&base, lang)?;
            let outcome = run_scenario(&imported.budget, &base, &scenario, &options)
                .map_err(|e| Fail(e.message(lang, &fmt)))?;
            let text = if output.json {
                json::scenario(&imported, &base, &scenario, &outcome)
            } else {
                text::scenario(&imported, &base, &scenario, &outcome, lang)
            };
            write(&mut out, text);
        }
    }
    Ok(())
}

fn amount(flag: &str, text: &str) -> Result<Decimal, Fail> {
    money::parse_amount(text).map_err(|e| Fail(format!("{flag}: {}", e.message(Lang::Sv))))
}

/// Reads a table, a budget JSON file, or a preset.
fn load(input: &Input) -> Result<(Imported, Options), Fail> {
    let options = Options {
        equity_guideline_pct: input
            .equity_guideline
            .as_deref()
            .map(|s| {
                money::parse_percent(s)
                    .map_err(|e| Fail(format!("--equity-guideline: {}", e.message(Lang::Sv))))
            })
            .transpose()?,
    };
    let path = std::path::Path::new(&input.file);
    if !path.exists() {
        if let Some(preset) = presets::find(&input.file) {
            let imported = preset.load().map_err(|e| Fail(e.message(Lang::Sv)))?;
            return Ok((imported, options));
        }
    }
    let bytes = std::fs::read(path).map_err(|e| Fail(format!("kan inte läsa {}: {e}", input.file)))?;
    let imported =
        engine::import_file(&bytes).map_err(|e| Fail(format!("{}: {}", input.file, e.message(Lang::Sv))))?;
    Ok((imported, options))
}

impl ScenarioArgs {
    fn build(self, base: &finsam_kalkyl::engine::Analysis, lang: Lang) -> Result<Scenario, Fail> {
        let fmt = SwedishFormat;
        let scenario = Scenario {
            from_year: self.from,
            mode: match self.mode {
                ModeArg::Key => Mode::Key,
                ModeArg::Alone => Mode::Alone,
            },
            region_follows: self.region_follows == YesNo::Yes,
            state_offer: self
                .state_offer
                .map(|s| amount("--state-offer", &s))
                .transpose()?,
            step_up_pct: self
                .step_up
                .map(|s| {
                    money::parse_percent(&s).map_err(|e| Fail(format!("--step-up: {}", e.message(lang))))
                })
                .transpose()?,
            ..Scenario::default()
        };
        let Some(name) = self.member else {
            return Ok(scenario);
        };
        let member = resolve_member(base, &name).map_err(|e| Fail(e.message(lang, &fmt)))?;
        let change = match (self.delta, self.percent) {
            (Some(d), _) => Change::Kr(amount("--delta", &d)?),
            (None, Some(p)) => Change::Percent(
                money::parse_percent(&p).map_err(|e| Fail(format!("--percent: {}", e.message(lang))))?,
            ),
            (None, None) => return Err(Fail("ange --delta eller --percent".into())),
        };
        Ok(scenario.with_change(member, change))
    }
}
