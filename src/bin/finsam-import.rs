//! The browser's import worker: reads a pasted table or a chosen file with
//! the engine's importer and answers with an `ImportReply` as JSON: the
//! budget in kronor, the unit the table was read in, and the findings and
//! errors worded. The importer, its CSV reader and the words of its
//! findings and errors live only here (see BENCHMARKS.md for their size),
//! so the page itself stays under its size budget.
//!
//! Natively there is nothing to do: `finsam-kalkyl check FILE` reads tables.

#[cfg(target_arch = "wasm32")]
fn main() {
    use finsam_kalkyl::engine::{import::ImportReply, import_bytes, import_table, SwedishFormat};
    finsam_kalkyl::worker::serve(|data| {
        // Text is a paste; bytes are a file, whose encoding the importer finds.
        let result = match data.as_string() {
            Some(text) => import_table(&text),
            None => import_bytes(&js_sys::Uint8Array::new(&data).to_vec()),
        };
        serde_json::to_string(&ImportReply::new(result, &SwedishFormat))
            .unwrap_or_default()
            .into()
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("finsam-import runs in the browser; natively, use `finsam-kalkyl check FILE`");
    std::process::exit(2);
}
