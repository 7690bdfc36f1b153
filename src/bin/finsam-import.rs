//! The browser's import worker: reads a pasted table or a chosen file with
//! the engine's importer and answers with an `ImportReply` as JSON. The
//! importer, its CSV reader and the words of its findings are about 12 kB
//! gzip; in this worker, loaded when the import panel opens, the page
//! itself stays under its size budget.
//!
//! Natively there is nothing to do: `finsam-kalkyl check FILE` reads tables.

#[cfg(target_arch = "wasm32")]
fn main() {
    use finsam_kalkyl::engine::{import::ImportReply, import_bytes, import_table, SwedishFormat};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        // Text is a paste; bytes are a file, whose encoding the importer finds.
        let data = e.data();
        let result = match data.as_string() {
            Some(text) => import_table(&text),
            None => import_bytes(&js_sys::Uint8Array::new(&data).to_vec()),
        };
        let reply = serde_json::to_string(&ImportReply::new(result, &SwedishFormat)).unwrap_or_default();
        let _ = reply_to.post_message(&JsValue::from_str(&reply));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before now were lost: the page waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("finsam-import runs in the browser; natively, use `finsam-kalkyl check FILE`");
    std::process::exit(2);
}
