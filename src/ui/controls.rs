//! The contribution controls, one row per party, and the scenario settings.

use super::format::{kr, plain, signed_kr, signed_percent, IntlFormat};
use super::headline::delta_css;
use super::slider::slider;
use super::text::{words, Words};
use super::Store;
use crate::engine::{findings::Binding, Lang, Mode};
use crate::state::{Action, Draft, Edit, Field, State};
use crate::words::Say;
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub store: UseReducerHandle<Store>,
}

fn field_id(field: Field) -> String {
    match field {
        Field::StateOffer => "f-state".into(),
        Field::Region => "f-region".into(),
        Field::Kommun(k) => format!("f-kommun-{k}"),
        Field::StepUp => "f-stepup".into(),
        Field::Utilisation => "f-util".into(),
        Field::CostIndex => "f-index".into(),
        Field::Interest => "f-interest".into(),
        Field::Guideline => "f-guideline".into(),
        Field::CostLine(j) => format!("cost-{j}"),
    }
}

#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let state = &props.store.0;
    let w = words(state.lang);
    let dispatcher = props.store.dispatcher();
    let dispatch = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |a: Action| dispatcher.dispatch(a))
    };
    let year = state.outcome.from_year;
    // Kommuner first: the calculator is for a kommun asking "what if we
    // pay more?"; the region and the state's utrymme follow.
    let mut fields: Vec<(Field, &str)> = state
        .base
        .kommun_names
        .iter()
        .enumerate()
        .map(|(k, name)| (Field::Kommun(k), name.as_str()))
        .collect();
    if !state.base.region_name.is_empty() {
        fields.push((Field::Region, state.base.region_name.as_str()));
    }
    fields.push((Field::StateOffer, w.state_offer));
    let start = state.start_column().and_then(|i| state.outcome.match_for(i));
    let rows = fields.into_iter().map(|(field, name)| {
        let unmatched = start.and_then(|m| match field {
            Field::Region => Some(m.matched.unmatched_region),
            Field::Kommun(k) => m.matched.unmatched_kommuner.get(k).copied(),
            _ => None,
        });
        let geometry = slider(state.baseline_value(field), state.current_value(field));
        let state_needed = start
            .filter(|m| field == Field::StateOffer && m.matched.binding == Some(Binding::State))
            .map(|m| m.matched.state_needed);
        html! {
            <MemberRow
                {field}
                name={AttrValue::from(name.to_string())}
                {year}
                base={state.baseline_value(field)}
                current={state.current_value(field)}
                step={geometry.step}
                slider_min={geometry.min}
                slider_max={geometry.max}
                draft={state.draft(field).cloned()}
                {unmatched}
                {state_needed}
                lang={state.lang}
                dispatcher={dispatcher.clone()} />
        }
    });
    html! {
        <section class="controls" aria-labelledby="controls-title">
            <h2 id="controls-title">{ format!("{} {year}", w.contributions) }</h2>
            <p class="help">{ w.contributions_help }</p>
            <div class="members">{ for rows }</div>
            { settings(state, &dispatch, w) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MemberRowProps {
    field: Field,
    name: AttrValue,
    year: i32,
    base: Decimal,
    current: Decimal,
    step: Decimal,
    slider_min: Decimal,
    slider_max: Decimal,
    draft: Option<Draft>,
    /// Offered in the start year but not matched.
    unmatched: Option<Decimal>,
    /// For the state's row: the utrymme needed, when it binds.
    state_needed: Option<Decimal>,
    lang: Lang,
    dispatcher: UseReducerDispatcher<Store>,
}

/// One party's row. Its own component with plain props, so a keystroke
/// re-renders only the rows whose figures changed.
#[component]
fn MemberRow(props: &MemberRowProps) -> Html {
    let MemberRowProps {
        field,
        base,
        current,
        step,
        year,
        lang,
        ..
    } = *props;
    let w = words(lang);
    let name = props.name.as_str();
    let id = field_id(field);
    let draft = props.draft.as_ref();
    let shown = draft.map(|d| d.text.clone()).unwrap_or_else(|| plain(current));
    let error = draft.and_then(|d| d.error.as_ref());
    let delta = current - base;
    let on_input = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatcher.dispatch(Edit::Type(field, input.value()).into());
        })
    };
    let on_blur = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_: FocusEvent| dispatcher.dispatch(Edit::Blur(field).into()))
    };
    let on_slide = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<Decimal>() {
                dispatcher.dispatch(Edit::Set(field, v).into());
            }
        })
    };
    let stepper = |by: Decimal| {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Edit::Step(field, by).into()))
    };
    let is_state = field == Field::StateOffer;
    let described = match error {
        Some(_) => format!("{id}-base {id}-delta {id}-err"),
        None => format!("{id}-base {id}-delta"),
    };
    let pct = (!base.is_zero() && !delta.is_zero()).then(|| delta * Decimal::ONE_HUNDRED / base);

    html! {
        <div class={classes!("member", is_state.then_some("state"), error.map(|_| "invalid"),
                             props.state_needed.map(|_| "binding"))}>
            <div class="member-head">
                <label class="member-name" for={id.clone()}>
                    { name }
                    <span class="visually-hidden">{ format!(", {} {year}", w.amount_suffix) }</span>
                </label>
                <span class="member-base" id={format!("{id}-base")}>{ format!("{}: {}", w.baseline, kr(base)) }</span>
            </div>
            <div class="member-input">
                <button type="button" class="step" onclick={stepper(-step)}
                        aria-label={format!("{} {name} {} {}", w.decrease, w.by, kr(step))}>{ "−" }</button>
                <input id={id.clone()} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                       value={shown} oninput={on_input} onblur={on_blur}
                       aria-invalid={error.is_some().to_string()} aria-describedby={described} />
                <span class="unit" aria-hidden="true">{ "kr" }</span>
                <button type="button" class="step" onclick={stepper(step)}
                        aria-label={format!("{} {name} {} {}", w.increase, w.by, kr(step))}>{ "+" }</button>
            </div>
            <input type="range" class="slider" min={props.slider_min.to_string()} max={props.slider_max.to_string()}
                   step={step.to_string()} value={current.to_string()} oninput={on_slide}
                   aria-label={format!("{name}, {}", w.slider_suffix)} aria-valuetext={kr(current)} />
            <div class={delta_css(delta, "member-delta", "member-delta up", "member-delta down")} id={format!("{id}-delta")}>
                { format!("{}: {}", w.change, signed_kr(delta)) }
                if let Some(p) = pct {
                    <span>{ format!(" ({})", signed_percent(p)) }</span>
                }
                if let Some(u) = props.unmatched.filter(|u| !u.is_zero()) {
                    <span class="unmatched">{ format!(" · {}: {}", w.unmatched, kr(u)) }</span>
                }
            </div>
            if is_state {
                <p class="member-help">{ w.state_offer_help }</p>
                if let Some(needed) = props.state_needed {
                    <p class="member-help binding">{ format!("{} {}.", w.state_short, kr(needed)) }</p>
                }
            }
            if let Some(e) = error {
                <p class="error" id={format!("{id}-err")} role="alert">{ e.say(lang, &IntlFormat) }</p>
            }
        </div>
    }
}

