//! Bring your own budget: paste a table from Excel, choose a file or drop
//! one, check how every row is read, correct it, and only then use it.

use super::findings::FindingItem;
use super::format::plain;
use super::format::IntlFormat;
use super::text::words;
use super::Store;
use crate::engine::{Lang, RowClass};
use crate::state::{Import, Preview};
use crate::words::Say;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub store: UseReducerHandle<Store>,
    pub on_close: Callback<()>,
}

/// The canonical JSON model starts with `{`; a table never does.
fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// The classes a person can choose for a row, in the order of a budget.
const CLASSES: [RowClass; 14] = RowClass::ALL;

#[component]
pub fn ImportPanel(props: &ImportProps) -> Html {
    let state = &props.store.0;
    let (lang, w) = (state.lang, words(state.lang));
    // A file being read; dropping the reader would cancel it.
    let file_reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
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
    let import = {
        let (store, reading) = (store.clone(), reading.clone());
        move |name: Option<String>, request: wasm_bindgen::JsValue| {
            reading.set(true);
            let (store, reading) = (store.clone(), reading.clone());
            super::workers::import_in_worker(
                request,
                Callback::from(move |result| {
                    reading.set(false);
                    store.dispatch(Import::Table(name.clone(), result).into());
                }),
            );
        }
    };
    let read_file = {
        let (store, file_reader, import) = (store.clone(), file_reader.clone(), import.clone());
        move |file: web_sys::File| {
            let name = file.name();
            let (store, import) = (store.clone(), import.clone());
            let reader = gloo::file::callbacks::read_as_bytes(&gloo::file::Blob::from(file), move |result| {
                let bytes = result.unwrap_or_default();
                if looks_like_json(&bytes) {
                    super::workers::forget_imports();
                    let budget = super::browser::budget_from_json(&String::from_utf8_lossy(&bytes));
                    store.dispatch(Import::Budget(Some(name), budget).into());
                } else {
                    import(Some(name), js_sys::Uint8Array::from(bytes.as_slice()).into());
                }
            });
            *file_reader.borrow_mut() = Some(reader);
        }
    };
    let on_text = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            let text = area.value();
            if looks_like_json(text.as_bytes()) {
                super::workers::forget_imports();
                store.dispatch(Import::Budget(None, super::browser::budget_from_json(&text)).into());
            } else {
                import(None, text.into());
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
    let confirm = {
        let (store, close) = (store.clone(), props.on_close.clone());
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Import::Confirm.into());
            close.emit(());
        })
    };
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
                    <textarea id="import-text" rows="5" spellcheck="false" oninput={on_text}
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
                { preview_view(preview, &store, lang) }
            }
            <div class="import-actions">
                <button type="button" class="tool primary" onclick={confirm} disabled={!ready}>{ w.import_confirm }</button>
                <button type="button" class="tool" onclick={cancel}>{ w.import_cancel }</button>
            </div>
        </section>
    }
}

fn preview_view(preview: &Preview, store: &UseReducerHandle<Store>, lang: Lang) -> Html {
    let w = words(lang);
    let table = match &preview.result {
        Err(error) => {
            return html! { <p class="error import-error" role="alert">{ error.message(lang) }</p> };
        }
        Ok(table) => table,
    };
    let budget = &table.budget;
    let mut kommun_index = 0usize;
    let rows = budget.rows.iter().enumerate().map(|(r, row)| {
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
    let findings: Vec<_> = table
        .import_findings
        .iter()
        .chain(&table.analysis.findings)
        .collect();
    html! {
        <div class="preview">
            <h3>{ format!("{}: {}", w.preview, budget.title) }</h3>
            <div class="table-scroll" role="region" aria-labelledby="preview-caption" tabindex="0">
                <table class="preview-table">
                    <caption id="preview-caption">{ w.preview_caption }</caption>
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
            <h3>{ format!("{} ({})", w.findings, findings.len()) }</h3>
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
