//! The saved-state reader: what localStorage hands back
//! (`State::from_saved`). Then what a person does next with what was
//! saved: open each saved scenario and compare it, open each import.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| finsam_kalkyl_fuzz::targets::saved_state_target(data));
