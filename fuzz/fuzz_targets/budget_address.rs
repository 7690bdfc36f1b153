//! A budget file's address (`?budget=`, `data-budget`): only http and
//! https are ever fetched (`state::persist::file::check_address`), as typed
//! and as the browser resolves it against the page.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| finsam_kalkyl_fuzz::targets::budget_address_target(data));
