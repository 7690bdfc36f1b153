//! Two charts as inline SVG, each with its figures as a table: equity by
//! year (baseline against scenario) and funding by party, stacked.
//!
//! Geometry is in floating point: pixels, not money. Every figure a person
//! reads comes from the Decimal values through `Intl`.

use super::format::{kr, short_kr};
use super::text::words;
use super::{disclosure, Shared};
use crate::engine::{scenario::ScenarioOutcome, Analysis, Lang};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::fmt::Write;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub base: Shared<Analysis>,
    pub outcome: Shared<ScenarioOutcome>,
    pub lang: Lang,
}

const W: f64 = 380.0;
const H: f64 = 230.0;
const LEFT: f64 = 8.0;
const TOP: f64 = 26.0;
const BOTTOM: f64 = 30.0;

/// A coordinate as an attribute: whole pixels, so that no float formatting
/// code ends up in the wasm.
fn p(v: f64) -> String {
    (v.round() as i32).to_string()
}

fn px(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}

/// Maps values in `[lo, hi]` (0 always inside) to y pixels.
struct Scale {
    lo: f64,
    hi: f64,
}

impl Scale {
    fn new(values: impl Iterator<Item = Decimal>) -> Scale {
        let (mut lo, mut hi) = (0.0f64, 0.0f64);
        for v in values {
            lo = lo.min(px(v));
            hi = hi.max(px(v));
        }
        if hi - lo < 1.0 {
            hi = lo + 1.0;
        }
        Scale { lo, hi }
    }

    fn y(&self, v: f64) -> f64 {
        TOP + (self.hi - v) / (self.hi - self.lo) * (H - TOP - BOTTOM)
    }
}

/// A bar, appended to a chart's SVG.
fn rect(svg: &mut String, class: &str, x: f64, y: f64, width: f64, height: f64) {
    let _ = write!(
        svg,
        r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}"/>"#,
        p(x),
        p(y),
        p(width),
        p(height)
    );
}

/// A bar's figure above it (centred `shift` right of `x`) and its year on
/// the axis (centred at `x`).
fn labels(svg: &mut String, x: f64, shift: f64, y: f64, figure: &str, year: impl std::fmt::Display) {
    let _ = write!(
        svg,
        r#"<text class="bar-label" x="{}" y="{}" text-anchor="middle">{}</text><text class="axis-label" x="{}" y="{}" text-anchor="middle">{year}</text>"#,
        p(x + shift),
        p(y),
        escape(figure),
        p(x),
        p(H - 8.0)
    );
}

/// The chart's drawing, written as SVG text: it has no handlers and only
/// figures and words the page wrote itself (escaped all the same), and as
/// `html!` its elements cost the page more code (BENCHMARKS.md).
fn svg(id: &str, summary: &str, body: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(format!(
        r#"<svg viewBox="0 0 {} {}" role="img" aria-labelledby="{id}-chart-title {id}-chart-desc" focusable="false"><desc id="{id}-chart-desc">{}</desc>{body}</svg>"#,
        p(W),
        p(H),
        escape(summary)
    )))
}

/// Text as it may stand in an element or a quoted attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

#[component]
pub fn Charts(props: &ChartsProps) -> Html {
    // Each chart's figures as a table, built only when asked for.
    let (equity_open, funding_open) = (use_state(bool::default), use_state(bool::default));
    html! {
        <div class="charts">
            { equity_chart(props, &equity_open) }
            { funding_chart(props, &funding_open) }
        </div>
    }
}

