//! Valid budget tables generated in the shapes förbund publish, what they
//! must read as, and the damage done to them (for `tests/importer.rs`).

use finsam_kalkyl::engine::{money::format_amount_plain, Unit};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A valid table's shape and figures. Amounts are whole steps of the
/// table's precision: 100 kr in kr and tkr tables, 10 000 kr in mnkr.
#[derive(Debug, Clone)]
pub struct Shape {
    pub years: usize,
    /// 0 Utfall, 1 Prognos, 2 Budget, 3 a bare year; then Plan (or bare).
    pub first_kind: u8,
    pub unit: Unit,
    /// 0 the title, 1 every column header, 2 the first cell, 3 a caption.
    pub unit_place: u8,
    /// 0 costs positive, 1 with a minus, 2 in parentheses.
    pub signs: u8,
    /// 0 none, 1 Intäkter/Kostnader, 2 in capitals with subsections.
    pub headings: u8,
    /// 0 plain, 1 "Medlemsavgift …", 2 "Bidrag från …".
    pub label_style: u8,
    pub marks: bool,
    pub regions: usize,
    pub arbetsformedlingen: bool,
    /// 0 semicolon, 1 tab, 2 comma with every cell quoted.
    pub sep: u8,
    /// 0 an opening row, 1 closing only, 2 both, 3 a balance column, 4 none.
    pub equity: u8,
    pub totals: bool,
    pub kommuner: Vec<[i64; 4]>,
    pub costs: Vec<[i64; 4]>,
    pub extra_equity: i64,
}

const KOMMUNER: [&str; 8] = [
    "Alfa", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta",
];
const COST_LINES: [&str; 5] = [
    "Insatser",
    "Kansli",
    "Styrelse",
    "Revision",
    "Övriga externa kostnader",
];

pub fn shape() -> impl Strategy<Value = Shape> {
    (
        (1usize..=4, 0u8..4, 0usize..3, 0u8..4, 0u8..3, 0u8..3, 0u8..3),
        (
            any::<bool>(),
            1usize..=2,
            any::<bool>(),
            0u8..3,
            0u8..5,
            any::<bool>(),
        ),
        prop::collection::vec(prop::array::uniform4(1i64..20_000), 1..=8),
        prop::collection::vec(prop::array::uniform4(0i64..30_000), 1..=5),
        0i64..50_000,
    )
        .prop_map(|(a, b, kommuner, costs, extra_equity)| Shape {
            years: a.0,
            first_kind: a.1,
            unit: Unit::ALL[a.2],
            unit_place: a.3,
            signs: a.4,
            headings: a.5,
            label_style: a.6,
            marks: b.0,
            regions: b.1,
            arbetsformedlingen: b.2,
            sep: b.3,
            equity: b.4,
            totals: b.5,
            kommuner,
            costs,
            extra_equity,
        })
}

/// What the table must read as, in kronor, per year column.
#[derive(Debug, Clone, PartialEq)]
pub struct Truth {
    pub state: Decimal,
    pub region: Decimal,
    pub costs: Decimal,
    pub opening: Decimal,
    pub closing: Decimal,
}

impl Shape {
    fn step(&self) -> i64 {
        if self.unit == Unit::Mnkr {
            10_000
        } else {
            100
        }
    }

    /// An amount of `steps`, as the table writes it in its unit.
    fn write(&self, steps: i64, cost: bool) -> String {
        let decimals = match self.unit {
            Unit::Kr => 0,
            Unit::Tkr => 1,
            Unit::Mnkr => 2,
        };
        let scale = if self.unit == Unit::Kr { 100 } else { 1 };
        let text = format_amount_plain(Decimal::new((steps * scale).abs(), decimals));
        match (steps < 0 || (cost && steps != 0 && self.signs > 0), self.signs) {
            (false, _) => text,
            (true, 2) => format!("({text})"),
            (true, _) => format!("-{text}"),
        }
    }

    fn kr(&self, steps: i64) -> Decimal {
        Decimal::from(steps * self.step())
    }

    fn region_side(&self, y: usize) -> i64 {
        self.kommuner.iter().map(|k| k[y]).sum()
    }

    fn costs(&self, y: usize) -> i64 {
        self.costs.iter().map(|c| c[y]).sum()
    }

    fn result(&self, y: usize) -> i64 {
        4 * self.region_side(y) - self.costs(y)
    }

