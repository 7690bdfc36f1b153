//! What the app asks of the browser: where it is mounted, the address and
//! localStorage (read as raw text and handed to `state::persist`), JSON
//! and URI encoding, the clipboard, printing, downloads and the iframe's
//! height. Every call can fail (private mode, file://, an old browser);
//! each failure becomes a notice, never a panic.

use crate::engine::Budget;
use crate::state::persist::{link, read_budget, start, Codec, ParseError};
use crate::state::{ExportFailure, Notice, PresetReader, State};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::{JsCast, JsValue};

/// JSON through the browser's own `JSON.parse` and `JSON.stringify`, with
/// serde-wasm-bindgen in between: serde_json's parser and printer stay out
/// of the wasm.
#[derive(Clone, Copy)]
pub struct BrowserCodec;

impl Codec for BrowserCodec {
    fn parse<T: DeserializeOwned>(&self, text: &str) -> Result<T, ParseError> {
        let js = js_sys::JSON::parse(text).map_err(|_| ParseError::NotJson)?;
        serde_wasm_bindgen::from_value(js).map_err(|_| ParseError::Shape)
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

/// How the page is shown, from the URL (`?embed&preset=…&lang=en`) or from
/// a host page's mount element (`data-preset`, `data-lang`), as written
/// there: `state::persist::start` decides what they mean.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Inside a förbund's page: no header, no footer, and the iframe's
    /// height follows the content.
    pub embed: bool,
    pub preset: Option<String>,
    pub lang: Option<String>,
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
        }
    }

    pub fn from_element(element: &web_sys::Element) -> Config {
        Config {
            embed: true,
            preset: element.get_attribute("data-preset"),
            lang: element.get_attribute("data-lang"),
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

/// The state to open with: what the address and this browser hold, read
/// here and decided by `state::persist::start`.
pub fn initial_state(config: &Config) -> State {
    let opening = start::Opening {
        preset: config.preset.clone(),
        lang: config.lang.clone(),
        fragment: web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default(),
        saved: storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()),
        storage_writable: storage_writable(),
    };
    start::open_page(&opening, &BrowserCodec, READ_JSON)
}

/// The page's address without its fragment.
fn here() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Saves the state in this browser and puts the scenario in the address
/// bar, so the page can be bookmarked or shared as it stands.
pub fn persist(state: &State, touch_url: bool) -> Result<(), Notice> {
    if let (true, Some(window)) = (touch_url, web_sys::window()) {
        if let Ok(history) = window.history() {
            let url = here() + &link::address(state, &BrowserCodec).unwrap_or_default();
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
    let json = to_json(&state.saved(), false).ok_or(Notice::StorageUnavailable)?;
    let storage = storage().ok_or(Notice::StorageUnavailable)?;
    // Fails when storage is full or blocked.
    storage
        .set_item(STORAGE_KEY, &json)
        .map_err(|_| Notice::StorageUnavailable)
}

/// The page's address with the scenario in the fragment. The fragment is
/// never sent to any server.
pub fn link_url(state: &State) -> String {
    here() + &link::write(state, &BrowserCodec)
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
