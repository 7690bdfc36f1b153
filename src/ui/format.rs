//! Numbers as Swedes write them: `1 234 567 kr`, decimal comma, U+2212
//! minus, no-break spaces. Every figure the page shows goes through here.
//!
//! Written by the engine's own format ([`SwedishFormat`], `engine::money`),
//! not by the browser's `Intl.NumberFormat`: the build's prerender of the
//! first screen runs natively, where there is no `Intl`, and must write
//! what the app will write in every browser. A wasm test holds the two to
//! what `Intl` writes in sv-SE (`ui/tests.rs`).

use crate::engine::money::{format_amount, format_percent};
pub use crate::engine::SwedishFormat;
use crate::engine::{plus, NumberFormat};
use rust_decimal::Decimal;

/// `1 234 567`
pub fn plain(v: Decimal) -> String {
    format_amount(v)
}

/// `1 234 567 kr`
pub fn kr(v: Decimal) -> String {
    SwedishFormat.kr(v)
}

/// `+40 000 kr`, `−5 000 kr`, `0 kr`
pub fn signed_kr(v: Decimal) -> String {
    SwedishFormat.signed_kr(v)
}

/// `+40 000`, `−5 000`, `0`
pub fn signed_plain(v: Decimal) -> String {
    plus(plain(v))
}

/// A percentage given in percent units: `9.598` → `9,6 %`.
pub fn percent(v: Decimal) -> String {
    format_percent(v)
}

/// `+2,5 %`
pub fn signed_percent(v: Decimal) -> String {
    SwedishFormat.signed_percent(v)
}

/// Short figures for chart labels, as Swedish budgets write them:
/// `11,2 mnkr`, `67 tkr`, `−850 tkr`. The exact figures are in the
/// chart's table.
pub fn short_kr(v: Decimal) -> String {
    let million = Decimal::from(1_000_000);
    if v.abs() >= million {
        // Whole millions grouped as any amount, then always one decimal.
        let tenths = ((v / million).round_dp(1) * Decimal::TEN).abs().trunc();
        let sign = if v.is_sign_negative() { "\u{2212}" } else { "" };
        let whole = plain((tenths / Decimal::TEN).trunc());
        format!("{sign}{whole},{} mnkr", tenths % Decimal::TEN)
    } else {
        format!("{} tkr", plain((v / Decimal::ONE_THOUSAND).round()))
    }
}