    /// Opening equity of the first year, in steps: enough for every cost,
    /// so equity never turns negative.
    fn opening(&self) -> i64 {
        (0..self.years).map(|y| self.costs(y)).sum::<i64>() + self.extra_equity
    }

    fn closing(&self, y: usize) -> i64 {
        self.opening() + (0..=y).map(|i| self.result(i)).sum::<i64>()
    }

    pub fn truth(&self) -> Vec<Truth> {
        (0..self.years)
            .map(|y| Truth {
                state: self.kr(2 * self.region_side(y)),
                region: self.kr(self.region_side(y)),
                costs: self.kr(self.costs(y)),
                opening: if self.equity == 4 {
                    self.kr(self.closing(y) - self.opening() - self.result(y))
                } else {
                    self.kr(self.closing(y) - self.result(y))
                },
                closing: if self.equity == 4 {
                    self.kr(self.closing(y) - self.opening())
                } else {
                    self.kr(self.closing(y))
                },
            })
            .collect()
    }

    pub fn render(&self) -> String {
        let sep = [";", "\t", ","][self.sep as usize];
        let quote = |c: String| if self.sep == 2 { format!("\"{c}\"") } else { c };
        let unit = self.unit.abbreviation();
        let written = self.unit != Unit::Kr || self.unit_place == 1;
        let mut lines: Vec<Vec<String>> = Vec::new();
        if written && self.unit_place == 3 {
            lines.push(vec![format!("Belopp i {unit}")]);
        }
        let title = match (written, self.unit_place) {
            (true, 0) => format!("Samordningsförbundet Prov ({unit})"),
            (true, 2) => format!("Belopp i {unit}"),
            _ => "Samordningsförbundet Prov".to_string(),
        };
        let mut header = vec![title];
        if self.equity == 3 {
            header.push("Utfall 2029".into());
        }
        for y in 0..self.years {
            let kind = match (y, self.first_kind) {
                (_, 3) => String::new(),
                (0, 0) => "Utfall ".into(),
                (0, 1) => "Prognos ".into(),
                (0, _) => "Budget ".into(),
                _ => "Plan ".into(),
            };
            let suffix = if written && self.unit_place == 1 {
                format!(" {unit}")
            } else {
                String::new()
            };
            header.push(format!("{kind}{}{suffix}", 2030 + y));
        }
        lines.push(header);
        let balance = usize::from(self.equity == 3);
        let mut row = |label: &str, values: &dyn Fn(usize) -> Option<String>, before: Option<String>| {
            let mut cells = vec![label.to_string()];
            if balance == 1 {
                cells.push(before.unwrap_or_default());
            }
            cells.extend((0..self.years).map(|y| values(y).unwrap_or_default()));
            lines.push(cells);
        };
        let caps = |s: &str| {
            if self.headings == 2 {
                s.to_uppercase()
            } else {
                s.to_string()
            }
        };
        if self.headings > 0 {
            row(&caps("Intäkter"), &|_| None, None);
        }
        let member = |name: &str, mark: &str| {
            let prefix = ["", "Medlemsavgift ", "Bidrag från "][self.label_style as usize];
            let mark = if self.marks { mark } else { "" };
            format!("{prefix}{name}{mark}")
        };
        if self.arbetsformedlingen {
            row(
                &member("Arbetsförmedlingen", ""),
                &|y| (y == 0).then(|| "0".into()),
                None,
            );
        }
        row(
            &member("Försäkringskassan", "*"),
            &|y| Some(self.write(2 * self.region_side(y), false)),
            None,
        );
        let half = |y: usize| self.region_side(y) / 2;
        if self.regions == 2 {
            row(
                &member("Region Norr", " 1)"),
                &|y| Some(self.write(half(y), false)),
                None,
            );
            let rest = |y: usize| self.region_side(y) - half(y);
            row(
                &member("Västra Götalandsregionen", ""),
                &|y| Some(self.write(rest(y), false)),
                None,
            );
        } else {
            row(
                &member("Region Norr", " 1)"),
                &|y| Some(self.write(self.region_side(y), false)),
                None,
            );
        }
        for (k, amounts) in self.kommuner.iter().enumerate() {
            let name = format!("{} kommun", KOMMUNER[k]);
            row(
                &member(&name, "²"),
                &|y| Some(self.write(amounts[y], false)),
                None,
            );
        }
        if self.totals {
            row(
                "Summa intäkter",
                &|y| Some(self.write(4 * self.region_side(y), false)),
                None,
            );
        }
        if self.headings > 0 {
            row(&caps("Kostnader"), &|_| None, None);
        }
        for (j, amounts) in self.costs.iter().enumerate() {
            row(COST_LINES[j], &|y| Some(self.write(amounts[y], true)), None);
        }
        if self.totals {
            row(
                "Summa kostnader",
                &|y| Some(self.write(self.costs(y), true)),
                None,
            );
            row(
                "Årets resultat",
                &|y| Some(self.write(self.result(y), false)),
                None,
            );
        }
        let opening = Some(self.write(self.opening(), false));
        match self.equity {
            0 => row(
                "Ingående eget kapital",
                &|y| (y == 0).then(|| opening.clone().unwrap()),
                None,
            ),
            1 => row(
                "Eget kapital",
                &|y| Some(self.write(self.closing(y), false)),
                None,
            ),
            2 => {
                row(
                    "Eget kapital vid årets början",
                    &|y| (y == 0).then(|| opening.clone().unwrap()),
                    None,
                );
                row(
                    "Eget kapital vid årets slut",
                    &|y| Some(self.write(self.closing(y), false)),
                    None,
                );
            }
            3 => row(
                "Eget kapital",
                &|y| Some(self.write(self.closing(y), false)),
                opening,
            ),
            _ => {}
        }
        lines
            .into_iter()
            .map(|cells| cells.into_iter().map(quote).collect::<Vec<_>>().join(sep))
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }
}

