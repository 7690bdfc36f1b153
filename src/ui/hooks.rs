//! The App's effects, one hook each: what it does to the page around it
//! (the document's language, the iframe's height), what it keeps (autosave
//! and the address), the keys it answers, how it takes the page over from
//! the first screen the page arrived with, and the sections it adds after
//! that.

use super::text::words;
use super::{browser, Latest, Store};
use crate::engine::Lang;
use crate::state::{Action, Travel, View};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Puts the app on the page once its first render is done, in place of
/// the first screen the page arrived with (the build's prerender, or a
/// loading message): rendered off the page, it appears in one step, with
/// no frame in between. `finsamTakeover` (www/first.js, in boot's page and
/// in embed.js) makes the swap and hands the app what a person typed or
/// clicked meanwhile. A root already on the page (the wasm tests) stays.
#[hook]
pub fn use_takeover(fk: NodeRef) {
    use_effect_with((), move |_| {
        let Some(root) = fk.cast::<web_sys::Element>().and_then(|e| e.parent_element()) else {
            return;
        };
        if !root.is_connected() && take_over(&root).is_err() {
            // A page without the script: the app on its own at the end.
            if let Some(body) = gloo::utils::document().body() {
                let _ = body.append_child(&root);
            }
        }
    });
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = window, js_name = finsamTakeover, catch)]
    fn take_over(root: &web_sys::Element) -> Result<(), wasm_bindgen::JsValue>;
}

/// How many of the sections below the first screen to show. They (the
/// year table, the planning tools, then the scenarios and the findings:
/// about 60 % of the page's elements) come one by one after the app has
/// taken over and painted its first screen, each in a task of its own: the
/// fields and the figures they move are live without waiting for them, and
/// a keystroke meanwhile waits for one part at most. The build's prerender
/// is the first render, so it holds the first screen only.
#[hook]
pub fn use_deferred_sections(count: usize) -> usize {
    let shown = use_state(usize::default);
    {
        let shown = shown.clone();
        use_effect_with(*shown, move |&n| {
            if n < count {
                browser::after_next_paint(move || shown.set(n + 1));
            }
        });
    }
    *shown
}

/// Standalone, the document's language follows the app's; mounted, the
/// host page's stays and the app's root says its own.
#[hook]
pub fn use_document_lang(lang: Lang, mounted: bool) {
    use_effect_with((lang, mounted), move |(lang, mounted)| {
        if !*mounted {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", words(*lang).lang_code);
            }
        }
    });
}

/// Autosave and the address bar, once changes pause: replaceState with a
/// long URL costs milliseconds, too much for every keystroke. The timer
/// sees the store as it is when it fires. Leaving the page inside that
/// pause must not lose the change, so the page's `pagehide` saves too.
/// Gives the store as it is now, for handlers that read it when they run.
///
/// A browser that keeps nothing (full, blocked) is said once, at start or
/// at the first save that fails; the page goes on without saving, and a
/// person who closed the notice does not see it again at every pause.
#[hook]
pub fn use_autosave(store: &UseReducerHandle<Store>, mounted: bool) -> Latest {
    let save = {
        let dispatcher = store.dispatcher();
        move |store: &UseReducerHandle<Store>| {
            if let Err(notice) = browser::persist(&store.0, !mounted) {
                if store.0.notice.is_none() && browser::first_word() {
                    dispatcher.dispatch(View::Notify(notice).into());
                }
            }
        }
    };
    {
        let (store, save) = (store.clone(), save.clone());
        use_effect_with(store.0.saved(), move |_| {
            let timer = gloo::timers::callback::Timeout::new(300, move || save(&store));
            move || drop(timer)
        });
    }
    let latest = Latest(use_mut_ref(|| store.clone()));
    *latest.0.borrow_mut() = store.clone();
    // One listener for the page's life: adding and removing a window
    // listener on every keystroke cost most of a millisecond.
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                save(&latest.get())
            });
            move || drop(listener)
        });
    }
    latest
}

/// Ctrl+Z undoes a change, Ctrl+Y (or Ctrl+Shift+Z) redoes it.
#[hook]
pub fn use_undo_keys(dispatch: Callback<Action>) {
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
                let travel = match (key.key().as_str(), key.shift_key()) {
                    ("z" | "Z", false) => Travel::Undo,
                    ("z" | "Z", true) | ("y" | "Y", _) => Travel::Redo,
                    _ => return,
                };
                key.prevent_default();
                dispatch.emit(travel.into());
            });
        move || drop(listener)
    });
}

/// Inside an iframe, tells the host page how tall the calculator is, now
/// and whenever it changes size.
#[hook]
pub fn use_frame_height(framed: bool) {
    use_effect_with(framed, |framed| {
        if *framed {
            browser::watch_height();
        }
    });
}
