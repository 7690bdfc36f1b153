//! The contribution controls, one row per party, and the scenario settings.

use super::format::{kr, plain, signed_kr, signed_percent, IntlFormat};
use super::text::{words, Words};
use super::Store;
use crate::engine::{Lang, Mode};
use crate::state::{Action, Field, InputError, State};
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub store: UseReducerHandle<Store>,
}

fn error_text(error: &InputError, lang: Lang) -> String {
    match error {
        InputError::Amount(e) => e.message(lang),
        InputError::Scenario(e) => e.message(lang, &IntlFormat),
    }
}

fn field_id(field: Field) -> String {
    match field {
        Field::StateOffer => "f-state".into(),
        Field::Region => "f-region".into(),
        Field::Kommun(k) => format!("f-kommun-{k}"),
        Field::StepUp => "f-stepup".into(),
    }
}

#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let state = &props.store.0;
    let w = words(state.lang);
    let dispatch = {
        let store = props.store.clone();
        Callback::from(move |a: Action| store.dispatch(a))
    };
    let year = state.outcome.from_year;
    // Kommuner first: the calculator is for a kommun asking "what if we
    // pay more?"; the region and the state's utrymme follow.
    let mut fields: Vec<(Field, String)> = state
        .base
        .kommun_names
        .iter()
        .enumerate()
        .map(|(k, name)| (Field::Kommun(k), name.clone()))
        .collect();
    if !state.base.region_name.is_empty() {
        fields.push((Field::Region, state.base.region_name.clone()));
    }
    fields.push((Field::StateOffer, w.state_offer.to_string()));
    html! {
        <section class="controls" aria-labelledby="controls-title">
            <h2 id="controls-title">{ format!("{} {year}", w.contributions) }</h2>
            <p class="help">{ w.contributions_help }</p>
            <div class="members">
                { for fields.into_iter().map(|(field, name)| member_row(state, &dispatch, field, &name, w)) }
            </div>
            { settings(state, &dispatch, w) }
        </section>
    }
}

fn member_row(
    state: &State,
    dispatch: &Callback<Action>,
    field: Field,
    name: &str,
    w: &Words,
) -> Html {
    let id = field_id(field);
    let year = state.outcome.from_year;
    let base = state.baseline_value(field);
    let current = state.current_value(field);
    let step = state.step(field);
    let draft = state.draft(field);
    let shown = draft
        .map(|d| d.text.clone())
        .unwrap_or_else(|| plain(current));
    let error = draft.and_then(|d| d.error.as_ref());
    let delta = current - base;
    let unmatched = unmatched_for(state, field);

    let on_input = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::Type(field, input.value()));
        })
    };
    let on_blur = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: FocusEvent| dispatch.emit(Action::Blur(field)))
    };
    let on_slide = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<Decimal>() {
                dispatch.emit(Action::Set(field, v));
            }
        })
    };
    let stepper = |direction: i32| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Step(field, direction)))
    };
    let is_state = field == Field::StateOffer;
    let described = format!(
        "{id}-base {id}-delta{}",
        if error.is_some() {
            format!(" {id}-err")
        } else {
            String::new()
        }
    );
    let pct = (!base.is_zero()).then(|| delta * Decimal::ONE_HUNDRED / base);
    let lang = state.lang;

    html! {
        <div class={classes!("member", is_state.then_some("state"), error.map(|_| "invalid"),
                             (is_state && state_short_by(state).is_some()).then_some("binding"))}>
            <div class="member-head">
                <label class="member-name" for={id.clone()}>
                    { name }
                    <span class="visually-hidden">{ format!(", {} {year}", w.amount_suffix) }</span>
                </label>
                <span class="member-base" id={format!("{id}-base")}>{ format!("{}: {}", w.baseline, kr(base)) }</span>
            </div>
            <div class="member-input">
                <button type="button" class="step" onclick={stepper(-1)}
                        aria-label={format!("{} {name} {} {}", w.decrease, w.by, kr(step))}>{ "−" }</button>
                <input id={id.clone()} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                       value={shown} oninput={on_input} onblur={on_blur}
                       aria-invalid={error.is_some().to_string()} aria-describedby={described} />
                <span class="unit" aria-hidden="true">{ "kr" }</span>
                <button type="button" class="step" onclick={stepper(1)}
                        aria-label={format!("{} {name} {} {}", w.increase, w.by, kr(step))}>{ "+" }</button>
            </div>
            <input type="range" class="slider" min={state.slider_min(field).to_string()} max={state.slider_max(field).to_string()}
                   step={step.to_string()} value={current.to_string()} oninput={on_slide}
                   aria-label={format!("{name}, {}", w.slider_suffix)} aria-valuetext={kr(current)} />
            <div class={classes!("member-delta", (delta > Decimal::ZERO).then_some("up"), (delta < Decimal::ZERO).then_some("down"))}
                 id={format!("{id}-delta")}>
                { format!("{}: {}", w.change, signed_kr(delta)) }
                { for pct.filter(|_| !delta.is_zero()).map(|p| html! { <span>{ format!(" ({})", signed_percent(p)) }</span> }) }
                { for unmatched.filter(|u| !u.is_zero()).map(|u| html! {
                    <span class="unmatched">{ format!(" · {}: {}", w.unmatched, kr(u)) }</span>
                }) }
            </div>
            if is_state {
                <p class="member-help">{ w.state_offer_help }</p>
                if let Some(needed) = state_short_by(state) {
                    <p class="member-help binding">{ format!("{} {}.", w.state_short, kr(needed)) }</p>
                }
            }
            if let Some(e) = error {
                <p class="error" id={format!("{id}-err")} role="alert">{ error_text(e, lang) }</p>
            }
        </div>
    }
}

/// The utrymme the state would need, when its offer is what limits the
/// matching in the start year.
fn state_short_by(state: &State) -> Option<Decimal> {
    let m = state.outcome.match_for(state.start_column()?)?;
    (m.matched.binding == Some(crate::engine::findings::Binding::State))
        .then_some(m.matched.state_needed)
}

/// What a party offers in the start year that cannot be matched.
fn unmatched_for(state: &State, field: Field) -> Option<Decimal> {
    let m = state.outcome.match_for(state.start_column()?)?;
    match field {
        Field::Region => Some(m.matched.unmatched_region),
        Field::Kommun(k) => m.matched.unmatched_kommuner.get(k).copied(),
        _ => None,
    }
}

fn settings(state: &State, dispatch: &Callback<Action>, w: &Words) -> Html {
    let scenario = &state.scenario;
    let on_year = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(year) = select.value().parse() {
                dispatch.emit(Action::SetFromYear(year));
            }
        })
    };
    let on_mode = |mode: Mode| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.emit(Action::SetMode(mode)))
    };
    let on_follow = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::SetRegionFollows(input.checked()));
        })
    };
    let on_step_up = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::Type(Field::StepUp, input.value()));
        })
    };
    let on_step_blur = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: FocusEvent| dispatch.emit(Action::Blur(Field::StepUp)))
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
                    <p class="error" id="f-stepup-err" role="alert">{ error_text(e, state.lang) }</p>
                }
            </div>
        </div>
    }
}
