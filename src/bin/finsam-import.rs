//! The browser's import worker: reads a pasted table or a chosen file with
//! the engine's importer and answers with an `ImportReply` as JSON: the
//! budget in kronor, the unit the table was read in, and the findings and
//! errors worded. The importer, its CSV reader and the words of its
//! findings and errors live only here (see BENCHMARKS.md for their size),
//! so the page itself stays under its size budget. So does fetching a
//! förbund's budget file (`finsam_kalkyl::fetch`).
//!
//! A request is a pasted table (a string), a file (its bytes), the same
//! with the person's choices (`{table, unit: "tkr", costs: "as-written"}`),
//! or a budget file's address (`{budget: "https://…"}`).
//!
//! Natively there is nothing to do: `finsam-kalkyl check FILE` reads tables.

#[cfg(target_arch = "wasm32")]
fn main() {
    use finsam_kalkyl::engine::import::{Choices, ImportReply, UnitRead};
    use finsam_kalkyl::engine::{import_bytes, import_table, SwedishFormat};
    use wasm_bindgen::JsValue;
    fn json(reply: &ImportReply) -> JsValue {
        serde_json::to_string(reply).unwrap_or_default().into()
    }
    finsam_kalkyl::worker::serve(|data| {
        let field = |name: &str| {
            js_sys::Reflect::get(&data, &name.into())
                .ok()
                .filter(|v| !v.is_undefined())
        };
        if let Some(address) = field("budget").and_then(|v| v.as_string()) {
            let reply = async move { Ok(json(&finsam_kalkyl::fetch::budget_file(&address).await)) };
            return wasm_bindgen_futures::future_to_promise(reply).into();
        }
        let choices = Choices {
            unit: field("unit")
                .and_then(|v| v.as_string())
                .map(|words| UnitRead::from_words(&words).unit),
            costs_as_written: field("costs").and_then(|v| v.as_string()).as_deref() == Some("as-written"),
        };
        let table = field("table").unwrap_or(data);
        // Text is a paste; bytes are a file, whose encoding the importer finds.
        let result = match table.as_string() {
            Some(text) => import_table(&text),
            None => import_bytes(&js_sys::Uint8Array::new(&table).to_vec()),
        };
        json(&ImportReply::new(
            result.and_then(|i| i.with_choices(choices)),
            &SwedishFormat,
        ))
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("finsam-import runs in the browser; natively, use `finsam-kalkyl check FILE`");
    std::process::exit(2);
}
