//! Tests in headless Chromium (wasm-bindgen-test): Intl against the
//! engine's own format, and the app mounted and typed into.

use super::format;
use crate::engine::money::{format_amount, format_percent};
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[wasm_bindgen_test]
fn intl_writes_what_the_engine_writes() {
    for v in [
        "0",
        "1",
        "-7",
        "999",
        "1000",
        "1234567",
        "-184500",
        "1000.5",
        "-0.25",
        "999999999999",
    ] {
        assert_eq!(format::plain(d(v)), format_amount(d(v)), "{v}");
        assert_eq!(
            format::kr(d(v)),
            format!("{}\u{a0}kr", format_amount(d(v))),
            "{v}"
        );
    }
    assert_eq!(format::percent(d("9.598")), format_percent(d("9.598")));
    assert_eq!(format::signed_kr(d("40000")), "+40\u{a0}000\u{a0}kr");
    assert_eq!(format::signed_kr(d("-5000")), "\u{2212}5\u{a0}000\u{a0}kr");
    assert_eq!(format::signed_kr(Decimal::ZERO), "0\u{a0}kr");
    assert_eq!(format::short_kr(d("11172000")), "11,2 mnkr");
    assert_eq!(format::short_kr(d("-67324")), "\u{2212}67 tkr");
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
