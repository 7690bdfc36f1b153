//! The Yew shell: one state ([`crate::state::State`]) in one reducer, and
//! components that only render it and dispatch actions.

#[cfg(feature = "bench")]
mod bench;
mod charts;
mod controls;
mod findings;
mod format;
mod headline;
mod table;
#[cfg(test)]
mod tests;
mod text;

use crate::engine::{presets, Lang};
use crate::state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

/// The reducer's state for Yew: a new `Rc` on every action.
#[derive(PartialEq)]
pub struct Store(pub State);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.apply(action)))
    }
}

/// Shared data compared by identity: a component re-renders only when the
/// reducer produced a new value for it.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[component]
fn App() -> Html {
    let store = use_reducer(|| Store(State::new(Lang::Sv)));
    let dispatch = {
        let store = store.clone();
        Callback::from(move |action: Action| store.dispatch(action))
    };
    let state = &store.0;
    let lang = state.lang;
    let w = text::words(lang);

    // The table and the findings lie below the fold. They render right
    // after the first paint, so the figures people look at first come
    // sooner; nothing waits on a network.
    let below_fold = use_state(|| false);
    {
        let below_fold = below_fold.clone();
        use_effect_with((), move |_| {
            let frame = gloo::render::request_animation_frame(move |_| {
                gloo::timers::callback::Timeout::new(0, move || below_fold.set(true)).forget();
            });
            move || drop(frame)
        });
    }

    use_effect_with(lang, move |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", text::words(*lang).lang_code);
        }
    });

    let on_preset = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            dispatch.emit(Action::LoadPreset(select.value()));
        })
    };
    let on_lang = {
        let dispatch = dispatch.clone();
        let other = if lang == Lang::Sv { Lang::En } else { Lang::Sv };
        Callback::from(move |_| dispatch.emit(Action::SetLang(other)))
    };
    let on_reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Reset))
    };
    let crate::state::Source::Preset(current) = state.source;

    html! {
        <>
        <a class="skip" href="#kalkyl">{ w.skip }</a>
        <header class="top">
            <h1>{ w.app_name }</h1>
            <div class="top-controls">
                <label class="preset">
                    <span>{ w.budget_select }</span>
                    <select onchange={on_preset}>
                        { for presets::PRESETS.iter().map(|p| html! {
                            <option value={p.id} selected={p.id == current}>{ p.name }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="secondary" lang={w.other_lang_code}
                        aria-label={w.other_lang_label} onclick={on_lang}>{ w.other_lang }</button>
                <button type="button" class="secondary" onclick={on_reset}
                        disabled={!state.is_changed()}>{ w.reset }</button>
            </div>
        </header>
        <main id="kalkyl" tabindex="-1">
            <div class="intro">
                <h2 class="budget-title">{ &state.base.title }</h2>
                <p class="tagline">{ w.tagline }</p>
            </div>
            <div class="layout">
                <controls::Controls store={store.clone()} />
                <div class="results">
                    <headline::Headline
                        base={Shared(Rc::clone(&state.base))}
                        outcome={Shared(Rc::clone(&state.outcome))}
                        scenario_changed={!state.scenario.changes.is_empty() || state.scenario.state_offer.is_some()}
                        {lang} />
                    <charts::Charts
                        base={Shared(Rc::clone(&state.base))}
                        outcome={Shared(Rc::clone(&state.outcome))}
                        {lang} />
                </div>
            </div>
            <headline::StickySummary
                base={Shared(Rc::clone(&state.base))}
                outcome={Shared(Rc::clone(&state.outcome))}
                scenario_changed={false}
                {lang} />
            if *below_fold {
            <table::YearTable
                base={Shared(Rc::clone(&state.base))}
                outcome={Shared(Rc::clone(&state.outcome))}
                show_baseline={state.show_baseline}
                show_all={state.show_all_columns}
                {lang}
                dispatch={dispatch.clone()} />
            <findings::Findings
                import={Shared(Rc::clone(&state.import_findings))}
                base={Shared(Rc::clone(&state.base))}
                outcome={Shared(Rc::clone(&state.outcome))}
                {lang} />
            }
        </main>
        <footer class="foot"><p>{ w.footer }</p></footer>
        </>
    }
}

pub fn start() {
    #[cfg(feature = "bench")]
    if bench::run_if_asked() {
        return;
    }
    yew::Renderer::<App>::new().render();
}
