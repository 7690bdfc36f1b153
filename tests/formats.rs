#![cfg(not(target_arch = "wasm32"))]
//! A saved state and a share link written in today's format (version 1),
//! frozen in tests/fixtures/formats/: they must keep opening to what they
//! describe, and this version must still write them byte for byte. The
//! page reads the same files in its wasm tests (`ui::from_js`).

use finsam_kalkyl::engine::scenario::{Change, CostEdit, MemberRef, Mode};
use finsam_kalkyl::engine::{run_scenario, Lang, Scenario};
use finsam_kalkyl::state::persist::{link, read_saved, NativeCodec};
use finsam_kalkyl::state::READ_TABLES;
use rust_decimal::Decimal;

const SAVED: &str = include_str!("fixtures/formats/saved-v1.json");
const LINK: &str = include_str!("fixtures/formats/link-v1.txt");

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn a_state_saved_in_todays_format_opens_and_is_written_the_same() {
    let s = read_saved(SAVED.trim_end(), &NativeCodec, READ_TABLES).unwrap();
    assert_eq!((s.source.id(), s.lang), ("sodra-vatterbygden-2024", Lang::Sv));
    let change = &s.scenario.changes[0];
    assert_eq!(change.member, MemberRef::Kommun("Habo kommun".into()));
    assert_eq!(change.change, Change::Kr(d("10000")));
    assert_eq!(s.scenario.from_year, Some(2025));
    assert_eq!(s.scenario.step_up_pct, Some(d("1.5")));
    let edits: Vec<_> = s
        .scenario
        .cost_changes
        .iter()
        .map(|c| (c.line.as_str(), c.edit))
        .collect();
    assert_eq!(
        edits,
        [
            ("Kansli", CostEdit::Percent(d("-10"))),
            ("IT-spåret", CostEdit::Off),
            ("Enter", CostEdit::Kr(d("25000"))),
        ]
    );
    assert_eq!(s.scenario.new_insatser[0].yearly, d("150000"));
    assert_eq!(s.scenario.utilisation_pct, Some(d("90")));
    assert_eq!(s.options.equity_guideline_pct, Some(d("10")));
    let named = &s.named[0].scenario;
    assert_eq!((named.mode, named.region_follows), (Mode::Alone, false));
    assert_eq!(named.changes[0].member, MemberRef::Region);
    assert_eq!(named.state_offer, Some(d("5600000")));
    assert_eq!(s.named[1].preset, "import-1");
    assert_eq!(s.imports[0].budget.rows.len(), 7);
    // The outcome is the scenario's, not the baseline's.
    let outcome = |scenario| run_scenario(&s.budget, &s.base, scenario, &s.options).unwrap();
    assert_eq!(*s.outcome, outcome(&s.scenario));
    assert_ne!(*s.outcome, outcome(&Scenario::default()));
    assert_eq!(serde_json::to_string(&s.saved()).unwrap(), SAVED.trim_end());
}

#[test]
fn a_link_in_todays_format_opens_and_is_written_the_same() {
    // Today's page writes links compressed (`#s=2.`); this, the plain
    // format, is what every link written before was.
    let json = link::decode(LINK.trim_end(), &NativeCodec, |_| None)
        .unwrap()
        .unwrap();
    let s = link::open(link::parse(&json, &NativeCodec).unwrap(), None, READ_TABLES).unwrap();
    assert_eq!((s.source.id(), s.lang), ("import-1", Lang::En));
    assert_eq!(s.budget.title, "Samordningsförbundet Exempel");
    assert_eq!(s.scenario.changes[0].change, Change::Percent(d("2.5")));
    assert_eq!(s.scenario.cost_changes[0].edit, CostEdit::Kr(d("-30000")));
    assert_eq!(s.options.equity_guideline_pct, Some(d("12.5")));
    let written = link::json(&s, &NativeCodec);
    assert_eq!(link::plain(&written, &NativeCodec), LINK.trim_end());
}
