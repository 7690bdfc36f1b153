//! "Vad har vi råd med?": the cost side of the scenario (cost lines, new
//! insatser, utilisation, indexation, interest, the equity guideline), the
//! room for new insatser per year, and the two goal seeks.

use super::format::{kr, plain, signed_percent};
use super::text::{words, Words};
use super::Store;
use crate::engine::{
    money, planning,
    scenario::{CostEdit, MemberRef, NewInsats},
    Lang, Scenario,
};
use crate::state::{Action, Field, InputError, State};
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanningProps {
    pub store: UseReducerHandle<Store>,
}

fn input_error(e: &InputError, lang: Lang) -> String {
    match e {
        InputError::Amount(e) => e.message(lang),
        InputError::Scenario(e) => e.message(lang, &super::format::IntlFormat),
    }
}

/// A typed field bound to a state [`Field`], with its message in place.
fn typed_field(
    state: &State,
    store: &UseReducerHandle<Store>,
    field: Field,
    id: &str,
    label: &str,
    shown: String,
) -> Html {
    let draft = state.draft(field);
    let value = draft.map(|d| d.text.clone()).unwrap_or(shown);
    let error = draft.and_then(|d| d.error.as_ref());
    let on_input = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            store.dispatch(Action::Type(field, input.value()));
        })
    };
    let on_blur = {
        let store = store.clone();
        Callback::from(move |_: FocusEvent| store.dispatch(Action::Blur(field)))
    };
    let err_id = format!("{id}-err");
    html! {
        <div class={classes!("field", error.map(|_| "invalid"))}>
            <label for={id.to_string()}>{ label.to_string() }</label>
            <input id={id.to_string()} type="text" inputmode="decimal" autocomplete="off" {value}
                   oninput={on_input} onblur={on_blur} aria-invalid={error.is_some().to_string()}
                   aria-describedby={error.map(|_| err_id.clone())} />
            if let Some(e) = error {
                <p class="error" id={err_id} role="alert">{ input_error(e, state.lang) }</p>
            }
        </div>
    }
}

fn pct_text(v: Option<Decimal>) -> String {
    v.map(plain).unwrap_or_default()
}

#[component]
pub fn Planning(props: &PlanningProps) -> Html {
    let store = &props.store;
    let state = &store.0;
    let (lang, w) = (state.lang, words(state.lang));
    let from = state.outcome.from_year;
    let start = state.start_column();
    let scenario = &state.scenario;

    let settings = html! {
        <div class="plan-settings">
            { typed_field(state, store, Field::Utilisation, "f-util", w.utilisation, pct_text(scenario.utilisation_pct)) }
            { typed_field(state, store, Field::CostIndex, "f-index", w.cost_index, pct_text(scenario.cost_index_pct)) }
            { typed_field(state, store, Field::Interest, "f-interest", w.interest, pct_text(scenario.interest_pct)) }
            { typed_field(state, store, Field::Guideline, "f-guideline", w.guideline, pct_text(state.options.equity_guideline_pct)) }
        </div>
    };

    let lines = state.base.cost_lines.iter().enumerate().map(|(j, line)| {
        let change = scenario.cost_changes.iter().find(|c| c.line == line.label).map(|c| c.edit);
        let off = change == Some(CostEdit::Off);
        let shown = match change {
            Some(CostEdit::Kr(v)) => super::format::signed_plain(v),
            Some(CostEdit::Percent(p)) => signed_percent(p),
            _ => String::new(),
        };
        let (before, after) = start
            .map(|i| (state.base.columns[i].cost_lines[j], state.outcome.columns[i].cost_lines[j]))
            .unwrap_or_default();
        let draft = state.draft(Field::CostLine(j));
        let value = draft.map(|d| d.text.clone()).unwrap_or(shown);
        let error = draft.and_then(|d| d.error.as_ref());
        let on_input = {
            let store = store.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                store.dispatch(Action::Type(Field::CostLine(j), input.value()));
            })
        };
        let on_off = {
            let store = store.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                store.dispatch(Action::SetCostOff(j, input.checked()));
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
                        <span class="error" role="alert">{ input_error(e, lang) }</span>
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
        <section class="planning" aria-labelledby="planning-title">
            <h2 id="planning-title">{ w.afford_title }</h2>
            <Afford store={store.clone()} />
            <h3>{ w.costs_title }</h3>
            <p class="help">{ w.costs_help }</p>
            { settings }
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
            <NewInsatsForm store={store.clone()} />
        </section>
    }
}

