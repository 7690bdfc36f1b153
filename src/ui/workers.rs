//! The page's two workers: the export worker writes workbooks, the import
//! worker reads tables. Each starts the first time it is needed and says
//! "ready" once its wasm has loaded; until then requests wait here. A
//! worker that fails is dropped, so the next request starts a new one.

use super::browser::BrowserCodec;
use super::format::IntlFormat;
use crate::engine::import::{ImportError, ImportErrorKind, ImportReply, Imported};
use crate::engine::Lang;
use crate::state::persist::Codec;
use crate::state::{ExportFailure, WorkerFailure};
use crate::words::Say;
use wasm_bindgen::{JsCast, JsValue};

/// One of the app's workers, and the requests waiting for it to load.
struct Helper {
    worker: web_sys::Worker,
    ready: bool,
    pending: Vec<JsValue>,
}

type Slot = &'static std::thread::LocalKey<std::cell::RefCell<Option<Helper>>>;
type ExportDone = yew::Callback<Result<(), ExportFailure>>;
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

fn export_finished(result: Result<(), ExportFailure>) {
    if let Some((_, done)) = EXPORT_JOB.with(|j| j.borrow_mut().take()) {
        done.emit(result);
    }
}

fn on_workbook(data: JsValue) {
    let filename = EXPORT_JOB.with(|j| j.borrow().as_ref().map(|j| j.0.clone()));
    let result = match (data.dyn_ref::<js_sys::Uint8Array>(), filename) {
        (Some(bytes), Some(filename)) => super::browser::download(
            &bytes.to_vec(),
            &filename,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        _ => Err(ExportFailure::Workbook),
    };
    export_finished(result);
}

/// Asks the export worker for a workbook and saves it; `done` hears how it
/// went. The worker is large, so it loads only now, and only once.
pub fn export_xlsx(request: String, filename: String, done: ExportDone) {
    let failed = || export_finished(Err(ExportFailure::WorkerFailed));
    if !start(&EXPORTER, "finsam-export", on_workbook, failed) {
        done.emit(Err(ExportFailure::CannotStart));
        return;
    }
    EXPORT_JOB.with(|j| *j.borrow_mut() = Some((filename, done)));
    send(&EXPORTER, JsValue::from_str(&request));
}

/// The import's answer when its worker gives none, worded in both
/// languages like the worker's own answers.
fn import_failed(why: WorkerFailure) -> Result<Imported, ImportError> {
    Err(ImportError {
        line: None,
        cell: None,
        kind: ImportErrorKind::Worded {
            sv: why.say(Lang::Sv, &IntlFormat),
            en: why.say(Lang::En, &IntlFormat),
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
        .and_then(|json| BrowserCodec.parse::<ImportReply>(&json).ok());
    import_answered(match reply {
        Some(reply) => reply.into_result(),
        None => import_failed(WorkerFailure::Garbled),
    });
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
        done.emit(import_failed(WorkerFailure::CannotStart));
        return;
    }
    IMPORT_JOB.with(|j| {
        let mut j = j.borrow_mut();
        j.0 += 1;
        j.2 = Some(done);
    });
    send(&IMPORTER, request);
}
