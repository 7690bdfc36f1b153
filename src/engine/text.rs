//! Small text helpers shared by the importer and the messages.
//!
//! Case folding is hand-written for the letters Swedish budget labels use:
//! `str::to_lowercase` would bring Unicode's case tables (about 12 KB) into
//! the wasm for letters no förbund writes.

/// Lowercases ASCII and the Nordic and accented capitals seen in Swedish
/// labels (Å Ä Ö É Ü Æ Ø); every other character is kept as it is.
pub fn fold_case(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'Å' => 'å',
            'Ä' => 'ä',
            'Ö' => 'ö',
            'É' => 'é',
            'Ü' => 'ü',
            'Æ' => 'æ',
            'Ø' => 'ø',
            _ => c,
        })
        .collect()
}

/// The text with its first letter capitalised, for messages that start
/// with a word such as "rad" or "tabellen".
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if first.is_ascii() => first.to_ascii_uppercase().to_string() + chars.as_str(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_swedish_labels() {
        assert_eq!(fold_case("ÖRES- OCH KRONUTJÄMNING"), "öres- och kronutjämning");
        assert_eq!(fold_case("Årets Resultat"), "årets resultat");
        assert_eq!(capitalise("rad 5"), "Rad 5");
        assert_eq!(capitalise(""), "");
    }
}
