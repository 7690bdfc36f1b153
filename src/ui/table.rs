//! The multi-year table: scenario against baseline, year by year, with
//! every cost line, the result and the equity chain.

use super::format::{percent, plain, signed_plain};
use super::headline::delta_css;
use super::text::{kind_name, words};
use super::Shared;
use crate::engine::{
    report::{self, Figure, Style},
    scenario::ScenarioOutcome,
    Analysis, Lang,
};
use crate::state::{Action, View};
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

#[derive(Properties, PartialEq)]
struct RowProps {
    label: AttrValue,
    style: Style,
    /// (baseline, scenario) per column.
    cells: Vec<(Figure, Figure)>,
    show_baseline: bool,
    /// Columns a group heading spans.
    span: usize,
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
                    <span class={delta_css(d, "delta", "delta up", "delta down")}>{ signed_plain(d) }</span>
                }
            </td>
            </>
        }
    });
    html! {
        <tr class={props.style.class()}>
            if props.style == Style::Group {
                <th scope="rowgroup" colspan={props.span.to_string()}>{ props.label.clone() }</th>
            } else {
                <th scope="row">{ props.label.clone() }</th>
                { for cells }
            }
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
    // A fresh action per event: cloning one costs more code than making it.
    let toggle = |view: fn() -> View| props.dispatch.reform(move |_: Event| view().into());
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

    let span = columns.len() * if show_baseline { 2 } else { 1 } + 1;
    let body = report::rows(base, &outcome.columns, &columns, lang).into_iter().map(|row| {
        html! {
            <TableRow label={AttrValue::from(row.label)} style={row.style} cells={row.cells} {show_baseline} {span} />
        }
    });

    html! {
        <section class="table-section" aria-labelledby="table-title">
            <div class="table-head">
                <h2 id="table-title">{ w.table_title }</h2>
                <div class="toggles">
                    <label class="check">
                        <input type="checkbox" checked={show_baseline} onchange={toggle(|| View::ToggleBaseline)} />
                        { w.show_baseline }
                    </label>
                    <label class="check">
                        <input type="checkbox" checked={props.show_all} onchange={toggle(|| View::ToggleAllColumns)} />
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
