//! The share-link decoder: the JSON in a link's `#s=` fragment, after the
//! browser's URI decoding (`State::from_link`). A link it opens must give
//! a consistent state, and the link that state writes must open again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| finsam_kalkyl_fuzz::targets::share_link_target(data));
