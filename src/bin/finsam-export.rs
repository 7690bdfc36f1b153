//! The browser's export worker: turns a budget and a scenario into an
//! Excel workbook. rust_xlsxwriter is large, so it lives in this separate
//! wasm, loaded in a Web Worker the first time a person asks for a
//! workbook; the calculator's own page stays small.
//!
//! Natively there is nothing to do: `finsam-kalkyl export` writes XLSX.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsValue;
    finsam_kalkyl::worker::serve(|data| {
        let request = data.as_string().unwrap_or_default();
        match finsam_kalkyl::engine::export::xlsx_from_request(&request) {
            Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
            // No bytes: the page says in its own words that the workbook
            // could not be made. A writer's message would mean nothing to
            // the person, and only the page's words reach them.
            Err(_) => JsValue::NULL,
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("finsam-export runs in the browser; natively, use `finsam-kalkyl export FILE --format xlsx`");
    std::process::exit(2);
}
