//! One binary name, two faces: the CLI natively, the calculator in wasm.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

#[cfg(target_arch = "wasm32")]
fn main() {
    finsam_kalkyl::ui::start();
}
