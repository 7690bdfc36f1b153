//! "What can we afford?": the equity floor with the room for new insatser
//! per year, and the two goal seeks, each answered in one sentence (the
//! CLI's `goal` says the same, in the same words). One component holds
//! what is typed and asked; each card is a function of its own. (Three
//! components cost the page several kilobytes of Yew's code per component.)

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

/// Room per year: the most that can be granted, or none.
type Room = Vec<(i32, Option<Decimal>)>;

/// A kommun's answer: its name, and the yearly sum with the scenario that
/// gives it, or none when the state cannot match it.
type MemberAnswer = (String, Option<(Decimal, Scenario)>);

/// What the cards show and change.
struct Cards<'a> {
    props: &'a AffordProps,
    floor_text: UseStateHandle<String>,
    floor: Result<Decimal, AmountError>,
    room: UseStateHandle<Option<Room>>,
    uniform: UseStateHandle<Option<(Decimal, UniformGoal)>>,
    member: UseStateHandle<usize>,
    insats_text: UseStateHandle<String>,
    insats_error: UseStateHandle<Option<AmountError>>,
    member_goal: UseStateHandle<Option<MemberAnswer>>,
}

#[component]
pub(super) fn Afford(props: &AffordProps) -> Html {
    let floor_text = use_state(|| "0".to_string());
    let floor = money::parse_amount(&floor_text);
    // Room takes a few milliseconds (a search per year), too long to run
    // on every keystroke: it is worked out once typing pauses.
    let room = use_state(|| None::<Room>);
    {
        let room = room.clone();
        let key = (props.inputs.clone(), floor.clone().ok());
        use_effect_with(key, move |(inputs, floor)| {
            let (i, floor) = (inputs.clone(), *floor);
            let timer = gloo::timers::callback::Timeout::new(250, move || {
                room.set(floor.map(|f| planning::room(&i.budget, &i.base, &i.scenario, &i.options, f)));
            });
            move || drop(timer)
        });
    }
    let cards = Cards {
        props,
        floor_text,
        floor,
        room,
        uniform: use_state(|| None),
        member: use_state(usize::default),
        insats_text: use_state(String::new),
        insats_error: use_state(|| None),
        member_goal: use_state(|| None),
    };
    html! {
        <div class="afford">
            { floor_card(&cards) }
            { uniform_card(&cards) }
            { member_card(&cards) }
        </div>
    }
}

/// "Use as the scenario": replaces the scenario with a goal seek's answer.
fn apply(dispatcher: &UseReducerDispatcher<Store>, scenario: Scenario) -> Callback<MouseEvent> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |_: MouseEvent| dispatcher.dispatch(Edit::Apply(scenario.clone()).into()))
}

/// The floor, and the room for new insatser per year above it. A new
/// floor clears the goal seeks' answers, which were for the old one.
fn floor_card(c: &Cards) -> Html {
    let (lang, w) = (c.props.lang, words(c.props.lang));
    let on_floor = {
        let (floor_text, uniform, member_goal) =
            (c.floor_text.clone(), c.uniform.clone(), c.member_goal.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            floor_text.set(input.value());
            uniform.set(None);
            member_goal.set(None);
        })
    };
    let floor_error = c.floor.as_ref().err().map(|e| e.message(lang));
    html! {
        <>
            <div class={classes!("field", floor_error.is_some().then_some("invalid"))}>
                <label for="f-floor">{ w.floor }</label>
                <input id="f-floor" type="text" inputmode="decimal" value={(*c.floor_text).clone()} oninput={on_floor}
                       aria-describedby="f-floor-help" />
                <p class="radio-help" id="f-floor-help">{ w.floor_help }</p>
                if let Some(e) = floor_error {
                    <p class="error" role="alert">{ e }</p>
                }
            </div>
            if let Some(room) = c.room.as_ref() {
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
fn uniform_card(c: &Cards) -> Html {
    let (lang, w) = (c.props.lang, words(c.props.lang));
    let ask = {
        let (uniform, floor, i, from) = (
            c.uniform.clone(),
            c.floor.clone(),
            c.props.inputs.clone(),
            c.props.from,
        );
        Callback::from(move |_: MouseEvent| {
            if let Ok(f) = floor {
                let goal = planning::required_uniform(&i.budget, &i.base, &i.scenario, &i.options, f, from);
                uniform.set(Some((f, goal)));
            }
        })
    };
    html! {
        <div class="goal">
            <button type="button" class="tool primary" onclick={ask}>{ w.ask_uniform }</button>
            if let Some((floor, goal)) = &*c.uniform {
                <p class="answer" data-testid="uniform-answer">{ crate::words::uniform_goal(goal, *floor, lang, &IntlFormat) }</p>
                if let Some(s) = goal.scenario.clone() {
                    <button type="button" class="tool" onclick={apply(&c.props.dispatcher, s)}>{ w.apply_answer }</button>
                }
            }
        </div>
    }
}

/// "What would the kommun have to add?", with a new insats or without.
fn member_card(c: &Cards) -> Html {
    let (lang, w) = (c.props.lang, words(c.props.lang));
    let ask = {
        let (member_goal, member, insats_text, insats_error) = (
            c.member_goal.clone(),
            c.member.clone(),
            c.insats_text.clone(),
            c.insats_error.clone(),
        );
        let (i, from, years, floor) = (
            c.props.inputs.clone(),
            c.props.from,
            c.props.years.clone(),
            c.floor.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Ok(f) = floor else { return };
            let yearly = match insats_text.trim() {
                "" => Ok(Decimal::ZERO),
                text => money::parse_amount(text),
            };
            let yearly = match yearly {
                Ok(v) => v,
                Err(e) => return insats_error.set(Some(e)),
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
            let answer = planning::required_of_member(
                &i.budget,
                &i.base,
                &i.scenario,
                &i.options,
                f,
                &kommun,
                insats.as_ref(),
            );
            member_goal.set(Some((name, answer)));
        })
    };
    let on_member = {
        let member = c.member.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            member.set(select.value().parse().unwrap_or(0));
        })
    };
    let on_insats = {
        let insats_text = c.insats_text.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            insats_text.set(input.value());
        })
    };
    html! {
        <div class="goal">
            <div class="field">
                <label for="goal-member">{ w.which_kommun }</label>
                <select id="goal-member" onchange={on_member}>
                    { for c.props.inputs.base.kommun_names.iter().enumerate().map(|(k, n)| html! {
                        <option value={k.to_string()} selected={k == *c.member}>{ n }</option>
                    }) }
                </select>
            </div>
            <div class={classes!("field", c.insats_error.is_some().then_some("invalid"))}>
                <label for="goal-insats">{ w.goal_insats }</label>
                <input id="goal-insats" type="text" inputmode="decimal" value={(*c.insats_text).clone()} oninput={on_insats} />
                if let Some(e) = &*c.insats_error {
                    <p class="error" role="alert">{ e.message(lang) }</p>
                }
            </div>
            <button type="button" class="tool primary" onclick={ask}>{ w.ask_member }</button>
            if let Some((name, answer)) = &*c.member_goal {
                <p class="answer" data-testid="member-answer">
                    { crate::words::member_goal(name, answer.as_ref().map(|a| a.0), lang, &IntlFormat) }
                </p>
                if let Some((_, s)) = answer {
                    <button type="button" class="tool" onclick={apply(&c.props.dispatcher, s.clone())}>{ w.apply_answer }</button>
                }
            }
        </div>
    }
}
