//! "What can we afford?": the equity floor with the room for new insatser
//! per year, and the two goal seeks, each a card of its own that answers
//! in one sentence (the CLI's `goal` says the same, in the same words).

use super::super::format::{kr, IntlFormat};
use super::super::text::words;
use super::super::{Shared, Store};
use crate::engine::{
    money::{self, AmountError},
    planning::{self, UniformGoal},
    scenario::{MemberRef, NewInsats},
    Analysis, Budget, Lang, Options, Scenario,
};
use crate::state::Edit;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

/// What the room and the goal seeks are worked out from: one copy, shared
/// by the room's timer and both buttons.
#[derive(PartialEq)]
pub(super) struct Inputs {
    pub budget: Shared<Budget>,
    pub base: Shared<Analysis>,
    pub scenario: Scenario,
    pub options: Options,
}

#[derive(Properties, PartialEq)]
pub(super) struct AffordProps {
    pub lang: Lang,
    pub inputs: Rc<Inputs>,
    pub from: i32,
    pub years: Vec<i32>,
    pub dispatcher: UseReducerDispatcher<Store>,
}

/// The floor is the cards' common input: an answer is shown only for the
/// floor it was asked with.
#[derive(Properties, PartialEq)]
struct CardProps {
    lang: Lang,
    inputs: Rc<Inputs>,
    /// The floor as typed, and what it reads as.
    floor_text: AttrValue,
    floor: Result<Decimal, AmountError>,
    from: i32,
    years: Vec<i32>,
    dispatcher: UseReducerDispatcher<Store>,
}

#[component]
pub(super) fn Afford(props: &AffordProps) -> Html {
    let floor_text = use_state(|| AttrValue::from("0"));
    let floor = money::parse_amount(floor_text.as_str());
    let on_floor = {
        let floor_text = floor_text.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            floor_text.set(input.value().into());
        })
    };
    let card = || CardProps {
        lang: props.lang,
        inputs: props.inputs.clone(),
        floor_text: (*floor_text).clone(),
        floor: floor.clone(),
        from: props.from,
        years: props.years.clone(),
        dispatcher: props.dispatcher.clone(),
    };
    html! {
        <div class="afford">
            <FloorAndRoom lang={props.lang} inputs={props.inputs.clone()} floor_text={(*floor_text).clone()}
                          floor={floor.clone()} {on_floor} />
            <UniformCard ..card() />
            <MemberCard ..card() />
        </div>
    }
}

/// "Use as the scenario": replaces the scenario with a goal seek's answer.
fn apply(dispatcher: &UseReducerDispatcher<Store>, scenario: Scenario) -> Callback<MouseEvent> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |_: MouseEvent| dispatcher.dispatch(Edit::Apply(scenario.clone()).into()))
}

#[derive(Properties, PartialEq)]
struct FloorProps {
    lang: Lang,
    inputs: Rc<Inputs>,
    floor_text: AttrValue,
    floor: Result<Decimal, AmountError>,
    on_floor: Callback<InputEvent>,
}

/// The floor, and the room for new insatser per year above it.
#[component]
fn FloorAndRoom(props: &FloorProps) -> Html {
    let (lang, w) = (props.lang, words(props.lang));
    // Room takes a few milliseconds (a search per year), too long to run
    // on every keystroke: it is worked out once typing pauses.
    let room = use_state(|| None::<Vec<(i32, Option<Decimal>)>>);
    {
        let room = room.clone();
        let key = (props.inputs.clone(), props.floor.clone().ok());
        use_effect_with(key, move |(inputs, floor)| {
            let (i, floor) = (inputs.clone(), *floor);
            let timer = gloo::timers::callback::Timeout::new(250, move || {
                room.set(floor.map(|f| planning::room(&i.budget, &i.base, &i.scenario, &i.options, f)));
            });
            move || drop(timer)
        });
    }
    let floor_error = props.floor.as_ref().err().map(|e| e.message(lang));
    html! {
        <>
            <div class={classes!("field", floor_error.is_some().then_some("invalid"))}>
                <label for="f-floor">{ w.floor }</label>
                <input id="f-floor" type="text" inputmode="decimal" value={props.floor_text.clone()}
                       oninput={props.on_floor.clone()} aria-describedby="f-floor-help" />
                <p class="radio-help" id="f-floor-help">{ w.floor_help }</p>
                if let Some(e) = floor_error {
                    <p class="error" role="alert">{ e }</p>
                }
            </div>
            if let Some(room) = room.as_ref() {
                <table class="room-table" data-testid="room">
                    <caption>{ w.room_caption }</caption>
                    <thead><tr><th scope="col">{ w.year }</th><th scope="col">{ w.room }</th></tr></thead>
                    <tbody>
                        { for room.iter().map(|(year, r)| html! {
                            <tr><th scope="row">{ year }</th><td class="num">{ r.map(kr).unwrap_or_else(|| w.none_year.into()) }</td></tr>
                        }) }
                    </tbody>
                </table>
            }
        </>
    }
}

