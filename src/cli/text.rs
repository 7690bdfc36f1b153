//! Tables for people: aligned columns, Swedish number format, findings in
//! plain words.

use finsam_kalkyl::engine::{
    analysis::ColumnFigures,
    explain::explain,
    money,
    report::{self, Figure, Style},
    scenario::ScenarioOutcome,
    Analysis, Finding, Imported, Lang, NumberFormat, OpeningSource, Scenario, SwedishFormat,
};
use finsam_kalkyl::words::{self as crate_words, Say};
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
/// report, and the headline's sentences from `finsam_kalkyl::words`, both
/// shared with the browser.
pub(super) struct Words {
    // The CLI's own refusals (the engine's are worded in `crate::words`).
    pub(super) need_member: &'static str,
    pub(super) need_change: &'static str,
    pub(super) cannot_read: &'static str,
    pub(super) cannot_write: &'static str,
    pub(super) cannot_write_workbook: &'static str,
    pub(super) not_found: &'static str,
    pub(super) denied: &'static str,
    pub(super) inaccessible: &'static str,
    chained_note: &'static str,
    missing: &'static str,
    findings: &'static str,
    no_findings: &'static str,
    change: &'static str,
    total_funding: &'static str,
    equity_end: &'static str,
    first_deficit: &'static str,
    first_negative: &'static str,
    none: &'static str,
    floor: &'static str,
    in_every_year: &'static str,
    room_intro: &'static str,
    room: &'static str,
    baseline: &'static str,
    with_change: &'static str,
    change_head: &'static str,
}

const SV: Words = Words {
    need_member: "ange --member, och --delta eller --percent",
    need_change: "ange --delta eller --percent",
    cannot_read: "kan inte läsa",
    cannot_write: "kan inte skriva",
    cannot_write_workbook: "kan inte skriva arbetsboken",
    not_found: "filen eller mappen finns inte",
    denied: "behörighet saknas",
    inaccessible: "filen gick inte att komma åt",
    chained_note: "* = kedjad kolumn: årets bästa siffra (utfall före prognos före budget före plan).\n  Eget kapital förs vidare från den ena kedjade kolumnen till nästa.",
    missing: " (saknas, 0 antaget)",
    findings: "Fynd",
    no_findings: "Inga fynd: summorna stämmer, fördelningen följer Finsam 5 § och eget kapital är positivt.",
    change: "  förändring",
    total_funding: "Total finansiering",
    equity_end: "Eget kapital vid planens slut",
    first_deficit: "Första år med underskott",
    first_negative: "Första år med negativt eget kapital",
    none: "inget",
    floor: "Golv för eget kapital",
    in_every_year: "i varje år",
    room_intro: "Utrymme för nya insatser (kr per år, från året till planens slut):",
    room: "Utrymme",
    baseline: "Utgångsläge",
    with_change: "Med ändringen",
    change_head: "Förändring",
};

const EN: Words = Words {
    need_member: "give --member, and --delta or --percent",
    need_change: "give --delta or --percent",
    cannot_read: "cannot read",
    cannot_write: "cannot write",
    cannot_write_workbook: "cannot write the workbook",
    not_found: "the file or folder does not exist",
    denied: "permission denied",
    inaccessible: "the file could not be accessed",
    chained_note: "* = chained column: the year's best figure (actual before forecast before budget before plan).\n  Equity carries from one chained column to the next.",
    missing: " (missing, 0 assumed)",
    findings: "Findings",
    no_findings: "No findings: totals add up, the split follows Finsam § 5 and equity stays positive.",
    change: "  change",
    total_funding: "Total funding",
    equity_end: "Equity at the end of the plan",
    first_deficit: "First year with a deficit",
    first_negative: "First year with negative equity",
    none: "none",
    floor: "Equity floor",
    in_every_year: "in every year",
    room_intro: "Room for new insatser (kr a year, from the year to the end of the plan):",
    room: "Room",
    baseline: "Baseline",
    with_change: "With the change",
    change_head: "Change",
};

