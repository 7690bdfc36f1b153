//! Collects the seed tables for the structure-aware importer target: every
//! preset table and every table under tests/fixtures/ (when there is one),
//! so new fixtures are fuzzed without touching this crate.

use std::path::{Path, PathBuf};

fn tables(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            tables(&path, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "csv" | "tsv" | "txt"))
        {
            out.push(path);
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for dir in ["presets", "tests/fixtures"] {
        let dir = root.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        tables(&dir, &mut found);
    }
    found.sort();
    let mut code = String::from(
        "/// Seed tables: (path in the repository, bytes).\npub const TABLES: &[(&str, &[u8])] = &[\n",
    );
    for path in &found {
        let path = path.canonicalize().unwrap_or_else(|_| path.clone());
        let name = path
            .strip_prefix(root.canonicalize().unwrap_or_else(|_| root.clone()))
            .unwrap_or(&path)
            .display()
            .to_string();
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("tables.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
