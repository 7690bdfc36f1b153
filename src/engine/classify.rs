//! Row classification: what a row of a real budget table is, from its label
//! and the section it stands in. The rules follow the labels seen in the
//! seed documents, in förbund's årsredovisningar and verksamhetsplaner.

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

impl HeadingKind {
    /// The section and cost group a heading of this kind opens.
    pub fn opens(self) -> (Section, CostGroup) {
        match self {
            HeadingKind::Income => (Section::Income, CostGroup::None),
            HeadingKind::Costs => (Section::Costs, CostGroup::None),
            HeadingKind::Verksamhet => (Section::Costs, CostGroup::Verksamhet),
            HeadingKind::Administration => (Section::Costs, CostGroup::Administration),
        }
    }
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
        "intäkter"
        | "intäkter och bidrag"
        | "medlemsbidrag"
        | "intäkter/medlemsbidrag"
        | "medlemsavgifter"
        | "medlemsintäkter"
        | "medlemsinsatser"
        | "bidrag från medlemmar"
        | "verksamhetens intäkter"
        | "rörelsens intäkter"
        | "finansiering" => Some(HeadingKind::Income),
        "kostnader" | "utgifter" | "verksamhetens kostnader" | "rörelsens kostnader" => {
            Some(HeadingKind::Costs)
        }
        "verksamhet"
        | "verksamhetskostnader"
        | "insatser"
        | "insatskostnader"
        | "projekt"
        | "finansierade insatser"
        | "insatser och projekt" => Some(HeadingKind::Verksamhet),
        "administration"
        | "administrationskostnader"
        | "administrativa kostnader"
        | "adm"
        | "kansli"
        | "kansli och administration" => Some(HeadingKind::Administration),
        _ => None,
    }
}

const ADMIN_PREFIXES: [&str; 15] = [
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
    "personalkostnader",
    "finansiella kostnader",
    "räntekostnader",
];

/// True when the label alone says administration (Kansli, Styrelse, …).
pub fn is_admin_name(norm: &str) -> bool {
    ADMIN_PREFIXES.iter().any(|p| norm.starts_with(p))
}

/// The cost group a label names on its own, wherever it stands.
fn cost_by_name(norm: &str) -> Option<RowClass> {
    if is_admin_name(norm) {
        Some(RowClass::Administration)
    } else if [
        "insatser",
        "insatskostnader",
        "övriga externa kostnader",
        "verksamhetskostnader",
    ]
    .iter()
    .any(|p| norm.starts_with(p))
    {
        Some(RowClass::Verksamhet)
    } else {
        None
    }
}

/// Words before a member's name: `Medlemsavgift Region Örebro län`,
/// `Bidrag från Habo kommun`, `Medlemsinsats Försäkringskassan`.
const MEMBER_PREFIXES: [&str; 8] = [
    "medlemsavgifter",
    "medlemsavgift",
    "medlemsbidrag",
    "medlemsinsatser",
    "medlemsinsats",
    "bidrag",
    "tillskott",
    "avgift",
];

/// How many characters of a label are the words before a member's name,
/// and the name after them, when a member prefix opens it.
pub fn member_prefix(norm: &str) -> Option<(usize, &str)> {
    let prefix = MEMBER_PREFIXES.iter().find(|p| norm.starts_with(*p))?;
    let rest = &norm[prefix.len()..];
    if !rest.starts_with([' ', ',', ':', '-', '–']) {
        return None;
    }
    let rest = rest.trim_start_matches([' ', ',', ':', '-', '–']);
    let rest = rest.strip_prefix("från ").unwrap_or(rest);
    let skipped = norm[..norm.len() - rest.len()].chars().count();
    member_class(rest).map(|_| (skipped, rest))
}

/// The member a name (without prefix) names, if any.
fn member_class(name: &str) -> Option<RowClass> {
    let starts = |p: &str| name.starts_with(p);
    if name.contains("försäkringskassan") || starts("staten") || starts("arbetsförmedlingen") {
        Some(RowClass::State)
    } else if starts("region ")
        || name == "region"
        || name.ends_with("regionen")
        || starts("landstinget")
        || starts("landsting ")
        || name.ends_with(" landsting")
        || name.ends_with(" län")
    {
        Some(RowClass::Region)
    } else if name.ends_with(" kommun")
        || starts("kommun ")
        || name.ends_with(" stad")
        || starts("kommunerna")
    {
        Some(RowClass::Kommun)
    } else {
        None
    }
}

/// True for Arbetsförmedlingen, a member that pays through the state's half.
pub fn is_arbetsformedlingen(norm: &str) -> bool {
    let name = member_prefix(norm).map_or(norm, |(_, rest)| rest);
    name.starts_with("arbetsförmedlingen")
}

