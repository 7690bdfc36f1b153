//! The importer from bytes, as a dropped or chosen file reaches it (JSON
//! model or table, any encoding). Whatever it accepts must analyse, run
//! the edge scenarios and keep the equity identity; whatever it refuses
//! must be worded in both languages.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| finsam_kalkyl_fuzz::targets::import_bytes_target(data));
