//! From a budget table to figures per column: the parties' contributions,
//! income, costs, result, and equity chained over the years, with the
//! findings a board should hear about.

mod equity;
mod split;
mod totals;

pub use equity::{equity_findings, rechain_shifted};
pub use split::explicit_key_shares;

use super::findings::{Code, Detail, Finding, Severity};
use super::model::{Budget, ColumnKind, RowClass};
use rust_decimal::Decimal;
use serde::Serialize;

/// Settings a förbund chooses for itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Options {
    /// The förbund's own guideline for equity, in percent of the year's
    /// member contributions. There is no official default.
    pub equity_guideline_pct: Option<Decimal>,
}

/// Where a column's opening equity came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OpeningSource {
    /// The table gives it (a "Balanserat resultat" row).
    Table,
    /// Last year's closing equity.
    Chain,
    /// Nowhere to be found; taken as zero and reported.
    Missing,
}

/// A cost row of the budget, in table order.
#[derive(Debug, Clone, PartialEq)]
pub struct CostLine {
    pub label: String,
    pub class: RowClass,
}

/// The figures of one column.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnFigures {
    pub label: String,
    pub kind: ColumnKind,
    pub year: i32,
    pub period_end: Option<String>,
    /// True when this is the column the multi-year chain uses for its year.
    pub chained: bool,
    pub state: Decimal,
    pub region: Decimal,
    /// One per kommun, in the order of [`Analysis::kommun_names`].
    pub kommuner: Vec<Decimal>,
    pub kommuner_total: Decimal,
    pub members_total: Decimal,
    pub other_income: Decimal,
    /// The gap between a declared "Summa intäkter" and its rows, when it
    /// is rounding: the declared figure wins.
    pub income_rounding: Decimal,
    /// Members, other income and rounding; never opening equity.
    pub income_total: Decimal,
    /// One per cost row, in the order of [`Analysis::cost_lines`].
    pub cost_lines: Vec<Decimal>,
    /// New insatser a scenario adds (expected use), counted as verksamhet.
    pub new_insatser: Decimal,
    /// Verksamhet as granted, when a scenario expects less to be used.
    pub granted_verksamhet: Option<Decimal>,
    pub verksamhet: Decimal,
    pub administration: Decimal,
    /// As `income_rounding`, for "Summa kostnader".
    pub cost_rounding: Decimal,
    pub costs: Decimal,
    pub result: Decimal,
    pub opening_equity: Decimal,
    pub opening_source: OpeningSource,
    pub closing_equity: Decimal,
    /// Administration in percent of total costs.
    pub admin_share_pct: Option<Decimal>,
    /// Closing equity in percent of the member contributions.
    pub equity_pct_of_members: Option<Decimal>,
    /// The opening equity the table gives for this column, if any.
    pub given_opening: Option<Decimal>,
}

impl ColumnFigures {
    /// Recomputes every total from the parts. Called after the parts change.
    pub fn recompute(&mut self, cost_classes: &[RowClass]) {
        self.recompute_costs(cost_classes);
        self.recompute_income();
    }

    /// Recomputes income and what follows from it, when only contributions
    /// changed: the cost sums stand, which saves most of a recompute.
    pub fn recompute_income(&mut self) {
        self.kommuner_total = self.kommuner.iter().copied().sum();
        self.members_total = self.state + self.region + self.kommuner_total;
        self.income_total = self.members_total + self.other_income + self.income_rounding;
        self.result = self.income_total - self.costs;
        self.closing_equity = self.opening_equity + self.result;
    }

    fn recompute_costs(&mut self, cost_classes: &[RowClass]) {
        let (mut verksamhet, mut administration) = (Decimal::ZERO, Decimal::ZERO);
        for (amount, class) in self.cost_lines.iter().zip(cost_classes) {
            if *class == RowClass::Administration {
                administration += *amount;
            } else {
                verksamhet += *amount;
            }
        }
        self.verksamhet = verksamhet + self.new_insatser;
        self.administration = administration;
        self.costs = self.verksamhet + administration + self.cost_rounding;
        self.admin_share_pct = percent_of(self.administration, self.costs);
    }

