//! New insatser: a name, a yearly sum and a span of years, added to the
//! scenario, and the list of those already in it.

use super::super::format::kr;
use super::super::text::words;
use super::super::Store;
use crate::engine::{
    money::{self, AmountError},
    scenario::NewInsats,
    Lang,
};
use crate::state::Edit;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct InsatsProps {
    pub lang: Lang,
    pub years: Vec<i32>,
    pub insatser: Vec<NewInsats>,
    pub dispatcher: UseReducerDispatcher<Store>,
}

#[component]
pub(super) fn NewInsatsForm(props: &InsatsProps) -> Html {
    let store = &props.dispatcher;
    let (lang, w) = (props.lang, words(props.lang));
    let years = &props.years;
    let name = use_state(String::new);
    let amount = use_state(String::new);
    let start = use_state(|| years.first().copied().unwrap_or_default());
    let end = use_state(|| years.last().copied().unwrap_or_default());
    let error = use_state(Option::<AmountError>::default);
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
                    store.dispatch(
                        Edit::AddInsats(NewInsats {
                            name: label,
                            yearly,
                            start: *start,
                            end: *end,
                        })
                        .into(),
                    );
                    name.set(String::new());
                    amount.set(String::new());
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
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
                        Callback::from(move |_: MouseEvent| store.dispatch(Edit::RemoveInsats(i).into()))
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
                <p class="error" id="ins-err" role="alert">{ e.message(lang) }</p>
            }
        </div>
    }
}
