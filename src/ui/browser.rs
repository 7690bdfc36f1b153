//! What the app asks of the browser: where it is mounted, the address and
//! localStorage (read as raw text and handed to `state::persist`), JSON
//! and URI encoding, the clipboard, printing, downloads and the iframe's
//! height. Every call can fail (private mode, file://, an old browser);
//! each failure becomes a notice, never a panic.

use crate::engine::Budget;
use crate::state::persist::start::{self, Aside};
use crate::state::persist::{file::BudgetFile, read_budget, Codec, ParseError, ReadError};
use crate::state::{ExportFailure, Notice, PresetReader, State};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::{JsCast, JsValue};

/// JSON through the browser's own `JSON.parse` and `JSON.stringify`, with
/// [`super::from_js`] (reading) and serde-wasm-bindgen (writing) in
/// between: serde_json's parser and printer stay out of the wasm.
#[derive(Clone, Copy)]
pub struct BrowserCodec;

impl Codec for BrowserCodec {
    fn parse<T: DeserializeOwned>(&self, text: &str) -> Result<T, ParseError> {
        let js = js_sys::JSON::parse(text).map_err(|_| ParseError::NotJson)?;
        super::from_js::from_js(js).map_err(|_| ParseError::Shape)
    }

    fn print<T: Serialize>(&self, value: &T) -> Option<String> {
        to_json(value, false)
    }

    fn version(&self, text: &str, field: &str) -> Option<u32> {
        let js = js_sys::JSON::parse(text).ok()?;
        let v = js_sys::Reflect::get(&js, &field.into()).ok()?.as_f64()?;
        // Whole and in range, or it is no version this app ever wrote.
        (v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v)).then_some(v as u32)
    }

    fn decode_component(&self, text: &str) -> Option<String> {
        js_sys::decode_uri_component(text).ok()?.as_string()
    }

    fn encode_component(&self, text: &str) -> String {
        js_sys::encode_uri_component(text).into()
    }
}

/// JSON as `JSON.stringify` writes it, indented when `pretty`.
pub fn to_json<T: Serialize>(value: &T, pretty: bool) -> Option<String> {
    let js = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()?;
    let indent = if pretty {
        JsValue::from(2)
    } else {
        JsValue::UNDEFINED
    };
    js_sys::JSON::stringify_with_replacer_and_space(&js, &JsValue::NULL, &indent)
        .ok()
        .map(String::from)
}

/// A budget in the canonical JSON model, as a file or a preset holds it.
pub fn budget_from_json(text: &str) -> Result<Budget, crate::engine::BudgetError> {
    read_budget(text, &BrowserCodec)
}

/// The page reads a preset's budget from its JSON (see `engine::presets`).
pub const READ_JSON: PresetReader = PresetReader(|p| budget_from_json(p.json).ok());

/// The localStorage key, versioned with the saved format.
pub const STORAGE_KEY: &str = "finsam-kalkyl/v1";

