//! Runs a saved input through its target's code outside libFuzzer, and
//! says what the input decodes to: the damaged table for `import_cells`,
//! the budget and scenario for `scenario`. For turning a crash into a
//! regression test: `cargo run --example replay -- TARGET FILE`.

use arbitrary::{Arbitrary, Unstructured};
use finsam_kalkyl_fuzz::table::Damage;
use finsam_kalkyl_fuzz::targets::{self, ScenarioCase};
use finsam_kalkyl_fuzz::{preset_baselines, TABLES};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [target, file] = args.as_slice() else {
        eprintln!("usage: replay TARGET FILE");
        std::process::exit(2);
    };
    let data = std::fs::read(file).expect("the input file is readable");
    match target.as_str() {
        "import_bytes" => {
            println!("{}", String::from_utf8_lossy(&data));
            targets::import_bytes_target(&data);
        }
        "import_cells" => {
            let damage = Damage::arbitrary_take_rest(Unstructured::new(&data)).expect("decodes");
            println!(
                "{damage:#?}\n--- table:\n{:?}",
                String::from_utf8_lossy(&damage.apply(TABLES))
            );
            targets::import_cells_target(&damage);
        }
        "budget_json" => {
            println!("{}", String::from_utf8_lossy(&data));
            targets::budget_json_target(&data);
        }
        "share_link" => {
            match data.split_first() {
                // The deflated bytes, and what they inflate to.
                Some((0, deflated)) => println!(
                    "deflated: {deflated:?}\n--- inflated:\n{:?}",
                    finsam_kalkyl_fuzz::persist::inflate(deflated)
                ),
                _ => println!("{}", String::from_utf8_lossy(&data)),
            }
            targets::share_link_target(&data);
        }
        "budget_address" => {
            println!("{:?}", String::from_utf8_lossy(&data));
            targets::budget_address_target(&data);
        }
        "saved_state" => {
            println!("{}", String::from_utf8_lossy(&data));
            targets::saved_state_target(&data);
        }
        "scenario" => {
            let case = ScenarioCase::arbitrary_take_rest(Unstructured::new(&data)).expect("decodes");
            println!("{case:#?}");
            let presets = preset_baselines();
            let (budget, base) = &presets[case.source.preset as usize % presets.len()];
            if let Some(reshaped) = case.source.reshape(budget) {
                println!("--- budget:\n{}", reshaped.to_json());
            }
            let scenario = case.scenario.build(base);
            println!(
                "--- scenario:\n{}",
                serde_json::to_string(&scenario).expect("serialises")
            );
            targets::scenario_target(&case);
        }
        other => {
            eprintln!("no target {other}");
            std::process::exit(2);
        }
    }
    println!("--- no crash");
}
