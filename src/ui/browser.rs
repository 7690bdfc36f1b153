//! What the app asks of the browser: where it is mounted, the share link in
//! the URL fragment, the autosave in localStorage, the clipboard, printing
//! and the iframe's height. Every call can fail (private mode, file://, an
//! old browser); each failure becomes a notice, never a panic.

use crate::engine::import::{ImportError, ImportErrorKind, ImportReply, Imported};
use crate::engine::{presets, Lang};
use crate::state::{Notice, PresetReader, State};
use wasm_bindgen::{JsCast, JsValue};

/// JSON through the browser's own `JSON.stringify`, with serde-wasm-bindgen
/// in between: serde_json's parser and printer stay out of the wasm.
pub fn to_json<T: serde::Serialize>(value: &T, pretty: bool) -> Result<String, String> {
    let js = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())?;
    let indent = if pretty {
        JsValue::from(2)
    } else {
        JsValue::UNDEFINED
    };
    js_sys::JSON::stringify_with_replacer_and_space(&js, &JsValue::NULL, &indent)
        .map(String::from)
        .map_err(|e| js_message(&e))
}

/// A JavaScript error's message. Its Debug form would bring float
/// formatting (about 10 KB) into the wasm for a message few ever see.
pub fn js_message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "okänt fel i webbläsaren".into())
}

/// JSON through the browser's own `JSON.parse`.
pub fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let js = js_sys::JSON::parse(text).map_err(|_| "det är inte giltig JSON".to_string())?;
    serde_wasm_bindgen::from_value(js).map_err(|e| e.to_string())
}

/// A budget in the canonical JSON model: its schema version first, so an
/// old or newer file gets a message that says so.
pub fn budget_from_json(text: &str) -> Result<crate::engine::Budget, String> {
    let js = js_sys::JSON::parse(text).map_err(|_| "filen är inte giltig JSON".to_string())?;
    let version = js_sys::Reflect::get(&js, &"schema_version".into())
        .ok()
        .and_then(|v| v.as_f64())
        .map(|v| v as u32);
    crate::engine::Budget::check_version(version)?;
    let budget: crate::engine::Budget = serde_wasm_bindgen::from_value(js)
        .map_err(|e| format!("JSON-filen följer inte budgetschemat: {e}"))?;
    budget.validate()?;
    Ok(budget)
}

/// The page reads a preset's budget from its JSON (see `engine::presets`).
pub const READ_JSON: PresetReader = PresetReader(|p| budget_from_json(p.json).ok());

/// The localStorage key, versioned with the saved format.
const STORAGE_KEY: &str = "finsam-kalkyl/v1";
/// The fragment prefix of a share link.
const LINK_PREFIX: &str = "#s=";

/// How the page is shown, from the URL (`?embed&preset=…&lang=en`) or from
/// a host page's mount element (`data-preset`, `data-lang`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Inside a förbund's page: no header, no footer, and the iframe's
    /// height follows the content.
    pub embed: bool,
    pub preset: Option<String>,
    pub lang: Option<Lang>,
}

fn parse_lang(s: &str) -> Option<Lang> {
    match s {
        "sv" => Some(Lang::Sv),
        "en" => Some(Lang::En),
        _ => None,
    }
}

impl Config {
    pub fn from_url() -> Config {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let get = |k: &str| params.as_ref().and_then(|p| p.get(k));
        Config {
            embed: params.as_ref().is_some_and(|p| p.has("embed")),
            preset: get("preset").filter(|p| presets::find(p).is_some()),
            lang: get("lang").as_deref().and_then(parse_lang),
        }
    }

