//! Undo and redo, the share link, printing, messages about the app, the
//! print-out's header, and saved scenarios with their comparison.

use super::format::{kr, signed_kr, IntlFormat};
use super::text::words;
use super::{browser, workers};
use super::{Latest, Shared, Store};
use crate::engine::{
    export, import, run_scenario, scenario::ScenarioOutcome, Analysis, Budget, Lang, Options,
};
use crate::state::{Action, ExportFailure, Library, NamedScenario, Notice, State, Travel, View};
use crate::words::{describe, Say};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    pub can_undo: bool,
    pub can_redo: bool,
    pub notice: Option<Shared<Notice>>,
    /// Read when sharing or exporting, so typing does not redraw the bar.
    pub latest: Latest,
    pub dispatcher: UseReducerDispatcher<Store>,
    pub mounted: bool,
    pub on_import: Callback<()>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let (lang, w) = (props.lang, words(props.lang));
    let link = use_state(Option::<String>::default);
    // A fresh action per click: cloning one costs more code than making it.
    let send = |action: fn() -> Action| {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(action()))
    };
    let on_share = {
        let (latest, dispatcher) = (props.latest.clone(), props.dispatcher.clone());
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let url = browser::link_url(&latest.get().0);
            browser::copy_to_clipboard(&url);
            link.set(Some(url));
            dispatcher.dispatch(View::Notify(Notice::LinkReady).into());
        })
    };
    let on_print = Callback::from(|_: MouseEvent| browser::print());
    let export = |format: Export| {
        let (latest, dispatcher) = (props.latest.clone(), props.dispatcher.clone());
        Callback::from(move |_: MouseEvent| {
            if let Err(why) = export_file(&latest.get().0, &dispatcher, format) {
                dispatcher.dispatch(View::Notify(Notice::ExportFailed(why)).into());
            }
        })
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label={w.toolbar}>
            <button type="button" class="tool" onclick={send(|| Travel::Undo.into())} disabled={!props.can_undo}
                    aria-keyshortcuts="Control+Z" title="Ctrl+Z">{ w.undo }</button>
            <button type="button" class="tool" onclick={send(|| Travel::Redo.into())} disabled={!props.can_redo}
                    aria-keyshortcuts="Control+Y" title="Ctrl+Y">{ w.redo }</button>
            if !props.mounted {
                <button type="button" class="tool" onclick={on_share}>{ w.share }</button>
            }
            <button type="button" class="tool" onclick={on_print}>{ w.print }</button>
            <button type="button" class="tool" onclick={props.on_import.reform(|_: MouseEvent| ())}>{ w.import_button }</button>
            <span class="export" role="group" aria-label={w.export}>
                <span class="export-label" aria-hidden="true">{ w.export }</span>
                <button type="button" class="tool" onclick={export(Export::Csv)} aria-label={w.export_csv}>{ "CSV" }</button>
                <button type="button" class="tool" onclick={export(Export::Xlsx)} aria-label={w.export_xlsx}>{ "Excel" }</button>
                <button type="button" class="tool" onclick={export(Export::Json)} aria-label={w.export_json}>{ "JSON" }</button>
            </span>
            if let Some(notice) = &props.notice {
                <div class={classes!("notice", matches!(**notice, Notice::LinkReady).then_some("ok"))} role="status">
                    <p>{ notice.say(lang, &IntlFormat) }</p>
                    if let (Notice::LinkReady, Some(url)) = (&**notice, &*link) {
                        <div class="link-field">
                            <label for="share-link">{ w.link_label }</label>
                            <input id="share-link" type="text" readonly=true value={url.clone()} />
                        </div>
                    }
                    <button type="button" class="link" onclick={send(|| View::DismissNotice.into())}>{ w.dismiss }</button>
                </div>
            }
        </div>
    }
}

#[derive(Clone, Copy)]
enum Export {
    Csv,
    Xlsx,
    Json,
}

