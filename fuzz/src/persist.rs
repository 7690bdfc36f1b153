//! What outlives the page, as the fuzz targets drive it: raw deflate as the
//! browser's `CompressionStream('deflate-raw')` writes a share link, the
//! page's own budget file (`?budget=`), and the round trips of what the
//! page writes (the link in both formats, the saved state) through the
//! readers the page opens with.

use crate::{preset_baselines, PRESET_READER};
use finsam_kalkyl::engine::Imported;
use finsam_kalkyl::state::persist::file::BudgetFile;
use finsam_kalkyl::state::persist::link::{self, Carried};
use finsam_kalkyl::state::persist::start::{self, Opening};
use finsam_kalkyl::state::persist::{NativeCodec, ReadError};
use finsam_kalkyl::state::{ImportedBudget, Source, State};
use std::io::{Read, Write};
use std::sync::OnceLock;

/// The name the fuzzed page gives its budget file (`?budget=`): a link
/// may name it instead of carrying the budget.
pub const FILE_ID: &str = "budget-2025.csv";

/// The page's budget file, as the opening holds it once it loaded: the
/// last preset's budget under [`FILE_ID`]. Any valid budget would do; one
/// that is not the default keeps a link to the file apart from the rest.
pub fn page_file() -> &'static ImportedBudget {
    static FILE: OnceLock<ImportedBudget> = OnceLock::new();
    FILE.get_or_init(|| {
        let (budget, _) = preset_baselines().last().expect("there are presets");
        ImportedBudget {
            id: FILE_ID.into(),
            name: "Budget 2025".into(),
            budget: budget.clone(),
        }
    })
}

/// A budget file as the browser hands it to the opening: loaded.
pub fn loaded(file: &ImportedBudget) -> BudgetFile {
    BudgetFile {
        name: file.id.clone(),
        loaded: Ok(Imported::from(file.budget.clone())),
    }
}

/// Raw deflate, as `CompressionStream('deflate-raw')`.
pub fn deflate(text: &str) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text.as_bytes()).expect("writes to memory");
    encoder.finish().expect("writes to memory")
}

/// The most the harness inflates: a fuzzed stream can expand a
/// thousandfold, and a link's JSON is kilobytes.
const MAX_INFLATED: u64 = 4 << 20;

/// Back from raw deflate, as `DecompressionStream('deflate-raw')` and
/// `Response.text()`: none when it is cut short, altered or not UTF-8.
/// (The browser replaces bytes that are not UTF-8, and JSON with U+FFFD
/// in it is then refused as damaged rather than as encoded wrongly.)
pub fn inflate(bytes: &[u8]) -> Option<String> {
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(bytes)
        .take(MAX_INFLATED + 1)
        .read_to_end(&mut out)
        .ok()?;
    if out.len() as u64 > MAX_INFLATED {
        return None;
    }
    String::from_utf8(out).ok()
}

/// What the page writes from `state` reads back to it: the link compressed
/// (as the browser writes it) and plain (as a browser without
/// `CompressionStream` does), each through the address's decoder; the
/// saved state through the page's opening; and both at once, where the
/// link wins and this browser's saved scenarios stay.
pub fn check_round_trips(state: &State) {
    let codec = &NativeCodec;
    let json = link::json(state, codec);
    let deflated = deflate(&json);
    let fragment = link::compressed(&deflated);
    assert_eq!(
        link::find(&fragment, codec),
        Some(Ok(Carried::Deflated(deflated))),
        "a compressed fragment carries its bytes"
    );
    let decoded = link::decode(&fragment, codec, inflate);
    assert_eq!(
        decoded,
        Some(Ok(json.clone())),
        "a compressed link inflates to its JSON"
    );
    assert_eq!(
        link::decode(&link::plain(&json, codec), codec, inflate),
        Some(Ok(json.clone())),
        "a plain link decodes to its JSON"
    );
    let file = state.file.as_deref();
    let again = link::parse(&json, codec)
        .and_then(|l| link::open(l, file, PRESET_READER))
        .expect("a link the app wrote reads back");
    assert_eq!(again.link(), state.link(), "the link round-trips");

    let saved = serde_json::to_string(&state.saved()).expect("the saved state serialises");
    // A file's page opens its file unless what was saved is the file's:
    // the file goes with the saved state only when it is open.
    let own = file.filter(|f| state.source == Source::File(f.id.clone()));
    let opened = open_cleanly(None, saved.clone(), own, "a saved state the app wrote");
    assert_eq!(opened.state.saved(), state.saved(), "the saved state round-trips");

    let opened = open_cleanly(
        decoded,
        saved,
        file,
        "a link the app wrote, beside what it saved,",
    );
    assert_eq!(
        opened.state.link(),
        state.link(),
        "the link wins over what was saved"
    );
    assert_eq!(opened.state.named, state.named, "the saved scenarios stay");
}

/// The page's opening with what this browser saved, and a link and the
/// page's budget file if given; it must open without a word and set
/// nothing aside (`what` says which opening failed).
fn open_cleanly(
    link: Option<Result<String, ReadError>>,
    saved: String,
    file: Option<&ImportedBudget>,
    what: &str,
) -> start::Opened {
    let opened = start::open(
        &Opening {
            link,
            saved: Some(saved),
            file: file.map(loaded),
            storage_writable: true,
            ..Opening::default()
        },
        &NativeCodec,
        PRESET_READER,
    );
    assert!(
        !opened.set_aside && opened.state.notice.is_none(),
        "{what} opens: {:?}",
        opened.state.notice
    );
    opened
}
