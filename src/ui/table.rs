//! The multi-year table: scenario against baseline, year by year, with
//! every cost line, the result and the equity chain.

use super::format::{percent, plain, signed_plain};
use super::headline::delta_class;
use super::text::{kind_name, words};
use super::Shared;
use crate::engine::{analysis::ColumnFigures, scenario::ScenarioOutcome, Analysis, Lang, RowClass};
use crate::state::Action;
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub base: Shared<Analysis>,
    pub outcome: Shared<ScenarioOutcome>,
    pub show_baseline: bool,
    pub show_all: bool,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// How a row's figure is read from a column.
enum Value<'a> {
    Money(&'a dyn Fn(&ColumnFigures) -> Decimal),
    Percent(&'a dyn Fn(&ColumnFigures) -> Option<Decimal>),
}

/// A figure in a cell: money, or a percentage that may be undefined.
#[derive(Clone, Copy, PartialEq)]
pub enum Figure {
    Money(Decimal),
    Percent(Option<Decimal>),
}

#[derive(Properties, PartialEq)]
struct RowProps {
    label: AttrValue,
    class: &'static str,
    /// (baseline, scenario) per column.
    cells: Vec<(Figure, Figure)>,
    show_baseline: bool,
}

/// One row. Its own component, so that a keystroke re-renders (and
/// formats through Intl) only the rows whose figures changed.
#[component]
fn TableRow(props: &RowProps) -> Html {
    let text = |f: Figure| match f {
        Figure::Money(v) => plain(v),
        Figure::Percent(v) => v.map(percent).unwrap_or_else(|| "–".into()),
    };
    let cells = props.cells.iter().map(|&(b, n)| {
        let delta = match (b, n) {
            (Figure::Money(b), Figure::Money(n)) if n != b => Some(n - b),
            _ => None,
        };
        html! {
            <>
            if props.show_baseline {
                <td class="base">{ text(b) }</td>
            }
            <td>
                <span class="value">{ text(n) }</span>
                if let Some(d) = delta {
                    <span class={classes!("delta", delta_class(d))}>{ signed_plain(d) }</span>
                }
            </td>
            </>
        }
    });
    html! {
        <tr class={props.class}>
            <th scope="row">{ props.label.clone() }</th>
            { for cells }
        </tr>
    }
}

#[component]
pub fn YearTable(props: &TableProps) -> Html {
    let (base, outcome, lang) = (&props.base, &props.outcome, props.lang);
    let w = words(lang);
    let columns: Vec<usize> = if props.show_all {
        (0..base.columns.len()).collect()
    } else {
        base.chain.clone()
    };
    let toggle = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: Event| dispatch.emit(action.clone()))
    };
    let show_baseline = props.show_baseline;

    let header_cells = columns.iter().map(|&i| {
        let c = &base.columns[i];
        let span = if show_baseline { "2" } else { "1" };
        html! {
            <th scope="colgroup" colspan={span} class={classes!((!c.chained).then_some("off-chain"))}>
                <span class="year">{ c.period_end.clone().unwrap_or_else(|| c.year.to_string()) }</span>
                <span class="kind">{ kind_name(c.kind, lang) }</span>
                if !c.chained {
                    <span class="kind">{ format!("({})", w.not_chained) }</span>
                }
            </th>
        }
    });
    let sub_header = show_baseline.then(|| {
        html! {
            <tr>
                <td></td>
                { for columns.iter().map(|_| html! {
                    <>
                    <th scope="col" class="sub">{ w.baseline }</th>
                    <th scope="col" class="sub">{ w.scenario }</th>
                    </>
                }) }
            </tr>
        }
    });

    let row = |label: &str, class: &'static str, value: Value| -> Html {
        let cells: Vec<(Figure, Figure)> = columns
            .iter()
            .map(|&i| {
                let (b, n) = (&base.columns[i], &outcome.columns[i]);
                match &value {
                    Value::Money(f) => (Figure::Money(f(b)), Figure::Money(f(n))),
                    Value::Percent(f) => (Figure::Percent(f(b)), Figure::Percent(f(n))),
                }
            })
            .collect();
        html! { <TableRow label={AttrValue::from(label.to_string())} {class} {cells} {show_baseline} /> }
    };
    let group = |label: &str| {
        let span = (columns.len() * if show_baseline { 2 } else { 1 } + 1).to_string();
        html! { <tr class="group"><th scope="rowgroup" colspan={span}>{ label }</th></tr> }
    };

    let mut body: Vec<Html> = vec![group(w.row_income)];
    for (k, name) in base.kommun_names.iter().enumerate() {
        body.push(row(
            name,
            "",
            Value::Money(&move |c: &ColumnFigures| c.kommuner[k]),
        ));
    }
    if !base.region_name.is_empty() {
        body.push(row(&base.region_name, "", Value::Money(&|c| c.region)));
    }
    if !base.state_name.is_empty() {
        body.push(row(&base.state_name, "", Value::Money(&|c| c.state)));
    }
    body.push(row(
        w.row_members,
        "sum",
        Value::Money(&|c| c.members_total),
    ));
    body.push(row(w.row_other, "", Value::Money(&|c| c.other_income)));
    if base.columns.iter().any(|c| !c.income_rounding.is_zero()) {
        body.push(row(
            w.row_rounding,
            "",
            Value::Money(&|c| c.income_rounding),
        ));
    }
    body.push(row(
        w.row_total_income,
        "sum",
        Value::Money(&|c| c.income_total),
    ));
    body.push(group(w.row_costs));
    for class in [RowClass::Verksamhet, RowClass::Administration] {
        for (j, line) in base
            .cost_lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.class == class)
        {
            body.push(row(
                &line.label,
                "line",
                Value::Money(&move |c: &ColumnFigures| c.cost_lines[j]),
            ));
        }
        if class == RowClass::Verksamhet {
            body.push(row(
                w.row_verksamhet,
                "subtotal",
                Value::Money(&|c| c.verksamhet),
            ));
        } else {
            body.push(row(
                w.row_admin,
                "subtotal",
                Value::Money(&|c| c.administration),
            ));
        }
    }
    if base.columns.iter().any(|c| !c.cost_rounding.is_zero()) {
        body.push(row(w.row_rounding, "", Value::Money(&|c| c.cost_rounding)));
    }
    body.push(row(w.row_total_costs, "sum", Value::Money(&|c| c.costs)));
    body.push(group(w.row_result));
    body.push(row(w.row_result, "sum result", Value::Money(&|c| c.result)));
    body.push(row(w.row_opening, "", Value::Money(&|c| c.opening_equity)));
    body.push(row(
        w.row_closing,
        "sum equity",
        Value::Money(&|c| c.closing_equity),
    ));
    body.push(row(
        w.row_admin_share,
        "ratio",
        Value::Percent(&|c| c.admin_share_pct),
    ));
    body.push(row(
        w.row_equity_share,
        "ratio",
        Value::Percent(&|c| c.equity_pct_of_members),
    ));

    html! {
        <section class="table-section" aria-labelledby="table-title">
            <div class="table-head">
                <h2 id="table-title">{ w.table_title }</h2>
                <div class="toggles">
                    <label class="check">
                        <input type="checkbox" checked={show_baseline} onchange={toggle(Action::ToggleBaseline)} />
                        { w.show_baseline }
                    </label>
                    <label class="check">
                        <input type="checkbox" checked={props.show_all} onchange={toggle(Action::ToggleAllColumns)} />
                        { w.show_all }
                    </label>
                </div>
            </div>
            <div class="table-scroll" role="region" aria-labelledby="table-title" tabindex="0">
                <table class="years-table">
                    <caption>{ w.table_caption }</caption>
                    <thead>
                        <tr><td></td>{ for header_cells }</tr>
                        { for sub_header }
                    </thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </section>
    }
}