/// Damage done to a valid table: a cell, a label, a separator, the unit.
#[derive(Debug, Clone)]
pub enum Damage {
    Cell(prop::sample::Index, prop::sample::Index, String),
    Label(prop::sample::Index, String),
    Separator(prop::sample::Index, char),
    Unit(String),
    DropLine(prop::sample::Index),
    Insert(prop::sample::Index, String),
}

pub fn damage() -> impl Strategy<Value = Damage> {
    let junk = prop::sample::select(vec![
        "x", "12,3,4", "1.2.3", "--", "(", "se not", "", "1 000 kr", "−", "\"",
    ]);
    prop_oneof![
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            junk.clone()
        )
            .prop_map(|(l, c, j)| Damage::Cell(l, c, j.into())),
        (
            any::<prop::sample::Index>(),
            prop::sample::select(vec![
                "",
                "???",
                "Okänd post",
                "Summa",
                "Kostnader",
                "Eget kapital",
                "2031"
            ])
        )
            .prop_map(|(l, j)| Damage::Label(l, j.into())),
        (
            any::<prop::sample::Index>(),
            prop::sample::select(vec![';', '\t', ','])
        )
            .prop_map(|(l, c)| Damage::Separator(l, c)),
        prop::sample::select(vec!["tkr", "mnkr", "kr", "", "Mkr"]).prop_map(|u| Damage::Unit(u.into())),
        any::<prop::sample::Index>().prop_map(Damage::DropLine),
        (any::<prop::sample::Index>(), "[0-9a-zåäö;\t\" ,()−-]{0,4}")
            .prop_map(|(at, s)| Damage::Insert(at, s)),
    ]
}

pub fn apply(text: &str, sep: char, damage: &Damage) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    match damage {
        Damage::Cell(l, c, junk) => {
            let n = lines.len();
            let line = &mut lines[l.index(n)];
            let mut cells: Vec<String> = line.split(sep).map(str::to_string).collect();
            let i = c.index(cells.len());
            cells[i] = junk.clone();
            *line = cells.join(&sep.to_string());
        }
        Damage::Label(l, junk) => {
            let n = lines.len();
            let line = &mut lines[l.index(n)];
            let mut cells: Vec<String> = line.split(sep).map(str::to_string).collect();
            cells[0] = junk.clone();
            *line = cells.join(&sep.to_string());
        }
        Damage::Separator(l, other) => {
            let n = lines.len();
            let line = &mut lines[l.index(n)];
            *line = line.replace(sep, &other.to_string());
        }
        Damage::Unit(unit) => {
            for line in &mut lines {
                for written in ["tkr", "mnkr", "(kr)"] {
                    *line = line.replace(written, unit);
                }
            }
        }
        Damage::DropLine(l) => {
            if lines.len() > 1 {
                lines.remove(l.index(lines.len()));
            }
        }
        Damage::Insert(at, s) => {
            let mut text = lines.join("\n");
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            text.insert_str(i, s);
            return text;
        }
    }
    lines.join("\n")
}
