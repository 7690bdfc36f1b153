//! The multi-year table as rows of figures: one shape for the browser's
//! table, the CLI, and the CSV and XLSX exports.

use super::analysis::{Analysis, ColumnFigures};
use super::model::RowClass;
use super::Lang;
use rust_decimal::Decimal;

/// A figure in a cell: money, or a percentage that may be undefined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Money(Decimal),
    Percent(Option<Decimal>),
}

impl Figure {
    pub fn money(self) -> Option<Decimal> {
        match self {
            Figure::Money(v) => Some(v),
            Figure::Percent(_) => None,
        }
    }
}

/// How a row reads: a group heading, an item, a cost line, a subtotal, a
/// sum, or the equity at the end of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Group,
    Item,
    Line,
    Subtotal,
    Sum,
    Equity,
    Ratio,
}

impl Style {
    pub fn class(self) -> &'static str {
        match self {
            Style::Group => "group",
            Style::Item => "",
            Style::Line => "line",
            Style::Subtotal => "subtotal",
            Style::Sum => "sum",
            Style::Equity => "sum equity",
            Style::Ratio => "ratio",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub label: String,
    pub style: Style,
    /// (baseline, scenario) per column shown; empty for a group heading.
    pub cells: Vec<(Figure, Figure)>,
}

pub struct Labels {
    pub income: &'static str,
    pub members: &'static str,
    pub other: &'static str,
    pub rounding: &'static str,
    pub total_income: &'static str,
    pub costs: &'static str,
    pub verksamhet: &'static str,
    pub new_insatser: &'static str,
    pub granted: &'static str,
    pub admin: &'static str,
    pub total_costs: &'static str,
    pub result_group: &'static str,
    pub result: &'static str,
    pub opening: &'static str,
    pub closing: &'static str,
    pub admin_share: &'static str,
    pub equity_share: &'static str,
}

pub const SV: Labels = Labels {
    income: "Intäkter",
    members: "Medlemsbidrag totalt",
    other: "Övriga intäkter",
    rounding: "Avrundning i källan",
    total_income: "Summa intäkter",
    costs: "Kostnader",
    verksamhet: "Summa verksamhet",
    new_insatser: "Nya insatser (scenario)",
    granted: "Beviljat till verksamhet",
    admin: "Summa administration",
    total_costs: "Summa kostnader",
    result_group: "Resultat och eget kapital",
    result: "Årets resultat",
    opening: "Ingående eget kapital",
    closing: "Utgående eget kapital",
    admin_share: "Administrationsandel",
    equity_share: "Eget kapital i % av medlemsbidragen",
};

pub const EN: Labels = Labels {
    income: "Income",
    members: "Member contributions",
    other: "Other income",
    rounding: "Rounding in the source",
    total_income: "Total income",
    costs: "Costs",
    verksamhet: "Total operations",
    new_insatser: "New insatser (scenario)",
    granted: "Granted to operations",
    admin: "Total administration",
    total_costs: "Total costs",
    result_group: "Result and equity",
    result: "Result for the year",
    opening: "Opening equity",
    closing: "Closing equity",
    admin_share: "Administration share",
    equity_share: "Equity as % of contributions",
};

pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

type Money = Box<dyn Fn(&ColumnFigures) -> Decimal>;

/// The rows of the multi-year table for the given columns, baseline
/// against scenario (pass the baseline twice for the baseline alone).
pub fn rows(base: &Analysis, scenario: &[ColumnFigures], columns: &[usize], lang: Lang) -> Vec<ReportRow> {
    let l = labels(lang);
    let mut out = Vec::with_capacity(base.kommun_names.len() + base.cost_lines.len() + 20);
    let money = |label: &str, style: Style, f: Money| ReportRow {
        label: label.to_string(),
        style,
        cells: columns
            .iter()
            .map(|&i| (Figure::Money(f(&base.columns[i])), Figure::Money(f(&scenario[i]))))
            .collect(),
    };
    let group = |label: &str| ReportRow {
        label: label.to_string(),
        style: Style::Group,
        cells: Vec::new(),
    };

    out.push(group(l.income));
    for (k, name) in base.kommun_names.iter().enumerate() {
        out.push(money(name, Style::Item, Box::new(move |c| c.kommuner[k])));
    }
    if !base.region_name.is_empty() {
        out.push(money(&base.region_name, Style::Item, Box::new(|c| c.region)));
    }
    if !base.state_name.is_empty() {
        out.push(money(&base.state_name, Style::Item, Box::new(|c| c.state)));
    }
    out.push(money(l.members, Style::Sum, Box::new(|c| c.members_total)));
    out.push(money(l.other, Style::Item, Box::new(|c| c.other_income)));
    if base.columns.iter().any(|c| !c.income_rounding.is_zero()) {
        out.push(money(l.rounding, Style::Item, Box::new(|c| c.income_rounding)));
    }
    out.push(money(l.total_income, Style::Sum, Box::new(|c| c.income_total)));
    out.push(group(l.costs));
    for class in [RowClass::Verksamhet, RowClass::Administration] {
        for (j, line) in base
            .cost_lines
            .iter()
            .enumerate()
            .filter(|(_, line)| line.class == class)
        {
            out.push(money(
                &line.label,
                Style::Line,
                Box::new(move |c| c.cost_lines[j]),
            ));
        }
        if class == RowClass::Verksamhet {
            if columns.iter().any(|&i| !scenario[i].new_insatser.is_zero()) {
                out.push(money(l.new_insatser, Style::Line, Box::new(|c| c.new_insatser)));
            }
            // With an expected utilisation, granted and expected side by side.
            if columns.iter().any(|&i| scenario[i].granted_verksamhet.is_some()) {
                out.push(money(
                    l.granted,
                    Style::Item,
                    Box::new(|c| c.granted_verksamhet.unwrap_or(c.verksamhet)),
                ));
            }
            out.push(money(l.verksamhet, Style::Subtotal, Box::new(|c| c.verksamhet)));
        } else {
            out.push(money(l.admin, Style::Subtotal, Box::new(|c| c.administration)));
        }
    }
    if base.columns.iter().any(|c| !c.cost_rounding.is_zero()) {
        out.push(money(l.rounding, Style::Item, Box::new(|c| c.cost_rounding)));
    }
    out.push(money(l.total_costs, Style::Sum, Box::new(|c| c.costs)));
    out.push(group(l.result_group));
    out.push(money(l.result, Style::Sum, Box::new(|c| c.result)));
    out.push(money(l.opening, Style::Item, Box::new(|c| c.opening_equity)));
    out.push(money(l.closing, Style::Equity, Box::new(|c| c.closing_equity)));
    let percent = |label: &str, f: fn(&ColumnFigures) -> Option<Decimal>| ReportRow {
        label: label.to_string(),
        style: Style::Ratio,
        cells: columns
            .iter()
            .map(|&i| {
                (
                    Figure::Percent(f(&base.columns[i])),
                    Figure::Percent(f(&scenario[i])),
                )
            })
            .collect(),
    };
    out.push(percent(l.admin_share, |c| c.admin_share_pct));
    out.push(percent(l.equity_share, |c| c.equity_pct_of_members));
    out
}
