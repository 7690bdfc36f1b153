//! finsam-kalkyl: budget scenarios for Swedish samordningsförbund.
//!
//! [`engine`] is pure Rust and knows nothing of the browser; the CLI and
//! the Yew shell in `ui` (wasm only) both call it.

pub mod engine;
