//! Bring your own budget: paste a table from Excel, choose a file or drop
//! one, check how every row is read and what the importer assumed (the
//! unit, costs written as negative amounts), correct it, and only then use
//! it; then, if wanted, publish it on the förbund's own site.

use super::findings::FindingItem;
use super::format::plain;
use super::format::IntlFormat;
use super::text::words;
use super::Store;
use crate::engine::import::{Choices, CostSigns, ImportReply, MAX_BYTES};
use crate::engine::{Lang, RowClass, Unit};
use crate::state::{Import, Preview, PreviewTable, Source};
use crate::words::Say;
use js_sys::Reflect;
use wasm_bindgen::JsValue;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub store: UseReducerHandle<Store>,
    pub on_close: Callback<()>,
}

/// The canonical JSON model starts with `{`; a table never does.
fn looks_like_json(bytes: &[u8]) -> bool {
    crate::engine::import::json_text(bytes).is_some()
}

/// The classes a person can choose for a row, in the order of a budget.
const CLASSES: [RowClass; 14] = RowClass::ALL;

/// About how many elements the preview may build: a row costs about 20
/// (its class picker) and one per column. A budget's own table never comes
/// near; a table of thousands of rows, shown whole, held the page for
/// seconds (BENCHMARKS.md).
const PREVIEW_ELEMENTS: usize = 6000;