    /// Sets opening equity and everything that follows from it. Equity in
    /// percent of contributions is computed here, once the chain is known.
    fn set_opening(&mut self, opening: Decimal, source: OpeningSource) {
        self.opening_equity = opening;
        self.opening_source = source;
        self.closing_equity = opening + self.result;
        self.equity_pct_of_members = percent_of(self.closing_equity, self.members_total);
    }
}

/// `part / whole` in percent, to two decimals; none when `whole` is under
/// one krona: a percentage of a sliver means nothing, and could overflow.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    (whole >= Decimal::ONE).then(|| (part * Decimal::ONE_HUNDRED / whole).round_dp(2))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub title: String,
    /// The kommun rows' labels, in table order.
    pub kommun_names: Vec<String>,
    /// The region row's label (the first, if several).
    pub region_name: String,
    /// The state row's label (the first, if several).
    pub state_name: String,
    pub cost_lines: Vec<CostLine>,
    pub columns: Vec<ColumnFigures>,
    /// Indices of the chained columns, one per year, in year order.
    pub chain: Vec<usize>,
    /// The year a scenario starts from by default.
    pub budget_year: Option<i32>,
    pub findings: Vec<Finding>,
}

impl Analysis {
    pub fn cost_classes(&self) -> Vec<RowClass> {
        self.cost_lines.iter().map(|c| c.class).collect()
    }

    /// The chained column of a year.
    pub fn chained_column(&self, year: i32) -> Option<usize> {
        self.chain.iter().copied().find(|&i| self.columns[i].year == year)
    }

    /// The last chained column: the end of the plan.
    pub fn last_chained(&self) -> Option<&ColumnFigures> {
        self.chain.last().map(|&i| &self.columns[i])
    }
}

/// Analyses a budget as it stands: the baseline.
pub fn analyse(budget: &Budget, options: &Options) -> Analysis {
    let mut findings = Vec::new();
    let kommun_rows: Vec<usize> = rows_of(budget, RowClass::Kommun);
    let cost_rows: Vec<usize> = budget
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.class.is_cost())
        .map(|(i, _)| i)
        .collect();
    let cost_lines: Vec<CostLine> = cost_rows
        .iter()
        .map(|&i| CostLine {
            label: budget.rows[i].label.clone(),
            class: budget.rows[i].class,
        })
        .collect();
    let cost_classes: Vec<RowClass> = cost_lines.iter().map(|c| c.class).collect();

    for row in budget.rows.iter().filter(|r| r.class == RowClass::Unknown) {
        findings.push(
            Finding::new(
                Severity::Error,
                Code::UnknownRow,
                Detail::UnknownRow {
                    label: row.label.clone(),
                },
            )
            .at(row.line, Some(1)),
        );
    }

    let mut columns: Vec<ColumnFigures> = (0..budget.columns.len())
        .map(|c| column_figures(budget, c, &kommun_rows, &cost_rows))
        .collect();
    for (c, figures) in columns.iter_mut().enumerate() {
        totals::check_declared_totals(budget, c, figures, &mut findings);
        figures.recompute(&cost_classes);
    }

    let balance: Vec<bool> = (0..columns.len())
        .map(|c| equity::is_balance_column(budget, c))
        .collect();
    let chain = equity::choose_chain(budget, &balance);
    for &i in &chain {
        columns[i].chained = true;
    }
    equity::chain_equity(budget, &mut columns, &chain, &balance, &mut findings);
    totals::check_declared_closing(budget, &columns, &chain, &mut findings);
    for figures in &columns {
        split::split_findings(figures, &mut findings);
    }
    findings.extend(equity_findings(&columns, &chain, options));
    if let Some(key) = &budget.key {
        split::key_findings(budget, key, &columns, &chain, &mut findings);
    }
    sort_findings(&mut findings);

    // A scenario starts in the first budget or plan year, never in a
    // column that only carries the balance in.
    let planned =
        |&i: &usize| !balance[i] && matches!(budget.columns[i].kind, ColumnKind::Budget | ColumnKind::Plan);
    let budget_year = chain
        .iter()
        .copied()
        .find(planned)
        .or_else(|| {
            (0..budget.columns.len()).find(|&i| !balance[i] && budget.columns[i].kind == ColumnKind::Budget)
        })
        .map(|i| budget.columns[i].year)
        .or_else(|| chain.last().map(|&i| budget.columns[i].year));

    Analysis {
        title: budget.title.clone(),
        kommun_names: kommun_rows
            .iter()
            .map(|&i| budget.rows[i].label.clone())
            .collect(),
        region_name: region_name(budget),
        state_name: state_name(budget),
        cost_lines,
        columns,
        chain,
        budget_year,
        findings,
    }
}

