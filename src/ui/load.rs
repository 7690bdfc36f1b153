//! What the page waits for as it opens, and does in the background as it
//! shares: a förbund's own budget file (`?budget=`, `data-budget`) fetched
//! and read through the importer, and kept for offline use; the share link
//! compressed, and inflated again, with the browser's `CompressionStream`.
//! Each failure becomes a typed reason the opening words, never a panic.

use super::browser::{self, BrowserCodec, Config};
use super::text::words;
use crate::engine::import::{ImportError, ImportErrorKind, Imported};
use crate::state::persist::file::{check_address, BudgetFile, FileError, MAX_BYTES, TIMEOUT_MS};
use crate::state::persist::link::{self, Carried};
use crate::state::persist::ReadError;
use crate::state::State;
use js_sys::{Array, Promise, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableWritablePair, Response};

/// Where a loaded budget file is kept for the next visit without a
/// network. The service worker keeps the app; the page keeps the file,
/// so that a host page's mount point keeps it too.
const FILES_CACHE: &str = "finsam-kalkyl-budget-files";

/// Works out the state to open with, then calls `open` with it. While a
/// budget file loads, `root` (the mount point, or the page's body) says
/// so, rather than showing the default's figures as if they were the
/// förbund's.
pub fn open_page(config: Config, root: web_sys::Element, open: impl FnOnce(Config, State) + 'static) {
    let waiting = config.budget.as_ref().and_then(|_| {
        let lang = config
            .lang
            .as_deref()
            .and_then(crate::state::persist::start::parse_lang);
        let note = gloo::utils::document().create_element("p").ok()?;
        note.set_class_name("fk loading-budget");
        note.set_attribute("role", "status").ok()?;
        note.set_text_content(Some(words(lang.unwrap_or_default()).loading_budget));
        root.append_child(&note).ok()?;
        Some(note)
    });
    yew::platform::spawn_local(async move {
        let link = match link::find(&browser::fragment(), &BrowserCodec) {
            None => None,
            Some(Err(why)) => Some(Err(why)),
            Some(Ok(Carried::Json(json))) => Some(Ok(json)),
            Some(Ok(Carried::Deflated(bytes))) => Some(inflate(&bytes).await.ok_or(ReadError::Encoding)),
        };
        let file = match &config.budget {
            Some(name) => Some(BudgetFile {
                name: name.clone(),
                loaded: budget_file(name).await,
            }),
            None => None,
        };
        let state = browser::initial_state(&config, link, file);
        if let Some(note) = waiting {
            note.remove();
        }
        open(config, state);
    });
}

/// A budget file, named as the page writes it (relative to the page), as
/// the importer reads it: a table (CSV, TSV) through the import worker,
/// the canonical JSON here.
async fn budget_file(name: &str) -> Result<Imported, FileError> {
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    let address = web_sys::Url::new_with_base(name, &base)
        .map_err(|_| FileError::Address)?
        .href();
    check_address(&address)?;
    let bytes = match fetch(&address).await {
        Ok(bytes) => {
            keep(&address, &bytes).await;
            bytes
        }
        Err(FileError::Unreachable | FileError::TimedOut) if !online() => {
            kept(&address).await.ok_or(FileError::Offline)?
        }
        Err(why @ (FileError::Unreachable | FileError::TimedOut)) => kept(&address).await.ok_or(why)?,
        Err(why) => return Err(why),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if super::importer::looks_like_json(bytes) {
        return browser::budget_from_json(&String::from_utf8_lossy(bytes))
            .map(Imported::from)
            .map_err(|why| {
                FileError::Unreadable(ImportError {
                    line: None,
                    cell: None,
                    kind: ImportErrorKind::Json(why),
                })
            });
    }
    import(bytes).await.map_err(FileError::Unreadable)
}

fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// The file's bytes, read as they come so that a file over [`MAX_BYTES`]
/// is stopped there, and all of it within [`TIMEOUT_MS`].
async fn fetch(address: &str) -> Result<Vec<u8>, FileError> {
    let window = gloo::utils::window();
    let controller = web_sys::AbortController::new().map_err(|_| FileError::Unreachable)?;
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let (timed_out, controller) = (timed_out.clone(), controller.clone());
        gloo::timers::callback::Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let failed = |_| {
        if timed_out.get() {
            FileError::TimedOut
        } else {
            FileError::Unreachable
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(address, &init))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(FileError::Status(response.status()));
    }
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(failed)?;
        let value = js_sys::Reflect::get(&chunk, &"value".into()).unwrap_or_default();
        let Some(part) = value.dyn_ref::<Uint8Array>() else {
            return Ok(bytes);
        };
        if bytes.len() + part.length() as usize > MAX_BYTES {
            controller.abort();
            return Err(FileError::TooLarge);
        }
        bytes.extend(part.to_vec());
    }
}

