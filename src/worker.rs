//! What the browser's workers (`src/bin/finsam-export.rs`,
//! `src/bin/finsam-import.rs`) share: answering the page's messages.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Answers every message the page sends with `answer(data)`, or with what
/// it settles to when it is a Promise (a budget file to fetch first). Says
/// "ready" first: messages sent before the worker's wasm had loaded were
/// lost, so the page waits for this before it sends any.
pub fn serve(answer: fn(JsValue) -> JsValue) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        match answer(e.data()).dyn_into::<js_sys::Promise>() {
            Ok(later) => {
                let reply_to = reply_to.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let reply = wasm_bindgen_futures::JsFuture::from(later).await;
                    let _ = reply_to.post_message(&reply.unwrap_or_else(|e| e));
                });
            }
            Err(now) => {
                let _ = reply_to.post_message(&now);
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
