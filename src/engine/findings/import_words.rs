//! The words of the importer's own findings. They exist only where the
//! importer runs (natively, and in the browser's import worker); the page
//! gets these findings already worded (`import::ImportReply`), so it does
//! not carry their words.

use super::Finding;
use crate::engine::{Lang, NumberFormat};

#[cfg(any(not(target_arch = "wasm32"), feature = "workers"))]
pub(super) fn body(finding: &Finding, lang: Lang, f: &dyn NumberFormat) -> String {
    use super::Detail;
    let sv = lang == Lang::Sv;
    match &finding.detail {
        Detail::AmbiguousRow { label, chosen, other } => {
            if sv {
                format!(
                    "«{label}» står under rubriken för {} men namnet tyder på {}; raden räknas som {}.",
                    chosen.name(lang),
                    other.name(lang),
                    chosen.name(lang)
                )
            } else {
                format!(
                    "“{label}” stands under the {} heading but its name suggests {}; it counts as {}.",
                    chosen.name(lang),
                    other.name(lang),
                    chosen.name(lang)
                )
            }
        }
        Detail::DuplicateRow { label } => {
            if sv {
                format!("«{label}» förekommer mer än en gång; bara den första raden räknas som medlem.")
            } else {
                format!("“{label}” appears more than once; only the first row counts as a member.")
            }
        }
        Detail::BadCell { label, error } => {
            if sv {
                format!("«{label}»: {}. Cellen räknas som tom.", error.message(lang))
            } else {
                format!("“{label}”: {}. The cell counts as blank.", error.message(lang))
            }
        }
        Detail::ColumnIgnored { header } => {
            if sv {
                format!("rubriken «{header}» är varken Utfall, Budget, Prognos eller Plan med ett år; kolumnen läses inte.")
            } else {
                format!("the header “{header}” is not Utfall, Budget, Prognos or Plan with a year; the column is not read.")
            }
        }
        Detail::HeadingAssumed { label } => {
            if sv {
                format!("«{label}» har inga belopp och läses som en rubrik.")
            } else {
                format!("“{label}” has no figures and is read as a heading.")
            }
        }
        Detail::NotesColumn { header } => {
            if sv {
                format!("Kolumnen «{header}» hänvisar till noter och läses inte.")
            } else {
                format!("The column “{header}” refers to notes and is not read.")
            }
        }
        Detail::UnitRead {
            unit,
            source,
            written,
        } => {
            let (u, one) = (unit.abbreviation(), f.kr(unit.in_kronor()));
            let place = match (source, sv) {
                (super::UnitSource::Header, true) => "i en kolumnrubrik",
                (super::UnitSource::Header, false) => "in a column header",
                (_, true) => "i rubriken",
                (_, false) => "in the title",
            };
            if sv {
                format!("Beloppen står i {u} («{written}» {place}) och räknas om till kronor: 1 {u} = {one}. Stämmer det inte, välj en annan enhet vid importen.")
            } else {
                format!("The amounts are in {u} (“{written}” {place}) and are converted to kronor: 1 {u} = {one}. If that is wrong, choose another unit when importing.")
            }
        }
        Detail::UnitConflict { used, other, written } => {
            let (u, o) = (used.abbreviation(), other.abbreviation());
            if sv {
                format!("«{written}» säger {o}, men tabellen säger redan {u}; beloppen läses i {u}. Stämmer det inte, välj en annan enhet vid importen.")
            } else {
                format!("“{written}” says {o}, but the table already says {u}; the amounts are read in {u}. If that is wrong, choose another unit when importing.")
            }
        }
        Detail::UnitUnstated { largest } => {
            let l = f.kr(*largest);
            if sv {
                format!("Tabellen anger ingen enhet och läses i kronor, men det största beloppet är bara {l}. Står beloppen i tkr eller mnkr, välj den enheten vid importen.")
            } else {
                format!("The table names no unit and is read in kronor, but its largest amount is only {l}. If the amounts are in tkr or mnkr, choose that unit when importing.")
            }
        }
        Detail::CostsNegative => {
            if sv {
                "Kostnaderna står som negativa belopp, som i en resultaträkning; de läses som kostnader."
                    .into()
            } else {
                "The costs are written as negative amounts, as in an income statement; they are read as costs.".into()
            }
        }
        _ => String::new(),
    }
}

/// In the page, every importer finding arrives worded (`Detail::Worded`).
#[cfg(all(target_arch = "wasm32", not(feature = "workers")))]
pub(super) fn body(_: &Finding, _: Lang, _: &dyn NumberFormat) -> String {
    String::new()
}
