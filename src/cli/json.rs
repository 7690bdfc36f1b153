//! `--json`: the report as JSON. Money is always a plain decimal string
//! ("11172000", "-184500", "9.6"): exact, never a float, no grouping.

use finsam_kalkyl::engine::{
    analysis::ColumnFigures, scenario::ScenarioOutcome, Analysis, Finding, Imported, Lang, Scenario,
    SwedishFormat,
};
use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// A money value as a plain decimal string.
fn m(v: Decimal) -> String {
    v.normalize().to_string()
}

/// Name → amount, in table order (serde_json's `Map` would sort it).
struct Named<'a>(&'a [String], Vec<Decimal>);

impl Serialize for Named<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, v) in self.0.iter().zip(&self.1) {
            map.serialize_entry(name, &m(*v))?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct ColumnJson<'a> {
    label: &'a str,
    kind: finsam_kalkyl::engine::ColumnKind,
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    period_end: Option<&'a str>,
    chained: bool,
    state: String,
    region: String,
    kommuner_total: String,
    kommuner: Named<'a>,
    members_total: String,
    other_income: String,
    income_rounding: String,
    income_total: String,
    costs: String,
    verksamhet_costs: String,
    admin_costs: String,
    cost_rounding: String,
    cost_lines: Named<'a>,
    result: String,
    opening_equity: String,
    opening_equity_source: finsam_kalkyl::engine::OpeningSource,
    closing_equity: String,
    admin_share_pct: Option<String>,
    equity_pct_of_members: Option<String>,
}

fn column<'a>(c: &'a ColumnFigures, base: &'a Analysis, cost_names: &'a [String]) -> ColumnJson<'a> {
    ColumnJson {
        label: &c.label,
        kind: c.kind,
        year: c.year,
        period_end: c.period_end.as_deref(),
        chained: c.chained,
        state: m(c.state),
        region: m(c.region),
        kommuner_total: m(c.kommuner_total),
        kommuner: Named(&base.kommun_names, c.kommuner.clone()),
        members_total: m(c.members_total),
        other_income: m(c.other_income),
        income_rounding: m(c.income_rounding),
        income_total: m(c.income_total),
        costs: m(c.costs),
        verksamhet_costs: m(c.verksamhet),
        admin_costs: m(c.administration),
        cost_rounding: m(c.cost_rounding),
        cost_lines: Named(cost_names, c.cost_lines.clone()),
        result: m(c.result),
        opening_equity: m(c.opening_equity),
        opening_equity_source: c.opening_source,
        closing_equity: m(c.closing_equity),
        admin_share_pct: c.admin_share_pct.map(m),
        equity_pct_of_members: c.equity_pct_of_members.map(m),
    }
}

#[derive(Serialize)]
struct FindingJson<'a> {
    severity: finsam_kalkyl::engine::Severity,
    code: &'static str,
    column: Option<&'a str>,
    line: Option<usize>,
    cell: Option<usize>,
    message: String,
}

fn finding(f: &Finding) -> FindingJson<'_> {
    FindingJson {
        severity: f.severity,
        code: f.code.as_str(),
        column: f.column.as_deref(),
        line: f.line,
        cell: f.cell,
        message: f.message(Lang::Sv, &SwedishFormat),
    }
}

fn to_string<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

#[derive(Serialize)]
struct CheckJson<'a> {
    title: &'a str,
    budget_year: Option<i32>,
    columns: Vec<ColumnJson<'a>>,
    findings: Vec<FindingJson<'a>>,
}

pub fn check(imported: &Imported, analysis: &Analysis) -> String {
    let cost_names: Vec<String> = analysis.cost_lines.iter().map(|c| c.label.clone()).collect();
    to_string(&CheckJson {
        title: &analysis.title,
        budget_year: analysis.budget_year,
        columns: analysis
            .columns
            .iter()
            .map(|c| column(c, analysis, &cost_names))
            .collect(),
        findings: imported
            .findings
            .iter()
            .chain(&analysis.findings)
            .map(finding)
            .collect(),
    })
}

#[derive(Serialize)]
struct DeltaJson<'a> {
    label: &'a str,
    year: i32,
    state: String,
    region: String,
    kommuner_total: String,
    kommuner: Named<'a>,
    members_total: String,
    costs: String,
    result: String,
    closing_equity: String,
}

#[derive(Serialize)]
struct UnmatchedJson<'a> {
    column: &'a str,
    year: i32,
    binding: Option<finsam_kalkyl::engine::findings::Binding>,
    region: String,
    kommuner: Named<'a>,
    state_offer: String,
    state_paid: String,
    state_needed: String,
    unused_state: String,
}

#[derive(Serialize)]
struct LeverageJson<'a> {
    year: i32,
    member: &'a str,
    member_delta: String,
    kommun_side_delta: String,
    total_delta: String,
    per_krona: Option<String>,
    per_kommun_krona: Option<String>,
}

