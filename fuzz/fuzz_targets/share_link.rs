//! The share-link decoder: a whole `#s=` fragment in either format (the
//! compressed one inflated with raw deflate, as the browser does), the
//! bytes the browser's compression gives, or the link's JSON
//! (`state::persist::link`). A link it opens must give a consistent state,
//! and the link that state writes must open again, compressed and plain.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| finsam_kalkyl_fuzz::targets::share_link_target(data));
