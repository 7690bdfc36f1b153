//! The Yew shell: one state ([`crate::state::State`]) in one reducer, and
//! components that only render it and dispatch actions.

#[cfg(feature = "bench")]
mod bench;
mod browser;
mod charts;
mod controls;
mod findings;
mod format;
mod headline;
mod importer;
mod planning;
mod table;
#[cfg(test)]
mod tests;
mod text;
mod tools;

use crate::engine::Lang;
use crate::state::{Action, State};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The reducer's state for Yew: a new `Rc` on every action.
pub struct Store(pub State);

/// By identity: every action makes a new store, so a deep comparison (the
/// whole budget and analysis, on every keystroke) could only say "changed"
/// more slowly.
impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

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

/// The store as it is now, for event handlers that read it when they run
/// (share, export). Always equal to itself, so holding it never makes a
/// component re-render: a panel that only exports or shares the state
/// need not redraw on every keystroke.
#[derive(Clone)]
pub struct Latest(Rc<std::cell::RefCell<UseReducerHandle<Store>>>);

impl PartialEq for Latest {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Latest {
    pub fn get(&self) -> UseReducerHandle<Store> {
        self.0.borrow().clone()
    }
}

/// A `<details>` whose content exists only while it is open: closed, the
/// content is neither shown nor read out, so building it would be DOM work
/// for nothing on load and on every redraw.
pub fn disclosure(
    open: &UseStateHandle<bool>,
    class: Option<&'static str>,
    summary: String,
    content: impl FnOnce() -> Html,
) -> Html {
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    html! {
        <details {class} open={**open} {ontoggle}>
            <summary>{ summary }</summary>
            if **open { { content() } }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: browser::Config,
    /// Mounted into a host page's element: leave the host's address alone.
    pub mounted: bool,
}

#[component]
fn App(props: &AppProps) -> Html {
    let store = {
        let config = props.config.clone();
        use_reducer(move || Store(browser::initial_state(&config)))
    };
    let dispatch = {
        let store = store.clone();
        Callback::from(move |action: Action| store.dispatch(action))
    };
    let state = &store.0;
    let lang = state.lang;
    let w = text::words(lang);
    let embed = props.config.embed;

    let importing = use_state(bool::default);
    // The parts below the first screen (the year table, the planning
    // tools, then the scenarios and the findings: about 60 % of the page's
    // elements) come one by one after the first paint, each in a task of
    // its own: the fields and the figures they move appear without waiting
    // for them, and a keystroke meanwhile waits for one part at most.
    let shown = use_state(usize::default);
    {
        let shown = shown.clone();
        use_effect_with(*shown, move |&n| {
            if n < 3 {
                browser::after_next_paint(move || shown.set(n + 1));
            }
        });
    }
    let toggle_import = {
        let importing = importing.clone();
        Callback::from(move |_: ()| importing.set(!*importing))
    };
    let close_import = {
        let importing = importing.clone();
        Callback::from(move |_: ()| importing.set(false))
    };
    // Standalone, the document's language follows the app's; mounted, the
    // host page's stays and the app's root says its own.
    use_effect_with((lang, props.mounted), move |(lang, mounted)| {
        if !*mounted {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", text::words(*lang).lang_code);
            }
        }
    });

    // Autosave and the address bar, once changes pause: replaceState with
    // a long URL costs milliseconds, too much for every keystroke. The
    // timer sees the store as it is when it fires.
    let save = {
        let dispatch = dispatch.clone();
        let mounted = props.mounted;
        move |store: &UseReducerHandle<Store>| {
            if let Err(notice) = browser::persist(&store.0, !mounted) {
                if store.0.notice.is_none() {
                    dispatch.emit(Action::Notify(notice));
                }
            }
        }
    };
    {
        let (store, save) = (store.clone(), save.clone());
        use_effect_with(state.saved(), move |_| {
            let timer = gloo::timers::callback::Timeout::new(300, move || save(&store));
            move || drop(timer)
        });
    }
    // Leaving the page inside that pause must not lose the change. One
    // listener for the page's life: adding and removing a window listener
    // on every keystroke cost most of a millisecond.
    let latest = Latest(use_mut_ref(|| store.clone()));
    *latest.0.borrow_mut() = store.clone();
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                save(&latest.get())
            });
            move || drop(listener)
        });
    }

    // Ctrl+Z undoes a change, Ctrl+Y (or Ctrl+Shift+Z) redoes it.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            // Not passive: the browser's own text undo must not run as well.
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let document = gloo::utils::document();
            let listener =
                gloo::events::EventListener::new_with_options(&document, "keydown", options, move |e| {
                    let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if !(key.ctrl_key() || key.meta_key()) {
                        return;
                    }
                    let action = match (key.key().as_str(), key.shift_key()) {
                        ("z" | "Z", false) => Action::Undo,
                        ("z" | "Z", true) | ("y" | "Y", _) => Action::Redo,
                        _ => return,
                    };
                    key.prevent_default();
                    dispatch.emit(action);
                });
            move || drop(listener)
        });
    }

    // Inside an iframe, tell the host page how tall the calculator is, now
    // and whenever it changes size.
    use_effect_with(embed && !props.mounted, |framed| {
        if *framed {
            browser::watch_height();
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
    let current = state.source.id().to_string();
    let top_controls = html! {
        <div class="top-controls">
            <div class="preset">
                <label for="f-preset">{ w.budget_select }</label>
                <select id="f-preset" onchange={on_preset}>
                    { for state.budgets().into_iter().map(|(id, name)| html! {
                        <option value={id.clone()} selected={id == current}>{ name }</option>
                    }) }
                </select>
            </div>
            <button type="button" class="secondary" lang={w.other_lang_code}
                    aria-label={w.other_lang_label} onclick={on_lang}>{ w.other_lang }</button>
            <button type="button" class="secondary" onclick={on_reset}
                    disabled={!state.is_changed()}>{ w.reset }</button>
            if let crate::state::Source::Imported(id) = &state.source {
                <button type="button" class="secondary" onclick={{
                    let (dispatch, id) = (dispatch.clone(), id.clone());
                    Callback::from(move |_: MouseEvent| dispatch.emit(Action::DeleteImport(id.clone())))
                }}>{ w.delete_import }</button>
            }
        </div>
    };

    html! {
        <div class={classes!("fk", embed.then_some("embedded"))} lang={w.lang_code}>
        if !embed {
            <a class="skip" href="#kalkyl">{ w.skip }</a>
            <header class="top">
                <h1>{ w.app_name }</h1>
                { top_controls.clone() }
            </header>
        }
        <main id="kalkyl" tabindex="-1">
            if embed {
                <div class="top embedded-top">{ top_controls }</div>
            }
            <div class="intro">
                <div>
                    <h2 class="budget-title">{ &state.base.title }</h2>
                    <p class="tagline">{ w.tagline }</p>
                </div>
                <tools::Toolbar
                    {lang}
                    can_undo={!state.history.is_empty()}
                    can_redo={!state.future.is_empty()}
                    notice={state.notice.clone()}
                    latest={latest.clone()}
                    dispatcher={store.dispatcher()}
                    mounted={props.mounted}
                    on_import={toggle_import} />
            </div>
            if *importing || state.preview.is_some() {
                <importer::ImportPanel store={store.clone()} on_close={close_import} />
            }
            <tools::PrintHeader
                base={Shared(Rc::clone(&state.base))}
                outcome={Shared(Rc::clone(&state.outcome))}
                scenario={state.scenario.clone()}
                {lang} />
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
            if *shown > 0 {
            <table::YearTable
                base={Shared(Rc::clone(&state.base))}
                outcome={Shared(Rc::clone(&state.outcome))}
                show_baseline={state.show_baseline}
                show_all={state.show_all_columns}
                {lang}
                dispatch={dispatch.clone()} />
            }
            if *shown > 1 {
            { planning::section(state, &store.dispatcher()) }
            }
            if *shown > 2 {
            <tools::Scenarios
                {lang}
                base={Shared(Rc::clone(&state.base))}
                budget={Shared(Rc::clone(&state.budget))}
                options={state.options.clone()}
                here={state.named_here().into_iter().map(|(i, n)| (i, n.clone())).collect::<Vec<_>>()}
                compare={state.compare}
                dispatcher={store.dispatcher()} />
            <findings::Findings
                import={Shared(Rc::clone(&state.import_findings))}
                base={Shared(Rc::clone(&state.base))}
                outcome={Shared(Rc::clone(&state.outcome))}
                {lang} />
            }
        </main>
        if !embed {
            <footer class="foot"><p>{ w.footer }</p></footer>
        }
        </div>
    }
}

pub fn start() {
    #[cfg(feature = "bench")]
    if bench::run_if_asked() {
        return;
    }
    let document = gloo::utils::document();
    // A förbund's page can mount the calculator into its own element.
    let host = document.get_element_by_id("finsam-kalkyl");
    match host {
        Some(element) => {
            let props = AppProps {
                config: browser::Config::from_element(&element),
                mounted: true,
            };
            yew::Renderer::<App>::with_root_and_props(element, props).render();
        }
        None => {
            let props = AppProps {
                config: browser::Config::from_url(),
                mounted: false,
            };
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}
