//! The words of the engine's findings, in Swedish and English: those the
//! page itself words (analysis and scenarios). The importer's own are in
//! `import_words`, which exists only where the importer runs.

use super::{Binding, Detail, Finding};
use crate::engine::{Lang, NumberFormat};
use rust_decimal::Decimal;

/// A finding's message without its location, with the rule it rests on.
pub(super) fn body(finding: &Finding, lang: Lang, f: &dyn NumberFormat) -> String {
    let sv = lang == Lang::Sv;
    let kr = |d: Decimal| f.kr(d);
    let pct = |d: Decimal| f.percent(d);
    match &finding.detail {
        Detail::SumMismatch {
            label,
            declared,
            computed,
            rounding,
            uses_declared,
        } => {
            let gap = kr((*declared - *computed).abs());
            let (declared, computed) = (kr(*declared), kr(*computed));
            match (sv, rounding, uses_declared) {
                (true, true, true) => format!(
                    "«{label}» anger {declared} men raderna summerar till {computed}: {gap} avrundning i källan. Beräkningen använder den angivna summan."
                ),
                (true, true, false) => format!(
                    "«{label}» anger {declared} men beräkningen ger {computed}: {gap} avrundning i källan."
                ),
                (true, false, _) => format!(
                    "«{label}» anger {declared} men beräkningen ger {computed}: skillnaden {gap} är mer än avrundning. Kontrollera raderna; beräkningen använder det beräknade beloppet."
                ),
                (false, true, true) => format!(
                    "“{label}” states {declared} but the rows add up to {computed}: {gap} of rounding in the source. The calculation uses the stated total."
                ),
                (false, true, false) => format!(
                    "“{label}” states {declared} but the calculation gives {computed}: {gap} of rounding in the source."
                ),
                (false, false, _) => format!(
                    "“{label}” states {declared} but the calculation gives {computed}: the gap of {gap} is more than rounding. Check the rows; the calculation uses the computed figure."
                ),
            }
        }
        Detail::RegionVsKommuner {
            region,
            kommuner,
            period,
        } => {
            let gap = (*kommuner - *region).abs();
            let base = if sv {
                format!(
                    "Kommunerna bidrar med {} och regionen med {}: skillnad {}. Finsam 5 §: regionen och kommunerna bidrar med en fjärdedel var.",
                    kr(*kommuner), kr(*region), kr(gap)
                )
            } else {
                format!(
                    "The municipalities contribute {} and the region {}: a gap of {}. Finsam § 5: the region and the municipalities each pay a quarter.",
                    kr(*kommuner), kr(*region), kr(gap)
                )
            };
            with_period_note(base, *period, sv)
        }
        Detail::StateVsOthers {
            state,
            others,
            period,
        } => {
            let base = if sv {
                format!(
                    "Staten bidrar med {} men regionen och kommunerna tillsammans med {}. Finsam 5 §: staten bidrar med hälften av medlen.",
                    kr(*state), kr(*others)
                )
            } else {
                format!(
                    "The state contributes {} but the region and municipalities together {}. Finsam § 5: the state pays half of the money.",
                    kr(*state), kr(*others)
                )
            };
            with_period_note(base, *period, sv)
        }
        Detail::NegativeEquity { closing } => {
            if sv {
                format!("Eget kapital blir negativt, {} vid årets slut. Finsam 21 §: förbundet får inte skuldsätta sig.", kr(*closing))
            } else {
                format!("Equity turns negative, {} at the end of the year. Finsam § 21: the association may not borrow.", kr(*closing))
            }
        }
        Detail::Deficit {
            result,
            opening,
            closing,
            actual,
        } => {
            let used = kr(result.abs());
            match (sv, actual) {
                (true, false) => format!(
                    "Planerat underskott på {used} förbrukar {used} av det egna kapitalet ({} → {}). KL 11 kap. 5 §: intäkterna ska överstiga kostnaderna; ett underskott mot sparat eget kapital ska vara tillfälligt.",
                    kr(*opening), kr(*closing)
                ),
                (true, true) => format!(
                    "Utfallet visar ett underskott på {used} som förbrukade {used} av det egna kapitalet ({} → {}). KL 11 kap. 5 §.",
                    kr(*opening), kr(*closing)
                ),
                (false, false) => format!(
                    "A planned deficit of {used} uses {used} of equity ({} → {}). KL ch. 11 § 5: income shall exceed costs; a deficit against saved equity must be temporary.",
                    kr(*opening), kr(*closing)
                ),
                (false, true) => format!(
                    "The actuals show a deficit of {used}, which used {used} of equity ({} → {}). KL ch. 11 § 5.",
                    kr(*opening), kr(*closing)
                ),
            }
        }
        Detail::OpeningEquityMissing => {
            if sv {
                "Ingående eget kapital saknas för första året; beräkningen utgår från 0 kr. Lägg till en rad «Balanserat resultat». Utgående eget kapital = ingående + intäkter − kostnader.".into()
            } else {
                "Opening equity is missing for the first year; the calculation starts from 0 kr. Add a row “Balanserat resultat”. Closing equity = opening + income − costs.".into()
            }
        }
        Detail::OpeningEquityDiffers { table, chain } => {
            if sv {
                format!(
                "Tabellen anger ingående eget kapital {} men föregående års utgående eget kapital är {} (skillnad {}). Beräkningen använder tabellens belopp.",
                kr(*table), kr(*chain), kr((*table - *chain).abs())
            )
            } else {
                format!(
                "The table gives opening equity {} but last year's closing equity is {} (a gap of {}). The calculation uses the table's figure.",
                kr(*table), kr(*chain), kr((*table - *chain).abs())
            )
            }
        }
        Detail::Unmatched {
            binding,
            region,
            kommuner,
            state_offer,
            state_needed,
        } => {
            let mut parts = Vec::new();
            if !kommuner.is_zero() {
                parts.push(if sv {
                    format!("{} från kommunerna", kr(*kommuner))
                } else {
                    format!("{} from the municipalities", kr(*kommuner))
                });
            }
            if !region.is_zero() {
                parts.push(if sv {
                    format!("{} från regionen", kr(*region))
                } else {
                    format!("{} from the region", kr(*region))
                });
            }
            let what = parts.join(if sv { " och " } else { " and " });
            match (binding, sv) {
                (Binding::State, true) => format!(
                    "Statens utrymme är fullt utnyttjat — höjningen kan inte matchas: {what} blir omatchat. Staten skulle behöva erbjuda {} (utrymme i dag {}). Finsam 5 §: staten bidrar med hälften, bara i den mån regionen och kommunerna matchar.",
                    kr(*state_needed), kr(*state_offer)
                ),
                (Binding::State, false) => format!(
                    "The state's allocation is fully used — the increase cannot be matched: {what} stays unmatched. The state would have to offer {} (today {}). Finsam § 5: the state pays half, only as far as the region and municipalities match it.",
                    kr(*state_needed), kr(*state_offer)
                ),
                (Binding::Region, true) => format!(
                    "Regionen följer inte med — {what} kan inte matchas. Finsam 5 §: regionen bidrar med en fjärdedel, lika mycket som kommunerna tillsammans."
                ),
                (Binding::Region, false) => format!(
                    "The region does not follow — {what} cannot be matched. Finsam § 5: the region pays a quarter, as much as the municipalities together."
                ),
                (Binding::Kommuner, true) => format!(
                    "Kommunerna följer inte med — {what} kan inte matchas. Finsam 5 §: kommunerna bidrar tillsammans med en fjärdedel, lika mycket som regionen."
                ),
                (Binding::Kommuner, false) => format!(
                    "The municipalities do not follow — {what} cannot be matched. Finsam § 5: the municipalities together pay a quarter, as much as the region."
                ),
            }
        }
        Detail::KeyDeviation {
            kommun,
            share_pct,
            key_pct,
        } => {
            if sv {
                format!(
                "{kommun} står för {} av kommunernas del men fördelningsnyckeln säger {}: fördelningen avviker från fördelningsnyckeln. Finsam 5 §: kommunernas fjärdedel fördelas som de kommer överens om i förbundsordningen.",
                pct(*share_pct), pct(*key_pct)
            )
            } else {
                format!(
                "{kommun} pays {} of the municipalities' part but the split key says {}: the split departs from the key. Finsam § 5: the municipalities share their quarter as the charter says.",
                pct(*share_pct), pct(*key_pct)
            )
            }
        }
        Detail::EquityHigh {
            equity,
            pct: p,
            guideline_pct,
        } => {
            if sv {
                format!(
                "Eget kapital {} är {} av årets medlemsbidrag, över förbundets riktlinje {}. Nationella rådet rekommenderar en skälig nivå; Försäkringskassan kan sänka statens medel när den överskrids.",
                kr(*equity), pct(*p), pct(*guideline_pct)
            )
            } else {
                format!(
                "Equity of {} is {} of the year's member contributions, above the association's guideline of {}. The national council recommends a reasonable level; the state may lower its allocation when it is exceeded.",
                kr(*equity), pct(*p), pct(*guideline_pct)
            )
            }
        }
        Detail::UnknownRow { label } => {
            if sv {
                format!("«{label}» känns inte igen och räknas inte in. Ange vad raden är: medlem, intäkt, eget kapital eller kostnad.")
            } else {
                format!("“{label}” is not recognised and is left out. Say what the row is: member, income, equity or cost.")
            }
        }
        Detail::AmbiguousRow { .. }
        | Detail::DuplicateRow { .. }
        | Detail::BadCell { .. }
        | Detail::ColumnIgnored { .. }
        | Detail::NotesColumn { .. }
        | Detail::HeadingAssumed { .. }
        | Detail::UnitRead { .. }
        | Detail::UnitConflict { .. }
        | Detail::UnitUnstated { .. }
        | Detail::CostsNegative => super::import_words::body(finding, lang, f),
        Detail::BalanceColumn { equity } => {
            if sv {
                format!("Kolumnen har bara eget kapital, {}: den läses som balansen som förs över till nästa kolumn, inte som ett år utan intäkter.", kr(*equity))
            } else {
                format!("The column holds nothing but equity, {}: it is read as the balance brought into the next column, not as a year without income.", kr(*equity))
            }
        }
        Detail::OpeningDerived {
            closing,
            result,
            opening,
        } => {
            let (c, o) = (kr(*closing), kr(*opening));
            // Less a deficit is plus its size: "1 000 kr + 150 000 kr".
            let less = match result.is_sign_negative() {
                true => format!("+ {}", kr(result.abs())),
                false => format!("− {}", kr(*result)),
            };
            if sv {
                format!("Tabellen anger inget ingående eget kapital men utgående {c}; ingående eget kapital räknas fram som utgående minus årets beräknade resultat: {c} {less} = {o}.")
            } else {
                format!("The table gives no opening equity but a closing equity of {c}; the opening equity is taken as the closing less the year's computed result: {c} {less} = {o}.")
            }
        }
        Detail::YearGap { from, to } => {
            if sv {
                format!("åren {from} och {to} följer inte på varandra; det egna kapitalet kedjas ändå från {from} till {to}.")
            } else {
                format!("the years {from} and {to} are not consecutive; equity is chained from {from} to {to} all the same.")
            }
        }
        Detail::Worded { sv: text, en } => {
            if sv {
                text.clone()
            } else {
                en.clone()
            }
        }
    }
}

fn with_period_note(base: String, period: bool, sv: bool) -> String {
    if !period {
        return base;
    }
    if sv {
        base + " Delårsutfall: betalningarna kan vara periodiserade."
    } else {
        base + " Period-to-date actual: payments may be spread over the year."
    }
}
