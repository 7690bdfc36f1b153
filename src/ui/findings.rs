//! The engine's findings: severity in words (not only colour), where, and
//! a plain message that cites its rule.

use super::format::IntlFormat;
use super::text::words;
use super::Shared;
use crate::engine::scenario::visible_findings;
use crate::engine::{scenario::ScenarioOutcome, Analysis, Finding, Lang, Severity};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub import: Shared<Vec<Finding>>,
    pub base: Shared<Analysis>,
    pub outcome: Shared<ScenarioOutcome>,
    pub lang: Lang,
}

#[component]
pub fn Findings(props: &FindingsProps) -> Html {
    let lang = props.lang;
    let w = words(lang);
    let findings = visible_findings(&props.import, &props.base, &props.outcome);
    html! {
        <section class="findings" aria-labelledby="findings-title">
            <h2 id="findings-title">{ format!("{} ({})", w.findings, findings.len()) }</h2>
            if findings.is_empty() {
                <p>{ w.findings_none }</p>
            } else {
                <ul>
                    { for findings.into_iter().map(|f| html! { <FindingItem finding={f.clone()} {lang} /> }) }
                </ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub finding: Finding,
    pub lang: Lang,
}

/// One finding; its own component so unchanged findings are not reworded
/// on every keystroke.
#[component]
pub fn FindingItem(props: &ItemProps) -> Html {
    let (f, lang) = (&props.finding, props.lang);
    let class = match f.severity {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    };
    let location = f.location(lang);
    html! {
        <li class={class} data-code={f.code.as_str()}>
            <span class="sev">{ f.severity.name(lang) }</span>
            if !location.is_empty() {
                <span class="where">{ location }</span>
            }
            <span class="msg">{ f.body(lang, &IntlFormat) }</span>
        </li>
    }
}