#[derive(Serialize)]
struct AskJson<'a> {
    member: &'a str,
    role: finsam_kalkyl::engine::scenario::Role,
    offer_delta: String,
    paid_delta: String,
}

#[derive(Serialize)]
struct ScenarioJson<'a> {
    title: &'a str,
    inputs: &'a Scenario,
    from_year: i32,
    baseline: Vec<ColumnJson<'a>>,
    scenario: Vec<ColumnJson<'a>>,
    delta: Vec<DeltaJson<'a>>,
    unmatched: Vec<UnmatchedJson<'a>>,
    leverage: Option<LeverageJson<'a>>,
    asks: Vec<AskJson<'a>>,
    findings: Vec<FindingJson<'a>>,
}

pub fn scenario(imported: &Imported, base: &Analysis, sc: &Scenario, outcome: &ScenarioOutcome) -> String {
    let cost_names: Vec<String> = base.cost_lines.iter().map(|c| c.label.clone()).collect();
    let delta = base
        .columns
        .iter()
        .zip(&outcome.columns)
        .map(|(b, n)| DeltaJson {
            label: &b.label,
            year: b.year,
            state: m(n.state - b.state),
            region: m(n.region - b.region),
            kommuner_total: m(n.kommuner_total - b.kommuner_total),
            kommuner: Named(
                &base.kommun_names,
                n.kommuner.iter().zip(&b.kommuner).map(|(x, y)| *x - *y).collect(),
            ),
            members_total: m(n.members_total - b.members_total),
            costs: m(n.costs - b.costs),
            result: m(n.result - b.result),
            closing_equity: m(n.closing_equity - b.closing_equity),
        })
        .collect();
    let unmatched = outcome
        .matches
        .iter()
        .map(|x| UnmatchedJson {
            column: &base.columns[x.column].label,
            year: base.columns[x.column].year,
            binding: x.matched.binding,
            region: m(x.matched.unmatched_region),
            kommuner: Named(&base.kommun_names, x.matched.unmatched_kommuner.clone()),
            state_offer: m(x.offers.state),
            state_paid: m(x.matched.paid.state),
            state_needed: m(x.matched.state_needed),
            unused_state: m(x.matched.unused_state),
        })
        .collect();
    to_string(&ScenarioJson {
        title: &base.title,
        inputs: sc,
        from_year: outcome.from_year,
        baseline: base
            .columns
            .iter()
            .map(|c| column(c, base, &cost_names))
            .collect(),
        scenario: outcome
            .columns
            .iter()
            .map(|c| column(c, base, &cost_names))
            .collect(),
        delta,
        unmatched,
        leverage: outcome.leverage.as_ref().map(|l| LeverageJson {
            year: l.year,
            member: &l.member,
            member_delta: m(l.member_delta),
            kommun_side_delta: m(l.kommun_side_delta),
            total_delta: m(l.total_delta),
            per_krona: l.per_krona.map(m),
            per_kommun_krona: l.per_kommun_krona.map(m),
        }),
        asks: outcome
            .asks
            .iter()
            .map(|a| AskJson {
                member: &a.member,
                role: a.role,
                offer_delta: m(a.offer_delta),
                paid_delta: m(a.paid_delta),
            })
            .collect(),
        findings: finsam_kalkyl::engine::scenario::visible_findings(&imported.findings, base, outcome)
            .into_iter()
            .map(finding)
            .collect(),
    })
}

#[derive(Serialize)]
struct GoalJson<'a> {
    title: &'a str,
    floor: String,
    from_year: i32,
    room: Vec<RoomJson>,
    uniform_percent: Option<String>,
    percent_if_state_matched: Option<String>,
    unmatched_alone_per_year: Option<String>,
    contributions: Vec<ContributionJson>,
    member: Option<MemberGoalJson<'a>>,
}

#[derive(Serialize)]
struct RoomJson {
    year: i32,
    room: Option<String>,
}

#[derive(Serialize)]
struct ContributionJson {
    member: String,
    baseline: String,
    with_change: String,
}

#[derive(Serialize)]
struct MemberGoalJson<'a> {
    name: &'a str,
    yearly_increase: Option<String>,
}

pub fn goal(r: &super::text::GoalReport) -> String {
    to_string(&GoalJson {
        title: &r.base.title,
        floor: m(r.floor),
        from_year: r.goal.from,
        room: r
            .room
            .iter()
            .map(|(year, room)| RoomJson {
                year: *year,
                room: room.map(m),
            })
            .collect(),
        uniform_percent: r.goal.percent.map(m),
        percent_if_state_matched: r.goal.percent_if_state_matched.map(m),
        unmatched_alone_per_year: r.goal.unmatched_alone.map(m),
        contributions: r
            .contributions()
            .into_iter()
            .map(|(member, baseline, with_change)| ContributionJson {
                member,
                baseline: m(baseline),
                with_change: m(with_change),
            })
            .collect(),
        member: r.member.map(|(name, answer)| MemberGoalJson {
            name,
            yearly_increase: answer.as_ref().map(|(x, _)| m(*x)),
        }),
    })
}
