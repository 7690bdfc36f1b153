//! Amounts as Swedes write them, and exact splitting of whole kronor.
//!
//! Everything here is `Decimal`; there is no float anywhere in the engine.

use rust_decimal::prelude::*;
use std::fmt;

/// The largest amount the engine accepts, in kronor (one thousand billion).
///
/// Real förbund budgets are in the millions. The bound keeps every sum,
/// product and compounding step far inside `Decimal`'s range, so arithmetic
/// in the engine can never overflow, whatever a user types.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;

/// Why a piece of text is not an amount. Messages are Swedish first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    NotANumber(String),
    TooLarge(String),
}

impl AmountError {
    pub fn message(&self, lang: crate::engine::Lang) -> String {
        use crate::engine::Lang::*;
        match (self, lang) {
            (AmountError::Empty, Sv) => "fältet är tomt; skriv ett belopp, t.ex. 10 000".into(),
            (AmountError::Empty, En) => "the field is empty; type an amount, e.g. 10 000".into(),
            (AmountError::NotANumber(t), Sv) => {
                format!("«{t}» är inte ett belopp; skriv siffror, t.ex. 1 234 567 eller −10 000,50")
            }
            (AmountError::NotANumber(t), En) => {
                format!("“{t}” is not an amount; use digits, e.g. 1 234 567 or −10 000,50")
            }
            (AmountError::TooLarge(t), Sv) => {
                format!("«{t}» är orimligt stort; gränsen är 1 000 miljarder kr")
            }
            (AmountError::TooLarge(t), En) => {
                format!("“{t}” is absurdly large; the limit is 1 000 billion kr")
            }
        }
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::engine::Lang::Sv))
    }
}

/// Parses an amount the way people type or paste it: `1 234 567`,
/// `1281 500`, NBSP or narrow NBSP between groups, `kr`, `:-`, `SEK`,
/// `-`, `−` (U+2212) or `–` as minus, a leading `+`, a decimal comma,
/// and accounting parentheses `(1 234)` for a negative figure.
pub fn parse_amount(text: &str) -> Result<Decimal, AmountError> {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.is_empty() {
        return Err(AmountError::Empty);
    }
    let bad = || AmountError::NotANumber(trimmed.to_string());

    let mut s: String = trimmed
        .chars()
        .filter(|c| !is_group_space(*c))
        .collect::<String>();
    // Currency marks, with or without a dot, in either case.
    for suffix in [":-", ":\u{2212}", "kr.", "kr", "sek"] {
        let cut = s.len().saturating_sub(suffix.len());
        if s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(suffix) {
            s.truncate(cut);
        }
    }
    if s.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("sek")) {
        s.replace_range(..3, "");
    }
    let mut negative = false;
    if s.starts_with('(') && s.ends_with(')') && s.len() > 2 {
        negative = true;
        s = s[1..s.len() - 1].to_string();
    }
    if let Some(rest) = strip_sign(&s, &['-', '\u{2212}', '\u{2013}']) {
        negative = !negative;
        s = rest.to_string();
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.to_string();
    }
    if s.is_empty()
        || !s
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(bad());
    }
    let normalised = normalise_separators(&s).ok_or_else(bad)?;
    let mut value = Decimal::from_str_exact(&normalised).map_err(|_| bad())?;
    if value.abs() > Decimal::from(MAX_AMOUNT) {
        return Err(AmountError::TooLarge(trimmed.to_string()));
    }
    if negative {
        value = -value;
    }
    Ok(value.normalize())
}

fn is_group_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\'' | '\t'
    )
}

fn strip_sign<'a>(s: &'a str, signs: &[char]) -> Option<&'a str> {
    let first = s.chars().next()?;
    signs.contains(&first).then(|| &s[first.len_utf8()..])
}

/// Turns `1234,50`, `1.234.567` or `1234.5` into `1234.50` style text.
/// A comma is always the decimal mark (Swedish). Dots are a decimal mark
/// when there is one and it is not followed by exactly three digits, and
/// thousand separators when they split the digits into groups of three.
fn normalise_separators(s: &str) -> Option<String> {
    if !s.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return None;
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    if commas > 1 {
        return None;
    }
    let grouped_by_dots = |part: &str| {
        let groups: Vec<&str> = part.split('.').collect();
        groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3)
    };
    let (int_part, frac_part) = if commas == 1 {
        let (i, f) = s.split_once(',').unwrap_or((s, ""));
        if dots > 0 && !grouped_by_dots(i) {
            return None;
        }
        (i.replace('.', ""), f.to_string())
    } else if dots == 0 {
        (s.to_string(), String::new())
    } else if grouped_by_dots(s) && (dots > 1 || s.split('.').nth(1).is_some_and(|g| g.len() == 3)) {
        (s.replace('.', ""), String::new())
    } else if dots == 1 {
        let (i, f) = s.split_once('.').unwrap_or((s, ""));
        (i.to_string(), f.to_string())
    } else {
        return None;
    };
    if frac_part.contains('.') || (int_part.is_empty() && frac_part.is_empty()) {
        return None;
    }
    let int_part = if int_part.is_empty() {
        "0".to_string()
    } else {
        int_part
    };
    Some(if frac_part.is_empty() {
        int_part
    } else {
        format!("{int_part}.{frac_part}")
    })
}