    pub fn from_element(element: &web_sys::Element) -> Config {
        Config {
            embed: true,
            preset: element
                .get_attribute("data-preset")
                .filter(|p| presets::find(p).is_some()),
            lang: element.get_attribute("data-lang").as_deref().and_then(parse_lang),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Throws in some private modes and sandboxed frames: treated as absent.
    web_sys::window()?.local_storage().ok().flatten()
}

fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The state to open with: a share link wins, then what this browser
/// saved, then the preset asked for (or the default). What could not be
/// read is said in a notice.
pub fn initial_state(config: &Config) -> State {
    let mut state = opening_state(config);
    // Said at once: a notice that appears later, on the first save, pushes
    // the page down just as someone reaches for a field.
    if state.notice.is_none() && !storage_writable() {
        state.notice = Some(Notice::StorageUnavailable);
    }
    state
}

fn storage_writable() -> bool {
    const PROBE: &str = "finsam-kalkyl/probe";
    storage().is_some_and(|s| s.set_item(PROBE, "1").is_ok() && s.remove_item(PROBE).is_ok())
}

fn opening_state(config: &Config) -> State {
    let lang = config.lang.unwrap_or_default();
    let fallback = || {
        config
            .preset
            .as_deref()
            .and_then(|p| State::from_preset(p, lang, READ_JSON))
            .unwrap_or_else(|| State::new(lang, READ_JSON))
    };
    let hash = fragment();
    if let Some(encoded) = hash.strip_prefix(LINK_PREFIX) {
        let opened = js_sys::decode_uri_component(encoded)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| "länken är inte korrekt kodad".to_string())
            .and_then(|json| from_json(&json).map_err(|e| format!("länken är skadad ({e})")))
            .and_then(|link| State::from_link_value(link, READ_JSON));
        let mut state = match opened {
            Ok(state) => state,
            Err(why) => {
                let mut state = fallback();
                state.notice = Some(Notice::BadLink(why));
                state
            }
        };
        if let Some(l) = config.lang {
            state.lang = l;
        }
        // Named scenarios live in this browser, whatever the link says.
        if let Some(Ok(saved)) = storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .map(|j| from_json(&j).and_then(|saved| State::from_saved_value(saved, READ_JSON)))
        {
            state.named = saved.named;
        }
        return state;
    }
    if config.preset.is_none() {
        if let Some(json) = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()) {
            let restored = from_json(&json)
                .map_err(|e| format!("sparade data är skadade ({e})"))
                .and_then(|saved| State::from_saved_value(saved, READ_JSON));
            return match restored {
                Ok(mut state) => {
                    if let Some(l) = config.lang {
                        state.lang = l;
                    }
                    state
                }
                Err(why) => {
                    let mut state = fallback();
                    state.notice = Some(Notice::BadSaved(why));
                    state
                }
            };
        }
    }
    fallback()
}

/// Saves the state in this browser and puts the scenario in the address
/// bar, so the page can be bookmarked or shared as it stands.
pub fn persist(state: &State, touch_url: bool) -> Result<(), Notice> {
    if let (true, Some(window)) = (touch_url, web_sys::window()) {
        if let Ok(history) = window.history() {
            // At the baseline of the default budget the address stays clean.
            let url = if state.saved().scenario == crate::engine::Scenario::default()
                && state.link().preset == presets::DEFAULT_PRESET
            {
                link_url(state).split('#').next().unwrap_or_default().to_string()
            } else {
                link_url(state)
            };
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
    let json = to_json(&state.saved(), false).map_err(|_| Notice::StorageUnavailable)?;
    let storage = storage().ok_or(Notice::StorageUnavailable)?;
    // Fails when storage is full or blocked.
    storage
        .set_item(STORAGE_KEY, &json)
        .map_err(|_| Notice::StorageUnavailable)
}

/// The page's address with the scenario in the fragment. The fragment is
/// never sent to any server.
pub fn link_url(state: &State) -> String {
    let json = to_json(&state.link(), false).unwrap_or_default();
    let encoded: String = js_sys::encode_uri_component(&json).into();
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = here.split('#').next().unwrap_or_default();
    format!("{base}{LINK_PREFIX}{encoded}")
}

/// Copies text to the clipboard where the browser allows it. The link is
/// shown on the page either way, so nothing depends on this working.
pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Today's date, as Swedes write it: "22 november 2026".
pub fn today(lang: Lang) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let locale = if lang == Lang::Sv { "sv-SE" } else { "en-GB" };
    js_sys::Date::new_0()
        .to_locale_date_string(locale, &options)
        .into()
}

/// Tells the page around an embedding iframe how tall the calculator is.
/// The number is all it says, so any origin may read it; the host checks
/// that the message comes from the calculator's origin.
pub fn post_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let height = window
        .document()
        .and_then(|d| d.document_element())
        .map(|e| e.scroll_height())
        .unwrap_or_default();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"finsam-kalkyl:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
    let _ = parent.post_message(&message, "*");
}

