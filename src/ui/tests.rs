//! Tests in headless Chromium (wasm-bindgen-test): the prerender's number
//! format against the page's, which is the browser's `Intl.NumberFormat`
//! in sv-SE, and the app mounted and typed into.

use super::format::{self, native};
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The build's prerender (natively, no `Intl` there: `format/native.rs`)
/// writes every figure as the page writes it through `Intl` in sv-SE, so
/// the first screen shows what the app will: amounts, with and without kr
/// and sign, percentages, and the charts' short figures, over whole and
/// fractional values, both signs, halves and what rounds to zero.
#[wasm_bindgen_test]
fn the_prerender_writes_numbers_as_intl_does() {
    let mut values: Vec<String> = [
        "0",
        "1",
        "-1",
        "7",
        "-7",
        "999",
        "1000",
        "-1000",
        "1234567",
        "-184500",
        "999999999999",
        "1000.5",
        "-0.25",
        "0.001",
        "-0.001",
        "0.005",
        "-0.005",
        "0.004",
        "12.345",
        "12.355",
        "-12.345",
        "54.6",
        "0.5",
        "-0.5",
        "100000.994",
        "100000.995",
        "1.125",
        "2.675",
        "9.598",
        "-9.55",
        "0.04",
        "-0.04",
        "0.05",
        "-0.05",
        "99.95",
        "-99.95",
        "11172000",
        "67324",
        "-850000",
        "999999.5",
        "1000000",
        "-1000000",
        "1049999",
        "1050000",
        "1150000",
        "-1250000",
        "123456789",
        "5586000.4",
        "0.00001",
    ]
    .iter()
    .map(|v| v.to_string())
    .collect();
    // And a spread of amounts with öre, as typed or computed.
    let mut x: i64 = 12_345;
    for _ in 0..200 {
        x = (x * 7_919 + 104_729) % 2_000_000_007;
        values.push(Decimal::new(x - 1_000_000_000, 2 + (x % 3) as u32).to_string());
    }
    for v in &values {
        let v = d(v);
        assert_eq!(native::plain(v), format::plain(v), "plain {v}");
        assert_eq!(native::kr(v), format::kr(v), "kr {v}");
        assert_eq!(native::signed_kr(v), format::signed_kr(v), "signed_kr {v}");
        assert_eq!(
            native::signed_plain(v),
            format::signed_plain(v),
            "signed_plain {v}"
        );
        assert_eq!(native::percent(v), format::percent(v), "percent {v}");
        assert_eq!(
            native::signed_percent(v),
            format::signed_percent(v),
            "signed_percent {v}"
        );
        assert_eq!(native::short_kr(v), format::short_kr(v), "short_kr {v}");
    }
}

#[wasm_bindgen_test]
async fn the_app_recomputes_as_a_person_types() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = super::AppProps {
        config: super::browser::Config::default(),
        mounted: true,
        state: super::Shared(std::rc::Rc::new(crate::state::State::new(
            crate::engine::Lang::Sv,
            super::browser::READ_JSON,
        ))),
    };
    let _app = yew::Renderer::<super::App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let total = || {
        root.query_selector("[data-testid=total-funding] .card-value")
            .unwrap()
            .map(|e| e.text_content().unwrap_or_default())
            .unwrap_or_default()
    };
    assert_eq!(total(), "11\u{a0}172\u{a0}000\u{a0}kr");

    let set = |id: &str, value: &str| {
        let input: web_sys::HtmlInputElement = root
            .query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        input.set_value(value);
        let event = web_sys::InputEvent::new("input").unwrap();
        input.dispatch_event(&event).unwrap();
    };
    set("f-state", "6 000 000");
    yew::scheduler::flush().await;
    set("f-kommun-0", "+10 000");
    yew::scheduler::flush().await;
    // Key-bound: the kommun side grows by 136 510, matched four times.
    assert_eq!(total(), "11\u{a0}718\u{a0}040\u{a0}kr");

    set("f-kommun-0", "tio tusen");
    yew::scheduler::flush().await;
    let error = root
        .query_selector("#f-kommun-0-err")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(error.contains("«tio tusen» är inte ett belopp"), "{error}");
    assert_eq!(total(), "11\u{a0}718\u{a0}040\u{a0}kr");
    root.remove();
}