/// Errors first, then by column order as found.
pub fn sort_findings(findings: &mut [Finding]) {
    super::sort_small_by_key(findings, |f| f.severity);
}

fn rows_of(budget: &Budget, class: RowClass) -> Vec<usize> {
    budget
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.class == class)
        .map(|(i, _)| i)
        .collect()
}

fn sum_class(budget: &Budget, column: usize, class: RowClass) -> Decimal {
    budget
        .rows
        .iter()
        .filter(|r| r.class == class)
        .filter_map(|r| r.value(column))
        .sum()
}

fn column_figures(budget: &Budget, c: usize, kommun_rows: &[usize], cost_rows: &[usize]) -> ColumnFigures {
    let column = &budget.columns[c];
    let given_opening = {
        let values: Vec<Decimal> = budget
            .rows
            .iter()
            .filter(|r| r.class == RowClass::OpeningEquity)
            .filter_map(|r| r.value(c))
            .collect();
        (!values.is_empty()).then(|| values.iter().copied().sum())
    };
    ColumnFigures {
        label: column.label.clone(),
        kind: column.kind,
        year: column.year,
        period_end: column.period_end.clone(),
        chained: false,
        state: sum_class(budget, c, RowClass::State),
        region: sum_class(budget, c, RowClass::Region),
        kommuner: kommun_rows
            .iter()
            .map(|&i| budget.rows[i].value(c).unwrap_or_default())
            .collect(),
        kommuner_total: Decimal::ZERO,
        members_total: Decimal::ZERO,
        other_income: sum_class(budget, c, RowClass::OtherIncome),
        income_rounding: Decimal::ZERO,
        income_total: Decimal::ZERO,
        cost_lines: cost_rows
            .iter()
            .map(|&i| budget.rows[i].value(c).unwrap_or_default())
            .collect(),
        verksamhet: Decimal::ZERO,
        administration: Decimal::ZERO,
        new_insatser: Decimal::ZERO,
        granted_verksamhet: None,
        cost_rounding: Decimal::ZERO,
        costs: Decimal::ZERO,
        result: Decimal::ZERO,
        opening_equity: Decimal::ZERO,
        opening_source: OpeningSource::Missing,
        closing_equity: Decimal::ZERO,
        admin_share_pct: None,
        equity_pct_of_members: None,
        given_opening,
    }
}

/// The region side's name: its row's label, or with two regions both
/// ("Region Örebro län + Region Västmanland"); Finsam § 5 counts every
/// region as one side.
fn region_name(budget: &Budget) -> String {
    let mut names = String::new();
    for row in budget.rows.iter().filter(|r| r.class == RowClass::Region) {
        if !names.is_empty() {
            names.push_str(" + ");
        }
        names.push_str(&row.label);
    }
    names
}

/// The state side's name: the first state row that is not
/// Arbetsförmedlingen, which pays through the state's half.
fn state_name(budget: &Budget) -> String {
    let mut rows = budget
        .rows
        .iter()
        .filter(|r| r.class == RowClass::State)
        .peekable();
    if rows.peek().is_none() {
        return String::new();
    }
    // The importer has taken any "Medlemsavgift" off the label.
    rows.find(|r| !super::classify::normalise(&r.label).starts_with("arbetsförmedlingen"))
        .map_or_else(|| "Staten".to_string(), |r| r.label.clone())
}
