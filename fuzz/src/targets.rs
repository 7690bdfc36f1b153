//! The body of each fuzz target, here so that `examples/replay.rs` runs
//! exactly what the fuzzer ran on a saved input.

use crate::gen::{Amount, Pct, ScenarioInput, Source};
use crate::persist::{inflate, page_file};
use crate::table::Damage;
use crate::{
    check_analysis, check_outcome, check_state, exercise_budget, preset_baselines, run_checked,
    word_findings, LANGS, PRESET_READER, TABLES,
};
use arbitrary::Arbitrary;
use finsam_kalkyl::engine::money::MAX_AMOUNT;
use finsam_kalkyl::engine::{
    analyse, import_bytes, import_file, planning, Budget, MemberRef, Options, SwedishFormat,
};
use finsam_kalkyl::state::persist::file::{check_address, FileError};
use finsam_kalkyl::state::persist::link::{self, Carried};
use finsam_kalkyl::state::persist::{read_budget, read_saved, Codec, NativeCodec, ReadError};
use finsam_kalkyl::state::{Library, Notice};
use finsam_kalkyl::words::Say;
use rust_decimal::Decimal;

/// What an importer made of the bytes, checked either way.
fn imported(result: Result<finsam_kalkyl::engine::Imported, finsam_kalkyl::engine::ImportError>) {
    match result {
        Ok(imported) => {
            word_findings(&imported.findings);
            exercise_budget(&imported.budget);
        }
        Err(e) => {
            for lang in LANGS {
                let _ = e.message(lang);
            }
        }
    }
}

pub fn import_bytes_target(data: &[u8]) {
    imported(import_file(data));
}

pub fn import_cells_target(damage: &Damage) {
    imported(import_bytes(&damage.apply(TABLES)));
}

pub fn budget_json_target(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The CLI's reader and the page's (here with the native codec) take
    // the same budgets.
    let read = Budget::from_json(text);
    assert_eq!(
        read_budget(text, &NativeCodec).ok(),
        read.as_ref().ok().cloned(),
        "the page and the CLI read a budget alike"
    );
    match read {
        Ok(budget) => {
            let again = Budget::from_json(&budget.to_json()).expect("a budget the engine wrote reads back");
            assert_eq!(again, budget, "the JSON model round-trips");
            exercise_budget(&budget);
        }
        Err(e) => {
            for lang in LANGS {
                let _ = e.message(lang);
            }
        }
    }
}

/// A link or a saved state that could not be opened, worded as the page
/// words it.
fn refused(e: &ReadError) {
    for lang in LANGS {
        let _ = e.say(lang, &SwedishFormat);
    }
}

/// The share link's input, by its first byte: `#` a whole fragment as the
/// address carries it (either format); 0 the bytes that follow as the
/// browser's compression gives them, which the page writes into its
/// address and reads back; anything else the link's JSON, as the address's
/// decoder gives it.
pub fn share_link_target(data: &[u8]) {
    let codec = &NativeCodec;
    let json = match data.split_first() {
        Some((0, deflated)) => {
            let fragment = link::compressed(deflated);
            assert_eq!(
                link::find(&fragment, codec),
                Some(Ok(Carried::Deflated(deflated.to_vec()))),
                "a compressed fragment carries its bytes"
            );
            link::decode(&fragment, codec, inflate).expect("a compressed fragment is a link")
        }
        _ => {
            let Ok(text) = std::str::from_utf8(data) else {
                return;
            };
            if text.starts_with('#') {
                let Some(read) = fragment(text) else {
                    return;
                };
                read
            } else {
                // What the page writes is an object: its encoding starts
                // `%7B`, never with the compressed format's digits and dot.
                if text.starts_with('{') {
                    assert_eq!(
                        link::decode(&link::plain(text, codec), codec, inflate),
                        Some(Ok(text.to_string())),
                        "a plain link decodes to its JSON"
                    );
                }
                Ok(text.to_string())
            }
        }
    };
    match json
        .and_then(|json| link::parse(&json, codec))
        .and_then(|l| link::open(l, Some(page_file()), PRESET_READER))
    {
        Ok(state) => check_state(&state),
        Err(e) => refused(&e),
    }
}

/// A fragment through the address's decoder, and what its format's parts
/// must keep: base64url that decodes is as long as its bytes encoded, a
/// decoded component encodes and decodes back.
fn fragment(text: &str) -> Option<Result<String, ReadError>> {
    let codec = &NativeCodec;
    match link::find(text, codec)? {
        Ok(Carried::Deflated(bytes)) => {
            let data = text
                .strip_prefix(link::PREFIX)
                .and_then(|rest| rest.split_once('.'))
                .map(|(_, data)| data)
                .expect("a compressed link has a format and a dot");
            let encoded = link::base64url::encode(&bytes);
            assert_eq!(encoded.len(), data.len(), "base64url of {bytes:?}");
            assert_eq!(
                link::base64url::decode(&encoded),
                Some(bytes),
                "base64url round-trips"
            );
        }
        Ok(Carried::Json(json)) => assert_eq!(
            codec.decode_component(&codec.encode_component(&json)).as_deref(),
            Some(json.as_str()),
            "a URI component round-trips"
        ),
        Err(_) => {}
    }
    link::decode(text, codec, inflate)
}