/// Keeps a loaded file in the browser's cache (where it has one: not on
/// `file://` or plain http to another host).
async fn keep(address: &str, bytes: &[u8]) {
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
        return;
    };
    let Ok(cache) = JsFuture::from(caches.open(FILES_CACHE)).await else {
        return;
    };
    let cache: web_sys::Cache = cache.unchecked_into();
    if let Ok(response) = Response::new_with_opt_u8_array(Some(&mut bytes.to_vec())) {
        let _ = JsFuture::from(cache.put_with_str(address, &response)).await;
    }
}

/// The copy [`keep`] made on an earlier visit.
async fn kept(address: &str) -> Option<Vec<u8>> {
    let caches = web_sys::window()?.caches().ok()?;
    let response = JsFuture::from(caches.match_with_str(address)).await.ok()?;
    let response: Response = response.dyn_into().ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// A table read in the import worker, as the import panel reads one.
async fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    let answer = Rc::new(RefCell::new(None));
    let request: JsValue = Uint8Array::from(bytes).into();
    let done = Promise::new(&mut |resolve, _| {
        let (answer, request) = (answer.clone(), request.clone());
        super::workers::import_in_worker(
            request,
            yew::Callback::from(move |result| {
                *answer.borrow_mut() = Some(result);
                let _ = resolve.call0(&JsValue::NULL);
            }),
        );
    });
    let _ = JsFuture::from(done).await;
    let answer = answer.borrow_mut().take();
    answer.unwrap_or(Err(ImportError {
        line: None,
        cell: None,
        kind: ImportErrorKind::Empty,
    }))
}

/// `bytes` through the browser's `CompressionStream` or
/// `DecompressionStream` (`class`) for raw deflate, as a Response to read
/// the result from; none where the browser has no such stream. Reached
/// through `Reflect`: web-sys has them only behind its unstable APIs.
fn through(bytes: &[u8], class: &str) -> Option<Response> {
    let class: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &class.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let stream = js_sys::Reflect::construct(&class, &Array::of1(&"deflate-raw".into())).ok()?;
    let stream = &stream;
    let readable = js_sys::Reflect::get(stream, &"readable".into()).ok()?;
    let writable = js_sys::Reflect::get(stream, &"writable".into()).ok()?;
    let pair = ReadableWritablePair::new(&readable.unchecked_into(), &writable.unchecked_into());
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes))).ok()?;
    Response::new_with_opt_readable_stream(Some(&blob.stream().pipe_through(&pair))).ok()
}

/// Raw deflate, or none where the browser has no `CompressionStream`.
async fn deflate(text: &str) -> Option<Vec<u8>> {
    let response = through(text.as_bytes(), "CompressionStream")?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// Back from raw deflate: none when it does not inflate to text.
async fn inflate(bytes: &[u8]) -> Option<String> {
    let response = through(bytes, "DecompressionStream")?;
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// The fragment of the state's link: compressed, or as before where the
/// browser cannot compress.
async fn fragment(json: String) -> String {
    match deflate(&json).await {
        Some(bytes) => link::compressed(&bytes),
        None => link::plain(&json, &BrowserCodec),
    }
}

/// The page's address with the state's link, for `then`.
pub fn link_url(state: &State, then: impl FnOnce(String) + 'static) {
    let json = link::json(state, &BrowserCodec);
    yew::platform::spawn_local(async move { then(browser::here() + &fragment(json).await) });
}

thread_local! {
    /// Address bar updates asked for: only the newest one is written.
    static ADDRESS: Cell<u32> = const { Cell::new(0) };
}

/// Puts the state's link in the address bar, so that the page can be
/// bookmarked or shared as it stands; none at the default's baseline.
pub fn show_in_address(state: &State) {
    let json = link::in_address(state).then(|| link::json(state, &BrowserCodec));
    let turn = ADDRESS.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    yew::platform::spawn_local(async move {
        let fragment = match json {
            Some(json) => fragment(json).await,
            None => String::new(),
        };
        if ADDRESS.with(Cell::get) == turn {
            browser::set_address(&(browser::here() + &fragment));
        }
    });
}