/// Parses a percentage such as `5`, `5 %`, `2,5%` or `−10 %`.
pub fn parse_percent(text: &str) -> Result<Decimal, AmountError> {
    let t = text.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    let t = t.strip_suffix("procent").unwrap_or(t);
    parse_amount(t)
}

/// Formats an amount as Swedish text, the way `Intl.NumberFormat('sv-SE')`
/// does: NBSP between groups of three, decimal comma, U+2212 for minus.
///
/// The browser never uses this for what it shows (it goes through `Intl`);
/// it exists for the CLI, the engine's own messages and the build's native
/// prerender of the page, and a wasm test checks that both agree.
pub fn format_amount(value: Decimal) -> String {
    format_grouped(value, '\u{a0}')
}

/// As `format_amount`, with a plain space, for aligned terminal tables.
pub fn format_amount_plain(value: Decimal) -> String {
    format_grouped(value, ' ')
}

fn format_grouped(value: Decimal, sep: char) -> String {
    let rounded = value
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let text = rounded.abs().to_string();
    let (int_part, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + 6);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('\u{2212}');
    }
    let digits = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
        if frac.len() == 1 {
            out.push('0');
        }
    }
    out
}

/// Formats a percentage with one decimal and a decimal comma: `9,6 %`,
/// its whole part grouped as amounts are (`1 250,0 %`), as `Intl` does.
pub fn format_percent(value: Decimal) -> String {
    let r = value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    let tenths = (r * Decimal::TEN).abs().trunc();
    let sign = if r.is_sign_negative() && !r.is_zero() {
        "\u{2212}"
    } else {
        ""
    };
    let whole = format_grouped((tenths / Decimal::TEN).trunc(), '\u{a0}');
    format!("{sign}{whole},{}\u{a0}%", tenths % Decimal::TEN)
}