/// Runs `f` in a task of its own once the browser has painted the next
/// frame: a callback at the next animation frame runs just before that
/// paint, and a timeout set from there runs after it.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let mut f = Some(f);
    let later = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = f.take() {
            gloo::timers::callback::Timeout::new(0, f).forget();
        }
    });
    let _ = gloo::utils::window().request_animation_frame(later.as_ref().unchecked_ref());
    // A few bytes, three times per page: simpler than keeping it to drop.
    later.forget();
}

/// Posts the height now and on every change of the page's size.
pub fn watch_height() {
    post_height();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(post_height);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            observer.observe(&root);
        }
    }
    // The observer lives as long as the page.
    callback.forget();
}

/// Offers bytes as a file to save, without a server: a Blob, an object
/// URL, and a link clicked on the person's behalf.
pub fn download(bytes: &[u8], filename: &str, mime: &str) -> Result<(), JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// One of the app's workers (export, import), started the first time it
/// is needed. It says "ready" once its wasm has loaded; until then
/// requests wait here.
struct Helper {
    worker: web_sys::Worker,
    ready: bool,
    pending: Vec<JsValue>,
}

type Slot = &'static std::thread::LocalKey<std::cell::RefCell<Option<Helper>>>;
type ExportDone = yew::Callback<Result<(), String>>;
type ImportDone = yew::Callback<Result<Imported, ImportError>>;

thread_local! {
    static EXPORTER: std::cell::RefCell<Option<Helper>> = const { std::cell::RefCell::new(None) };
    static IMPORTER: std::cell::RefCell<Option<Helper>> = const { std::cell::RefCell::new(None) };
    /// The file name and the callback of the workbook being made.
    static EXPORT_JOB: std::cell::RefCell<Option<(String, ExportDone)>> =
        const { std::cell::RefCell::new(None) };
    /// Imports asked for and answered, and who hears the newest answer.
    static IMPORT_JOB: std::cell::RefCell<(u32, u32, Option<ImportDone>)> =
        const { std::cell::RefCell::new((0, 0, None)) };
}

/// The worker called `name`, started from its loader. The loader's file
/// name carries a content hash, so the page is told where it is: index.html
/// and a host page's embed.js name each loader, the single file gives each
/// as a Blob.
fn new_worker(name: &str) -> Option<web_sys::Worker> {
    let window: JsValue = web_sys::window()?.into();
    let workers = js_sys::Reflect::get(&window, &JsValue::from_str("__finsamWorkers")).ok()?;
    let url = js_sys::Reflect::get(&workers, &JsValue::from_str(name))
        .ok()?
        .as_string()?;
    web_sys::Worker::new(&url).ok()
}

/// Starts the worker in `slot` if it is not running. False when this
/// browser cannot start it.
fn start(slot: Slot, name: &str, on_reply: fn(JsValue), on_fail: fn()) -> bool {
    slot.with(|h| {
        let mut h = h.borrow_mut();
        if h.is_none() {
            *h = new_worker(name).map(|worker| {
                let on_message = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                    move |e: web_sys::MessageEvent| {
                        let data = e.data();
                        if data.as_string().as_deref() != Some("ready") {
                            return on_reply(data);
                        }
                        let waiting = slot.with(|h| {
                            h.borrow_mut().as_mut().map(|h| {
                                h.ready = true;
                                (h.worker.clone(), std::mem::take(&mut h.pending))
                            })
                        });
                        if let Some((worker, pending)) = waiting {
                            for request in pending {
                                let _ = worker.post_message(&request);
                            }
                        }
                    },
                );
                // A worker that failed to load, or trapped, is dropped: the
                // next request starts a new one instead of waiting for ever.
                let on_error = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
                    move |_: web_sys::Event| {
                        if let Some(h) = slot.with(|h| h.borrow_mut().take()) {
                            h.worker.terminate();
                        }
                        on_fail();
                    },
                );
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                // The worker lives as long as the page, and so do its handlers.
                on_message.forget();
                on_error.forget();
                Helper {
                    worker,
                    ready: false,
                    pending: Vec::new(),
                }
            });
        }
        h.is_some()
    })
}