fn equity_chart(props: &ChartsProps, open: &UseStateHandle<bool>) -> Html {
    let (base, outcome, lang) = (&props.base, &props.outcome, props.lang);
    let w = words(lang);
    let cols: Vec<usize> = base.chain.clone();
    if cols.is_empty() {
        return html! {};
    }
    let scale = Scale::new(
        cols.iter()
            .flat_map(|&i| [base.columns[i].closing_equity, outcome.columns[i].closing_equity]),
    );
    let group = (W - LEFT) / cols.len() as f64;
    let bar = (group * 0.36).min(48.0);
    let zero = scale.y(0.0);
    let mut bars = String::new();
    for (n, &i) in cols.iter().enumerate() {
        let (b, s) = (base.columns[i].closing_equity, outcome.columns[i].closing_equity);
        let x0 = LEFT + group * n as f64 + group / 2.0 - bar - 2.0;
        for (x, v, class) in [
            (x0, b, "bar-base"),
            (
                x0 + bar + 4.0,
                s,
                if s < Decimal::ZERO { "bar-neg" } else { "bar-scen" },
            ),
        ] {
            let y = scale.y(px(v));
            let (top, height) = if y < zero { (y, zero - y) } else { (zero, y - zero) };
            rect(&mut bars, class, x, top, bar, height.max(1.0));
        }
        let label_y = (scale.y(px(s)).min(zero) - 6.0).max(12.0);
        labels(
            &mut bars,
            x0 + bar + 2.0,
            bar / 2.0 + 2.0,
            label_y,
            &short_kr(s),
            base.columns[i].year,
        );
    }
    let last = cols[cols.len() - 1];
    let summary = format!(
        "{} {}: {} {}, {} {}.",
        w.equity_chart,
        base.columns[last].year,
        w.baseline,
        kr(base.columns[last].closing_equity),
        w.scenario,
        kr(outcome.columns[last].closing_equity)
    );
    html! {
        <figure class="chart">
            <figcaption id="equity-chart-title">{ w.equity_chart }</figcaption>
            <div class="legend" aria-hidden="true">
                <span><i class="sw bar-base"></i>{ w.baseline }</span>
                <span><i class="sw bar-scen"></i>{ w.scenario }</span>
            </div>
            { svg("equity", &summary, &format!(r#"<line class="zero" x1="{}" x2="{}" y1="{z}" y2="{z}"/>{bars}"#, p(LEFT), p(W), z = p(zero))) }
            { disclosure(open, None, w.chart_as_table.to_string(), || html! {
                <table class="chart-table">
                    <thead><tr><th scope="col">{ w.year }</th><th scope="col">{ w.baseline }</th><th scope="col">{ w.scenario }</th></tr></thead>
                    <tbody>
                        { for cols.iter().map(|&i| html! {
                            <tr>
                                <th scope="row">{ base.columns[i].year }</th>
                                <td>{ kr(base.columns[i].closing_equity) }</td>
                                <td>{ kr(outcome.columns[i].closing_equity) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }) }
        </figure>
    }
}

fn funding_chart(props: &ChartsProps, open: &UseStateHandle<bool>) -> Html {
    let (base, outcome, lang) = (&props.base, &props.outcome, props.lang);
    let w = words(lang);
    let cols: Vec<usize> = base.chain.clone();
    if cols.is_empty() {
        return html! {};
    }
    let scale = Scale::new(cols.iter().map(|&i| outcome.columns[i].members_total));
    let group = (W - LEFT) / cols.len() as f64;
    let bar = (group * 0.56).min(72.0);
    let parts = |i: usize| {
        let c = &outcome.columns[i];
        [
            (c.kommuner_total, "part-k"),
            (c.region, "part-r"),
            (c.state, "part-s"),
        ]
    };
    let mut bars = String::new();
    for (n, &i) in cols.iter().enumerate() {
        let x = LEFT + group * n as f64 + (group - bar) / 2.0;
        let mut acc = 0.0;
        for (v, class) in parts(i) {
            let (y_low, y_high) = (scale.y(acc), scale.y(acc + px(v)));
            acc += px(v);
            rect(&mut bars, class, x, y_high, bar, (y_low - y_high).max(0.0));
        }
        let total = outcome.columns[i].members_total;
        let label_y = (scale.y(px(total)) - 6.0).max(12.0);
        labels(
            &mut bars,
            x + bar / 2.0,
            0.0,
            label_y,
            &short_kr(total),
            base.columns[i].year,
        );
    }
    let first = cols[0];
    let c = &outcome.columns[first];
    let summary = format!(
        "{} {}: {} {}, {} {}, {} {}.",
        w.funding_chart,
        c.year,
        w.state,
        kr(c.state),
        w.region,
        kr(c.region),
        w.kommuner,
        kr(c.kommuner_total)
    );
    html! {
        <figure class="chart">
            <figcaption id="funding-chart-title">{ format!("{} ({})", w.funding_chart, w.scenario) }</figcaption>
            <div class="legend" aria-hidden="true">
                <span><i class="sw part-s"></i>{ w.state }</span>
                <span><i class="sw part-r"></i>{ w.region }</span>
                <span><i class="sw part-k"></i>{ w.kommuner }</span>
            </div>
            { svg("funding", &summary, &bars) }
            { disclosure(open, None, w.chart_as_table.to_string(), || html! {
                <table class="chart-table">
                    <thead><tr>
                        <th scope="col">{ w.year }</th><th scope="col">{ w.state }</th>
                        <th scope="col">{ w.region }</th><th scope="col">{ w.kommuner }</th>
                    </tr></thead>
                    <tbody>
                        { for cols.iter().map(|&i| { let c = &outcome.columns[i]; html! {
                            <tr>
                                <th scope="row">{ c.year }</th>
                                <td>{ kr(c.state) }</td><td>{ kr(c.region) }</td><td>{ kr(c.kommuner_total) }</td>
                            </tr>
                        }}) }
                    </tbody>
                </table>
            }) }
        </figure>
    }
}
