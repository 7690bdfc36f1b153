//! The scenario engine fed arbitrary scenarios (members, changes in kr or
//! percent, start year, mode, region follows, state offer, step-up, cost
//! changes, new insatser, utilisation, indexation, interest) on each
//! preset, as it is or reshaped as an imported table could be; sometimes
//! also the goal seeks, which run the engine many times.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    |case: finsam_kalkyl_fuzz::targets::ScenarioCase| finsam_kalkyl_fuzz::targets::scenario_target(&case)
);