pub fn saved_state_target(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let state = match read_saved(text, &NativeCodec, PRESET_READER) {
        Ok(state) => state,
        Err(e) => return refused(&e),
    };
    check_state(&state);
    for i in 0..state.named.len().min(8) {
        if let Some(outcome) = state.outcome_of(i) {
            check_outcome(&state.base, None, &outcome);
        }
        let opened = state.apply(Library::Load(i));
        check_outcome(&opened.base, Some(&opened.scenario), &opened.outcome);
        let _ = opened.apply(Library::Compare(0, Some(i)));
    }
    for id in state.imports.iter().take(4).map(|i| i.id.clone()) {
        check_state(&state.apply(Library::Open(id)));
    }
}

/// A budget file's address, as a page or a host page writes it (`?budget=`,
/// `data-budget`): what `check_address` lets through is http or https,
/// typed as it is or resolved against the page as the browser resolves it
/// (the `url` crate follows the same WHATWG standard); a refusal names the
/// scheme it refused and is worded in both languages.
pub fn budget_address_target(data: &[u8]) {
    let Ok(name) = std::str::from_utf8(data) else {
        return;
    };
    let web = |scheme: &str| matches!(scheme, "http" | "https");
    let typed = name.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    let checked = check_address(name);
    match &checked {
        Ok(()) => assert!(typed.as_deref().is_some_and(web), "{name:?} accepted"),
        Err(FileError::Scheme(s)) => assert!(!web(s) && typed.as_ref() == Some(s), "{name:?}: {s:?}"),
        Err(FileError::Address) => {}
        Err(other) => panic!("an address refused as {other:?}"),
    }
    if checked.is_ok() {
        if let Ok(url) = url::Url::parse(name) {
            assert!(web(url.scheme()), "{name:?} accepted, a browser reads {url}");
        }
    }
    static PAGE: std::sync::OnceLock<url::Url> = std::sync::OnceLock::new();
    let page = PAGE.get_or_init(|| url::Url::parse("https://www.example.se/kalkyl/").expect("an address"));
    let Ok(resolved) = page.join(name) else {
        return;
    };
    let expected = if web(resolved.scheme()) {
        Ok(())
    } else {
        Err(FileError::Scheme(resolved.scheme().into()))
    };
    assert_eq!(
        check_address(resolved.as_str()),
        expected,
        "{name:?} resolved to {resolved}"
    );
    if let Err(why) = expected {
        let notice = Notice::BudgetFile {
            name: name.into(),
            why,
        };
        for lang in LANGS {
            let _ = notice.say(lang, &SwedishFormat);
        }
    }
}

/// The scenario target's input: a budget, a scenario, the equity
/// guideline, and sometimes a floor for the goal seeks.
#[derive(Debug, Arbitrary)]
pub struct ScenarioCase {
    pub source: Source,
    pub scenario: ScenarioInput,
    pub guideline: Option<Pct>,
    pub goal_seek: Option<Amount>,
}

pub fn scenario_target(input: &ScenarioCase) {
    let presets = preset_baselines();
    let (preset_budget, preset_base) = &presets[input.source.preset as usize % presets.len()];
    let options = Options {
        equity_guideline_pct: input.guideline.map(|p| p.0),
    };
    let reshaped = input.source.reshape(preset_budget);
    let budget = reshaped.as_ref().unwrap_or(preset_budget);
    let fresh;
    let base = if reshaped.is_some() || options != Options::default() {
        fresh = analyse(budget, &options);
        check_analysis(&fresh);
        &fresh
    } else {
        preset_base
    };
    let scenario = input.scenario.build(base);
    let Some(outcome) = run_checked(budget, base, &scenario, &options) else {
        return;
    };
    if let Some(floor) = input.goal_seek {
        // The floor is typed (page and CLI), so parse_amount bounds it.
        let max = Decimal::from(MAX_AMOUNT);
        let floor = floor.0.clamp(-max, max);
        let _ = planning::room(budget, base, &scenario, &options, floor);
        let _ = planning::required_uniform(budget, base, &scenario, &options, floor, outcome.from_year);
        if let Some(k) = base.kommun_names.first() {
            let member = MemberRef::Kommun(k.clone());
            let _ = planning::required_of_member(budget, base, &scenario, &options, floor, &member, None);
        }
    }
}
