//! "Vad har vi råd med?": the cost side of the scenario (cost lines, new
//! insatser, utilisation, indexation, interest, the equity guideline), the
//! room for new insatser per year, and the two goal seeks.

use super::format::{kr, plain, signed_percent, IntlFormat};
use super::text::{words, Words};
use super::{disclosure, Shared, Store};
use crate::engine::{
    money, planning,
    scenario::{CostChange, CostEdit, MemberRef, NewInsats},
    Analysis, Budget, Lang, Options, Scenario,
};
use crate::state::{Action, Draft, Field, State};
use rust_decimal::Decimal;
use yew::prelude::*;

/// The panel, in three parts that each redraw only when what they show
/// changes: a raise typed into a kommun's row redraws the room and the goal
/// seeks, not the cost editor or the list of new insatser.
pub fn section(state: &State, dispatcher: &UseReducerDispatcher<Store>) -> Html {
    let (lang, w) = (state.lang, words(state.lang));
    let scenario = &state.scenario;
    let start = state.start_column();
    let years = state.from_years();
    let after = start
        .map(|i| state.outcome.columns[i].cost_lines.clone())
        .unwrap_or_default();
    let drafts: Vec<Draft> = state
        .drafts
        .iter()
        .filter(|d| {
            matches!(
                d.field,
                Field::Utilisation
                    | Field::CostIndex
                    | Field::Interest
                    | Field::Guideline
                    | Field::CostLine(_)
            )
        })
        .cloned()
        .collect();
    html! {
        <section class="planning" aria-labelledby="planning-title">
            <h2 id="planning-title">{ w.afford_title }</h2>
            <Afford
                {lang}
                inputs={std::rc::Rc::new(Inputs {
                    budget: Shared(std::rc::Rc::clone(&state.budget)),
                    base: Shared(std::rc::Rc::clone(&state.base)),
                    scenario: scenario.clone(),
                    options: state.options.clone(),
                })}
                from={state.outcome.from_year}
                years={years.clone()}
                dispatcher={dispatcher.clone()} />
            <CostEditor
                {lang}
                base={Shared(std::rc::Rc::clone(&state.base))}
                from={state.outcome.from_year}
                start={start}
                cost_changes={scenario.cost_changes.clone()}
                utilisation={scenario.utilisation_pct}
                cost_index={scenario.cost_index_pct}
                interest={scenario.interest_pct}
                guideline={state.options.equity_guideline_pct}
                {after}
                {drafts}
                dispatcher={dispatcher.clone()} />
            <NewInsatsForm
                {lang}
                {years}
                insatser={scenario.new_insatser.clone()}
                dispatcher={dispatcher.clone()} />
        </section>
    }
}

/// A typed field bound to a state [`Field`], with its message in place.
fn typed_field(props: &CostProps, field: Field, id: &str, label: &str, shown: String) -> Html {
    let draft = props.drafts.iter().find(|d| d.field == field);
    let value = draft.map(|d| d.text.clone()).unwrap_or(shown);
    let error = draft.and_then(|d| d.error.as_ref());
    let on_input = {
        let store = props.dispatcher.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            store.dispatch(Action::Type(field, input.value()));
        })
    };
    let on_blur = {
        let store = props.dispatcher.clone();
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
                <p class="error" id={err_id} role="alert">{ e.message(props.lang, &IntlFormat) }</p>
            }
        </div>
    }
}

fn pct_text(v: Option<Decimal>) -> String {
    v.map(plain).unwrap_or_default()
}

#[derive(Properties, PartialEq)]
struct CostProps {
    lang: Lang,
    base: Shared<Analysis>,
    from: i32,
    start: Option<usize>,
    cost_changes: Vec<CostChange>,
    utilisation: Option<Decimal>,
    cost_index: Option<Decimal>,
    interest: Option<Decimal>,
    guideline: Option<Decimal>,
    /// The scenario's cost lines in the start year.
    after: Vec<Decimal>,
    /// What is being typed into this panel's fields.
    drafts: Vec<Draft>,
    dispatcher: UseReducerDispatcher<Store>,
}

/// The cost side of the scenario.
#[component]
fn CostEditor(props: &CostProps) -> Html {
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
            Some(CostEdit::Kr(v)) => super::format::signed_plain(v),
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
                        <span class="error" role="alert">{ e.message(lang, &IntlFormat) }</span>
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

#[derive(Properties, PartialEq)]
struct InsatsProps {
    lang: Lang,
    years: Vec<i32>,
    insatser: Vec<NewInsats>,
    dispatcher: UseReducerDispatcher<Store>,
}

#[component]
fn NewInsatsForm(props: &InsatsProps) -> Html {
    let store = &props.dispatcher;
    let (lang, w) = (props.lang, words(props.lang));
    let years = &props.years;
    let name = use_state(String::new);
    let amount = use_state(String::new);
    let start = use_state(|| years.first().copied().unwrap_or_default());
    let end = use_state(|| years.last().copied().unwrap_or_default());
    let error = use_state(Option::<String>::default);
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
                { for props.insatser.iter().enumerate().map(|(i, n)| {
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
/// What the room and the goal seeks are worked out from: one copy, shared
/// by the room's timer and both buttons.
#[derive(PartialEq)]
struct Inputs {
    budget: Shared<Budget>,
    base: Shared<Analysis>,
    scenario: Scenario,
    options: Options,
}

#[derive(Properties, PartialEq)]
struct AffordProps {
    lang: Lang,
    inputs: std::rc::Rc<Inputs>,
    from: i32,
    years: Vec<i32>,
    dispatcher: UseReducerDispatcher<Store>,
}

#[component]
fn Afford(props: &AffordProps) -> Html {
    let store = &props.dispatcher;
    let (lang, w) = (props.lang, words(props.lang));
    let floor_text = use_state(|| "0".to_string());
    let floor = money::parse_amount(&floor_text);
    let uniform = use_state(|| None::<planning::UniformGoal>);
    let member_goal = use_state(|| None::<(String, Option<(Decimal, Scenario)>)>);
    let member = use_state(usize::default);
    let insats_text = use_state(String::new);
    let insats_error = use_state(Option::<String>::default);

    // Room takes a few milliseconds (a search per year), too long to run
    // on every keystroke: it is worked out once typing pauses.
    let room = use_state(|| None::<Vec<(i32, Option<Decimal>)>>);
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
        let (uniform, floor, i, from) = (uniform.clone(), floor.clone(), props.inputs.clone(), props.from);
        Callback::from(move |_: MouseEvent| {
            if let Ok(f) = floor {
                uniform.set(Some(planning::required_uniform(
                    &i.budget,
                    &i.base,
                    &i.scenario,
                    &i.options,
                    f,
                    from,
                )));
            }
        })
    };
    let ask_member = {
        let (member_goal, floor, member, insats_text, insats_error) = (
            member_goal.clone(),
            floor.clone(),
            member.clone(),
            insats_text.clone(),
            insats_error.clone(),
        );
        let (i, from, years) = (props.inputs.clone(), props.from, props.years.clone());
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
                    insats_error.set(Some(e.message(lang)));
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
            let answer = planning::required_of_member(
                &i.budget,
                &i.base,
                &i.scenario,
                &i.options,
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
                        { for props.inputs.base.kommun_names.iter().enumerate().map(|(k, n)| html! {
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
