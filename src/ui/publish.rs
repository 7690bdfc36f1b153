//! "Publicera på er webbplats", the step after an import: the budget as a
//! file to download, and the exact code for the förbund's own page, as an
//! iframe or at the mount point, with the file's name filled in.

use super::browser;
use super::text::words;
use super::tools::file_stem;
use super::Store;
use crate::engine::Lang;
use crate::state::{Notice, View};
use yew::prelude::*;

/// The calculator's folder as a förbund's page must name it: where its
/// files are (the import worker's loader, as boot.js or embed.js names
/// it). A placeholder where it has no web address (the single file).
fn calculator_folder() -> String {
    let window = gloo::utils::window();
    let here = window.location().href().unwrap_or_default();
    let worker = js_sys::Reflect::get(&window, &"__finsamWorkers".into())
        .and_then(|w| js_sys::Reflect::get(&w, &"finsam-import".into()))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    web_sys::Url::new_with_base(&worker, &here)
        .and_then(|u| web_sys::Url::new_with_base(".", &u.href()))
        .map(|u| u.href())
        .ok()
        .filter(|u| u.starts_with("http"))
        .unwrap_or_else(|| "https://…/kalkyl/".into())
}

/// The two ways to show the budget file `file` on a förbund's page.
fn snippets(folder: &str, file: &str, lang: Lang) -> [String; 2] {
    let lang = words(lang).lang_code;
    [
        format!(
            r#"<iframe id="finsam-kalkyl-frame" title="Finsam-kalkyl" style="width:100%;border:0"
        src="{folder}index.html?embed&budget={file}&lang={lang}"></iframe>
<script>
  const frame = document.getElementById('finsam-kalkyl-frame');
  addEventListener('message', (e) => {{
    if (e.origin !== new URL(frame.src).origin || e.source !== frame.contentWindow) return;
    if (e.data && e.data.type === 'finsam-kalkyl:height') frame.style.height = e.data.height + 'px';
  }});
</script>"#
        ),
        format!(
            r#"<div id="finsam-kalkyl" data-budget="{file}" data-lang="{lang}"></div>
<script type="module" src="{folder}embed.js"></script>"#
        ),
    ]
}

/// The step itself; `copied` says which snippet was copied last.
pub fn step(
    store: &UseReducerHandle<Store>,
    copied: &UseStateHandle<Option<usize>>,
    on_close: &Callback<()>,
) -> Html {
    let state = &store.0;
    let (lang, w) = (state.lang, words(state.lang));
    let file = format!("{}.json", file_stem(&state.budget.title));
    let download = {
        let (store, file) = (store.clone(), file.clone());
        Callback::from(move |_: MouseEvent| {
            let saved = browser::to_json(&*store.0.budget, true)
                .ok_or(crate::state::ExportFailure::Browser)
                .and_then(|json| browser::download(json.as_bytes(), &file, "application/json"));
            if let Err(why) = saved {
                store.dispatch(View::Notify(Notice::ExportFailed(why)).into());
            }
        })
    };
    let titles = [w.publish_iframe, w.publish_mount];
    let codes = snippets(&calculator_folder(), &file, lang);
    html! {
        <div class="publish">
            <h3 id="publish-title">{ w.publish_title }</h3>
            <p class="help">{ w.publish_help }</p>
            <button type="button" class="tool primary" onclick={download}>{ w.publish_download }</button>
            { for codes.into_iter().zip(titles).enumerate().map(|(i, (code, title))| {
                let copy = {
                    let (copied, code) = (copied.clone(), code.clone());
                    Callback::from(move |_: MouseEvent| {
                        browser::copy_to_clipboard(&code);
                        copied.set(Some(i));
                    })
                };
                html! {
                    <div class="field snippet">
                        <label for={format!("snippet-{i}")}>{ title }</label>
                        <textarea id={format!("snippet-{i}")} readonly=true spellcheck="false"
                                  rows={if i == 0 { "9" } else { "2" }} value={code} />
                        <button type="button" class="tool" onclick={copy}
                                aria-label={format!("{}: {title}", w.copy)}>{ w.copy }</button>
                    </div>
                }
            }) }
            <p role="status" class="copied">{ if copied.is_some() { w.copied } else { "" } }</p>
            <button type="button" class="tool" onclick={on_close.reform(|_: MouseEvent| ())}>{ w.done }</button>
        </div>
    }
}
