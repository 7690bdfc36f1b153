//! The page's two workers: the export worker writes workbooks, the import
//! worker reads tables. Each starts the first time it is needed and says
//! "ready" once its wasm has loaded; until then requests wait here. A
//! worker that fails to load, stops, answers something it should not, or
//! gives no answer in time is stopped and dropped, whoever waits hears why,
//! and the next request starts a new one.

use super::browser::BrowserCodec;
use super::format::IntlFormat;
use crate::engine::import::ImportReply;
use crate::engine::Lang;
use crate::state::persist::Codec;
use crate::state::{ExportFailure, WorkerFailure};
use crate::words::Say;
use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};

/// One of the app's workers, and the requests waiting for it.
struct Helper {
    worker: web_sys::Worker,
    ready: bool,
    pending: Vec<JsValue>,
    /// Requests posted and not yet answered.
    asked: u32,
    /// Gives the worker up if it does not load or answer in time.
    timer: Option<Timeout>,
}

/// How long a worker may take to load, or to answer once loaded. The
/// largest table or workbook takes a second or two on a slow machine; the
/// export worker (a third of a megabyte) loads in seconds on a slow line.
const PATIENCE_MS: u32 = 30_000;

type Slot = &'static std::thread::LocalKey<std::cell::RefCell<Option<Helper>>>;
type ExportDone = yew::Callback<Result<(), ExportFailure>>;
type ImportDone = yew::Callback<ImportReply>;

/// What a worker is for: its answer, read (false when it makes no sense),
/// and what whoever waits hears when the worker is given up on.
#[derive(Clone, Copy)]
struct Role {
    slot: Slot,
    name: &'static str,
    on_reply: fn(JsValue) -> bool,
    on_fail: fn(),
}

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

const EXPORT: Role = Role {
    slot: &EXPORTER,
    name: "finsam-export",
    on_reply: on_workbook,
    on_fail: || export_finished(Err(ExportFailure::WorkerFailed)),
};

const IMPORT: Role = Role {
    slot: &IMPORTER,
    name: "finsam-import",
    on_reply: on_import_reply,
    on_fail: importer_failed,
};

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

/// Starts the wait for the worker's next word, or ends it when nothing is
/// asked of it.
fn wait(h: &mut Helper, role: Role) {
    h.timer =
        (h.asked > 0 || !h.pending.is_empty()).then(|| Timeout::new(PATIENCE_MS, move || give_up(role)));
}

/// Stops and drops the worker, and tells whoever waits.
fn give_up(role: Role) {
    if let Some(h) = role.slot.with(|h| h.borrow_mut().take()) {
        h.worker.terminate();
    }
    (role.on_fail)();
}

fn on_message(role: Role, data: JsValue) {
    let ready = data.as_string().as_deref() == Some("ready");
    let usable = role.slot.with(|h| {
        let mut h = h.borrow_mut();
        let Some(h) = h.as_mut() else { return false };
        if ready {
            h.ready = true;
            for request in std::mem::take(&mut h.pending) {
                let _ = h.worker.post_message(&request);
                h.asked += 1;
            }
        } else {
            h.asked = h.asked.saturating_sub(1);
        }
        wait(h, role);
        true
    });
    if usable && !ready && !(role.on_reply)(data) {
        give_up(role);
    }
}

/// Starts the worker for `role` if it is not running. False when this
/// browser cannot start it.
fn start(role: Role) -> bool {
    role.slot.with(|h| {
        let mut h = h.borrow_mut();
        if h.is_none() {
            *h = new_worker(role.name).map(|worker| {
                let on_message = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                    move |e: web_sys::MessageEvent| on_message(role, e.data()),
                );
                // A worker that failed to load, or threw, or trapped.
                let on_error = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
                    move |_: web_sys::Event| give_up(role),
                );
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                // The handlers live as long as the page: a few bytes for
                // each worker started.
                on_message.forget();
                on_error.forget();
                Helper {
                    worker,
                    ready: false,
                    pending: Vec::new(),
                    asked: 0,
                    timer: None,
                }
            });
        }
        h.is_some()
    })
}