/// Writes the open budget and scenario to a file the person saves. The
/// workbook is made by the export worker, so it arrives a moment later.
fn export_file(
    state: &State,
    dispatcher: &UseReducerDispatcher<Store>,
    format: Export,
) -> Result<(), ExportFailure> {
    let stem = file_stem(&state.base.title);
    let description = describe(
        &state.base,
        &state.scenario,
        state.outcome.from_year,
        state.lang,
        &IntlFormat,
    );
    let (bytes, name, mime) = match format {
        Export::Csv => (
            export::csv(&state.base, &state.outcome, &description, state.lang).into_bytes(),
            format!("{stem}.csv"),
            "text/csv;charset=utf-8",
        ),
        // Through JSON.stringify, like every JSON the page writes: serde_json's
        // printer stays out of the wasm.
        Export::Json => (
            browser::to_json(&*state.budget, true)
                .ok_or(ExportFailure::Browser)?
                .into_bytes(),
            format!("{stem}.json"),
            "application/json",
        ),
        Export::Xlsx => {
            let request = export::XlsxRequest {
                budget: (*state.budget).clone(),
                scenario: state.scenario.clone(),
                description,
                lang: state.lang,
                options: state.options.clone(),
                import_findings: state
                    .import_findings
                    .iter()
                    .map(|finding| import::WordedFinding::new(finding, &IntlFormat))
                    .collect(),
            };
            let json = browser::to_json(&request, false).ok_or(ExportFailure::Browser)?;
            let dispatcher = dispatcher.clone();
            let done = Callback::from(move |result: Result<(), ExportFailure>| {
                if let Err(why) = result {
                    dispatcher.dispatch(View::Notify(Notice::ExportFailed(why)).into());
                }
            });
            workers::export_xlsx(json, format!("{stem}.xlsx"), done);
            return Ok(());
        }
    };
    browser::download(&bytes, &name, mime)
}

/// A file name from the förbund's name: "samordningsforbundet-sodra-vatterbygden".
fn file_stem(title: &str) -> String {
    let ascii: String = crate::engine::text::fold_case(title)
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' | 'ø' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let stem = ascii
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "finsam-kalkyl".into()
    } else {
        stem
    }
}