#[component]
fn NewInsatsForm(props: &PlanningProps) -> Html {
    let store = &props.store;
    let state = &store.0;
    let (lang, w) = (state.lang, words(state.lang));
    let years = state.from_years();
    let name = use_state(String::new);
    let amount = use_state(String::new);
    let start = use_state(|| years.first().copied().unwrap_or_default());
    let end = use_state(|| years.last().copied().unwrap_or_default());
    let error = use_state(|| None::<String>);
    let text_input = |handle: &UseStateHandle<String>| {
        let handle = handle.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            handle.set(input.value());
        })
    };
    let year_select = |handle: &UseStateHandle<i32>| {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(y) = select.value().parse() {
                handle.set(y);
            }
        })
    };
    let on_add = {
        let (store, name, amount, start, end, error) = (
            store.clone(),
            name.clone(),
            amount.clone(),
            start.clone(),
            end.clone(),
            error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match money::parse_amount(&amount) {
                Ok(yearly) => {
                    let label = if name.trim().is_empty() {
                        words(lang).new_insats.to_string()
                    } else {
                        name.trim().to_string()
                    };
                    store.dispatch(Action::AddInsats(NewInsats {
                        name: label,
                        yearly,
                        start: *start,
                        end: *end,
                    }));
                    name.set(String::new());
                    amount.set(String::new());
                    error.set(None);
                }
                Err(e) => error.set(Some(e.message(lang))),
            }
        })
    };
    let options = |selected: i32| {
        years
            .iter()
            .map(|y| html! { <option value={y.to_string()} selected={*y == selected}>{ y }</option> })
            .collect::<Html>()
    };
    html! {
        <div class="insatser">
            <h3>{ w.new_insatser }</h3>
            <ul class="saved-list">
                { for state.scenario.new_insatser.iter().enumerate().map(|(i, n)| {
                    let remove = {
                        let store = store.clone();
                        Callback::from(move |_: MouseEvent| store.dispatch(Action::RemoveInsats(i)))
                    };
                    html! {
                        <li>
                            <span class="scenario-name">{ &n.name }</span>
                            <span>{ format!("{} {} {}–{}", kr(n.yearly), w.per_year, n.start, n.end) }</span>
                            <button type="button" class="tool" onclick={remove}
                                    aria-label={format!("{} {}", w.delete, n.name)}>{ w.delete }</button>
                        </li>
                    }
                }) }
            </ul>
            <form class="save-form" onsubmit={on_add}>
                <div class="field">
                    <label for="ins-name">{ w.insats_name }</label>
                    <input id="ins-name" type="text" value={(*name).clone()} oninput={text_input(&name)} />
                </div>
                <div class={classes!("field", error.is_some().then_some("invalid"))}>
                    <label for="ins-amount">{ w.insats_amount }</label>
                    <input id="ins-amount" type="text" inputmode="decimal" value={(*amount).clone()} oninput={text_input(&amount)}
                           aria-describedby={error.is_some().then_some("ins-err")} />
                </div>
                <div class="field">
                    <label for="ins-start">{ w.insats_start }</label>
                    <select id="ins-start" onchange={year_select(&start)}>{ options(*start) }</select>
                </div>
                <div class="field">
                    <label for="ins-end">{ w.insats_end }</label>
                    <select id="ins-end" onchange={year_select(&end)}>{ options(*end) }</select>
                </div>
                <button type="submit" class="tool primary">{ w.add_insats }</button>
            </form>
            if let Some(e) = &*error {
                <p class="error" id="ins-err" role="alert">{ e }</p>
            }
        </div>
    }
}

