//! Tables for people: aligned columns, Swedish number format, findings in
//! plain words.

use finsam_kalkyl::engine::{
    analysis::ColumnFigures,
    money,
    report::{self, Figure, Style},
    scenario::{describe, ScenarioOutcome},
    Analysis, Finding, Imported, Lang, NumberFormat, OpeningSource, Scenario, SwedishFormat,
};
use rust_decimal::Decimal;

fn kr(v: Decimal) -> String {
    money::format_amount_plain(v)
}

fn signed(v: Decimal) -> String {
    if v > Decimal::ZERO {
        format!("+{}", kr(v))
    } else {
        kr(v)
    }
}

fn pct(v: Option<Decimal>) -> String {
    v.map(|p| money::format_percent(p).replace('\u{a0}', " "))
        .unwrap_or_else(|| "–".into())
}

enum Line {
    Heading(String),
    Row(String, Vec<String>),
    Blank,
}

struct Table {
    headers: Vec<String>,
    lines: Vec<Line>,
}

impl Table {
    fn new(headers: Vec<String>) -> Table {
        Table {
            headers,
            lines: Vec::new(),
        }
    }

    fn heading(&mut self, s: &str) {
        self.lines.push(Line::Heading(s.to_string()));
    }

    fn row(&mut self, label: impl Into<String>, cells: Vec<String>) {
        self.lines.push(Line::Row(label.into(), cells));
    }

    fn blank(&mut self) {
        self.lines.push(Line::Blank);
    }

