//! The browser's export worker: turns a budget and a scenario into an
//! Excel workbook. rust_xlsxwriter is large, so it lives in this separate
//! wasm, loaded in a Web Worker the first time a person asks for a
//! workbook; the calculator's own page stays small.
//!
//! Natively there is nothing to do: `finsam-kalkyl export` writes XLSX.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let request = e.data().as_string().unwrap_or_default();
        let _ = match finsam_kalkyl::engine::export::xlsx_from_request(&request) {
            Ok(bytes) => reply_to.post_message(&js_sys::Uint8Array::from(bytes.as_slice())),
            Err(why) => reply_to.post_message(&JsValue::from_str(&why)),
        };
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before now were lost: the page waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("finsam-export runs in the browser; natively, use `finsam-kalkyl export FILE --format xlsx`");
    std::process::exit(2);
}
