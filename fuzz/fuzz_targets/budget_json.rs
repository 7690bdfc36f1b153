//! The canonical JSON model (`Budget::from_json`), as an imported JSON
//! file, a published budget (`data-budget`, `?budget=`) or the CLI reads
//! it. What it accepts must survive the same checks as an imported table,
//! and write back to the same budget.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| finsam_kalkyl_fuzz::targets::budget_json_target(data));