fn settings(state: &State, dispatch: &Callback<Action>, w: &Words) -> Html {
    let scenario = &state.scenario;
    let on_year = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(year) = select.value().parse() {
                dispatch.emit(Edit::FromYear(year).into());
            }
        })
    };
    let on_mode = |mode: Mode| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.emit(Edit::Mode(mode).into()))
    };
    let on_follow = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Edit::RegionFollows(input.checked()).into());
        })
    };
    let on_step_up = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Edit::Type(Field::StepUp, input.value()).into());
        })
    };
    let on_step_blur = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: FocusEvent| dispatch.emit(Edit::Blur(Field::StepUp).into()))
    };
    let step_draft = state.draft(Field::StepUp);
    let step_shown = step_draft
        .map(|d| d.text.clone())
        .unwrap_or_else(|| scenario.step_up_pct.map(plain).unwrap_or_default());
    let step_error = step_draft.and_then(|d| d.error.as_ref());
    let from = state.outcome.from_year;
    let mode_option = |mode: Mode, id: &str, label: &str, help: &str| {
        html! {
            <div class="radio">
                <input type="radio" name="mode" id={id.to_string()} checked={scenario.mode == mode}
                       onchange={on_mode(mode)} aria-describedby={format!("{id}-help")} />
                <label for={id.to_string()}>{ label }</label>
                <p class="radio-help" id={format!("{id}-help")}>{ help }</p>
            </div>
        }
    };
    html! {
        <div class="settings" role="group" aria-labelledby="settings-title">
            <h3 id="settings-title">{ w.respond }</h3>
            <div class="field">
                <label for="f-from">{ w.from_year }</label>
                <select id="f-from" onchange={on_year}>
                    { for state.from_years().into_iter().map(|y| html! {
                        <option value={y.to_string()} selected={y == from}>{ y }</option>
                    }) }
                </select>
            </div>
            <fieldset class="modes">
                <legend>{ w.mode_legend }</legend>
                { mode_option(Mode::Key, "mode-key", w.mode_key, w.mode_key_help) }
                { mode_option(Mode::Alone, "mode-alone", w.mode_alone, w.mode_alone_help) }
            </fieldset>
            <div class="check">
                <input type="checkbox" id="f-follows" checked={scenario.region_follows} onchange={on_follow}
                       aria-describedby="f-follows-help" />
                <label for="f-follows">{ w.region_follows }</label>
                <p class="radio-help" id="f-follows-help">{ w.region_follows_help }</p>
            </div>
            <div class={classes!("field", step_error.map(|_| "invalid"))}>
                <label for="f-stepup">{ w.step_up }</label>
                <input id="f-stepup" type="text" inputmode="decimal" autocomplete="off" value={step_shown}
                       oninput={on_step_up} onblur={on_step_blur} placeholder="0"
                       aria-invalid={step_error.is_some().to_string()}
                       aria-describedby={if step_error.is_some() { "f-stepup-help f-stepup-err" } else { "f-stepup-help" }} />
                <p class="radio-help" id="f-stepup-help">{ w.step_up_help }</p>
                if let Some(e) = step_error {
                    <p class="error" id="f-stepup-err" role="alert">{ e.say(state.lang, &IntlFormat) }</p>
                }
            </div>
        </div>
    }
}
