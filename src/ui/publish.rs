//! "Publicera på er webbplats", the step after an import: the budget as a
//! file to download, and the exact code for the förbund's own page, as an
//! iframe or at the mount point, with the file's name filled in.
//!
//! Written as one piece of HTML with one click handler for its buttons:
//! it never changes while shown, and built with `html!` it cost the page
//! about 1 kB gzip more.

use super::browser;
use super::text::words;
use super::tools::file_stem;
use super::Store;
use crate::state::{ExportFailure, Notice, View};
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

/// The two ways to show the budget file `file` on a förbund's page: in
/// an iframe, and at the mount point.
pub fn snippets(folder: &str, file: &str, lang: &str) -> [String; 2] {
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

/// Text as it may stand inside an element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The step itself, for the budget that is open.
pub fn step(store: &UseReducerHandle<Store>, on_close: &Callback<()>) -> Html {
    let state = &store.0;
    let w = words(state.lang);
    let file = format!("{}.json", file_stem(&state.budget.title));
    let codes = snippets(&calculator_folder(), &file, w.lang_code);
    let mut html = format!(
        r#"<h3 id="publish-title">{}</h3><p class="help">{}</p><button type="button" class="tool primary" data-do="save">{}</button>"#,
        w.publish_title, w.publish_help, w.publish_download
    );
    for (i, title) in [w.publish_iframe, w.publish_mount].into_iter().enumerate() {
        html += &format!(
            r#"<div class="field snippet"><label for="snippet-{i}">{title}</label><textarea id="snippet-{i}" readonly spellcheck="false" rows="{}">{}</textarea><button type="button" class="tool" data-do="{i}" aria-label="{}: {title}">{}</button></div>"#,
            [9, 2][i],
            escape(&codes[i]),
            w.copy,
            w.copy
        );
    }
    html += &format!(
        r#"<p role="status" class="copied"></p><button type="button" class="tool" data-do="done">{}</button>"#,
        w.done
    );
    let onclick = {
        let (store, on_close) = (store.clone(), on_close.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(button) = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("[data-do]").ok().flatten())
            else {
                return;
            };
            match button.get_attribute("data-do").as_deref() {
                Some("done") => on_close.emit(()),
                Some("save") => {
                    let saved = browser::to_json(&*store.0.budget, true)
                        .ok_or(ExportFailure::Browser)
                        .and_then(|json| browser::download(json.as_bytes(), &file, "application/json"));
                    if let Err(why) = saved {
                        store.dispatch(View::Notify(Notice::ExportFailed(why)).into());
                    }
                }
                Some(i) => {
                    if let Some(code) = i.parse().ok().and_then(|i: usize| codes.get(i)) {
                        browser::copy_to_clipboard(code);
                    }
                    if let Some(status) = button
                        .parent_element()
                        .and_then(|p| p.parent_element())
                        .and_then(|p| p.query_selector(".copied").ok().flatten())
                    {
                        status.set_text_content(Some(words(store.0.lang).copied));
                    }
                }
                None => {}
            }
        })
    };
    html! {
        <div class="publish" {onclick}>{ Html::from_html_unchecked(html.into()) }</div>
    }
}
