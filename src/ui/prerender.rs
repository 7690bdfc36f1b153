//! The first screen rendered natively at build time (Yew's server-side
//! renderer): the same components, the state a first visit opens with, and
//! no browser. `src/bin/finsam-prerender.rs` writes it out for the build.

use super::browser::Config;
use super::{App, AppProps, Shared};
use crate::state::persist::{read_budget, start, NativeCodec};
use crate::state::{PresetReader, State};

/// The presets from their JSON, as the page reads them (not from the
/// tables), so that the prerender starts from exactly the page's budget.
const READ_JSON: PresetReader = PresetReader(|p| read_budget(p.json, &NativeCodec).ok());

/// What a first visit opens: no link, nothing saved, storage that works.
pub fn initial_state(config: &Config) -> State {
    let opening = start::Opening {
        preset: config.preset.clone(),
        lang: config.lang.clone(),
        storage_writable: true,
        ..start::Opening::default()
    };
    start::open_page(&opening, &NativeCodec, READ_JSON)
}

/// The app's first screen as HTML, for the page itself or, `mounted`, for
/// a host page's element (embed.js).
pub fn render(config: Config, mounted: bool) -> std::io::Result<String> {
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    let state = Shared(std::rc::Rc::new(initial_state(&config)));
    let props = AppProps {
        config,
        mounted,
        state,
    };
    let renderer = yew::LocalServerRenderer::<App>::with_props(props).hydratable(false);
    Ok(tokio::task::LocalSet::new().block_on(&runtime, renderer.render()))
}

/// What the build puts in the page (scripts/post-build/prerender.mjs), as
/// JSON: the first screen standalone and mounted in a host's element, and
/// what www/first.js compares a browser's saved state with to know whether
/// the page will open on that same default.
pub fn output() -> std::io::Result<String> {
    let page = render(Config::default(), false)?;
    let mounted = render(
        Config {
            embed: true,
            ..Config::default()
        },
        true,
    )?;
    let saved = initial_state(&Config::default()).saved();
    let json = serde_json::json!({
        "page": page,
        "mounted": mounted,
        "first": {
            "key": super::browser::STORAGE_KEY,
            "version": saved.version,
            "preset": saved.preset,
            "lang": saved.lang,
            // As text, its fields in the order the page writes them.
            "scenario": serde_json::to_string(&saved.scenario)?,
        },
    });
    Ok(json.to_string())
}
