//! Row classification: what a row of a real budget table is, from its label
//! and the section it stands in. The rules follow the labels seen in the
//! seed documents and what Swedish förbund commonly write.

use super::model::RowClass;

/// Where in the table a row stands, from the headings above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    None,
    Income,
    Costs,
    /// Below the costs: results and equity.
    After,
}

/// Within the costs, the subsection a heading opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CostGroup {
    #[default]
    None,
    Verksamhet,
    Administration,
}

/// What a heading row (a label with no figures) changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingKind {
    Income,
    Costs,
    Verksamhet,
    Administration,
}

/// A label lowercased, trimmed, with trailing colons and inner runs of
/// white space folded, so that `  Summa  intäkter: ` reads `summa intäkter`.
pub fn normalise(label: &str) -> String {
    super::text::fold_case(
        &label
            .trim()
            .trim_end_matches(':')
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

pub fn heading_kind(norm: &str) -> Option<HeadingKind> {
    match norm {
        "intäkter" | "intäkter och bidrag" | "medlemsbidrag" | "intäkter/medlemsbidrag" => {
            Some(HeadingKind::Income)
        }
        "kostnader" | "utgifter" => Some(HeadingKind::Costs),
        "verksamhet" | "verksamhetskostnader" | "insatser" | "insatskostnader" | "projekt" => {
            Some(HeadingKind::Verksamhet)
        }
        "administration" | "administrationskostnader" | "administrativa kostnader" | "adm" => {
            Some(HeadingKind::Administration)
        }
        _ => None,
    }
}

const ADMIN_PREFIXES: [&str; 12] = [
    "kansli",
    "tjänsteman",
    "tjänsteperson",
    "styrelse",
    "revision",
    "ekonomi",
    "faktura- och personaladministration",
    "information",
    "övrig administration",
    "administration",
    "förbundschef",
    "personaladministration",
];

/// True when the label alone says administration (Kansli, Styrelse, …).
pub fn is_admin_name(norm: &str) -> bool {
    ADMIN_PREFIXES.iter().any(|p| norm.starts_with(p))
}

/// The class a label names on its own, wherever it stands, if any.
/// Order matters: "Prel balanserat resultat" is closing equity before
/// "balanserat resultat" is opening equity, and "Årets balanserade
/// resultat" before "Årets resultat".
pub fn class_by_name(norm: &str) -> Option<RowClass> {
    let starts = |p: &str| norm.starts_with(p);
    if starts("summa") || starts("delsumma") || starts("totalt") || starts("total ") || norm == "total" {
        return Some(if norm.contains("intäkt") {
            RowClass::TotalIncome
        } else if norm.contains("kostnad") {
            RowClass::TotalCosts
        } else {
            // A bare "Summa" is resolved by its section in `classify`.
            RowClass::Subtotal
        });
    }
    if starts("prel balanserat resultat")
        || starts("prel. balanserat resultat")
        || starts("preliminärt balanserat resultat")
        || starts("ackumulerat resultat")
        || starts("årets balanserade resultat")
        || starts("utgående eget kapital")
        || starts("eget kapital vid årets slut")
        || starts("utgående balans")
    {
        return Some(RowClass::ClosingEquity);
    }
    if norm == "resultat"
        || starts("årets resultat")
        || starts("periodens resultat")
        || starts("beräknat resultat")
        || starts("budgeterat resultat")
    {
        return Some(RowClass::Result);
    }
    if starts("balanserat resultat")
        || starts("balanserat från")
        || starts("balanserade medel")
        || starts("reserverat för verksamhet")
        || starts("ingående eget kapital")
        || starts("eget kapital vid årets början")
        || starts("ingående balans")
    {
        return Some(RowClass::OpeningEquity);
    }
    if norm.contains("försäkringskassan") || starts("staten") || starts("arbetsförmedlingen") {
        return Some(RowClass::State);
    }
    if starts("region ") || norm == "region" || starts("landstinget") || starts("landsting ") {
        return Some(RowClass::Region);
    }
    if norm.ends_with(" kommun") || starts("kommun ") || norm.ends_with(" stad") {
        return Some(RowClass::Kommun);
    }
    if starts("ränt")
        || starts("övriga intäkter")
        || starts("övrig intäkt")
        || starts("öres")
        || starts("finansiella intäkter")
    {
        return Some(RowClass::OtherIncome);
    }
    None
}

/// Outcome of classifying one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classified {
    pub class: RowClass,
    /// Set when the label and the section disagree; the section won.
    pub ambiguous_with: Option<RowClass>,
}

/// Classifies a row with figures, given the section it stands in.
pub fn classify(norm: &str, section: Section, group: CostGroup) -> Classified {
    let plain = |class| Classified {
        class,
        ambiguous_with: None,
    };
    if let Some(class) = class_by_name(norm) {
        // A bare "Summa" totals the section it closes.
        if class == RowClass::Subtotal && matches!(norm, "summa" | "totalt" | "total") {
            return plain(match section {
                Section::Income => RowClass::TotalIncome,
                Section::Costs => RowClass::TotalCosts,
                _ => RowClass::Subtotal,
            });
        }
        return plain(class);
    }
    match section {
        Section::Costs => {
            let by_name = if is_admin_name(norm) {
                RowClass::Administration
            } else {
                RowClass::Verksamhet
            };
            match group {
                CostGroup::Administration => plain(RowClass::Administration),
                CostGroup::Verksamhet if by_name == RowClass::Administration => Classified {
                    class: RowClass::Verksamhet,
                    ambiguous_with: Some(RowClass::Administration),
                },
                _ => plain(by_name),
            }
        }
        // Without headings an administration name still says cost.
        Section::None if is_admin_name(norm) => plain(RowClass::Administration),
        _ => plain(RowClass::Unknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(label: &str, section: Section) -> RowClass {
        classify(&normalise(label), section, CostGroup::None).class
    }

    #[test]
    fn recognises_the_seed_labels() {
        use RowClass::*;
        use Section::*;
        for (label, section, want) in [
            ("Habo kommun", Income, Kommun),
            ("Aneby Kommun", Income, Kommun),
            ("Region Jönköpings län", Income, Region),
            ("Landstinget i Jönköpings län", Income, Region),
            ("Försäkringskassan", Income, State),
            ("Staten gm Försäkringskassan", Income, State),
            ("Övriga intäkter", Income, OtherIncome),
            ("Öres- och kronutjämning", Income, OtherIncome),
            ("Ränta", Income, OtherIncome),
            ("Balanserat resultat", Income, OpeningEquity),
            ("Reserverat för verksamhet 2012", Income, OpeningEquity),
            ("Balanserat resultat 2011 prel", Income, OpeningEquity),
            ("Balanserat från föregående år", After, OpeningEquity),
            ("Prel balanserat resultat", After, ClosingEquity),
            ("Årets balanserade resultat", After, ClosingEquity),
            ("Ackumulerat resultat", After, ClosingEquity),
            ("Summa intäkter", Income, TotalIncome),
            ("Summa kostnader", Costs, TotalCosts),
            ("Delsumma verksamhet", Costs, Subtotal),
            ("Delsumma administration", Costs, Subtotal),
            ("Summa", Costs, TotalCosts),
            ("Årets resultat", After, Result),
            ("Resultat", After, Result),
            ("Kansli", Costs, Administration),
            ("Tjänsteperson", Costs, Administration),
            ("Ekonomihantering", Costs, Administration),
            ("Ekonomiadministration", Costs, Administration),
            ("Faktura- och personaladministration", Costs, Administration),
            ("Övrig administration", Costs, Administration),
            ("Revision", Costs, Administration),
            ("Enter", Costs, Verksamhet),
            ("NOVA - Stöd i förändring", Costs, Verksamhet),
            ("Verksamhetsutvecklare", Costs, Verksamhet),
            ("Kompetensutveckling", Costs, Verksamhet),
            ("Tillgängligt nya projekt", Costs, Verksamhet),
            ("Okänd rad", Income, Unknown),
            ("Okänd rad", After, Unknown),
        ] {
            assert_eq!(class(label, section), want, "{label}");
        }
    }

    #[test]
    fn section_heading_wins_over_name_and_says_so() {
        let c = classify("information", Section::Costs, CostGroup::Verksamhet);
        assert_eq!(c.class, RowClass::Verksamhet);
        assert_eq!(c.ambiguous_with, Some(RowClass::Administration));
        let c = classify(
            "utbildning styrelse och beredningsgrupp",
            Section::Costs,
            CostGroup::Administration,
        );
        assert_eq!(c.class, RowClass::Administration);
    }

    #[test]
    fn headings() {
        assert_eq!(heading_kind(&normalise("Intäkter")), Some(HeadingKind::Income));
        assert_eq!(heading_kind(&normalise("KOSTNADER:")), Some(HeadingKind::Costs));
        assert_eq!(
            heading_kind(&normalise("Administration")),
            Some(HeadingKind::Administration)
        );
        assert_eq!(
            heading_kind(&normalise("Verksamhet")),
            Some(HeadingKind::Verksamhet)
        );
    }
}
