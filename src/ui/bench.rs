//! `?bench` (feature `bench` only): times the engine in wasm, in this
//! browser, on the same cases as the native criterion benchmark, and writes
//! the figures as JSON into `#bench-result` for scripts/bench.sh.

use crate::bench_support::{large_case, preset_case};
use crate::engine::{run_scenario, Options};

fn time_per_run(
    case: &(
        crate::engine::Budget,
        crate::engine::Analysis,
        crate::engine::Scenario,
    ),
) -> f64 {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    let (budget, base, scenario) = case;
    let options = Options::default();
    for _ in 0..200 {
        let _ = run_scenario(budget, base, scenario, &options);
    }
    let runs = 5_000;
    let start = performance.now();
    for _ in 0..runs {
        let _ = std::hint::black_box(run_scenario(budget, base, scenario, &options));
    }
    (performance.now() - start) * 1000.0 / f64::from(runs)
}

pub fn run_if_asked() -> bool {
    let asked = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| s.contains("bench"));
    if !asked {
        return false;
    }
    let preset = time_per_run(&preset_case());
    let large = time_per_run(&large_case());
    let document = gloo::utils::document();
    // The app can start before the body is parsed (it starts from the
    // head's script), so the result goes to the root element if need be.
    let parent = document
        .body()
        .map(web_sys::Element::from)
        .or_else(|| document.document_element());
    if let (Ok(pre), Some(parent)) = (document.create_element("pre"), parent) {
        pre.set_id("bench-result");
        pre.set_text_content(Some(&format!(
            "{{\"preset_recompute_us\": {preset:.2}, \"large_recompute_us\": {large:.2}}}"
        )));
        let _ = parent.append_child(&pre);
    }
    true
}