/// Sends a request to the worker for `role`, now or once it is ready.
fn send(role: Role, request: JsValue) {
    role.slot.with(|h| {
        if let Some(h) = h.borrow_mut().as_mut() {
            if h.ready {
                let _ = h.worker.post_message(&request);
                h.asked += 1;
            } else {
                h.pending.push(request);
            }
            wait(h, role);
        }
    });
}

fn export_finished(result: Result<(), ExportFailure>) {
    if let Some((_, done)) = EXPORT_JOB.with(|j| j.borrow_mut().take()) {
        done.emit(result);
    }
}

/// A workbook's bytes are saved; anything else means the worker is not
/// to be trusted with the next one.
fn on_workbook(data: JsValue) -> bool {
    let filename = EXPORT_JOB.with(|j| j.borrow().as_ref().map(|j| j.0.clone()));
    let (result, usable) = match (data.dyn_ref::<js_sys::Uint8Array>(), filename) {
        (Some(bytes), Some(filename)) => (
            super::browser::download(
                &bytes.to_vec(),
                &filename,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            true,
        ),
        (bytes, _) => (Err(ExportFailure::Workbook), bytes.is_some()),
    };
    export_finished(result);
    usable
}

/// Asks the export worker for a workbook and saves it; `done` hears how it
/// went, whatever happens to the worker. The worker is large, so it loads
/// only now, and only once.
pub fn export_xlsx(request: String, filename: String, done: ExportDone) {
    if !start(EXPORT) {
        done.emit(Err(ExportFailure::CannotStart));
        return;
    }
    EXPORT_JOB.with(|j| *j.borrow_mut() = Some((filename, done)));
    send(EXPORT, JsValue::from_str(&request));
}

/// The import's answer when its worker gives none, worded in both
/// languages like the worker's own answers.
fn import_failed(why: WorkerFailure) -> ImportReply {
    ImportReply::failed(why.say(Lang::Sv, &IntlFormat), why.say(Lang::En, &IntlFormat))
}

/// Only the answer to the newest request is shown: while a person types,
/// earlier answers are already out of date.
fn import_answered(reply: ImportReply) {
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
        done.emit(reply);
    }
}

fn on_import_reply(data: JsValue) -> bool {
    let reply = data
        .as_string()
        .and_then(|json| BrowserCodec.parse::<ImportReply>(&json).ok());
    let usable = reply.is_some();
    import_answered(reply.unwrap_or_else(|| import_failed(WorkerFailure::Garbled)));
    usable
}

fn importer_failed() {
    // Every request still waiting is answered, so none waits for ever.
    let waiting = IMPORT_JOB.with(|j| {
        let j = j.borrow();
        j.0 - j.1
    });
    for _ in 0..waiting {
        import_answered(import_failed(WorkerFailure::NotLoaded));
    }
}

/// Starts the import worker, so that it has loaded by the time a person
/// pastes a table.
pub fn warm_importer() {
    start(IMPORT);
}

/// Nobody waits for the imports asked for so far any more: the panel was
/// closed, or a JSON budget (read here, not in the worker) took their place.
pub fn forget_imports() {
    IMPORT_JOB.with(|j| j.borrow_mut().2 = None);
}

/// Reads a pasted table (a string), a file (its bytes), either with the
/// person's choices, or a budget file's address, in the import worker
/// (see `src/bin/finsam-import.rs`); `done` hears its answer.
pub fn import_in_worker(request: JsValue, done: ImportDone) {
    if !start(IMPORT) {
        done.emit(import_failed(WorkerFailure::CannotStart));
        return;
    }
    IMPORT_JOB.with(|j| {
        let mut j = j.borrow_mut();
        j.0 += 1;
        j.2 = Some(done);
    });
    send(IMPORT, request);
}
