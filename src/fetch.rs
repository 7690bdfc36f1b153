//! A förbund's own budget file (`?budget=`, `data-budget`), fetched by the
//! import worker, which reads it: the page sends the address (resolved and
//! checked to be http or https by `state::persist::file::check_address`),
//! and gets the budget as the importer read it, or why it did not come.
//! The file is read as it arrives, so one over `MAX_BYTES` is stopped
//! there; all of it must come within `TIMEOUT_MS`; and a copy is kept in
//! the browser's cache, so that the file opens offline after one visit.
//! Here rather than in the page, which stays within its size budget; a
//! file in the canonical JSON goes back to the page as text, to be read by
//! the browser's JSON parser as the page reads every JSON.

use crate::engine::import::{import_bytes, json_text, ImportReply};
use crate::engine::SwedishFormat;
use crate::state::persist::file::{FileError, MAX_BYTES, TIMEOUT_MS};
use js_sys::Uint8Array;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Response, WorkerGlobalScope};

/// Where a loaded file is kept for a visit without a network. The service
/// worker keeps the app; this keeps the file, also for a host page's mount
/// point, which no service worker of the calculator's serves. Not named
/// `finsam-kalkyl-…`: the service worker deletes those of other builds.
const CACHE: &str = "finsam-budget-files";

fn scope() -> WorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// The budget file at `address`, as the import worker answers the page.
pub async fn budget_file(address: &str) -> ImportReply {
    let bytes = match fetch(address).await {
        Ok(bytes) => {
            keep(address, &bytes).await;
            Ok(bytes)
        }
        // No answer: the copy from an earlier visit, if there is one.
        Err(why @ (FileError::Unreachable | FileError::TimedOut)) => {
            let offline = !scope().navigator().on_line();
            kept(address)
                .await
                .ok_or(if offline { FileError::Offline } else { why })
        }
        Err(why) => Err(why),
    };
    match bytes {
        Ok(bytes) => match json_text(&bytes) {
            Some(json) => ImportReply::fetched(None, Some(String::from_utf8_lossy(json).into_owned())),
            None => ImportReply::new(import_bytes(&bytes), &SwedishFormat),
        },
        Err(why) => ImportReply::fetched(why.code(), None),
    }
}

async fn fetch(address: &str) -> Result<Vec<u8>, FileError> {
    let controller = web_sys::AbortController::new().map_err(|_| FileError::Unreachable)?;
    let timed_out = Rc::new(Cell::new(false));
    // Dropped at the end, which cancels it.
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
    let response: Response = JsFuture::from(scope().fetch_with_str_and_init(address, &init))
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

/// Keeps the file's bytes under its address, where the browser has a
/// cache (not over plain http to another host, say).
async fn keep(address: &str, bytes: &[u8]) {
    let Ok(caches) = scope().caches() else {
        return;
    };
    let Ok(cache) = JsFuture::from(caches.open(CACHE)).await else {
        return;
    };
    let cache: web_sys::Cache = cache.unchecked_into();
    if let Ok(response) = Response::new_with_opt_u8_array(Some(&mut bytes.to_vec())) {
        let _ = JsFuture::from(cache.put_with_str(address, &response)).await;
    }
}

/// The copy [`keep`] made on an earlier visit.
async fn kept(address: &str) -> Option<Vec<u8>> {
    let caches = scope().caches().ok()?;
    let response: Response = JsFuture::from(caches.match_with_str(address))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}