#[component]
pub fn ImportPanel(props: &ImportProps) -> Html {
    let state = &props.store.0;
    let (lang, w) = (state.lang, words(state.lang));
    // Which file read is wanted: a newer file, or the panel closing (this
    // dropped), makes an earlier read's bytes unwanted.
    let file_reads = use_mut_ref(u32::default);
    let dragging = use_state(bool::default);
    let store = props.store.clone();

    // The importer runs in a worker: started with the panel, so it has
    // loaded by the time a table is pasted.
    // An answer that arrives after the panel has closed is not wanted.
    use_effect_with((), |_| {
        super::workers::warm_importer();
        super::workers::forget_imports
    });
    let reading = use_state(bool::default);
    // The table as last sent, to read it again with the person's choices.
    let sent = use_mut_ref(|| JsValue::UNDEFINED);
    let ask = {
        let (store, reading, sent) = (store.clone(), reading.clone(), sent.clone());
        move |name: Option<String>, table: JsValue, choices: Option<Choices>| {
            reading.set(true);
            let request = match choices {
                None => {
                    *sent.borrow_mut() = table.clone();
                    table
                }
                Some(c) => {
                    let request = js_sys::Object::new();
                    let _ = Reflect::set(&request, &"table".into(), &table);
                    if let Some(unit) = c.unit {
                        let _ = Reflect::set(&request, &"unit".into(), &unit.abbreviation().into());
                    }
                    if c.costs_as_written {
                        let _ = Reflect::set(&request, &"costs".into(), &"as-written".into());
                    }
                    request.into()
                }
            };
            let (store, reading) = (store.clone(), reading.clone());
            super::workers::import_in_worker(
                request,
                Callback::from(move |reply: ImportReply| {
                    reading.set(false);
                    let result = reply.into_result();
                    store.dispatch(match choices {
                        None => Import::Table(name.clone(), result).into(),
                        Some(_) => Import::Reread(result).into(),
                    });
                }),
            );
        }
    };
    let import = {
        let ask = ask.clone();
        move |name: Option<String>, table: JsValue| ask(name, table, None)
    };
    let reread = Callback::from(move |choices: Choices| ask(None, sent.borrow().clone(), Some(choices)));
    let read_file = {
        let (store, file_reads, import) = (store.clone(), file_reads.clone(), import.clone());
        move |file: web_sys::File| {
            let name = file.name();
            let (store, import) = (store.clone(), import.clone());
            let turn = {
                let mut n = file_reads.borrow_mut();
                *n = n.wrapping_add(1);
                *n
            };
            let wanted = std::rc::Rc::downgrade(&file_reads);
            super::load::read_bytes(file, move |bytes| {
                if wanted.upgrade().is_none_or(|n| *n.borrow() != turn) {
                    return;
                }
                // Past the limit even JSON goes to the worker, which says so.
                if bytes.len() <= MAX_BYTES && looks_like_json(&bytes) {
                    super::workers::forget_imports();
                    let budget = super::browser::budget_from_json(&String::from_utf8_lossy(&bytes));
                    store.dispatch(Import::Budget(Some(name), budget).into());
                } else {
                    import(Some(name), js_sys::Uint8Array::from(bytes.as_slice()).into());
                }
            });
        }
    };
    let on_text = {
        let (store, import) = (store.clone(), import.clone());
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            let text = area.value();
            if text.len() <= MAX_BYTES && looks_like_json(text.as_bytes()) {
                super::workers::forget_imports();
                store.dispatch(Import::Budget(None, super::browser::budget_from_json(&text)).into());
            } else {
                import(None, text.into());
            }
        })
    };
    // A paste past the importer's limit never enters the field (Chromium
    // took 18 s to lay out 10 MB there) nor the page's memory: it goes to
    // the worker as it is, which says what the limit is.
    let on_paste = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            if let Some(text) = super::browser::long_paste(&e, MAX_BYTES) {
                e.prevent_default();
                import(None, text);
            }
        })
    };
    let on_file = {
        let read_file = read_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read_file(file);
            }
        })
    };
    let on_drag = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                read_file(file);
            }
        })
    };
    // After "Använd budgeten", the panel offers to publish the budget.
    let publishing = use_state(bool::default);
    let confirm = {
        let (store, publishing) = (store.clone(), publishing.clone());
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Import::Confirm.into());
            publishing.set(true);
        })
    };
    let to_publish = {
        let publishing = publishing.clone();
        Callback::from(move |_: MouseEvent| publishing.set(true))
    };
    let imported = matches!(state.source, Source::Imported(_));
    if *publishing && imported && state.preview.is_none() {
        return html! {
            <section class="import" aria-labelledby="publish-title">
                { super::publish::step(&props.store, &props.on_close) }
            </section>
        };
    }
    let cancel = {
        let (store, close) = (store.clone(), props.on_close.clone());
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Import::Cancel.into());
            close.emit(());
        })
    };
    let ready = state.preview.as_ref().is_some_and(|p| p.is_ready());

    html! {
        <section class="import" aria-labelledby="import-title">
            <h2 id="import-title">{ w.import_title }</h2>
            <p class="help">{ w.import_help }</p>
            <div class="import-inputs">
                <div class="field grow">
                    <label for="import-text">{ w.import_paste }</label>
                    <textarea id="import-text" rows="5" spellcheck="false" oninput={on_text} onpaste={on_paste}
                              placeholder={w.import_placeholder} />
                </div>
                <div class={classes!("drop", dragging.then_some("over"))}
                     ondragover={on_drag.clone()} ondragenter={on_drag} ondragleave={on_leave} ondrop={on_drop}>
                    <label for="import-file">{ w.import_file }</label>
                    <input id="import-file" type="file" accept=".csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,application/json"
                           onchange={on_file} />
                    <p>{ w.import_drop }</p>
                </div>
            </div>
            // Only while nothing is shown yet (the worker is loading): the
            // answer to a keystroke comes in a millisecond, and a line that
            // blinks in and out would move the preview under the pointer.
            if *reading && state.preview.is_none() {
                <p class="reading" role="status">{ w.import_reading }</p>
            }
            if let Some(preview) = &state.preview {
                { preview_view(preview, &store, &reread, lang) }
            }
            <div class="import-actions">
                <button type="button" class="tool primary" onclick={confirm} disabled={!ready}>{ w.import_confirm }</button>
                <button type="button" class="tool" onclick={cancel}>{ w.import_cancel }</button>
                if imported && state.preview.is_none() {
                    <button type="button" class="tool" onclick={to_publish}>{ w.publish_title }</button>
                }
            </div>
        </section>
    }
}

