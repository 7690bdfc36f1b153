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

/// True for a letter or digit as far as Swedish labels need: ASCII ones,
/// and any other character that is not white space (å, ä, ö, é, …).
/// `char::is_alphanumeric` would bring Unicode's tables into the wasm.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_whitespace())
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

/// A label without the note marks tables put after it (`Habo kommun 1)`,
/// `Försäkringskassan*`, `Region Skåne²`, `Kansli (not 3)`), with runs of
/// white space folded to one space.
pub fn strip_note_marks(label: &str) -> String {
    let mut s = label.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let before = s.len();
        let kept = s
            .trim_end_matches(|c: char| matches!(c, '*' | '†' | '‡') || is_superscript(c))
            .trim_end()
            .len();
        s.truncate(kept);
        if let Some(inner) = s.strip_suffix(')') {
            // `(not 3)` or `(1)` in parentheses, or a bare `1)` or `a)`.
            let cut = match inner.rfind('(') {
                Some(open) => is_note_ref(&inner[open + 1..]).then_some(open),
                None => inner
                    .rfind(' ')
                    .filter(|&space| is_note_ref(&inner[space + 1..]))
                    .map(|space| space + 1),
            };
            if let Some(cut) = cut.filter(|&c| !s[..c].trim().is_empty()) {
                let kept = s[..cut].trim_end().len();
                s.truncate(kept);
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

fn is_superscript(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '\u{2070}'..='\u{207f}')
}

/// `1`, `12`, `a`, `not 3`, `Not 3`: what a note reference looks like.
fn is_note_ref(text: &str) -> bool {
    let t = text.trim();
    let t = ["not ", "Not ", "NOT ", "note "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim();
    (!t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit()))
        || (t.len() == 1 && t.chars().all(|c| c.is_ascii_lowercase()))
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

    #[test]
    fn note_marks_are_not_part_of_a_name() {
        for (label, want) in [
            ("Habo kommun 1)", "Habo kommun"),
            ("Försäkringskassan*", "Försäkringskassan"),
            ("Försäkringskassan **", "Försäkringskassan"),
            ("Region Skåne²", "Region Skåne"),
            ("Kansli (not 3)", "Kansli"),
            ("Kansli  och   styrelse a)", "Kansli och styrelse"),
            ("Habo kommun 1) 2)", "Habo kommun"),
            ("Reserverat för verksamhet 2012", "Reserverat för verksamhet 2012"),
            ("Balanserat resultat 2011 prel", "Balanserat resultat 2011 prel"),
            ("Budget (tkr)", "Budget (tkr)"),
            ("NOVA - Stöd i förändring", "NOVA - Stöd i förändring"),
            ("1)", "1)"),
            ("*", ""),
        ] {
            assert_eq!(strip_note_marks(label), want, "{label}");
        }
    }
}