/// Sends a request to the worker in `slot`, now or once it is ready.
fn send(slot: Slot, request: JsValue) {
    slot.with(|h| {
        if let Some(h) = h.borrow_mut().as_mut() {
            if h.ready {
                let _ = h.worker.post_message(&request);
            } else {
                h.pending.push(request);
            }
        }
    });
}

fn export_finished(result: Result<(), String>) {
    if let Some((_, done)) = EXPORT_JOB.with(|j| j.borrow_mut().take()) {
        done.emit(result);
    }
}

fn on_workbook(data: JsValue) {
    let filename = EXPORT_JOB.with(|j| j.borrow().as_ref().map(|j| j.0.clone()));
    let result = match (data.dyn_ref::<js_sys::Uint8Array>(), filename) {
        (Some(bytes), Some(filename)) => download(
            &bytes.to_vec(),
            &filename,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        .map_err(|e| js_message(&e)),
        _ => Err(data.as_string().unwrap_or_default()),
    };
    export_finished(result);
}

/// Asks the export worker for a workbook and saves it; `done` hears how it
/// went. The worker is large, so it loads only now, and only once.
pub fn export_xlsx(request: String, filename: String, done: ExportDone) {
    let failed = || export_finished(Err("exportens arbetare kunde inte laddas".into()));
    if !start(&EXPORTER, "finsam-export", on_workbook, failed) {
        done.emit(Err("exporten kunde inte starta i den här webbläsaren".into()));
        return;
    }
    EXPORT_JOB.with(|j| *j.borrow_mut() = Some((filename, done)));
    send(&EXPORTER, JsValue::from_str(&request));
}

fn import_failed(sv: &str, en: &str) -> Result<Imported, ImportError> {
    Err(ImportError {
        line: None,
        cell: None,
        kind: ImportErrorKind::Worded {
            sv: sv.into(),
            en: en.into(),
        },
    })
}

/// Only the answer to the newest request is shown: while a person types,
/// earlier answers are already out of date.
fn import_answered(result: Result<Imported, ImportError>) {
    let done = IMPORT_JOB.with(|j| {
        let mut j = j.borrow_mut();
        j.1 += 1;
        if j.1 == j.0 {
            j.2.clone()
        } else {
            None
        }
    });
    if let Some(done) = done {
        done.emit(result);
    }
}

fn on_import_reply(data: JsValue) {
    let reply = data
        .as_string()
        .ok_or_else(String::new)
        .and_then(|json| from_json::<ImportReply>(&json));
    import_answered(match reply {
        Ok(reply) => reply.into_result(),
        Err(_) => import_failed(
            "Tabellen kunde inte läsas: importen svarade oväntat.",
            "The table could not be read: the import answered unexpectedly.",
        ),
    });
}

fn importer_failed() {
    // Every request still waiting is answered, so none waits for ever.
    let waiting = IMPORT_JOB.with(|j| {
        let j = j.borrow();
        j.0 - j.1
    });
    for _ in 0..waiting {
        import_answered(import_failed(
            "Tabellen kunde inte läsas: importens arbetare kunde inte laddas. Ladda om sidan och försök igen.",
            "The table could not be read: the import worker could not be loaded. Reload the page and try again.",
        ));
    }
}

/// Starts the import worker, so that it has loaded by the time a person
/// pastes a table.
pub fn warm_importer() {
    start(&IMPORTER, "finsam-import", on_import_reply, importer_failed);
}

/// Nobody waits for the imports asked for so far any more: the panel was
/// closed, or a JSON budget (read here, not in the worker) took their place.
pub fn forget_imports() {
    IMPORT_JOB.with(|j| j.borrow_mut().2 = None);
}

/// Reads a pasted table (a string) or a file (its bytes) in the import
/// worker; `done` hears the importer's answer.
pub fn import_in_worker(request: JsValue, done: ImportDone) {
    if !start(&IMPORTER, "finsam-import", on_import_reply, importer_failed) {
        done.emit(import_failed(
            "Importen kunde inte starta i den här webbläsaren.",
            "The import could not start in this browser.",
        ));
        return;
    }
    IMPORT_JOB.with(|j| {
        let mut j = j.borrow_mut();
        j.0 += 1;
        j.2 = Some(done);
    });
    send(&IMPORTER, request);
}