/// The class a label names on its own, wherever it stands, if any.
/// Order matters: "Prel balanserat resultat" is closing equity before
/// "balanserat resultat" is opening equity, and "Årets balanserade
/// resultat" before "Årets resultat".
pub fn class_by_name(norm: &str) -> Option<RowClass> {
    let starts = |p: &str| norm.starts_with(p);
    if let Some((_, name)) = member_prefix(norm) {
        return member_class(name);
    }
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
    if starts("eget kapital") {
        let opening = norm.contains("början") || norm.contains("ingå");
        return Some(if opening {
            RowClass::OpeningEquity
        } else {
            RowClass::ClosingEquity
        });
    }
    if starts("prel balanserat resultat")
        || starts("prel. balanserat resultat")
        || starts("preliminärt balanserat resultat")
        || starts("ackumulerat resultat")
        || starts("årets balanserade resultat")
        || starts("utgående eget kapital")
        || starts("utgående balans")
    {
        return Some(RowClass::ClosingEquity);
    }
    if norm == "resultat"
        || starts("årets resultat")
        || starts("periodens resultat")
        || starts("beräknat resultat")
        || starts("budgeterat resultat")
        || starts("verksamhetens resultat")
        || starts("resultat efter finansiella poster")
        || starts("förändring av eget kapital")
    {
        return Some(RowClass::Result);
    }
    if starts("balanserat resultat")
        || starts("balanserat från")
        || starts("balanserade medel")
        || starts("reserverat för verksamhet")
        || starts("ingående eget kapital")
        || starts("ingående balans")
    {
        return Some(RowClass::OpeningEquity);
    }
    if let Some(class) = member_class(norm) {
        return Some(class);
    }
    if (starts("ränt") && !norm.contains("kostnad"))
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
        // A kommun named among the costs is a purchase from it, unless a
        // member prefix says it pays ("Medlemsavgift Habo kommun").
        if section == Section::Costs && class.is_member() && member_prefix(norm).is_none() {
            return Classified {
                class: RowClass::Verksamhet,
                ambiguous_with: Some(class),
            };
        }
        return plain(class);
    }
    let by_name = cost_by_name(norm);
    match section {
        Section::Costs => {
            let by_name = by_name.unwrap_or(RowClass::Verksamhet);
            match group {
                CostGroup::Administration => plain(RowClass::Administration),
                CostGroup::Verksamhet if by_name == RowClass::Administration => Classified {
                    class: RowClass::Verksamhet,
                    ambiguous_with: Some(RowClass::Administration),
                },
                _ => plain(by_name),
            }
        }
        // Without a cost heading, a cost's own name still says cost.
        _ => plain(by_name.unwrap_or(RowClass::Unknown)),
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
    fn recognises_the_labels_of_annual_reports() {
        use RowClass::*;
        use Section::*;
        for (label, section, want) in [
            ("Medlemsavgift Försäkringskassan", Income, State),
            ("Medlemsavgifter Region Örebro län", Income, Region),
            ("Medlemsavgift, Habo kommun", Income, Kommun),
            ("Bidrag från Habo kommun", Income, Kommun),
            ("Medlemsinsats Jönköpings kommun", Income, Kommun),
            ("Medlemsavgift Habo kommun", Costs, Kommun),
            ("Västra Götalandsregionen", Income, Region),
            ("Region Örebro län", Income, Region),
            ("Kronobergs län", Income, Region),
            ("Norrbottens läns landsting", Income, Region),
            ("Arbetsförmedlingen", Income, State),
            ("Kommunerna", Income, Kommun),
            ("Finansiella intäkter", After, OtherIncome),
            ("Finansiella kostnader", After, Administration),
            ("Räntekostnader", After, Administration),
            ("Insatser", Income, Verksamhet),
            ("Kansli och styrelse", None, Administration),
            ("Personalkostnader", Income, Administration),
            ("Övriga externa kostnader", None, Verksamhet),
            ("Eget kapital", After, ClosingEquity),
            ("Eget kapital vid årets slut", After, ClosingEquity),
            ("Eget kapital vid årets början", After, OpeningEquity),
            ("Eget kapital, ingående", After, OpeningEquity),
            ("Förändring av eget kapital", After, Result),
            ("Verksamhetens resultat", After, Result),
            ("Bidragsgivare", Income, Unknown),
        ] {
            assert_eq!(class(label, section), want, "{label}");
        }
        // A kommun among the costs is a purchase, and the finding says so.
        let c = classify(&normalise("Köp av tjänst Habo kommun"), Costs, CostGroup::None);
        assert_eq!((c.class, c.ambiguous_with), (Verksamhet, Some(Kommun)));
        assert_eq!(
            member_prefix("bidrag från habo kommun"),
            Some((12, "habo kommun"))
        );
        assert_eq!(member_prefix("bidragsgivare"), Option::None);
        assert!(is_arbetsformedlingen("medlemsavgift arbetsförmedlingen"));
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
            heading_kind(&normalise("VERKSAMHETENS INTÄKTER")),
            Some(HeadingKind::Income)
        );
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