/// How the page is shown, from the URL (`?embed&preset=…&lang=en`,
/// `?budget=…`) or from a host page's mount element (`data-preset`,
/// `data-lang`, `data-budget`), as written there: `state::persist::start`
/// decides what they mean.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Inside a förbund's page: no header, no footer, and the iframe's
    /// height follows the content.
    pub embed: bool,
    pub preset: Option<String>,
    pub lang: Option<String>,
    /// The förbund's own budget file, relative to the page (`ui::load`).
    pub budget: Option<String>,
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
            preset: get("preset"),
            lang: get("lang"),
            budget: get("budget"),
        }
    }

    pub fn from_element(element: &web_sys::Element) -> Config {
        Config {
            embed: true,
            preset: element.get_attribute("data-preset"),
            lang: element.get_attribute("data-lang"),
            budget: element.get_attribute("data-budget"),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Throws in some private modes and sandboxed frames: treated as absent.
    web_sys::window()?.local_storage().ok().flatten()
}

fn storage_writable() -> bool {
    const PROBE: &str = "finsam-kalkyl/probe";
    storage().is_some_and(|s| s.set_item(PROBE, "1").is_ok() && s.remove_item(PROBE).is_ok())
}

thread_local! {
    /// What was saved could not be read, nor set aside: saving would write
    /// over it, so nothing is saved this visit.
    static SAVE_OFF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The page has said that this browser keeps nothing.
    static SAID: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True the first time only: that saving is off is said once a visit.
pub fn first_word() -> bool {
    !SAID.replace(true)
}

/// The address's fragment, where a share link is.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The state to open with: what the address and this browser hold, read
/// here, with the link and the budget file as `ui::load` found them, and
/// decided by `state::persist::start`.
pub fn initial_state(
    config: &Config,
    link: Option<Result<String, ReadError>>,
    file: Option<BudgetFile>,
) -> State {
    let opening = start::Opening {
        preset: config.preset.clone(),
        lang: config.lang.clone(),
        link,
        saved: storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()),
        storage_writable: storage_writable(),
        file,
    };
    let opened = start::open(&opening, &BrowserCodec, READ_JSON);
    if let (true, Some(text)) = (opened.set_aside, &opening.saved) {
        set_aside(text);
    }
    SAID.set(matches!(
        opened.state.notice.as_deref(),
        Some(Notice::StorageUnavailable)
    ));
    opened.state
}

/// Keeps a saved state this version cannot read under a key of its own,
/// where `start::aside_key` says.
fn set_aside(text: &str) {
    let kept =
        storage().is_some_and(
            |s| match start::aside_key(text, |key| s.get_item(key).ok().flatten()) {
                Aside::Keep(key) => s.set_item(key, text).is_ok(),
                Aside::Kept => true,
                Aside::NoRoom => false,
            },
        );
    SAVE_OFF.set(!kept);
}

/// The page's address without its fragment.
pub fn here() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Shows `url` in the address bar, without a new history entry.
pub fn set_address(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// Saves the state in this browser and puts the scenario in the address
/// bar (compressed, a moment later), so the page can be bookmarked or
/// shared as it stands.
pub fn persist(state: &State, touch_url: bool) -> Result<(), Notice> {
    if touch_url {
        super::load::show_in_address(state);
    }
    if SAVE_OFF.get() {
        return Err(Notice::StorageUnavailable);
    }
    let json = to_json(&state.saved(), false).ok_or(Notice::StorageUnavailable)?;
    let storage = storage().ok_or(Notice::StorageUnavailable)?;
    // Fails when storage is full or blocked.
    storage
        .set_item(STORAGE_KEY, &json)
        .map_err(|_| Notice::StorageUnavailable)
}

/// Copies the share link to the clipboard where the browser allows it;
/// `done` hears whether it did. A page served over plain http has no
/// clipboard at all, and a browser may refuse, or ask the person, who may
/// say no: then the link is selected in its field, to copy by hand, once
/// the page has drawn what `done` changed (the promise's next step runs
/// after the render that `done` queued).
pub fn copy_link(url: &str, done: impl FnOnce(bool) + 'static) {
    let copying = write_clipboard(url);
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let refused = std::rc::Rc::new(std::cell::Cell::new(false));
    let answer = |copied: bool| {
        let (done, refused) = (done.clone(), refused.clone());
        wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            refused.set(!copied);
            if let Some(done) = done.take() {
                done(copied);
            }
        })
    };
    let (yes, no) = (answer(true), answer(false));
    let select = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if refused.get() {
            select_link();
        }
    });
    let _ = copying.then2(&yes, &no).then(&select);
    // They must outlive the browser's answer: a few bytes per click.
    yes.forget();
    no.forget();
    select.forget();
}

/// Puts the focus on the share link's field and selects the link; the
/// field's label and the notice say what it is.
fn select_link() {
    if let Some(field) = gloo::utils::document().get_element_by_id("share-link") {
        let field: web_sys::HtmlInputElement = field.unchecked_into();
        let _ = field.focus();
        field.select();
    }
}

/// Copies text to the clipboard where the browser allows it. The code is
/// shown on the page either way, so nothing depends on this working.
pub fn copy_to_clipboard(text: &str) {
    let _ = write_clipboard(text);
}

/// The clipboard's promise to hold `text`; rejected at once where there is
/// no clipboard (a page served over plain http), which calling it would
/// throw on.
fn write_clipboard(text: &str) -> js_sys::Promise {
    let clipboard = gloo::utils::window().navigator().clipboard();
    if clipboard.is_undefined() {
        js_sys::Promise::reject(&JsValue::NULL)
    } else {
        clipboard.write_text(text)
    }
}

/// What is pasted, as the browser's own string, when it is longer than
/// `limit`: it is refused all the same, and copied into the page's memory
/// it would only cost time.
pub fn long_paste(e: &web_sys::Event, limit: usize) -> Option<JsValue> {
    let data = js_sys::Reflect::get(e, &"clipboardData".into()).ok()?;
    let get: js_sys::Function = js_sys::Reflect::get(&data, &"getData".into())
        .ok()?
        .unchecked_into();
    // Always a string, empty when nothing was pasted as text.
    let text = get.call1(&data, &"text".into()).ok()?;
    (text.unchecked_ref::<js_sys::JsString>().length() as usize > limit).then_some(text)
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Today's date, as Swedes write it: "22 november 2026".
pub fn today(lang: crate::engine::Lang) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let locale = if lang == crate::engine::Lang::Sv {
        "sv-SE"
    } else {
        "en-GB"
    };
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
pub fn download(bytes: &[u8], filename: &str, mime: &str) -> Result<(), ExportFailure> {
    let saved = || -> Result<(), JsValue> {
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
    };
    saved().map_err(|_| ExportFailure::Browser)
}
