//! The page's number format where there is no browser and so no `Intl`:
//! the build's prerender of the first screen, rendered natively. The same
//! functions as `format.rs`, written by the engine's own [`SwedishFormat`];
//! the wasm test `the_prerender_writes_numbers_as_intl_does` holds each to
//! what `Intl` writes in the page, so the prerender shows what the app will.

use crate::engine::money::{format_amount, format_percent};
use crate::engine::{plus, NumberFormat, SwedishFormat};
use rust_decimal::Decimal;

/// The engine's messages in the native render: the page's name for its
/// format, so that the components compile unchanged.
#[cfg(not(target_arch = "wasm32"))]
pub use crate::engine::SwedishFormat as IntlFormat;

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

/// `11,2 mnkr`, `67 tkr`, `−850 tkr`: rounded first, as the page does,
/// then one decimal of millions or whole thousands.
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