/// Rounds to whole kronor, half away from zero, as bookkeeping does.
pub fn round_kr(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// Splits `total` into parts proportional to `weights`, in whole kronor,
/// so that the parts add up to `total` exactly (largest-remainder method,
/// also called Hamilton's). Any öre in `total` go to the largest part.
///
/// Ties in the remainders go to the larger weight, then to the earlier
/// position, so the result never depends on anything but the inputs.
/// Negative weights count as zero; when every weight is zero the split is
/// equal.
pub fn split_largest_remainder(total: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    // Integer arithmetic on scaled weights: exact, and fast enough for a
    // recompute on every keystroke (Decimal division was most of the time).
    let mut w = integer_weights(weights);
    if w.iter().all(|x| *x == 0) {
        w = vec![1; n];
    }
    let negative = total.is_sign_negative();
    let whole_dec = total.abs().trunc();
    let ore = total.abs() - whole_dec;
    let whole = whole_dec.to_i128().unwrap_or(0);
    // Keep whole × weight inside i128 by dropping weight digits that
    // cannot matter at this size.
    while w.iter().any(|x| whole.checked_mul(*x).is_none())
        || w.iter().try_fold(0i128, |a, x| a.checked_add(*x)).is_none()
    {
        for x in &mut w {
            *x /= 10;
        }
        if w.iter().all(|x| *x == 0) {
            w = vec![1; n];
        }
    }
    let sum: i128 = w.iter().sum();

    let mut parts: Vec<i128> = Vec::with_capacity(n);
    let mut remainders: Vec<i128> = Vec::with_capacity(n);
    for x in &w {
        let product = whole * *x;
        parts.push(product / sum);
        remainders.push(product % sum);
    }
    let given: i128 = parts.iter().sum();
    let mut left = whole - given;
    if left > 0 {
        let mut order: Vec<usize> = (0..n).collect();
        // Largest remainder first, then the largest weight, then the first.
        super::sort_small_by_key(&mut order, |&i| {
            (std::cmp::Reverse(remainders[i]), std::cmp::Reverse(w[i]), i)
        });
        for &i in order.iter().cycle() {
            if left <= 0 {
                break;
            }
            parts[i] += 1;
            left -= 1;
        }
    }
    let mut out: Vec<Decimal> = parts
        .into_iter()
        .map(|p| Decimal::from_i128_with_scale(p, 0))
        .collect();
    if !ore.is_zero() {
        let biggest = (0..n)
            .max_by(|&a, &b| w[a].cmp(&w[b]).then(b.cmp(&a)))
            .unwrap_or(0);
        out[biggest] += ore;
    }
    if negative {
        for p in &mut out {
            *p = -*p;
        }
    }
    out
}

/// Weights as integers at a common scale (at most nine decimals), with
/// negative weights as zero.
fn integer_weights(weights: &[Decimal]) -> Vec<i128> {
    let rounded: Vec<Decimal> = weights
        .iter()
        .map(|w| {
            let w = *w.max(&Decimal::ZERO);
            if w.scale() > 9 {
                w.round_dp(9)
            } else {
                w
            }
        })
        .collect();
    let scale = rounded.iter().map(|w| w.scale()).max().unwrap_or(0);
    rounded
        .iter()
        .map(|w| w.mantissa().saturating_mul(10i128.pow(scale - w.scale())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn parses_what_people_type() {
        for (input, want) in [
            ("1 234 567", "1234567"),
            ("1281 500", "1281500"),
            ("1\u{a0}234\u{a0}567", "1234567"),
            ("1\u{202f}234", "1234"),
            ("10 000 kr", "10000"),
            ("10 000 Kr.", "10000"),
            ("3 205 000:-", "3205000"),
            ("-7", "-7"),
            ("\u{2212}10 000", "-10000"),
            ("\u{2013}5", "-5"),
            ("+10 000", "10000"),
            ("1 234,50", "1234.5"),
            ("0,5", "0.5"),
            ("1.234.567", "1234567"),
            ("1.5", "1.5"),
            ("1.234,5", "1234.5"),
            ("(1 234)", "-1234"),
            ("SEK 500", "500"),
            ("  42  ", "42"),
        ] {
            assert_eq!(parse_amount(input), Ok(d(want)), "input {input:?}");
        }
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        assert_eq!(parse_amount(""), Err(AmountError::Empty));
        assert_eq!(parse_amount("   "), Err(AmountError::Empty));
        for bad in [
            "abc",
            "12a",
            "1,2,3",
            "--5",
            "kr",
            "1 2 3,4,5",
            "5 %",
            "1.2.3.4,5",
            ".",
        ] {
            assert!(
                matches!(parse_amount(bad), Err(AmountError::NotANumber(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(
            parse_amount("99 999 999 999 999 999"),
            Err(AmountError::TooLarge(_))
        ));
        assert!(matches!(
            parse_amount("9999999999999999999999999999999999"),
            Err(AmountError::NotANumber(_)) | Err(AmountError::TooLarge(_))
        ));
    }

    #[test]
    fn formats_like_intl_sv_se() {
        assert_eq!(format_amount(d("1234567")), "1\u{a0}234\u{a0}567");
        assert_eq!(format_amount(d("-184500")), "\u{2212}184\u{a0}500");
        assert_eq!(format_amount(d("0")), "0");
        assert_eq!(format_amount(d("999")), "999");
        assert_eq!(format_amount(d("1000.5")), "1\u{a0}000,50");
        assert_eq!(format_percent(d("9.598")), "9,6\u{a0}%");
        assert_eq!(format_percent(d("-0.04")), "0,0\u{a0}%");
        assert_eq!(format_percent(d("-1.25")), "\u{2212}1,3\u{a0}%");
        assert_eq!(format_percent(d("1000")), "1\u{a0}000,0\u{a0}%");
        assert_eq!(format_percent(d("-12345.67")), "\u{2212}12\u{a0}345,7\u{a0}%");
        assert_eq!(format_percent(d("0")), "0,0\u{a0}%");
        // Signed as Intl's `exceptZero`: by the figure written, so what
        // rounds to zero has no sign.
        use crate::engine::{NumberFormat, SwedishFormat};
        assert_eq!(SwedishFormat.signed_kr(d("40000")), "+40\u{a0}000\u{a0}kr");
        assert_eq!(SwedishFormat.signed_kr(d("-5000")), "\u{2212}5\u{a0}000\u{a0}kr");
        assert_eq!(SwedishFormat.signed_kr(d("0.001")), "0\u{a0}kr");
        assert_eq!(SwedishFormat.signed_percent(d("0.04")), "0,0\u{a0}%");
        assert_eq!(SwedishFormat.signed_percent(d("0.05")), "+0,1\u{a0}%");
    }

    #[test]
    fn percent_accepts_sign_and_mark() {
        assert_eq!(parse_percent("5 %"), Ok(d("5")));
        assert_eq!(parse_percent("2,5%"), Ok(d("2.5")));
        assert_eq!(parse_percent("\u{2212}10"), Ok(d("-10")));
    }

    #[test]
    fn largest_remainder_sums_exactly() {
        let parts = split_largest_remainder(d("100"), &[d("1"), d("1"), d("1")]);
        assert_eq!(parts, vec![d("34"), d("33"), d("33")]);
        let parts = split_largest_remainder(d("-100"), &[d("1"), d("2")]);
        assert_eq!(parts, vec![d("-33"), d("-67")]);
        let parts = split_largest_remainder(d("10.5"), &[d("0"), d("0")]);
        assert_eq!(parts.iter().copied().sum::<Decimal>(), d("10.5"));
    }
}
