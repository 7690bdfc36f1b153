//! Findings: what the engine has to say about a budget, each with a
//! severity, a stable code, where it is, and a message that cites its rule.
//!
//! A finding carries typed figures, not text, so the browser can word it
//! in Swedish or English and format numbers through `Intl`.

use super::model::RowClass;
use super::money::AmountError;
use super::{Lang, NumberFormat};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Sv) => "fel",
            (Severity::Warning, Lang::Sv) => "varning",
            (Severity::Info, Lang::Sv) => "info",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
        }
    }
}

/// Stable codes: tools and tests may depend on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    SumMismatch,
    SplitMismatch,
    NegativeEquity,
    Deficit,
    OpeningEquityMissing,
    OpeningEquityDiffers,
    Unmatched,
    KeyDeviation,
    EquityHigh,
    UnknownRow,
    AmbiguousRow,
    DuplicateRow,
    BadCell,
    ColumnIgnored,
    HeadingAssumed,
    YearGap,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::SumMismatch => "sum-mismatch",
            Code::SplitMismatch => "split-mismatch",
            Code::NegativeEquity => "negative-equity",
            Code::Deficit => "deficit",
            Code::OpeningEquityMissing => "opening-equity-missing",
            Code::OpeningEquityDiffers => "opening-equity-differs",
            Code::Unmatched => "unmatched",
            Code::KeyDeviation => "key-deviation",
            Code::EquityHigh => "equity-high",
            Code::UnknownRow => "unknown-row",
            Code::AmbiguousRow => "ambiguous-row",
            Code::DuplicateRow => "duplicate-row",
            Code::BadCell => "bad-cell",
            Code::ColumnIgnored => "column-ignored",
            Code::HeadingAssumed => "heading-assumed",
            Code::YearGap => "year-gap",
        }
    }
}

/// Which party's offer limits the matched funding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Binding {
    State,
    Region,
    Kommuner,
}

/// The figures behind a finding.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    SumMismatch {
        label: String,
        declared: Decimal,
        computed: Decimal,
        /// At most 1 kr per line summed: rounding in the source.
        rounding: bool,
        /// The engine took the declared figure instead of the computed one.
        uses_declared: bool,
    },
    RegionVsKommuner {
        region: Decimal,
        kommuner: Decimal,
        period: bool,
    },
    StateVsOthers {
        state: Decimal,
        others: Decimal,
        period: bool,
    },
    NegativeEquity {
        closing: Decimal,
    },
    Deficit {
        result: Decimal,
        opening: Decimal,
        closing: Decimal,
        actual: bool,
    },
    OpeningEquityMissing,
    OpeningEquityDiffers {
        table: Decimal,
        chain: Decimal,
    },
    Unmatched {
        binding: Binding,
        region: Decimal,
        kommuner: Decimal,
        state_offer: Decimal,
        state_needed: Decimal,
    },
    KeyDeviation {
        kommun: String,
        share_pct: Decimal,
        key_pct: Decimal,
    },
    EquityHigh {
        equity: Decimal,
        pct: Decimal,
        guideline_pct: Decimal,
    },
    UnknownRow {
        label: String,
    },
    AmbiguousRow {
        label: String,
        chosen: RowClass,
        other: RowClass,
    },
    DuplicateRow {
        label: String,
    },
    BadCell {
        label: String,
        error: AmountError,
    },
    ColumnIgnored {
        header: String,
    },
    HeadingAssumed {
        label: String,
    },
    YearGap {
        from: i32,
        to: i32,
    },
    /// Already worded, in both languages: an import finding as the import
    /// worker sends it to the page (see `import::ImportReply`).
    Worded {
        sv: String,
        en: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    pub code: Code,
    /// The column's label, e.g. `Budget 2024`.
    pub column: Option<String>,
    /// The line in the imported table, 1-based.
    pub line: Option<usize>,
    /// The cell's column in the imported table, 1-based (1 is the labels).
    pub cell: Option<usize>,
    pub detail: Detail,
}

impl Finding {
    pub fn new(severity: Severity, code: Code, detail: Detail) -> Finding {
        Finding {
            severity,
            code,
            column: None,
            line: None,
            cell: None,
            detail,
        }
    }

    pub fn in_column(mut self, label: &str) -> Finding {
        self.column = Some(label.to_string());
        self
    }

    pub fn at(mut self, line: Option<usize>, cell: Option<usize>) -> Finding {
        self.line = line;
        self.cell = cell;
        self
    }

    /// Where, in words: `Rad 5, kolumn 3 (Budget 2024)`.
    pub fn location(&self, lang: Lang) -> String {
        let (row_w, col_w) = match lang {
            Lang::Sv => ("rad", "kolumn"),
            Lang::En => ("row", "column"),
        };
        let mut parts = Vec::new();
        if let Some(line) = self.line {
            parts.push(format!("{row_w} {line}"));
        }
        match (self.cell, &self.column) {
            (Some(cell), Some(label)) => parts.push(format!("{col_w} {cell} ({label})")),
            (Some(cell), None) => parts.push(format!("{col_w} {cell}")),
            (None, Some(label)) => parts.push(label.clone()),
            (None, None) => {}
        }
        super::text::capitalise(&parts.join(", "))
    }

    /// The whole message with its location, as the CLI and JSON give it.
    pub fn message(&self, lang: Lang, f: &dyn NumberFormat) -> String {
        let loc = self.location(lang);
        let body = self.body(lang, f);
        if loc.is_empty() {
            body
        } else {
            format!("{loc}: {body}")
        }
    }

    /// The message without its location, and with the rule it rests on.
    pub fn body(&self, lang: Lang, f: &dyn NumberFormat) -> String {
        let sv = lang == Lang::Sv;
        let kr = |d: Decimal| f.kr(d);
        let pct = |d: Decimal| f.percent(d);
        match &self.detail {
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