pub(super) fn words(lang: Lang) -> &'static Words {
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
    let mut out = format!(
        "{}\n{}\n\n",
        base.title,
        crate_words::describe(base, scenario, outcome.from_year, lang, &SwedishFormat).replace('\u{a0}', " ")
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
    both(&mut t, w.total_funding, &|c| c.members_total);
    let l = report::labels(lang);
    both(&mut t, l.total_costs, &|c| c.costs);
    both(&mut t, l.result, &|c| c.result);
    both(&mut t, l.closing, &|c| c.closing_equity);
    out.push_str(&t.render());
    out.push('\n');

    for line in headline(base, scenario, outcome, lang) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    let source = finsam_kalkyl::engine::scenario::visible_findings(&imported.findings, base, outcome);
    out.push_str(&findings_text(w.findings, &source, lang));
    out
}

/// The sentences a politician reads first: the page's headline, in the
/// page's words.
pub fn headline(base: &Analysis, scenario: &Scenario, outcome: &ScenarioOutcome, lang: Lang) -> Vec<String> {
    let w = words(lang);
    let fmt = SwedishFormat;
    let k = |v: Decimal| fmt.kr(v);
    let s = |v: Decimal| fmt.signed_kr(v);
    let mut lines = Vec::new();
    let from = outcome.from_year;
    if let Some(i) = base.chained_column(from) {
        let (b, n) = (&base.columns[i], &outcome.columns[i]);
        lines.push(format!(
            "{} {from}: {} ({}).",
            w.total_funding,
            k(n.members_total),
            s(n.members_total - b.members_total)
        ));
    }
    let explanation = explain(base, scenario, outcome);
    let lever = explanation.lever.say(lang, &fmt);
    if !lever.is_empty() {
        lines.push(lever);
    }
    if let Some(short) = &explanation.shortfall {
        lines.push(short.say(lang, &fmt));
    }
    if !explanation.asks.is_empty() {
        let asks: Vec<String> = explanation
            .asks
            .iter()
            .map(|a| {
                format!(
                    "{} {}{}",
                    a.member,
                    s(a.amount),
                    crate_words::ask_note(a, lang, &fmt)
                )
            })
            .collect();
        lines.push(format!(
            "{}: {}.",
            crate_words::asks_heading(from, lang),
            asks.join("; ")
        ));
    }
    if let (Some(b), Some(n)) = (base.last_chained(), outcome.last_chained(base)) {
        lines.push(format!(
            "{} ({}): {} ({}).",
            w.equity_end,
            n.year,
            k(n.closing_equity),
            s(n.closing_equity - b.closing_equity)
        ));
    }
    let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_else(|| w.none.into());
    lines.push(format!(
        "{}: {}. {}: {}.",
        w.first_deficit,
        year(outcome.first_deficit_year(base)),
        w.first_negative,
        year(outcome.first_negative_equity_year(base))
    ));
    lines.into_iter().map(|l| l.replace('\u{a0}', " ")).collect()
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
    let w = words(lang);
    let fmt = SwedishFormat;
    let mut out = format!("{}\n", r.base.title);
    out.push_str(&format!(
        "{}: {} {}.\n\n",
        w.floor,
        fmt.kr(r.floor),
        w.in_every_year
    ));
    out.push_str(w.room_intro);
    out.push('\n');
    let mut t = Table::new(vec![w.room.into()]);
    for (year, room) in r.room {
        t.row(
            format!("  {year}"),
            vec![room.map(kr).unwrap_or_else(|| w.none.into())],
        );
    }
    out.push_str(&t.render());
    out.push('\n');
    out.push_str(&crate_words::uniform_goal(r.goal, r.floor, lang, &fmt));
    out.push('\n');
    let rows = r.contributions();
    if !rows.is_empty() {
        let mut t = Table::new(vec![
            format!("{} {}", w.baseline, r.goal.from),
            w.with_change.into(),
            w.change_head.into(),
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
        out.push_str(&crate_words::member_goal(
            name,
            answer.as_ref().map(|a| a.0),
            lang,
            &fmt,
        ));
        out.push('\n');
    }
    out.replace('\u{a0}', " ")
}
