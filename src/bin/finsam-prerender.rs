//! The build's prerender of the first screen (scripts/post-build/): the
//! page's components rendered natively, printed as JSON for the post-build
//! hook to write into index.html and embed.js. Built with the `prerender`
//! feature only, so `cargo test` never compiles Yew natively.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    match finsam_kalkyl::ui::prerender() {
        Ok(json) => println!("{json}"),
        Err(why) => {
            eprintln!("finsam-prerender: {why}");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