    fn render(&self) -> String {
        const MAX_LABEL: usize = 40;
        let width = |s: &str| s.chars().count();
        let label_w = self
            .lines
            .iter()
            .map(|l| match l {
                Line::Row(label, _) => width(label).min(MAX_LABEL),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
            .max(12);
        let mut col_w: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for line in &self.lines {
            if let Line::Row(_, cells) = line {
                for (w, c) in col_w.iter_mut().zip(cells) {
                    *w = (*w).max(width(c));
                }
            }
        }
        let pad_left = |s: &str, w: usize| format!("{}{s}", " ".repeat(w.saturating_sub(width(s))));
        let mut out = String::new();
        out.push_str(&" ".repeat(label_w));
        for (h, w) in self.headers.iter().zip(&col_w) {
            out.push_str("  ");
            out.push_str(&pad_left(h, *w));
        }
        out.push('\n');
        for line in &self.lines {
            match line {
                Line::Heading(h) => {
                    out.push_str(h);
                    out.push('\n');
                }
                Line::Blank => out.push('\n'),
                Line::Row(label, cells) => {
                    let label: String = if width(label) > MAX_LABEL {
                        label.chars().take(MAX_LABEL - 1).collect::<String>() + "…"
                    } else {
                        label.clone()
                    };
                    out.push_str(&label);
                    out.push_str(&" ".repeat(label_w - width(&label)));
                    for (c, w) in cells.iter().zip(&col_w) {
                        out.push_str("  ");
                        out.push_str(&pad_left(c, *w));
                    }
                    out.push('\n');
                }
            }
        }
        out
    }
}

/// Words of the CLI's own; the table's row labels come from the engine's
/// report, shared with the browser and the exports.
struct Words {
    chained_note: &'static str,
    missing: &'static str,
    findings: &'static str,
    no_findings: &'static str,
    change: &'static str,
}

const SV: Words = Words {
    chained_note: "* = kedjad kolumn: årets bästa siffra (utfall före prognos före budget före plan).\n  Eget kapital förs vidare från den ena kedjade kolumnen till nästa.",
    missing: " (saknas, 0 antaget)",
    findings: "Fynd",
    no_findings: "Inga fynd: summorna stämmer, fördelningen följer Finsam 5 § och eget kapital är positivt.",
    change: "  förändring",
};

const EN: Words = Words {
    chained_note: "* = chained column: the year's best figure (actual before forecast before budget before plan).\n  Equity carries from one chained column to the next.",
    missing: " (missing, 0 assumed)",
    findings: "Findings",
    no_findings: "No findings: totals add up, the split follows Finsam § 5 and equity stays positive.",
    change: "  change",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

fn header(c: &ColumnFigures) -> String {
    if c.chained {
        format!("{}*", c.label)
    } else {
        c.label.clone()
    }
}

fn figures_table(analysis: &Analysis, columns: &[ColumnFigures], indices: &[usize], lang: Lang) -> Table {
    let w = words(lang);
    let mut t = Table::new(indices.iter().map(|&i| header(&columns[i])).collect());
    let missing = |i: usize| columns[i].opening_source == OpeningSource::Missing;
    for row in report::rows(analysis, columns, indices, lang) {
        let cells: Vec<String> = row
            .cells
            .iter()
            .zip(indices)
            .map(|((_, figure), &i)| match figure {
                Figure::Money(v) if row.label == report::labels(lang).opening && missing(i) => {
                    format!("{}{}", kr(*v), w.missing)
                }
                Figure::Money(v) => kr(*v),
                Figure::Percent(p) => pct(*p),
            })
            .collect();
        match row.style {
            Style::Group => {
                t.blank();
                t.heading(&row.label);
            }
            Style::Line | Style::Item if !row.label.is_empty() => t.row(format!("  {}", row.label), cells),
            _ => t.row(row.label, cells),
        }
    }
    t
}

fn findings_text(title: &str, findings: &[&Finding], lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    if findings.is_empty() {
        out.push_str(w.no_findings);
        out.push('\n');
        return out;
    }
    out.push_str(&format!("{title} ({}):\n", findings.len()));
    for f in findings {
        out.push_str(&format!(
            "  [{}] {} · {}\n",
            f.severity.name(lang),
            f.code.as_str(),
            f.message(lang, &SwedishFormat).replace('\u{a0}', " ")
        ));
    }
    out
}

pub fn check(imported: &Imported, analysis: &Analysis, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("{}\n\n", analysis.title);
    let all: Vec<usize> = (0..analysis.columns.len()).collect();
    out.push_str(&figures_table(analysis, &analysis.columns, &all, lang).render());
    out.push('\n');
    out.push_str(w.chained_note);
    out.push_str("\n\n");
    let findings: Vec<&Finding> = imported.findings.iter().chain(&analysis.findings).collect();
    out.push_str(&findings_text(w.findings, &findings, lang));
    out
}

pub fn scenario(
    imported: &Imported,
    base: &Analysis,
    scenario: &Scenario,
    outcome: &ScenarioOutcome,
    lang: Lang,
) -> String {
    let w = words(lang);
    let sv = lang == Lang::Sv;
    let mut out = format!(
        "{}\n{}\n\n",
        base.title,
        describe(base, scenario, outcome.from_year, lang, &SwedishFormat).replace('\u{a0}', " ")
    );

    let cols: Vec<usize> = base.chain.clone();
    let mut t = Table::new(cols.iter().map(|&i| base.columns[i].label.clone()).collect());
    let both = |t: &mut Table, label: &str, f: &dyn Fn(&ColumnFigures) -> Decimal| {
        t.row(label, cols.iter().map(|&i| kr(f(&outcome.columns[i]))).collect());
        t.row(
            w.change,
            cols.iter()
                .map(|&i| signed(f(&outcome.columns[i]) - f(&base.columns[i])))
                .collect(),
        );
    };
    for (k, name) in base.kommun_names.iter().enumerate() {
        both(&mut t, name, &|c| c.kommuner[k]);
    }
    both(&mut t, &base.region_name, &|c| c.region);
    both(&mut t, &base.state_name, &|c| c.state);
    both(
        &mut t,
        if sv { "Total finansiering" } else { "Total funding" },
        &|c| c.members_total,
    );
    let l = report::labels(lang);
    both(&mut t, l.total_costs, &|c| c.costs);
    both(&mut t, l.result, &|c| c.result);
    both(&mut t, l.closing, &|c| c.closing_equity);
    out.push_str(&t.render());
    out.push('\n');

    for line in headline(base, outcome, lang) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    let source = finsam_kalkyl::engine::scenario::visible_findings(&imported.findings, base, outcome);
    out.push_str(&findings_text(w.findings, &source, lang));
    out
}

/// The sentences a politician reads first.
pub fn headline(base: &Analysis, outcome: &ScenarioOutcome, lang: Lang) -> Vec<String> {
    let sv = lang == Lang::Sv;
    let fmt = SwedishFormat;
    let k = |v: Decimal| fmt.kr(v).replace('\u{a0}', " ");
    let s = |v: Decimal| format!("{} kr", signed(v));
    let mut lines = Vec::new();
    let from = outcome.from_year;
    if let Some(i) = base.chained_column(from) {
        let (b, n) = (&base.columns[i], &outcome.columns[i]);
        lines.push(if sv {
            format!(
                "Total finansiering {from}: {} ({}).",
                k(n.members_total),
                s(n.members_total - b.members_total)
            )
        } else {
            format!(
                "Total funding {from}: {} ({}).",
                k(n.members_total),
                s(n.members_total - b.members_total)
            )
        });
    }
    if let Some(lev) = &outcome.leverage {
        match (lev.per_krona, sv) {
            (Some(per), true) => lines.push(format!(
                "Varje krona från {} ger {} kr till förbundet ({} betalar {}, förbundet får {}).",
                lev.member,
                money::format_amount_plain(per),
                lev.member,
                s(lev.member_delta),
                s(lev.total_delta)
            )),
            (Some(per), false) => lines.push(format!(
                "Every krona from {} brings {} kr to the association ({} pays {}, the association gets {}).",
                lev.member,
                money::format_amount_plain(per),
                lev.member,
                s(lev.member_delta),
                s(lev.total_delta)
            )),
            (None, true) => lines.push(format!(
                "Höjningen från {} ger inget {from}: den kan inte matchas (se fynden).",
                lev.member
            )),
            (None, false) => lines.push(format!(
                "The increase from {} brings nothing in {from}: it cannot be matched (see the findings).",
                lev.member
            )),
        }
        if let (Some(per_k), Some(per)) = (lev.per_kommun_krona, lev.per_krona) {
            if per_k != per {
                lines.push(if sv {
                    format!(
                        "Varje krona från kommunsidan ger {} kr.",
                        money::format_amount_plain(per_k)
                    )
                } else {
                    format!(
                        "Every krona from the municipal side brings {} kr.",
                        money::format_amount_plain(per_k)
                    )
                });
            }
        }
    }
    let asks: Vec<String> = outcome
        .asks
        .iter()
        .filter(|a| !a.offer_delta.is_zero() || !a.paid_delta.is_zero())
        .map(|a| format!("{} {}", a.member, s(a.offer_delta)))
        .collect();
    if !asks.is_empty() {
        lines.push(if sv {
            format!("Det kräver av de andra {from}: {}.", asks.join("; "))
        } else {
            format!("It asks of the others in {from}: {}.", asks.join("; "))
        });
    }
    if let (Some(b), Some(n)) = (base.last_chained(), outcome.last_chained(base)) {
        lines.push(if sv {
            format!(
                "Eget kapital vid planens slut ({}): {} ({}).",
                n.year,
                k(n.closing_equity),
                s(n.closing_equity - b.closing_equity)
            )
        } else {
            format!(
                "Equity at the end of the plan ({}): {} ({}).",
                n.year,
                k(n.closing_equity),
                s(n.closing_equity - b.closing_equity)
            )
        });
    }
    let year = |y: Option<i32>| {
        y.map(|y| y.to_string())
            .unwrap_or_else(|| if sv { "inget".into() } else { "none".into() })
    };
    lines.push(if sv {
        format!(
            "Första år med underskott: {}. Första år med negativt eget kapital: {}.",
            year(outcome.first_deficit_year(base)),
            year(outcome.first_negative_equity_year(base))
        )
    } else {
        format!(
            "First year with a deficit: {}. First year with negative equity: {}.",
            year(outcome.first_deficit_year(base)),
            year(outcome.first_negative_equity_year(base))
        )
    });
    lines
}

/// What `goal` found, for the text and JSON reports.
pub struct GoalReport<'a> {
    pub base: &'a Analysis,
    pub imported: &'a Imported,
    pub floor: Decimal,
    pub goal: &'a finsam_kalkyl::engine::planning::UniformGoal,
    pub room: &'a [(i32, Option<Decimal>)],
    pub member: Option<&'a (String, Option<(Decimal, Scenario)>)>,
    pub options: &'a finsam_kalkyl::engine::Options,
}

impl GoalReport<'_> {
    /// Each party's contribution in the start year, before and after the
    /// uniform change.
    pub fn contributions(&self) -> Vec<(String, Decimal, Decimal)> {
        let Some(scenario) = &self.goal.scenario else {
            return Vec::new();
        };
        let Ok(outcome) =
            finsam_kalkyl::engine::run_scenario(&self.imported.budget, self.base, scenario, self.options)
        else {
            return Vec::new();
        };
        let Some(i) = self.base.chained_column(self.goal.from) else {
            return Vec::new();
        };
        let (b, n) = (&self.base.columns[i], &outcome.columns[i]);
        let mut rows: Vec<(String, Decimal, Decimal)> = self
            .base
            .kommun_names
            .iter()
            .enumerate()
            .map(|(k, name)| (name.clone(), b.kommuner[k], n.kommuner[k]))
            .collect();
        rows.push((self.base.region_name.clone(), b.region, n.region));
        rows.push((self.base.state_name.clone(), b.state, n.state));
        rows
    }
}

pub fn goal(r: &GoalReport, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let k = |v: Decimal| format!("{} kr", kr(v));
    let mut out = format!("{}\n", r.base.title);
    out.push_str(&if sv {
        format!("Golv för eget kapital: {} i varje år.\n\n", k(r.floor))
    } else {
        format!("Equity floor: {} in every year.\n\n", k(r.floor))
    });
    out.push_str(if sv {
        "Utrymme för nya insatser (kr per år, från året till planens slut):\n"
    } else {
        "Room for new insatser (kr a year, from the year to the end of the plan):\n"
    });
    let mut t = Table::new(vec![if sv { "Utrymme".into() } else { "Room".into() }]);
    for (year, room) in r.room {
        let cell = room
            .map(kr)
            .unwrap_or_else(|| if sv { "inget".into() } else { "none".into() });
        t.row(format!("  {year}"), vec![cell]);
    }
    out.push_str(&t.render());
    out.push('\n');
    let from = r.goal.from;
    match (r.goal.percent, sv) {
        (Some(p), true) => out.push_str(&format!(
            "Alla medlemmars bidrag behöver ändras med {} % från {from} för att eget kapital ska vara minst {} varje år.\n",
            signed(p), k(r.floor)
        )),
        (Some(p), false) => out.push_str(&format!(
            "Every member's contribution must change by {} % from {from} for equity to stay at least {} every year.\n",
            signed(p), k(r.floor)
        )),
        (None, _) => {
            let matched = r.goal.percent_if_state_matched.map(|p| format!("{} %", signed(p)));
            let alone = r.goal.unmatched_alone.map(k).unwrap_or_default();
            out.push_str(&if sv {
                format!(
                    "Det går inte: statens utrymme räcker inte, så höjningar kan inte matchas. Om staten matchade allt skulle det krävas {}. Regionen och kommunerna skulle på egen hand behöva tillskjuta {alone} per år; det är omatchade medel och inte tillåtet enligt Finsam 5 §.\n",
                    matched.unwrap_or_else(|| "mer än någon höjning".into())
                )
            } else {
                format!(
                    "It cannot be done: the state's allocation is not enough, so raises cannot be matched. Were the state to match everything, it would take {}. The region and municipalities on their own would have to add {alone} a year; that money is unmatched and not allowed under Finsam § 5.\n",
                    matched.unwrap_or_else(|| "more than any raise".into())
                )
            });
        }
    }
    let rows = r.contributions();
    if !rows.is_empty() {
        let head = |s: &str, e: &str| if sv { s.to_string() } else { e.to_string() };
        let mut t = Table::new(vec![
            format!("{} {from}", head("Utgångsläge", "Baseline")),
            head("Med ändringen", "With the change"),
            head("Förändring", "Change"),
        ]);
        for (name, before, after) in rows {
            t.row(
                format!("  {name}"),
                vec![kr(before), kr(after), signed(after - before)],
            );
        }
        out.push_str(&t.render());
    }
    if let Some((name, answer)) = r.member {
        out.push('\n');
        out.push_str(&match (answer, sv) {
            (Some((x, _)), true) => format!("{name} skulle behöva öka sitt bidrag med {} per år, nyckelbundet med regionen som följer med.\n", k(*x)),
            (Some((x, _)), false) => format!("{name} would have to raise its contribution by {} a year, key-bound with the region following.\n", k(*x)),
            (None, true) => format!("{name} kan inte betala sig dit: statens utrymme räcker inte för att matcha det som skulle behövas.\n"),
            (None, false) => format!("{name} cannot pay its way there: the state's allocation cannot match what it would take.\n"),
        });
    }
    out
}
