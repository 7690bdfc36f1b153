//! From a budget table to figures per column: the parties' contributions,
//! income, costs, result, and equity chained over the years, with the
//! findings a board should hear about.

use super::findings::{Code, Detail, Finding, Severity};
use super::model::{Budget, ColumnKind, KeyBasis, RowClass};
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
    let first_label = |class| {
        budget
            .rows
            .iter()
            .find(|r| r.class == class)
            .map(|r| r.label.clone())
            .unwrap_or_default()
    };
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
        check_declared_totals(budget, c, figures, &mut findings);
        figures.recompute(&cost_classes);
    }

    let chain = choose_chain(budget);
    for &i in &chain {
        columns[i].chained = true;
    }
    chain_equity(&mut columns, &chain, &mut findings);
    for (c, figures) in columns.iter().enumerate() {
        check_declared_closing(budget, c, figures, &mut findings);
        split_findings(figures, &mut findings);
    }
    findings.extend(equity_findings(&columns, &chain, options));
    if let Some(key) = &budget.key {
        key_findings(budget, key, &columns, &chain, &mut findings);
    }
    sort_findings(&mut findings);

    let budget_year = chain
        .iter()
        .map(|&i| &budget.columns[i])
        .find(|c| matches!(c.kind, ColumnKind::Budget | ColumnKind::Plan))
        .or_else(|| budget.columns.iter().find(|c| c.kind == ColumnKind::Budget))
        .map(|c| c.year)
        .or_else(|| chain.last().map(|&i| budget.columns[i].year));

    Analysis {
        title: budget.title.clone(),
        kommun_names: kommun_rows
            .iter()
            .map(|&i| budget.rows[i].label.clone())
            .collect(),
        region_name: first_label(RowClass::Region),
        state_name: first_label(RowClass::State),
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

/// A declared total against what it sums. Within 1 kr per line summed it
/// is rounding in the source (info); beyond that, an error.
struct Check {
    rounding: bool,
    gap: Decimal,
}

fn compare(declared: Decimal, computed: Decimal, lines: usize) -> Option<Check> {
    let gap = declared - computed;
    if gap.is_zero() {
        return None;
    }
    Some(Check {
        rounding: gap.abs() <= Decimal::from(lines.max(1)),
        gap,
    })
}

fn mismatch(
    budget: &Budget,
    c: usize,
    row: usize,
    declared: Decimal,
    computed: Decimal,
    check: &Check,
    uses_declared: bool,
) -> Finding {
    let r = &budget.rows[row];
    Finding::new(
        if check.rounding {
            Severity::Info
        } else {
            Severity::Error
        },
        Code::SumMismatch,
        Detail::SumMismatch {
            label: r.label.clone(),
            declared,
            computed,
            rounding: check.rounding,
            uses_declared,
        },
    )
    .in_column(&budget.columns[c].label)
    .at(r.line, None)
}

/// Checks "Summa …", "Delsumma …" and "Årets resultat" against the rows,
/// and takes a declared grand total over its rows when the gap is rounding.
fn check_declared_totals(budget: &Budget, c: usize, fig: &mut ColumnFigures, findings: &mut Vec<Finding>) {
    let mut since_boundary = (Decimal::ZERO, 0usize);
    let mut income = (Decimal::ZERO, 0usize);
    let mut costs = (Decimal::ZERO, 0usize);
    for (i, row) in budget.rows.iter().enumerate() {
        let value = row.value(c);
        match row.class {
            RowClass::Heading => since_boundary = (Decimal::ZERO, 0),
            RowClass::State
            | RowClass::Region
            | RowClass::Kommun
            | RowClass::OtherIncome
            | RowClass::OpeningEquity => {
                if let Some(v) = value {
                    // Opening equity counts towards "Summa intäkter" only
                    // where the table lists it among income, above the sum.
                    income.0 += v;
                    income.1 += 1;
                    since_boundary.0 += v;
                    since_boundary.1 += 1;
                }
            }
            RowClass::Verksamhet | RowClass::Administration => {
                if let Some(v) = value {
                    costs.0 += v;
                    costs.1 += 1;
                    since_boundary.0 += v;
                    since_boundary.1 += 1;
                }
            }
            RowClass::Subtotal => {
                if let Some(declared) = value {
                    if let Some(check) = compare(declared, since_boundary.0, since_boundary.1) {
                        findings.push(mismatch(budget, c, i, declared, since_boundary.0, &check, false));
                    }
                }
                since_boundary = (Decimal::ZERO, 0);
            }
            RowClass::TotalIncome => {
                if let Some(declared) = value {
                    if let Some(check) = compare(declared, income.0, income.1) {
                        if check.rounding {
                            fig.income_rounding = check.gap;
                        }
                        findings.push(mismatch(budget, c, i, declared, income.0, &check, check.rounding));
                    }
                }
                since_boundary = (Decimal::ZERO, 0);
            }
            RowClass::TotalCosts => {
                if let Some(declared) = value {
                    if let Some(check) = compare(declared, costs.0, costs.1) {
                        if check.rounding {
                            fig.cost_rounding = check.gap;
                        }
                        findings.push(mismatch(budget, c, i, declared, costs.0, &check, check.rounding));
                    }
                }
                since_boundary = (Decimal::ZERO, 0);
            }
            RowClass::Result => {
                if let Some(declared) = value {
                    let members: Decimal = [fig.state, fig.region, fig.other_income]
                        .into_iter()
                        .chain(fig.kommuner.iter().copied())
                        .sum::<Decimal>()
                        + fig.income_rounding;
                    let cost_total: Decimal =
                        fig.cost_lines.iter().copied().sum::<Decimal>() + fig.cost_rounding;
                    let computed = members - cost_total;
                    let lines = budget
                        .rows
                        .iter()
                        .filter(|r| (r.class.is_income() || r.class.is_cost()) && r.value(c).is_some())
                        .count();
                    if let Some(check) = compare(declared, computed, lines) {
                        findings.push(mismatch(budget, c, i, declared, computed, &check, false));
                    }
                }
                since_boundary = (Decimal::ZERO, 0);
            }
            RowClass::ClosingEquity | RowClass::Unknown => {}
        }
    }
}

fn check_declared_closing(budget: &Budget, c: usize, fig: &ColumnFigures, findings: &mut Vec<Finding>) {
    let lines = budget
        .rows
        .iter()
        .filter(|r| (r.class.is_income() || r.class.is_cost()) && r.value(c).is_some())
        .count();
    for (i, row) in budget.rows.iter().enumerate() {
        if row.class != RowClass::ClosingEquity {
            continue;
        }
        if let Some(declared) = row.value(c) {
            if let Some(check) = compare(declared, fig.closing_equity, lines) {
                findings.push(mismatch(
                    budget,
                    c,
                    i,
                    declared,
                    fig.closing_equity,
                    &check,
                    false,
                ));
            }
        }
    }
}

/// One column a year: utfall before prognos before budget before plan.
fn choose_chain(budget: &Budget) -> Vec<usize> {
    let mut best: Vec<(i32, u8, usize)> = Vec::new();
    for (i, column) in budget.columns.iter().enumerate() {
        let Some(rank) = column.kind.chain_rank() else {
            continue;
        };
        match best.iter_mut().find(|(y, _, _)| *y == column.year) {
            Some(entry) if rank < entry.1 => *entry = (column.year, rank, i),
            Some(_) => {}
            None => best.push((column.year, rank, i)),
        }
    }
    super::sort_small_by_key(&mut best, |(year, _, _)| *year);
    best.into_iter().map(|(_, _, i)| i).collect()
}

/// Chains equity: each chained year opens with the table's figure if it
/// gives one, otherwise with last year's closing equity. Columns off the
/// chain open like the chained column of their year.
fn chain_equity(columns: &mut [ColumnFigures], chain: &[usize], findings: &mut Vec<Finding>) {
    let mut previous: Option<(i32, Decimal)> = None;
    for &i in chain {
        let col = &mut columns[i];
        let (opening, source) = match (col.given_opening, previous) {
            (Some(given), Some((_, chain_closing))) => {
                if given != chain_closing {
                    let rounding = (given - chain_closing).abs() <= Decimal::ONE;
                    findings.push(
                        Finding::new(
                            if rounding {
                                Severity::Info
                            } else {
                                Severity::Warning
                            },
                            Code::OpeningEquityDiffers,
                            Detail::OpeningEquityDiffers {
                                table: given,
                                chain: chain_closing,
                            },
                        )
                        .in_column(&col.label),
                    );
                }
                (given, OpeningSource::Table)
            }
            (Some(given), None) => (given, OpeningSource::Table),
            (None, Some((_, chain_closing))) => (chain_closing, OpeningSource::Chain),
            (None, None) => {
                findings.push(
                    Finding::new(
                        Severity::Warning,
                        Code::OpeningEquityMissing,
                        Detail::OpeningEquityMissing,
                    )
                    .in_column(&col.label),
                );
                (Decimal::ZERO, OpeningSource::Missing)
            }
        };
        if let Some((year, _)) = previous {
            if col.year != year + 1 {
                findings.push(
                    Finding::new(
                        Severity::Info,
                        Code::YearGap,
                        Detail::YearGap {
                            from: year,
                            to: col.year,
                        },
                    )
                    .in_column(&col.label),
                );
            }
        }
        col.set_opening(opening, source);
        previous = Some((col.year, col.closing_equity));
    }
    for i in 0..columns.len() {
        if columns[i].chained {
            continue;
        }
        let (opening, source) = match columns[i].given_opening {
            Some(given) => (given, OpeningSource::Table),
            None => opening_for_year(columns, chain, columns[i].year),
        };
        columns[i].set_opening(opening, source);
    }
}

/// The opening equity the chain gives a year: that of its chained column,
/// or else the closing equity of the last chained year before it.
fn opening_for_year(columns: &[ColumnFigures], chain: &[usize], year: i32) -> (Decimal, OpeningSource) {
    if let Some(&i) = chain.iter().find(|&&i| columns[i].year == year) {
        return (columns[i].opening_equity, columns[i].opening_source);
    }
    chain
        .iter()
        .rev()
        .find(|&&i| columns[i].year < year)
        .map(|&i| (columns[i].closing_equity, OpeningSource::Chain))
        .unwrap_or((Decimal::ZERO, OpeningSource::Missing))
}

/// After a scenario changes results, shifts every opening by what the
/// earlier years changed, so the chain carries the scenario forward.
pub fn rechain_shifted(
    base: &[ColumnFigures],
    scenario: &mut [ColumnFigures],
    chain: &[usize],
    interest: Option<(Decimal, i32)>,
) {
    // (year, shift of its opening, shift of its closing) per chained year.
    let mut shifts: Vec<(i32, Decimal, Decimal)> = Vec::with_capacity(chain.len());
    let mut shift = Decimal::ZERO;
    for &i in chain {
        let source = base[i].opening_source;
        let opening = base[i].opening_equity + shift;
        // Interest depends on this year's opening equity, so it is added
        // here, in chain order, rather than with the other income.
        if let Some((rate, from)) = interest {
            if scenario[i].year >= from && scenario[i].kind.is_planned() {
                let earned =
                    crate::engine::money::round_kr(opening.max(Decimal::ZERO) * rate / Decimal::ONE_HUNDRED);
                scenario[i].other_income = base[i].other_income + earned;
                scenario[i].recompute_income();
            }
        }
        scenario[i].set_opening(opening, source);
        let closing_shift = scenario[i].closing_equity - base[i].closing_equity;
        shifts.push((scenario[i].year, shift, closing_shift));
        shift = closing_shift;
    }
    for i in 0..scenario.len() {
        if scenario[i].chained {
            continue;
        }
        let year = scenario[i].year;
        let s = match shifts.iter().find(|(y, _, _)| *y == year) {
            Some((_, opening_shift, _)) => *opening_shift,
            None => shifts
                .iter()
                .rev()
                .find(|(y, _, _)| *y < year)
                .map(|(_, _, closing_shift)| *closing_shift)
                .unwrap_or_default(),
        };
        let source = base[i].opening_source;
        scenario[i].set_opening(base[i].opening_equity + s, source);
    }
}

/// The split rules of Finsam § 5 on the table's own figures.
fn split_findings(fig: &ColumnFigures, findings: &mut Vec<Finding>) {
    if fig.members_total.is_zero() {
        return;
    }
    let period = fig.kind == ColumnKind::PeriodUtfall;
    let small = |gap: Decimal| {
        let tolerance = (fig.region.abs() / Decimal::ONE_THOUSAND).max(Decimal::ONE_HUNDRED);
        period || gap.abs() <= tolerance
    };
    let severity = |gap: Decimal| {
        if small(gap) {
            Severity::Info
        } else {
            Severity::Warning
        }
    };
    let gap = fig.kommuner_total - fig.region;
    if !gap.is_zero() {
        findings.push(
            Finding::new(
                severity(gap),
                Code::SplitMismatch,
                Detail::RegionVsKommuner {
                    region: fig.region,
                    kommuner: fig.kommuner_total,
                    period,
                },
            )
            .in_column(&fig.label),
        );
    }
    let others = fig.region + fig.kommuner_total;
    let gap = fig.state - others;
    if !gap.is_zero() {
        findings.push(
            Finding::new(
                severity(gap),
                Code::SplitMismatch,
                Detail::StateVsOthers {
                    state: fig.state,
                    others,
                    period,
                },
            )
            .in_column(&fig.label),
        );
    }
}

/// Deficits, negative equity and equity above the guideline, on the chain.
pub fn equity_findings(columns: &[ColumnFigures], chain: &[usize], options: &Options) -> Vec<Finding> {
    let mut findings = Vec::new();
    for &i in chain {
        let fig = &columns[i];
        if fig.result < Decimal::ZERO {
            let actual = fig.kind == ColumnKind::Utfall;
            findings.push(
                Finding::new(
                    if actual { Severity::Info } else { Severity::Warning },
                    Code::Deficit,
                    Detail::Deficit {
                        result: fig.result,
                        opening: fig.opening_equity,
                        closing: fig.closing_equity,
                        actual,
                    },
                )
                .in_column(&fig.label),
            );
        }
        if fig.closing_equity < Decimal::ZERO {
            findings.push(
                Finding::new(
                    Severity::Error,
                    Code::NegativeEquity,
                    Detail::NegativeEquity {
                        closing: fig.closing_equity,
                    },
                )
                .in_column(&fig.label),
            );
        }
        if let (Some(guideline), Some(pct)) = (options.equity_guideline_pct, fig.equity_pct_of_members) {
            if pct > guideline {
                findings.push(
                    Finding::new(
                        Severity::Warning,
                        Code::EquityHigh,
                        Detail::EquityHigh {
                            equity: fig.closing_equity,
                            pct,
                            guideline_pct: guideline,
                        },
                    )
                    .in_column(&fig.label),
                );
            }
        }
    }
    findings
}

/// Each kommun's key share in percent, aligned with the kommun rows, from
/// an explicit key. Kommuner the key does not name get no share.
pub fn explicit_key_shares(budget: &Budget, key: &super::model::SplitKey) -> Vec<Decimal> {
    let weights: Vec<Decimal> = budget
        .kommun_labels()
        .iter()
        .map(|label| {
            key.weights
                .iter()
                .find(|w| super::classify::normalise(&w.kommun) == super::classify::normalise(label))
                .map(|w| w.weight)
                .unwrap_or_default()
        })
        .collect();
    let total: Decimal = weights.iter().copied().sum();
    weights
        .iter()
        .map(|w| match key.basis {
            KeyBasis::Percent => *w,
            KeyBasis::Population => percent_of(*w, total).unwrap_or_default(),
        })
        .collect()
}

fn key_findings(
    budget: &Budget,
    key: &super::model::SplitKey,
    columns: &[ColumnFigures],
    chain: &[usize],
    findings: &mut Vec<Finding>,
) {
    let shares = explicit_key_shares(budget, key);
    let names = budget.kommun_labels();
    for &i in chain {
        let fig = &columns[i];
        if fig.kommuner_total.is_zero() {
            continue;
        }
        for (k, amount) in fig.kommuner.iter().enumerate() {
            let share = percent_of(*amount, fig.kommuner_total).unwrap_or_default();
            let deviation = (share - shares[k]).abs();
            if deviation >= Decimal::new(1, 1) {
                findings.push(
                    Finding::new(
                        if deviation < Decimal::new(5, 1) {
                            Severity::Info
                        } else {
                            Severity::Warning
                        },
                        Code::KeyDeviation,
                        Detail::KeyDeviation {
                            kommun: names[k].to_string(),
                            share_pct: share,
                            key_pct: shares[k],
                        },
                    )
                    .in_column(&fig.label),
                );
            }
        }
    }
}
