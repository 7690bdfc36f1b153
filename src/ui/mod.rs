//! The Yew shell: one state ([`crate::state::State`]) in one reducer, and
//! components that only render it and dispatch actions.

#[cfg(all(feature = "bench", target_arch = "wasm32"))]
mod bench;
// Natively (the build's prerender) nothing starts the app or runs its
// handlers, so what only they call is unused there.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod browser;
mod charts;
mod controls;
mod findings;
// Numbers through the browser's `Intl`; natively (the build's prerender),
// where there is none, through the engine's own Swedish format.
#[cfg(target_arch = "wasm32")]
mod format;
#[cfg(not(target_arch = "wasm32"))]
#[path = "format/native.rs"]
mod format;
mod from_js;
mod headline;
mod hooks;
mod importer;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod load;
mod planning;
#[cfg(not(target_arch = "wasm32"))]
mod prerender;
mod publish;
mod slider;
mod table;
#[cfg(all(test, target_arch = "wasm32"))]
mod tests;
mod text;
mod tools;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod workers;

#[cfg(not(target_arch = "wasm32"))]
pub use prerender::output as prerender;

use crate::engine::Lang;
use crate::state::{Action, Edit, Library, Source, State, View};
use std::rc::Rc;
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
    /// The state to open with (`ui::load`).
    pub state: Shared<State>,
}

/// The budget picker, the language switch, Reset, and removing an
/// imported budget: in the header, or at the top of an embedded page.
fn top_controls(state: &State, dispatch: &Callback<Action>) -> Html {
    let lang = state.lang;
    let w = text::words(lang);
    let on_preset = dispatch.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Library::Open(select.value()).into()
    });
    let other = if lang == Lang::Sv { Lang::En } else { Lang::Sv };
    let on_lang = dispatch.reform(move |_: MouseEvent| View::Lang(other).into());
    let on_reset = dispatch.reform(|_: MouseEvent| Edit::Reset.into());
    let current = state.source.id();
    html! {
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
            if let Source::Imported(id) = &state.source {
                <button type="button" class="secondary" onclick={{
                    let id = id.clone();
                    dispatch.reform(move |_: MouseEvent| Library::DeleteImport(id.clone()).into())
                }}>{ w.delete_import }</button>
            }
        </div>
    }
}

#[component]
fn App(props: &AppProps) -> Html {
    let store = {
        let state = props.state.clone();
        use_reducer(move || Store((*state).clone()))
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
    let fk = use_node_ref();
    hooks::use_takeover(fk.clone());
    let shown = hooks::use_deferred_sections(3);
    hooks::use_document_lang(lang, props.mounted);
    let latest = hooks::use_autosave(&store, props.mounted);
    hooks::use_undo_keys(dispatch.clone());
    hooks::use_frame_height(embed && !props.mounted);

    let toggle_import = {
        let importing = importing.clone();
        Callback::from(move |_: ()| importing.set(!*importing))
    };
    let close_import = {
        let importing = importing.clone();
        Callback::from(move |_: ()| importing.set(false))
    };
    let base = || Shared(Rc::clone(&state.base));
    let outcome = || Shared(Rc::clone(&state.outcome));
    let explanation = use_memo((base(), outcome()), |_| state.explanation());
    // The date changes once a day, not once a keystroke. The prerender,
    // made at build time, has none: its print-out is the app's.
    #[cfg(target_arch = "wasm32")]
    let today = use_memo(lang, |lang| browser::today(*lang));
    #[cfg(not(target_arch = "wasm32"))]
    let today = String::new();
    // Built once: in the header, or at the top of an embedded page.
    let top = top_controls(state, &dispatch);

    html! {
        <div class={classes!("fk", embed.then_some("embedded"))} lang={w.lang_code} ref={fk}>
        if !embed {
            <a class="skip" href="#kalkyl">{ w.skip }</a>
            <header class="top">
                <h1>{ w.app_name }</h1>
                { top.clone() }
            </header>
        }
        <main id="kalkyl" tabindex="-1">
            if embed {
                <div class="top embedded-top">{ top }</div>
            }
            <div class="intro">
                <div>
                    <h2 class="budget-title">{ &state.base.title }</h2>
                    <p class="tagline">{ w.tagline }</p>
                </div>
                <tools::Toolbar
                    {lang}
                    can_undo={state.history.can_undo()}
                    can_redo={state.history.can_redo()}
                    notice={state.notice.clone().map(Shared)}
                    latest={latest.clone()}
                    dispatcher={store.dispatcher()}
                    mounted={props.mounted}
                    on_import={toggle_import} />
            </div>
            if *importing || state.preview.is_some() {
                <importer::ImportPanel store={store.clone()} on_close={close_import} />
            }
            { tools::print_header(state, &today) }
            <div class="layout">
                <controls::Controls store={store.clone()} />
                <div class="results">
                    <headline::Headline
                        base={base()}
                        outcome={outcome()}
                        explanation={Shared(explanation)}
                        scenario_changed={!state.scenario.changes.is_empty() || state.scenario.state_offer.is_some()}
                        {lang} />
                    <charts::Charts base={base()} outcome={outcome()} {lang} />
                </div>
            </div>
            { headline::sticky_summary(&state.base, &state.outcome, lang) }
            if shown > 0 {
                <table::YearTable
                    base={base()}
                    outcome={outcome()}
                    show_baseline={state.show_baseline}
                    show_all={state.show_all_columns}
                    {lang}
                    dispatch={dispatch.clone()} />
            }
            if shown > 1 {
                { planning::section(state, &store.dispatcher()) }
            }
            if shown > 2 {
                <tools::Scenarios
                    {lang}
                    base={base()}
                    budget={Shared(Rc::clone(&state.budget))}
                    options={state.options.clone()}
                    here={state.named_here().into_iter().map(|(i, n)| (i, n.clone())).collect::<Vec<_>>()}
                    compare={state.compare}
                    dispatcher={store.dispatcher()} />
                <findings::Findings
                    import={Shared(Rc::clone(&state.import_findings))}
                    base={base()}
                    outcome={outcome()}
                    {lang} />
            }
        </main>
        if !embed {
            <footer class="foot"><p>{ w.footer }</p></footer>
        }
        </div>
    }
}

/// Renders the app off the page, into an element of its own; once
/// rendered it takes the place of the first screen the page arrived with
/// (`hooks::use_takeover`).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    #[cfg(feature = "bench")]
    if bench::run_if_asked() {
        return;
    }
    let document = gloo::utils::document();
    let Ok(root) = document.create_element("div") else {
        return;
    };
    // A förbund's page can mount the calculator into its own element.
    let host = document.get_element_by_id("finsam-kalkyl");
    let config = match &host {
        Some(element) => browser::Config::from_element(element),
        None => browser::Config::from_url(),
    };
    let mounted = host.is_some();
    load::open_page(config, host, move |config, state| {
        let props = AppProps {
            config,
            mounted,
            state: Shared(Rc::new(state)),
        };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    });
}
