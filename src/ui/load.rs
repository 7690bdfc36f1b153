//! What the page waits for as it opens, and does in the background as it
//! shares: a förbund's own budget file (`?budget=`, `data-budget`), which
//! the import worker fetches and reads (`crate::fetch`), and the share link
//! compressed, and inflated again, with the browser's `CompressionStream`.
//! Each failure becomes a typed reason the opening words, never a panic.

use super::browser::{self, BrowserCodec, Config};
use super::text::words;
use crate::engine::import::{ImportError, ImportErrorKind, ImportReply, Imported};
use crate::state::persist::file::{check_address, BudgetFile, FileError};
use crate::state::persist::link::{self, Carried};
use crate::state::persist::{start::parse_lang, ReadError};
use crate::state::State;
use js_sys::{Array, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Response;

/// Work that waits for the browser. One type, so that the executor's code
/// for it is in the page once.
type Task = Pin<Box<dyn Future<Output = ()>>>;

fn spawn(task: Task) {
    yew::platform::spawn_local(task);
}

/// What a promise settles to; none when it is rejected.
async fn settled(promise: Promise) -> Option<JsValue> {
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// Works out the state to open with, then calls `open` with it. While a
/// budget file loads, the mount point (`host`) says so, rather than
/// showing the default's figures as if they were the förbund's; the page
/// itself shows its loading message meanwhile (`www/first.js`).
pub fn open_page(config: Config, host: Option<web_sys::Element>, open: impl FnOnce(Config, State) + 'static) {
    let waiting = host.filter(|_| config.budget.is_some()).and_then(|root| {
        let lang = config.lang.as_deref().and_then(parse_lang).unwrap_or_default();
        let note = gloo::utils::document().create_element("p").ok()?;
        note.set_class_name("fk loading-budget");
        note.set_attribute("role", "status").ok()?;
        note.set_text_content(Some(words(lang).loading_budget));
        root.append_child(&note).ok()?;
        Some(note)
    });
    spawn(Box::pin(async move {
        let link = match link::find(&browser::fragment(), &BrowserCodec) {
            Some(Ok(Carried::Deflated(bytes))) => Some(inflate(&bytes).await.ok_or(ReadError::Encoding)),
            Some(Ok(Carried::Json(json))) => Some(Ok(json)),
            Some(Err(why)) => Some(Err(why)),
            None => None,
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
    }));
}

/// A budget file, named as the page writes it (relative to the page),
/// fetched and read by the import worker. Nothing but http and https is
/// ever fetched.
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
    let request = js_sys::Object::new();
    let _ = Reflect::set(&request, &"budget".into(), &address.into());
    let answer = Rc::new(RefCell::new(None));
    let done = Promise::new(&mut |resolve, _| {
        let answer = answer.clone();
        super::workers::import_in_worker(
            request.clone().into(),
            yew::Callback::from(move |reply: ImportReply| {
                *answer.borrow_mut() = Some(reply);
                let _ = resolve.call0(&JsValue::NULL);
            }),
        );
    });
    settled(done).await;
    let reply = answer.borrow_mut().take();
    let reply = reply.ok_or(FileError::Unreachable)?;
    match (&reply.fetch, &reply.json) {
        (Some(code), _) => Err(FileError::from_code(code)),
        (None, Some(json)) => browser::budget_from_json(json)
            .map(Imported::from)
            .map_err(|why| {
                FileError::Unreadable(ImportError {
                    line: None,
                    cell: None,
                    kind: ImportErrorKind::Json(why),
                })
            }),
        (None, None) => reply.into_result().map_err(FileError::Unreadable),
    }
}

/// A file's bytes (none when it cannot be read), for `then`: with the
/// waiting the page has already, rather than a FileReader's callbacks.
pub fn read_bytes(file: web_sys::File, then: impl FnOnce(Vec<u8>) + 'static) {
    spawn(Box::pin(async move {
        let bytes = settled(file.array_buffer()).await;
        then(bytes.map(|b| Uint8Array::new(&b).to_vec()).unwrap_or_default());
    }));
}

/// `bytes` through the browser's `CompressionStream` for raw deflate, as a
/// Response to read the result from; none where the browser has no such
/// stream. Reached through `Reflect`: web-sys has it only among its
/// unstable APIs. (Inflating is `www/takeover.js`'s, in bounded steps.)
fn deflate(bytes: &[u8]) -> Option<Response> {
    let class: js_sys::Function = Reflect::get(&js_sys::global(), &"CompressionStream".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let stream = Reflect::construct(&class, &Array::of1(&"deflate-raw".into())).ok()?;
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes))).ok()?;
    // The stream is its own readable and writable pair.
    Response::new_with_opt_readable_stream(Some(&blob.stream().pipe_through(stream.unchecked_ref()))).ok()
}

/// The most a link's JSON may inflate to: far above any budget's (the
/// importer takes tables up to 1 MB), far below what a crafted link of a
/// few megabytes could make the browser build.
const MAX_INFLATED: u32 = 8 << 20;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `www/takeover.js`, in the page's and embed.js's script.
    #[wasm_bindgen(js_namespace = window, js_name = finsamInflate, catch)]
    fn inflate_in_page(bytes: &Uint8Array, max: u32) -> Result<Promise, JsValue>;
}

/// Back from raw deflate: none when it does not inflate to text, or to
/// more than `MAX_INFLATED` bytes.
async fn inflate(bytes: &[u8]) -> Option<String> {
    // A copy: the stream reads it after the call, when a view into the
    // wasm's memory may no longer hold.
    let bytes = Uint8Array::from(bytes);
    settled(inflate_in_page(&bytes, MAX_INFLATED).ok()?)
        .await?
        .as_string()
}

/// The fragment of a link's JSON: compressed, or as before where the
/// browser cannot compress.
async fn fragment(json: String) -> String {
    let deflated = match deflate(json.as_bytes()).map(|r| r.array_buffer()) {
        Some(Ok(buffer)) => settled(buffer).await,
        _ => None,
    };
    match deflated {
        Some(buffer) => link::compressed(&Uint8Array::new(&buffer).to_vec()),
        None => link::plain(&json, &BrowserCodec),
    }
}

/// The fragment of a link's JSON (none: no link) for `then`, once it is
/// compressed. One function for the share button and the address bar, so
/// that its waiting is in the page once.
fn with_fragment(json: Option<String>, then: Box<dyn FnOnce(String)>) {
    spawn(Box::pin(async move {
        then(match json {
            Some(json) => fragment(json).await,
            None => String::new(),
        })
    }));
}

/// The page's address with the state's link, for `then`.
pub fn link_url(state: &State, then: impl FnOnce(String) + 'static) {
    let json = link::json(state, &BrowserCodec);
    with_fragment(
        Some(json),
        Box::new(move |fragment| then(browser::here() + &fragment)),
    );
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
    with_fragment(
        json,
        Box::new(move |fragment| {
            if ADDRESS.with(Cell::get) == turn {
                browser::set_address(&(browser::here() + &fragment));
            }
        }),
    );
}
