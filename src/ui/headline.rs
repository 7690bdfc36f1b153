//! The figures a politician reads first: total funding, what one krona
//! brings, what the change asks of the others, and where equity ends.

use super::format::{kr, plain, signed_kr};
use super::text::words;
use super::Shared;
use crate::engine::{findings::Binding, scenario::Role, scenario::ScenarioOutcome, Analysis, Lang};
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub base: Shared<Analysis>,
    pub outcome: Shared<ScenarioOutcome>,
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

#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let (base, outcome, lang) = (&props.base, &props.outcome, props.lang);
    let w = words(lang);
    let sv = lang == Lang::Sv;
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
    let matched = start.and_then(|i| outcome.match_for(i)).map(|m| &m.matched);

    let leverage: Html = match &outcome.leverage {
        None => html! { <p class="lever neutral">{ w.no_change }</p> },
        Some(lev) if lev.member_delta.is_zero() && !lev.total_delta.is_zero() => html! {},
        Some(lev) if lev.member_delta.is_zero() => {
            let binding = matched.and_then(|m| m.binding);
            let needed = matched.map(|m| m.state_needed).unwrap_or_default();
            let text = match (binding, sv) {
                (Some(Binding::State) | None, true) => format!(
                    "Statens utrymme är fullt utnyttjat — höjningen från {} kan inte matchas och ger förbundet ingenting. Staten skulle behöva erbjuda {}.",
                    lev.member, kr(needed)
                ),
                (Some(Binding::State) | None, false) => format!(
                    "The state's allocation is fully used — the increase from {} cannot be matched and brings the association nothing. The state would have to offer {}.",
                    lev.member, kr(needed)
                ),
                (Some(Binding::Region), true) => format!("Regionen följer inte med — höjningen från {} kan inte matchas.", lev.member),
                (Some(Binding::Region), false) => format!("The region does not follow — the increase from {} cannot be matched.", lev.member),
                (Some(Binding::Kommuner), true) => format!("Kommunerna följer inte med — höjningen från {} kan inte matchas.", lev.member),
                (Some(Binding::Kommuner), false) => format!("The municipalities do not follow — the increase from {} cannot be matched.", lev.member),
            };
            html! {
                <div class="lever blocked" data-testid="leverage">
                    <p>{ text }</p>
                    if matches!(binding, Some(Binding::State) | None) {
                        <button type="button" class="link" onclick={Callback::from(focus_state_offer)}>{ w.to_utrymme }</button>
                    }
                </div>
            }
        }
        Some(lev) => {
            let per = lev.per_krona.unwrap_or_default();
            let main = match (lev.member_delta > Decimal::ZERO, sv) {
                (true, true) => format!(
                    "Varje krona från {} ger {} kr till förbundet.",
                    lev.member,
                    plain(per)
                ),
                (true, false) => format!(
                    "Every krona from {} brings {} kr to the association.",
                    lev.member,
                    plain(per)
                ),
                (false, true) => format!(
                    "Varje krona mindre från {} ger förbundet {} kr mindre.",
                    lev.member,
                    plain(per)
                ),
                (false, false) => format!(
                    "Every krona less from {} costs the association {} kr.",
                    lev.member,
                    plain(per)
                ),
            };
            let key_note = lev.per_kommun_krona.filter(|k| Some(*k) != lev.per_krona).map(|k| if sv {
                format!("Alla kommuner ändrar enligt nyckeln: kommunsidan {}, och varje krona från kommunerna blir {} kr.", signed_kr(lev.kommun_side_delta), plain(k))
            } else {
                format!("Every municipality changes by the key: the municipal side {}, and every krona from the municipalities becomes {} kr.", signed_kr(lev.kommun_side_delta), plain(k))
            });
            let partial = matched.filter(|m| m.binding.is_some()).map(|m| {
                let left = m.unmatched_total();
                if sv {
                    format!(
                        "{} kan inte matchas: staten skulle behöva erbjuda {}.",
                        kr(left),
                        kr(m.state_needed)
                    )
                } else {
                    format!(
                        "{} cannot be matched: the state would have to offer {}.",
                        kr(left),
                        kr(m.state_needed)
                    )
                }
            });
            html! {
                <div class="lever good" data-testid="leverage">
                    <p class="lever-main">{ main }</p>
                    { for key_note.map(|t| html! { <p>{ t }</p> }) }
                    { for partial.map(|t| html! { <p class="warn-text">{ t }</p> }) }
                </div>
            }
        }
    };

    let asks: Vec<Html> = outcome
        .asks
        .iter()
        .filter(|a| !a.offer_delta.is_zero() || !a.paid_delta.is_zero())
        .map(|a| {
            let amount = if a.role == Role::State {
                a.paid_delta
            } else {
                a.offer_delta
            };
            let note = (a.role == Role::State && a.offer_delta > a.paid_delta).then(|| {
                if sv {
                    format!(" (behöver utrymme {})", kr(a.offer_delta - a.paid_delta))
                } else {
                    format!(" (needs {} more allocation)", kr(a.offer_delta - a.paid_delta))
                }
            });
            html! { <li><span>{ &a.member }</span><strong>{ signed_kr(amount) }</strong>{ for note }</li> }
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
            { leverage }
            if props.scenario_changed {
                <div class="asks" data-testid="asks">
                    <h3>{ format!("{} {from}", w.asks) }</h3>
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
/// assistive technology skips it.
#[component]
pub fn StickySummary(props: &HeadlineProps) -> Html {
    let (base, outcome) = (&props.base, &props.outcome);
    let w = words(props.lang);
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
