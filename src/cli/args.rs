//! The command line's arguments, as clap reads them.

use clap::{Parser, Subcommand, ValueEnum};
use finsam_kalkyl::engine::Lang;

/// Budget scenarios for Swedish samordningsförbund (Finsam).
#[derive(Parser, Debug)]
#[command(name = "finsam-kalkyl", version, about, long_about = None)]
pub(super) struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub(super) enum Command {
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
    Goal(GoalArgs),
    /// Print the JSON Schema of the canonical budget model.
    Schema,
    /// List the budgets compiled into the app.
    Presets,
}

#[derive(clap::Args, Debug)]
pub(super) struct GoalArgs {
    #[command(flatten)]
    pub input: Input,
    /// The lowest equity allowed in any year, in kronor.
    #[arg(long, allow_hyphen_values = true, default_value = "0")]
    pub floor: String,
    /// A new insats to afford: its yearly cost in kronor.
    #[arg(long, allow_hyphen_values = true, requires_all = ["start", "end"])]
    pub new_insats: Option<String>,
    /// First year of the new insats.
    #[arg(long)]
    pub start: Option<i32>,
    /// Last year of the new insats.
    #[arg(long)]
    pub end: Option<i32>,
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    #[command(flatten)]
    pub output: Output,
}

/// A scenario, as flags. Without `--member` only the state offer and the
/// step-up apply.
#[derive(clap::Args, Debug)]
pub(super) struct ScenarioArgs {
    /// The member: a row label, case-insensitive, or a unique prefix such as `Habo`.
    #[arg(long)]
    pub member: Option<String>,
    /// Change in kronor, Swedish style: `10000`, `"+10 000"`, `-5 000`, `1 234,50`.
    #[arg(long, allow_hyphen_values = true, conflicts_with = "percent")]
    pub delta: Option<String>,
    /// Change in percent of the member's contribution each year: `5`, `-2,5`.
    #[arg(long, allow_hyphen_values = true)]
    pub percent: Option<String>,
    /// First year the change applies to (default: the budget year).
    #[arg(long)]
    pub from: Option<i32>,
    /// `key`: every kommun moves by the split key; `alone`: only this member.
    #[arg(long, value_enum, default_value_t = ModeArg::Key)]
    pub mode: ModeArg,
    /// Whether the region matches the kommuner's change.
    #[arg(long, value_enum, default_value_t = YesNo::Yes)]
    pub region_follows: YesNo,
    /// The state's utrymme (offer) in kronor from `--from` on (default: the table's state figure).
    #[arg(long, allow_hyphen_values = true)]
    pub state_offer: Option<String>,
    /// Step every member's contribution up by this percent a year.
    #[arg(long, allow_hyphen_values = true)]
    pub step_up: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    Csv,
    Xlsx,
    Json,
}

#[derive(clap::Args, Debug)]
pub(super) struct Input {
    /// A budget table (CSV or TSV, `;` `,` or tab), a budget JSON file, or a preset id (see `presets`).
    pub file: String,
    /// Equity guideline in percent of the year's member contributions.
    #[arg(long)]
    pub equity_guideline: Option<String>,
}

#[derive(clap::Args, Debug)]
pub(super) struct Output {
    /// Machine-readable JSON instead of the table. Money is written as plain decimal strings.
    #[arg(long)]
    pub json: bool,
    /// Language of the table and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    pub lang: LangArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ModeArg {
    Key,
    Alone,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum YesNo {
    Yes,
    No,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LangArg {
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
