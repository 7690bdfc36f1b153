#![cfg(not(target_arch = "wasm32"))]
//! The engine, the state and the shared words know nothing of the browser:
//! no yew, web-sys, gloo, js-sys or wasm-bindgen in their source. The
//! crates are declared for wasm only, so a native build would already fail
//! on most uses; this also catches a use behind `cfg(target_arch)`.

use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 6] = [
    "yew",
    "web_sys",
    "gloo",
    "js_sys",
    "wasm_bindgen",
    "serde_wasm_bindgen",
];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Each use of a browser crate in the code (comments left out): a path
/// (`yew::`), an import (`use gloo;`, `{js_sys, …}`) or an attribute
/// (`#[wasm_bindgen]`). File, line number and the crate.
fn browser_uses(dir: &str) -> Vec<(String, usize, &'static str)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found = Vec::new();
    for file in rust_files(&root) {
        let text = std::fs::read_to_string(&file).expect("utf-8 source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for krate in BROWSER_CRATES {
                let named = code.match_indices(krate).any(|(at, _)| {
                    let before = code[..at].chars().next_back();
                    let after = &code[at + krate.len()..];
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && (after.starts_with("::") || after.trim_start().starts_with([';', ']', ',', '}']))
                });
                if named {
                    found.push((file.display().to_string(), n + 1, krate));
                }
            }
        }
    }
    found
}

#[test]
fn engine_state_and_words_never_name_a_browser_crate() {
    for dir in ["src/engine", "src/state", "src/words"] {
        assert_eq!(browser_uses(dir), Vec::new(), "{dir}");
    }
}

/// The scan finds what it looks for: the page itself is full of it.
#[test]
fn the_scan_sees_the_browser_crates_in_the_page() {
    let found = browser_uses("src/ui");
    for krate in ["yew", "web_sys", "gloo", "js_sys", "wasm_bindgen"] {
        assert!(found.iter().any(|(_, _, k)| *k == krate), "{krate}");
    }
}

/// The page reads JSON through `ui::from_js`, never serde-wasm-bindgen's
/// reader, which formats a message for every error it makes and so kept
/// serde's error texts and float formatting in the page (BENCHMARKS.md).
/// Only the test comparing the two names it.
#[test]
fn the_page_reads_json_only_through_its_own_deserializer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let readers: Vec<PathBuf> = rust_files(&src)
        .into_iter()
        .filter(|file| {
            let text = std::fs::read_to_string(file).expect("utf-8 source");
            [
                "serde_wasm_bindgen::from_value",
                "serde_wasm_bindgen::Deserializer",
            ]
            .iter()
            .any(|reader| text.contains(reader))
        })
        .collect();
    assert_eq!(readers, [src.join("ui/from_js/tests.rs")]);
}