/// Room per year and the two goal seeks, each answered in one sentence.
#[component]
fn Afford(props: &PlanningProps) -> Html {
    let store = &props.store;
    let state = &store.0;
    let (lang, w) = (state.lang, words(state.lang));
    let floor_text = use_state(|| "0".to_string());
    let floor = money::parse_amount(&floor_text);
    let uniform = use_state(|| None::<planning::UniformGoal>);
    let member_goal = use_state(|| None::<(String, Option<(Decimal, Scenario)>)>);
    let member = use_state(|| 0usize);
    let insats_text = use_state(String::new);
    let insats_error = use_state(|| None::<String>);

    // Room takes a few milliseconds (a search per year), too long to run
    // on every keystroke: it is worked out once typing pauses.
    let room = use_state(|| None::<Vec<(i32, Option<Decimal>)>>);
    {
        let room = room.clone();
        let key = (state.scenario.clone(), state.budget.clone(), floor.clone().ok());
        let state = state.clone();
        use_effect_with(key, move |(scenario, _, floor)| {
            let (scenario, floor) = (scenario.clone(), *floor);
            let timer = gloo::timers::callback::Timeout::new(250, move || {
                room.set(
                    floor.map(|f| planning::room(&state.budget, &state.base, &scenario, &state.options, f)),
                );
            });
            move || drop(timer)
        });
    }
    let on_floor = {
        let (floor_text, uniform, member_goal) = (floor_text.clone(), uniform.clone(), member_goal.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            floor_text.set(input.value());
            uniform.set(None);
            member_goal.set(None);
        })
    };
    let ask_uniform = {
        let (store, uniform, floor) = (store.clone(), uniform.clone(), floor.clone());
        Callback::from(move |_: MouseEvent| {
            let s = &store.0;
            if let Ok(f) = floor {
                let from = s.outcome.from_year;
                uniform.set(Some(planning::required_uniform(
                    &s.budget,
                    &s.base,
                    &s.scenario,
                    &s.options,
                    f,
                    from,
                )));
            }
        })
    };
    let ask_member = {
        let (store, member_goal, floor, member, insats_text, insats_error) = (
            store.clone(),
            member_goal.clone(),
            floor.clone(),
            member.clone(),
            insats_text.clone(),
            insats_error.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let s = &store.0;
            let Ok(f) = floor else { return };
            let yearly = if insats_text.trim().is_empty() {
                Ok(Decimal::ZERO)
            } else {
                money::parse_amount(&insats_text)
            };
            let yearly = match yearly {
                Ok(v) => v,
                Err(e) => {
                    insats_error.set(Some(e.message(s.lang)));
                    return;
                }
            };
            insats_error.set(None);
            let Some(name) = s.base.kommun_names.get(*member).cloned() else {
                return;
            };
            let years = s.from_years();
            let from = s.outcome.from_year;
            let insats = (!yearly.is_zero()).then(|| NewInsats {
                name: words(s.lang).new_insats.into(),
                yearly,
                start: from,
                end: years.last().copied().unwrap_or(from),
            });
            let answer = planning::required_of_member(
                &s.budget,
                &s.base,
                &s.scenario,
                &s.options,
                f,
                &MemberRef::Kommun(name.clone()),
                insats.as_ref(),
            );
            member_goal.set(Some((name, answer)));
        })
    };
    let apply = |scenario: Scenario| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ApplyScenario(scenario.clone())))
    };
    let floor_error = floor.as_ref().err().map(|e| e.message(lang));

    html! {
        <div class="afford">
            <div class={classes!("field", floor_error.is_some().then_some("invalid"))}>
                <label for="f-floor">{ w.floor }</label>
                <input id="f-floor" type="text" inputmode="decimal" value={(*floor_text).clone()} oninput={on_floor}
                       aria-describedby="f-floor-help" />
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
            <div class="goal">
                <button type="button" class="tool primary" onclick={ask_uniform}>{ w.ask_uniform }</button>
                if let Some(g) = &*uniform {
                    <p class="answer" data-testid="uniform-answer">{ uniform_sentence(g, w, lang) }</p>
                    if let Some(s) = g.scenario.clone() {
                        <button type="button" class="tool" onclick={apply(s)}>{ w.apply_answer }</button>
                    }
                }
            </div>
            <div class="goal">
                <div class="field">
                    <label for="goal-member">{ w.which_kommun }</label>
                    <select id="goal-member" onchange={{
                        let member = member.clone();
                        Callback::from(move |e: Event| {
                            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                            member.set(select.value().parse().unwrap_or(0));
                        })
                    }}>
                        { for state.base.kommun_names.iter().enumerate().map(|(k, n)| html! {
                            <option value={k.to_string()} selected={k == *member}>{ n }</option>
                        }) }
                    </select>
                </div>
                <div class={classes!("field", insats_error.is_some().then_some("invalid"))}>
                    <label for="goal-insats">{ w.goal_insats }</label>
                    <input id="goal-insats" type="text" inputmode="decimal" value={(*insats_text).clone()} oninput={{
                        let insats_text = insats_text.clone();
                        Callback::from(move |e: InputEvent| {
                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                            insats_text.set(input.value());
                        })
                    }} />
                    if let Some(e) = &*insats_error {
                        <p class="error" role="alert">{ e }</p>
                    }
                </div>
                <button type="button" class="tool primary" onclick={ask_member}>{ w.ask_member }</button>
                if let Some((name, answer)) = &*member_goal {
                    <p class="answer" data-testid="member-answer">{ member_sentence(name, answer.as_ref().map(|a| a.0), w) }</p>
                    if let Some((_, s)) = answer {
                        <button type="button" class="tool" onclick={apply(s.clone())}>{ w.apply_answer }</button>
                    }
                }
            </div>
        </div>
    }
}

fn uniform_sentence(g: &planning::UniformGoal, w: &Words, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    match (g.percent, sv) {
        (Some(p), true) => format!("Alla medlemmars bidrag behöver ändras med {} från {} för att det egna kapitalet ska hålla golvet varje år.", signed_percent(p), g.from),
        (Some(p), false) => format!("Every member's contribution must change by {} from {} for equity to stay above the floor every year.", signed_percent(p), g.from),
        (None, _) => {
            let matched = g.percent_if_state_matched.map(signed_percent).unwrap_or_else(|| "–".into());
            let alone = g.unmatched_alone.map(kr).unwrap_or_else(|| "–".into());
            if sv {
                format!("{} Om staten matchade allt skulle det krävas {matched}. Regionen och kommunerna skulle själva behöva tillskjuta {alone} per år; det är omatchade medel och inte tillåtet enligt Finsam 5 §.", w.state_binds)
            } else {
                format!("{} Were the state to match everything, it would take {matched}. The region and municipalities would have to add {alone} a year on their own; that money is unmatched and not allowed under Finsam § 5.", w.state_binds)
            }
        }
    }
}

fn member_sentence(name: &str, answer: Option<Decimal>, w: &Words) -> String {
    match answer {
        Some(x) => format!("{name} {} {} {}", w.member_needs, kr(x), w.member_needs_tail),
        None => format!("{name} {}", w.member_cannot),
    }
}