fn preview_view(
    preview: &Preview,
    store: &UseReducerHandle<Store>,
    reread: &Callback<Choices>,
    lang: Lang,
) -> Html {
    let w = words(lang);
    let table = match &preview.result {
        Err(error) => {
            return html! { <p class="error import-error" role="alert">{ error.message(lang) }</p> };
        }
        Ok(table) => table,
    };
    let budget = &table.budget;
    let shown = PREVIEW_ELEMENTS / (20 + budget.columns.len());
    let mut kommun_index = 0usize;
    let rows = budget.rows[..shown.min(budget.rows.len())].iter().enumerate().map(|(r, row)| {
        let on_class = {
            let store = store.clone();
            Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                if let Some(class) = select.value().parse::<usize>().ok().and_then(|i| CLASSES.get(i)) {
                    store.dispatch(Import::SetClass(r, *class).into());
                }
            })
        };
        let key_cell = if row.class == RowClass::Kommun {
            let k = kommun_index;
            kommun_index += 1;
            let on_key = {
                let store = store.clone();
                Callback::from(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    store.dispatch(Import::SetKey(k, input.value()).into());
                })
            };
            let value = preview.key_texts.get(k).cloned().unwrap_or_default();
            html! {
                <td>
                    <label class="visually-hidden" for={format!("key-{k}")}>{ format!("{} {}", w.population_for, row.label) }</label>
                    <input id={format!("key-{k}")} class="key" type="text" inputmode="numeric" {value} oninput={on_key} />
                </td>
            }
        } else {
            html! { <td></td> }
        };
        let line = row.line.map(|l| l.to_string()).unwrap_or_default();
        html! {
            <tr class={classes!((row.class == RowClass::Unknown).then_some("unknown"))}>
                <td>{ line }</td>
                <th scope="row">{ &row.label }</th>
                <td>
                    <label class="visually-hidden" for={format!("class-{r}")}>{ format!("{} {}", w.class_of, row.label) }</label>
                    <select id={format!("class-{r}")} onchange={on_class}>
                        { for CLASSES.iter().enumerate().map(|(i, c)| html! {
                            <option value={i.to_string()} selected={*c == row.class}>{ c.name(lang) }</option>
                        }) }
                    </select>
                </td>
                { key_cell }
                { for row.values.iter().map(|v| html! { <td class="num">{ v.map(plain).unwrap_or_default() }</td> }) }
            </tr>
        }
    });
    let mut findings: Vec<_> = table
        .import_findings
        .iter()
        .chain(&table.analysis.findings)
        .collect();
    let found = findings.len();
    findings.truncate(shown);
    html! {
        <div class="preview">
            <h3>{ format!("{}: {}", w.preview, budget.title) }</h3>
            { assumed(table, reread, lang) }
            if let Some(error) = &preview.reread_error {
                <p class="error" role="alert">{ error.message(lang) }</p>
            }
            <div class="table-scroll" role="region" aria-labelledby="preview-caption" tabindex="0">
                <table class="preview-table">
                    <caption id="preview-caption">{ w.preview_caption }{ more(shown, budget.rows.len(), lang) }</caption>
                    <thead><tr>
                        <th scope="col">{ w.row_no }</th>
                        <th scope="col">{ w.row_name }</th>
                        <th scope="col">{ w.read_as }</th>
                        <th scope="col">{ w.population }</th>
                        { for budget.columns.iter().map(|c| html! { <th scope="col">{ &c.label }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if let Some(error) = &preview.key_error {
                <p class="error" role="alert">{ error.say(lang, &IntlFormat) }</p>
            }
            <h3>{ format!("{} ({found})", w.findings) }{ more(shown, found, lang) }</h3>
            if findings.is_empty() {
                <p>{ w.findings_none }</p>
            } else {
                <ul class="findings-list">
                    { for findings.into_iter().map(|f| html! { <FindingItem finding={f.clone()} {lang} /> }) }
                </ul>
            }
        </div>
    }
}

/// " Visar de första 272 av 1 999.", after the caption of a list cut short.
fn more(shown: usize, all: usize, lang: Lang) -> String {
    let w = words(lang);
    if shown < all {
        format!(" {} {shown} {} {}.", w.shown_first, w.of, plain(all.into()))
    } else {
        String::new()
    }
}

/// What the importer assumed, for the person to change: the unit the
/// amounts are in, and costs written as negative amounts. A change reads
/// the table again in the import worker (`reread`).
fn assumed(table: &PreviewTable, reread: &Callback<Choices>, lang: Lang) -> Html {
    let w = words(lang);
    let Some(read) = table.unit else {
        return Html::default();
    };
    let now = table.choices();
    let units = Unit::ALL.into_iter().map(|unit| {
        let onchange = reread.reform(move |_: Event| Choices {
            unit: Some(unit),
            ..now
        });
        let name = unit.abbreviation();
        html! {
            <label class="choice">
                <input type="radio" name="import-unit" value={name} checked={read.unit == unit} {onchange} />
                { name }
            </label>
        }
    });
    let costs = (table.costs != CostSigns::AsWritten).then(|| {
        let onchange = reread.reform(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            Choices {
                costs_as_written: !input.checked(),
                ..now
            }
        });
        html! {
            <label class="choice">
                <input type="checkbox" checked={!now.costs_as_written} {onchange} />
                { w.costs_negative }
            </label>
        }
    });
    html! {
        <fieldset class="assumed">
            <legend>{ w.assumed }</legend>
            <p>{ super::text::unit_read(read, lang) }</p>
            <fieldset class="units">
                <legend>{ w.unit_legend }</legend>
                { for units }
            </fieldset>
            { for costs }
        </fieldset>
    }
}