/// Only on paper: the date and the scenario in one sentence. A function,
/// not a component: two lines cost less to rebuild than a component costs
/// the page; the date is worked out once a day by the caller.
pub fn print_header(state: &State, today: &str) -> Html {
    let w = words(state.lang);
    let sentence = describe(
        &state.base,
        &state.scenario,
        state.outcome.from_year,
        state.lang,
        &IntlFormat,
    );
    html! {
        <div class="print-only print-header">
            <p>{ format!("{} {today}", w.printed) }</p>
            <p class="print-scenario">{ sentence }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ScenariosProps {
    pub lang: Lang,
    pub base: Shared<Analysis>,
    pub budget: Shared<Budget>,
    pub options: Options,
    /// The saved scenarios of the open budget, with their indices.
    pub here: Vec<(usize, NamedScenario)>,
    pub compare: [Option<usize>; 2],
    pub dispatcher: UseReducerDispatcher<Store>,
}

/// Saved scenarios: save, open, rename, delete, and compare two of them
/// against the baseline in one table.
#[component]
pub fn Scenarios(props: &ScenariosProps) -> Html {
    let (lang, w) = (props.lang, words(props.lang));
    let name = use_state(String::new);
    let renaming = use_state(|| None::<(usize, String)>);
    let store = props.dispatcher.clone();

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    let on_save = {
        let (store, name) = (store.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !name.trim().is_empty() {
                store.dispatch(Library::Save((*name).clone()).into());
                name.set(String::new());
            }
        })
    };
    let here = &props.here;
    let items = here.iter().map(|(i, named)| {
        let i = *i;
        let open = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Library::Load(i).into()))
        };
        let delete = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Library::Delete(i).into()))
        };
        let start_rename = {
            let (renaming, current) = (renaming.clone(), named.name.clone());
            Callback::from(move |_: MouseEvent| renaming.set(Some((i, current.clone()))))
        };
        let editing = renaming.as_ref().filter(|(j, _)| *j == i).map(|(_, text)| text.clone());
        html! {
            <li>
                if let Some(text) = editing {
                    <form class="rename" onsubmit={{
                        let (store, renaming, text) = (store.clone(), renaming.clone(), text.clone());
                        Callback::from(move |e: SubmitEvent| {
                            e.prevent_default();
                            store.dispatch(Library::Rename(i, text.clone()).into());
                            renaming.set(None);
                        })
                    }}>
                        <label class="visually-hidden" for={format!("rename-{i}")}>{ format!("{} {}", w.new_name_for, named.name) }</label>
                            <input id={format!("rename-{i}")} type="text" value={text} oninput={{
                                let renaming = renaming.clone();
                                Callback::from(move |e: InputEvent| {
                                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                    renaming.set(Some((i, input.value())));
                                })
                            }} />
                        <button type="submit" class="tool">{ w.save_name }</button>
                    </form>
                } else {
                    <span class="scenario-name">{ &named.name }</span>
                    <button type="button" class="tool" onclick={open}
                            aria-label={format!("{} {}", w.open, named.name)}>{ w.open }</button>
                    <button type="button" class="tool" onclick={start_rename}
                            aria-label={format!("{} {}", w.rename, named.name)}>{ w.rename }</button>
                    <button type="button" class="tool" onclick={delete}
                            aria-label={format!("{} {}", w.delete, named.name)}>{ w.delete }</button>
                }
            </li>
        }
    });
    let pick = |slot: usize| {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            store.dispatch(Library::Compare(slot, select.value().parse().ok()).into());
        })
    };
    let picker = |slot: usize, label: &str| {
        html! {
            <div class="field">
                <label for={format!("compare-{slot}")}>{ label.to_string() }</label>
                <select id={format!("compare-{slot}")} onchange={pick(slot)}>
                    <option value="" selected={props.compare[slot].is_none()}>{ w.none_chosen }</option>
                    { for here.iter().map(|(i, n)| html! {
                        <option value={i.to_string()} selected={props.compare[slot] == Some(*i)}>{ &n.name }</option>
                    }) }
                </select>
            </div>
        }
    };
    // Worked out only when this panel's props change, never per keystroke.
    let chosen: Vec<(String, ScenarioOutcome)> = props
        .compare
        .iter()
        .flatten()
        .filter_map(|&i| {
            let (_, named) = here.iter().find(|(j, _)| *j == i)?;
            let outcome = run_scenario(&props.budget, &props.base, &named.scenario, &props.options).ok()?;
            Some((named.name.clone(), outcome))
        })
        .collect();

    html! {
        <section class="scenarios" aria-labelledby="scenarios-title">
            <h2 id="scenarios-title">{ w.saved_scenarios }</h2>
            <form class="save-form" onsubmit={on_save}>
                <div class="field">
                    <label for="scenario-name">{ w.scenario_name }</label>
                    <input id="scenario-name" type="text" value={(*name).clone()} oninput={on_name} placeholder={w.name_example} />
                </div>
                <button type="submit" class="tool primary" disabled={name.trim().is_empty()}>{ w.save_scenario }</button>
            </form>
            if here.is_empty() {
                <p class="help">{ w.no_saved }</p>
            } else {
                <ul class="saved-list">{ for items }</ul>
                <div class="compare-pick">
                    { picker(0, w.compare_a) }
                    { picker(1, w.compare_b) }
                </div>
            }
            if !chosen.is_empty() {
                { comparison(&props.base, &chosen, lang) }
            }
        </section>
    }
}

/// Reads one figure of a column.
type Figure = fn(&crate::engine::ColumnFigures) -> rust_decimal::Decimal;

/// Baseline and up to two saved scenarios, year by year, in one table.
fn comparison(base: &Analysis, chosen: &[(String, ScenarioOutcome)], lang: Lang) -> Html {
    let w = words(lang);
    let rows: [(&str, Figure); 3] = [
        (w.total_funding, |c| c.members_total),
        (crate::engine::report::labels(lang).result, |c| c.result),
        (crate::engine::report::labels(lang).closing, |c| c.closing_equity),
    ];
    html! {
        <div class="table-scroll" role="region" aria-labelledby="compare-caption" tabindex="0">
            <table class="years-table compare-table">
                <caption id="compare-caption">{ w.compare_caption }</caption>
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{ w.year }</th>
                        <th scope="col">{ w.baseline }</th>
                        { for chosen.iter().map(|(name, _)| html! { <th scope="col">{ name }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().flat_map(|(label, get)| base.chain.iter().map(move |&i| {
                        let b = get(&base.columns[i]);
                        html! {
                            <tr>
                                <th scope="row">{ *label }</th>
                                <td>{ base.columns[i].year }</td>
                                <td>{ kr(b) }</td>
                                { for chosen.iter().map(|(_, o)| {
                                    let v = get(&o.columns[i]);
                                    html! { <td><span class="value">{ kr(v) }</span>
                                        if v != b { <span class="delta">{ signed_kr(v - b) }</span> }
                                    </td> }
                                }) }
                            </tr>
                        }
                    })) }
                </tbody>
            </table>
        </div>
    }
}
