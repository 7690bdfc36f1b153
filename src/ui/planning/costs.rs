//! The cost side of the scenario: utilisation, indexation, interest, the
//! equity guideline, and each cost line by kronor, percent or off.

use super::super::format::{plain, signed_percent, IntlFormat};
use super::super::text::words;
use super::super::{disclosure, Shared, Store};
use crate::engine::{
    scenario::{CostChange, CostEdit},
    Analysis, Lang,
};
use crate::state::{Draft, Edit, Field};
use crate::words::Say;
use rust_decimal::Decimal;
use yew::prelude::*;

/// A typed field bound to a state [`Field`], with its message in place.
fn typed_field(props: &CostProps, field: Field, id: &str, label: &str, shown: String) -> Html {
    let draft = props.drafts.iter().find(|d| d.field == field);
    let value = draft.map(|d| d.text.clone()).unwrap_or(shown);
    let error = draft.and_then(|d| d.error.as_ref());
    let on_input = {
        let store = props.dispatcher.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            store.dispatch(Edit::Type(field, input.value()).into());
        })
    };
    let on_blur = {
        let store = props.dispatcher.clone();
        Callback::from(move |_: FocusEvent| store.dispatch(Edit::Blur(field).into()))
    };
    let err_id = format!("{id}-err");
    html! {
        <div class={classes!("field", error.map(|_| "invalid"))}>
            <label for={id.to_string()}>{ label.to_string() }</label>
            <input id={id.to_string()} type="text" inputmode="decimal" autocomplete="off" {value}
                   oninput={on_input} onblur={on_blur} aria-invalid={error.is_some().to_string()}
                   aria-describedby={error.map(|_| err_id.clone())} />
            if let Some(e) = error {
                <p class="error" id={err_id} role="alert">{ e.say(props.lang, &IntlFormat) }</p>
            }
        </div>
    }
}

fn pct_text(v: Option<Decimal>) -> String {
    v.map(plain).unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub(super) struct CostProps {
    pub lang: Lang,
    pub base: Shared<Analysis>,
    pub from: i32,
    pub start: Option<usize>,
    pub cost_changes: Vec<CostChange>,
    pub utilisation: Option<Decimal>,
    pub cost_index: Option<Decimal>,
    pub interest: Option<Decimal>,
    pub guideline: Option<Decimal>,
    /// The scenario's cost lines in the start year.
    pub after: Vec<Decimal>,
    /// What is being typed into this panel's fields.
    pub drafts: Vec<Draft>,
    pub dispatcher: UseReducerDispatcher<Store>,
}

/// The cost side of the scenario.
#[component]
pub(super) fn CostEditor(props: &CostProps) -> Html {
    let (lang, w) = (props.lang, words(props.lang));
    let from = props.from;
    let start = props.start;
    let store = &props.dispatcher;

    // Fifteen lines of inputs are for the few who edit costs: behind a
    // disclosure, built only when opened (they were a sixth of the page's
    // elements). Open from the start when the scenario already changes costs.
    let open = use_state(|| !props.cost_changes.is_empty());
    let summary = match props.cost_changes.len() {
        0 => w.cost_lines_open.to_string(),
        n => format!("{} ({n} {})", w.cost_lines_open, w.changed_count),
    };

    let settings = html! {
        <div class="plan-settings">
            { typed_field(props, Field::Utilisation, "f-util", w.utilisation, pct_text(props.utilisation)) }
            { typed_field(props, Field::CostIndex, "f-index", w.cost_index, pct_text(props.cost_index)) }
            { typed_field(props, Field::Interest, "f-interest", w.interest, pct_text(props.interest)) }
            { typed_field(props, Field::Guideline, "f-guideline", w.guideline, pct_text(props.guideline)) }
        </div>
    };

    let lines = props.base.cost_lines.iter().enumerate().map(|(j, line)| {
        let change = props.cost_changes.iter().find(|c| c.line == line.label).map(|c| c.edit);
        let off = change == Some(CostEdit::Off);
        let shown = match change {
            Some(CostEdit::Kr(v)) => super::super::format::signed_plain(v),
            Some(CostEdit::Percent(p)) => signed_percent(p),
            _ => String::new(),
        };
        let before = start.map(|i| props.base.columns[i].cost_lines[j]).unwrap_or_default();
        let after = props.after.get(j).copied().unwrap_or_default();
        let draft = props.drafts.iter().find(|d| d.field == Field::CostLine(j));
        let value = draft.map(|d| d.text.clone()).unwrap_or(shown);
        let error = draft.and_then(|d| d.error.as_ref());
        let on_input = {
            let store = store.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                store.dispatch(Edit::Type(Field::CostLine(j), input.value()).into());
            })
        };
        let on_off = {
            let store = store.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                store.dispatch(Edit::CostOff(j, input.checked()).into());
            })
        };
        html! {
            <tr>
                <th scope="row">{ &line.label }<span class="kind">{ format!(" · {}", line.class.name(lang)) }</span></th>
                <td class="num">{ plain(before) }</td>
                <td>
                    <label class="visually-hidden" for={format!("cost-{j}")}>{ format!("{} {}", w.cost_change_for, line.label) }</label>
                    <input id={format!("cost-{j}")} class="cost-input" type="text" inputmode="decimal" autocomplete="off"
                           {value} oninput={on_input} disabled={off} placeholder="+0"
                           aria-invalid={error.is_some().to_string()} />
                    if let Some(e) = error {
                        <span class="error" role="alert">{ e.say(lang, &IntlFormat) }</span>
                    }
                </td>
                <td class="center">
                    <input type="checkbox" id={format!("off-{j}")} checked={off} onchange={on_off}
                           aria-label={format!("{} {}", w.switch_off, line.label)} />
                </td>
                <td class="num">{ plain(after) }</td>
            </tr>
        }
    });

    html! {
        <>
            <h3>{ w.costs_title }</h3>
            <p class="help">{ w.costs_help }</p>
            { settings }
            { disclosure(&open, Some("cost-lines"), summary, || html! {
                <div class="table-scroll" role="region" aria-labelledby="cost-caption" tabindex="0">
                    <table class="cost-table">
                        <caption id="cost-caption">{ format!("{} {from}", w.cost_caption) }</caption>
                        <thead><tr>
                            <th scope="col">{ w.cost_line }</th>
                            <th scope="col">{ format!("{} {from}", w.baseline) }</th>
                            <th scope="col">{ w.cost_change }</th>
                            <th scope="col">{ w.switch_off }</th>
                            <th scope="col">{ format!("{} {from}", w.scenario) }</th>
                        </tr></thead>
                        <tbody>{ for lines }</tbody>
                    </table>
                </div>
            }) }
        </>
    }
}
