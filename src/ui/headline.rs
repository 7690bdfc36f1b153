//! The figures a politician reads first: total funding, what one krona
//! brings, what the change asks of the others, and where equity ends.

use super::format::{kr, signed_kr, IntlFormat};
use super::text::{words, Words};
use super::Shared;
use crate::engine::explain::{Explanation, Lever};
use crate::engine::{findings::Binding, scenario::ScenarioOutcome, Analysis, Lang};
use crate::words::{ask_note, asks_heading, Say};
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub base: Shared<Analysis>,
    pub outcome: Shared<ScenarioOutcome>,
    /// The sentences, worked out by the engine (`engine::explain`).
    pub explanation: Shared<Explanation>,
    pub scenario_changed: bool,
    pub lang: Lang,
}

fn focus_state_offer(_: MouseEvent) {
    if let Some(el) = gloo::utils::document().get_element_by_id("f-state") {
        el.scroll_into_view();
        if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = input.focus();
        }
    }
}

/// What a change brings and from whom, or why nothing: the CLI says the
/// same, in the same words.
fn lever(explanation: &Explanation, lang: Lang, w: &Words) -> Html {
    let text = explanation.lever.say(lang, &IntlFormat);
    match &explanation.lever {
        Lever::NoChange => html! { <p class="lever neutral">{ text }</p> },
        Lever::Quiet => html! {},
        Lever::Blocked { binding, .. } => html! {
            <div class="lever blocked" data-testid="leverage">
                <p>{ text }</p>
                if *binding == Binding::State {
                    <button type="button" class="link" onclick={Callback::from(focus_state_offer)}>{ w.to_utrymme }</button>
                }
            </div>
        },
        Lever::PerKrona { .. } | Lever::Shares { .. } => html! {
            <div class="lever good" data-testid="leverage">
                <p class="lever-main">{ text }</p>
                { for explanation.shortfall.as_ref().map(|s| html! {
                    <p class="warn-text">{ s.say(lang, &IntlFormat) }</p>
                }) }
            </div>
        },
    }
}

#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let (base, outcome, lang) = (&props.base, &props.outcome, props.lang);
    let w = words(lang);
    let from = outcome.from_year;
    let start = base.chained_column(from);
    let total = start.map(|i| {
        (
            outcome.columns[i].members_total,
            outcome.columns[i].members_total - base.columns[i].members_total,
        )
    });
    let end = base.chain.last().map(|&i| {
        let (b, n) = (&base.columns[i], &outcome.columns[i]);
        (n.year, n.closing_equity, n.closing_equity - b.closing_equity)
    });
    let year_text = |y: Option<i32>| {
        y.map(|y| y.to_string())
            .unwrap_or_else(|| w.none_year.to_string())
    };
    let asks: Vec<Html> = props
        .explanation
        .asks
        .iter()
        .map(|a| {
            html! {
                <li><span>{ &a.member }</span><strong>{ signed_kr(a.amount) }</strong>{ ask_note(a, lang, &IntlFormat) }</li>
            }
        })
        .collect();

    html! {
        <section class="headline" aria-labelledby="headline-title" aria-live="polite">
            <h2 id="headline-title" class="visually-hidden">{ w.headline }</h2>
            <div class="cards">
                if let Some((value, delta)) = total {
                    <div class="card" data-testid="total-funding">
                        <p class="card-label">{ format!("{} {from}", w.total_funding) }</p>
                        <p class="card-value">{ kr(value) }</p>
                        <p class={delta_css(delta, "card-delta", "card-delta up", "card-delta down")}>{ signed_kr(delta) }</p>
                    </div>
                }
                if let Some((year, value, delta)) = end {
                    <div class={classes!("card", (value < Decimal::ZERO).then_some("negative"))} data-testid="equity-end">
                        <p class="card-label">{ format!("{} ({year})", w.equity_end) }</p>
                        <p class="card-value">{ kr(value) }</p>
                        <p class={delta_css(delta, "card-delta", "card-delta up", "card-delta down")}>{ signed_kr(delta) }</p>
                    </div>
                }
            </div>
            { lever(&props.explanation, lang, w) }
            if props.scenario_changed {
                <div class="asks" data-testid="asks">
                    <h3>{ asks_heading(from, lang) }</h3>
                    if asks.is_empty() {
                        <p>{ w.asks_none }</p>
                    } else {
                        <ul>{ for asks }</ul>
                    }
                </div>
            }
            <dl class="years">
                <div data-testid="first-deficit">
                    <dt>{ w.first_deficit }</dt>
                    <dd>{ year_text(outcome.first_deficit_year(base)) }</dd>
                </div>
                <div data-testid="first-negative">
                    <dt>{ w.first_negative }</dt>
                    <dd>{ year_text(outcome.first_negative_equity_year(base)) }</dd>
                </div>
            </dl>
        </section>
    }
}

/// A class list for a change, written out: `classes!` builds a hash set per
/// element, and the table redraws dozens of these on every keystroke.
pub fn delta_css(delta: Decimal, same: &'static str, up: &'static str, down: &'static str) -> &'static str {
    match delta_class(delta) {
        Some("up") => up,
        Some(_) => down,
        None => same,
    }
}

fn delta_class(delta: Decimal) -> Option<&'static str> {
    if delta > Decimal::ZERO {
        Some("up")
    } else if delta < Decimal::ZERO {
        Some("down")
    } else {
        None
    }
}

/// On narrow screens the results sit below the controls; this bar keeps the
/// two key figures in view while a person types. It repeats the cards, so
/// assistive technology skips it. A function, not a component: two spans
/// cost less to rebuild than a component costs the page.
pub fn sticky_summary(base: &Analysis, outcome: &ScenarioOutcome, lang: Lang) -> Html {
    let w = words(lang);
    let from = outcome.from_year;
    let total = base.chained_column(from).map(|i| {
        let delta = outcome.columns[i].members_total - base.columns[i].members_total;
        format!(
            "{from}: {} ({})",
            kr(outcome.columns[i].members_total),
            signed_kr(delta)
        )
    });
    let end = base.chain.last().map(|&i| {
        let delta = outcome.columns[i].closing_equity - base.columns[i].closing_equity;
        format!(
            "{} {}: {} ({})",
            w.equity_short,
            outcome.columns[i].year,
            kr(outcome.columns[i].closing_equity),
            signed_kr(delta)
        )
    });
    html! {
        <div class="sticky-summary" aria-hidden="true">
            { for total.map(|t| html! { <span>{ t }</span> }) }
            { for end.map(|t| html! { <span>{ t }</span> }) }
        </div>
    }
}