/// "What does it take from every member?"
#[component]
fn UniformCard(props: &CardProps) -> Html {
    let (lang, w) = (props.lang, words(props.lang));
    let answer = use_state(|| None::<(AttrValue, Decimal, UniformGoal)>);
    let ask = {
        let (answer, i, from) = (answer.clone(), props.inputs.clone(), props.from);
        let (floor_text, floor) = (props.floor_text.clone(), props.floor.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(f) = floor {
                let goal = planning::required_uniform(&i.budget, &i.base, &i.scenario, &i.options, f, from);
                answer.set(Some((floor_text.clone(), f, goal)));
            }
        })
    };
    let shown = answer.as_ref().filter(|(text, ..)| *text == props.floor_text);
    html! {
        <div class="goal">
            <button type="button" class="tool primary" onclick={ask}>{ w.ask_uniform }</button>
            if let Some((_, floor, goal)) = shown {
                <p class="answer" data-testid="uniform-answer">{ crate::words::uniform_goal(goal, *floor, lang, &IntlFormat) }</p>
                if let Some(s) = goal.scenario.clone() {
                    <button type="button" class="tool" onclick={apply(&props.dispatcher, s)}>{ w.apply_answer }</button>
                }
            }
        </div>
    }
}

/// "What would the kommun have to add?", with a new insats or without.
#[component]
fn MemberCard(props: &CardProps) -> Html {
    let (lang, w) = (props.lang, words(props.lang));
    let member = use_state(usize::default);
    let insats_text = use_state(String::new);
    let insats_error = use_state(Option::<AmountError>::default);
    let answer = use_state(|| None::<(AttrValue, String, Option<(Decimal, Scenario)>)>);
    let ask = {
        let (answer, member, insats_text, insats_error) = (
            answer.clone(),
            member.clone(),
            insats_text.clone(),
            insats_error.clone(),
        );
        let (i, from, years) = (props.inputs.clone(), props.from, props.years.clone());
        let (floor_text, floor) = (props.floor_text.clone(), props.floor.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(f) = floor else { return };
            let yearly = if insats_text.trim().is_empty() {
                Ok(Decimal::ZERO)
            } else {
                money::parse_amount(&insats_text)
            };
            let yearly = match yearly {
                Ok(v) => v,
                Err(e) => {
                    insats_error.set(Some(e));
                    return;
                }
            };
            insats_error.set(None);
            let Some(name) = i.base.kommun_names.get(*member).cloned() else {
                return;
            };
            let insats = (!yearly.is_zero()).then(|| NewInsats {
                name: words(lang).new_insats.into(),
                yearly,
                start: from,
                end: years.last().copied().unwrap_or(from),
            });
            let kommun = MemberRef::Kommun(name.clone());
            let found =
                planning::required_of_member(&i.budget, &i.base, &i.scenario, &i.options, f, &kommun, insats.as_ref());
            answer.set(Some((floor_text.clone(), name, found)));
        })
    };
    let on_member = {
        let member = member.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            member.set(select.value().parse().unwrap_or(0));
        })
    };
    let on_insats = {
        let insats_text = insats_text.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            insats_text.set(input.value());
        })
    };
    let shown = answer.as_ref().filter(|(text, ..)| *text == props.floor_text);
    html! {
        <div class="goal">
            <div class="field">
                <label for="goal-member">{ w.which_kommun }</label>
                <select id="goal-member" onchange={on_member}>
                    { for props.inputs.base.kommun_names.iter().enumerate().map(|(k, n)| html! {
                        <option value={k.to_string()} selected={k == *member}>{ n }</option>
                    }) }
                </select>
            </div>
            <div class={classes!("field", insats_error.is_some().then_some("invalid"))}>
                <label for="goal-insats">{ w.goal_insats }</label>
                <input id="goal-insats" type="text" inputmode="decimal" value={(*insats_text).clone()} oninput={on_insats} />
                if let Some(e) = &*insats_error {
                    <p class="error" role="alert">{ e.message(lang) }</p>
                }
            </div>
            <button type="button" class="tool primary" onclick={ask}>{ w.ask_member }</button>
            if let Some((_, name, found)) = shown {
                <p class="answer" data-testid="member-answer">
                    { crate::words::member_goal(name, found.as_ref().map(|a| a.0), lang, &IntlFormat) }
                </p>
                if let Some((_, s)) = found {
                    <button type="button" class="tool" onclick={apply(&props.dispatcher, s.clone())}>{ w.apply_answer }</button>
                }
            }
        </div>
    }
}
