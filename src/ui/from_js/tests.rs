//! [`from_js`] against serde-wasm-bindgen, which it replaces for reading:
//! the same JSON gives the same value through both, or both refuse it.

use super::from_js;
use crate::engine::import::{import_table, ImportReply};
use crate::engine::{presets::PRESETS, Budget, Scenario, SwedishFormat};
use crate::state::persist::{link::Link, Saved};
use serde::de::DeserializeOwned;
use std::fmt::Debug;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Whether `json` reads as a `T`, after checking that both deserializers
/// agree: the same value (compared as Debug text, which shows each
/// Decimal's scale), or both refuse.
fn reads<T: DeserializeOwned + Debug>(json: &str) -> bool {
    let parse = || js_sys::JSON::parse(json).expect(json);
    let ours = from_js::<T>(parse()).ok();
    let original = serde_wasm_bindgen::from_value::<T>(parse()).ok();
    assert_eq!(format!("{ours:?}"), format!("{original:?}"), "{json}");
    ours.is_some()
}

#[wasm_bindgen_test]
fn todays_saved_state_link_presets_and_import_replies_read_as_before() {
    assert!(reads::<Saved>(include_str!(
        "../../../tests/fixtures/formats/saved-v1.json"
    )));
    let fragment = include_str!("../../../tests/fixtures/formats/link-v1.txt");
    let link = js_sys::decode_uri_component(fragment.trim_end().trim_start_matches("#s=")).unwrap();
    assert!(reads::<Link>(&String::from(link)));
    for p in PRESETS {
        assert!(reads::<Budget>(p.json), "{}", p.id);
    }
    let tables = [
        PRESETS[1].table(),
        include_str!("../../../tests/fixtures/wild/12-fotnoter.csv"),
        "nothing to import",
    ];
    for table in tables {
        let reply = ImportReply::new(import_table(table), &SwedishFormat);
        assert!(reads::<ImportReply>(&serde_json::to_string(&reply).unwrap()));
    }
}

/// The schema allows numbers for amounts; a Decimal reads the number's
/// text as JSON writes it, where the original read an f64.
#[wasm_bindgen_test]
fn numbers_for_amounts_read_as_before() {
    let budget = r#"{"schema_version": 1, "title": "T", "columns": [],
        "rows": [{"label": "Habo", "class": "kommun",
        "values": [159400, -2.5, 0.1, 1.25e-7, 3e21, 12345678901234567890, -0, null, "1e5"]}],
        "key": {"basis": "percent", "weights": [{"kommun": "Habo", "weight": 12.75}]}}"#;
    assert!(reads::<Budget>(budget));
    let scenario = r#"{"state_offer": 5600000, "step_up_pct": 1.5, "from_year": 2025,
        "changes": [{"member": "region", "change": {"kr": -2.5e-7}}],
        "cost_changes": [{"line": "Kansli", "edit": {"percent": 10}}, {"line": "FIA", "edit": "off"}]}"#;
    assert!(reads::<Scenario>(scenario));
}

#[wasm_bindgen_test]
fn what_the_original_refused_is_refused() {
    let saved = include_str!("../../../tests/fixtures/formats/saved-v1.json");
    let refused = [
        ("\"version\":1", "\"version\":\"1\""),
        ("\"version\":1", "\"version\":-1"),
        ("\"version\":1", "\"version\":1.5"),
        ("\"lang\":\"sv\"", "\"lang\":\"SV\""),
        ("\"mode\":\"key\"", "\"mode\":\"sideways\""),
        ("{\"kr\":\"10000\"}", "{\"kr\":\"10000\",\"percent\":\"2\"}"),
        ("{\"kr\":\"10000\"}", "{}"),
        ("{\"kr\":\"10000\"}", "{\"kr\":true}"),
        ("{\"kr\":\"10000\"}", "{\"kr\":\"tio\"}"),
        ("{\"kommun\":\"Habo kommun\"}", "{\"kommun\":5}"),
        ("\"edit\":\"off\"", "\"edit\":{\"off\":1}"),
        ("\"from_year\":2025", "\"from_year\":2025.5"),
        ("\"lang\":\"sv\"", "\"lang\":[\"sv\"]"),
        ("\"name\":\"Ny insats\"", "\"name\":null"),
        ("\"region_follows\":true", "\"region_follows\":\"true\""),
        ("\"guideline\":\"10\"", "\"guideline\":[10]"),
    ];
    for (from, to) in refused {
        assert!(saved.contains(from), "{from}");
        assert!(!reads::<Saved>(&saved.replacen(from, to, 1)), "{to}");
    }
    // Kept as the original reads them: a field left out takes its default,
    // a field it does not know is not read, `null` is an empty option.
    let kept = [
        ("\"named\":[", "\"unknown\":[1,2],\"named\":["),
        (",\"guideline\":\"10\"", ""),
        ("\"edit\":\"off\"", "\"edit\":{\"off\":null}"),
        ("\"step_up_pct\":\"1.5\"", "\"step_up_pct\":null"),
    ];
    for (from, to) in kept {
        assert!(reads::<Saved>(&saved.replacen(from, to, 1)), "{to}");
    }
    for json in ["null", "[]", "\"text\"", "7", "{}"] {
        assert!(!reads::<Budget>(json), "{json}");
    }
}
