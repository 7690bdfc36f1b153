//! What the browser's workers (`src/bin/finsam-export.rs`,
//! `src/bin/finsam-import.rs`) share: answering the page's messages.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Answers every message the page sends with `answer(data)`. Says "ready"
/// first: messages sent before the worker's wasm had loaded were lost, so
/// the page waits for this before it sends any.
pub fn serve(answer: fn(JsValue) -> JsValue) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let _ = reply_to.post_message(&answer(e.data()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
