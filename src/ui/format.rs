//! Numbers as the browser's `Intl.NumberFormat` writes them in sv-SE:
//! `1 234 567 kr`, decimal comma, U+2212 minus. Every figure the page shows
//! goes through here; the formatters are built once per page.
//!
//! Values cross as decimal strings, which `Intl` formats exactly, so no
//! amount ever becomes a float.
//!
//! This is the page's (wasm's) format. The build's prerender renders the
//! same components natively, where there is no `Intl`: there `format` is
//! `format/native.rs`, the engine's own Swedish format, which a wasm test
//! holds to what this writes.

use crate::engine::NumberFormat;
use js_sys::{Array, Function, Intl, Object, Reflect};
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;

#[cfg(test)]
pub mod native;

struct Formatters {
    plain: Function,
    kr: Function,
    signed_kr: Function,
    signed_plain: Function,
    percent: Function,
    signed_percent: Function,
    one_decimal: Function,
}

fn formatter(options: &[(&str, JsValue)]) -> Function {
    let object = Object::new();
    for (key, value) in options {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    let locales = Array::of1(&JsValue::from_str("sv-SE"));
    Intl::NumberFormat::new(&locales, &object).format()
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

fn n(v: f64) -> JsValue {
    JsValue::from_f64(v)
}

thread_local! {
    static FORMATTERS: Formatters = {
        let money = |sign: &str, currency: bool| {
            let mut o = vec![
                ("minimumFractionDigits", n(2.0)),
                ("maximumFractionDigits", n(2.0)),
                ("trailingZeroDisplay", s("stripIfInteger")),
                ("signDisplay", s(sign)),
            ];
            if currency {
                o.push(("style", s("currency")));
                o.push(("currency", s("SEK")));
            }
            formatter(&o)
        };
        let percent = |sign: &str| {
            formatter(&[
                ("style", s("percent")),
                ("minimumFractionDigits", n(1.0)),
                ("maximumFractionDigits", n(1.0)),
                ("signDisplay", s(sign)),
            ])
        };
        Formatters {
            plain: money("negative", false),
            kr: money("negative", true),
            signed_kr: money("exceptZero", true),
            signed_plain: money("exceptZero", false),
            percent: percent("negative"),
            signed_percent: percent("exceptZero"),
            one_decimal: formatter(&[
                ("minimumFractionDigits", n(1.0)),
                ("maximumFractionDigits", n(1.0)),
                ("signDisplay", s("negative")),
            ]),
        }
    };
}

fn call(pick: fn(&Formatters) -> &Function, value: &str) -> String {
    FORMATTERS.with(|f| {
        pick(f)
            .call1(&JsValue::NULL, &JsValue::from_str(value))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| value.to_string())
    })
}

/// Which formatter: the key of the memo below.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Style {
    Plain,
    Kr,
    SignedKr,
    SignedPlain,
    Percent,
    SignedPercent,
}

thread_local! {
    /// Intl's answers, remembered: a render formats a few hundred figures
    /// and most are the same as last time. Each answer from Intl costs two
    /// string crossings between wasm and JS; a hit costs a search of an ordered map (a hash map brought std's hasher into the page).
    static MEMO: RefCell<BTreeMap<(Style, Decimal), String>> = const { RefCell::new(BTreeMap::new()) };
}

fn memo(
    style: Style,
    value: Decimal,
    pick: fn(&Formatters) -> &Function,
    arg: impl FnOnce() -> String,
) -> String {
    if let Some(hit) = MEMO.with(|m| m.borrow().get(&(style, value)).cloned()) {
        return hit;
    }
    let text = call(pick, &arg());
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        // Bounded: a long session of slider drags must not grow it forever.
        if m.len() > 4096 {
            m.clear();
        }
        m.insert((style, value), text.clone());
    });
    text
}

/// `1 234 567`
pub fn plain(v: Decimal) -> String {
    memo(Style::Plain, v, |f| &f.plain, || v.to_string())
}

/// `1 234 567 kr`
pub fn kr(v: Decimal) -> String {
    memo(Style::Kr, v, |f| &f.kr, || v.to_string())
}

/// `+40 000 kr`, `−5 000 kr`, `0 kr`
pub fn signed_kr(v: Decimal) -> String {
    memo(Style::SignedKr, v, |f| &f.signed_kr, || v.to_string())
}

/// `+40 000`, `−5 000`, `0`
pub fn signed_plain(v: Decimal) -> String {
    memo(Style::SignedPlain, v, |f| &f.signed_plain, || v.to_string())
}

/// A percentage given in percent units: `9.598` → `9,6 %`.
pub fn percent(v: Decimal) -> String {
    memo(
        Style::Percent,
        v,
        |f| &f.percent,
        || (v / Decimal::ONE_HUNDRED).to_string(),
    )
}

/// `+2,5 %`
pub fn signed_percent(v: Decimal) -> String {
    memo(
        Style::SignedPercent,
        v,
        |f| &f.signed_percent,
        || (v / Decimal::ONE_HUNDRED).to_string(),
    )
}

/// Short figures for chart labels, as Swedish budgets write them:
/// `11,2 mnkr`, `67 tkr`, `−850 tkr`. The exact figures are in the
/// chart's table.
pub fn short_kr(v: Decimal) -> String {
    let million = Decimal::from(1_000_000);
    if v.abs() >= million {
        format!(
            "{} mnkr",
            call(|f| &f.one_decimal, &(v / million).round_dp(1).to_string())
        )
    } else {
        format!(
            "{} tkr",
            call(|f| &f.plain, &(v / Decimal::ONE_THOUSAND).round().to_string())
        )
    }
}

/// The engine's messages, with numbers formatted by `Intl`.
pub struct IntlFormat;

impl NumberFormat for IntlFormat {
    fn kr(&self, value: Decimal) -> String {
        kr(value)
    }
    fn percent(&self, value: Decimal) -> String {
        percent(value)
    }
    fn plain(&self, value: Decimal) -> String {
        plain(value)
    }
    fn signed_kr(&self, value: Decimal) -> String {
        signed_kr(value)
    }
    fn signed_percent(&self, value: Decimal) -> String {
        signed_percent(value)
    }
}
