//! The importer, structure-aware: valid tables (the presets, and every
//! table under tests/fixtures/) damaged cell by cell, so the inputs get
//! past the header check and into classification, totals and the chain.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    |damage: finsam_kalkyl_fuzz::table::Damage| finsam_kalkyl_fuzz::targets::import_cells_target(&damage)
);
