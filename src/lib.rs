//! finsam-kalkyl: budget scenarios for Swedish samordningsförbund.
//!
//! [`engine`] is pure Rust and knows nothing of the browser; the CLI and
//! the Yew shell in `ui` (wasm, and natively for the build's prerender)
//! both call it. [`state`] is the
//! calculator's state and reducer, also pure, so it is tested natively.
//! [`words`] says what the page and the CLI share, in either language.

pub mod engine;
pub mod state;
pub mod words;

#[cfg(feature = "bench")]
pub mod bench_support;

/// The page; natively only with the `prerender` feature, for the build.
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod ui;

/// What the browser's two workers share (`src/bin/finsam-*.rs`).
#[cfg(all(target_arch = "wasm32", feature = "workers"))]
pub mod worker;

/// The import worker fetches a förbund's budget file.
#[cfg(all(target_arch = "wasm32", feature = "workers"))]
pub mod fetch;

/// The page's and the workers' allocator (see Cargo.toml). Single-threaded
/// wasm, so talc's own wasm set-up, which grows memory as needed.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
