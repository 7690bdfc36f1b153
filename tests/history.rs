#![cfg(not(target_arch = "wasm32"))]
//! Undo and redo never cross budgets: each budget keeps its own history,
//! so a förbund's scenario is never undone onto another's table.

use finsam_kalkyl::engine::{import_table, presets, Lang, Scenario};
use finsam_kalkyl::state::{Edit, Field, Import, Library, State, Travel, READ_TABLES};
use std::rc::Rc;

const HABO: Field = Field::Kommun(0);

/// The default budget with a scenario of its own: utrymme 6 000 000 and
/// Habo +10 000, key-bound.
fn sodra_with_a_scenario() -> State {
    State::new(Lang::Sv, READ_TABLES)
        .apply(Edit::Type(Field::StateOffer, "6 000 000".into()))
        .apply(Edit::Blur(Field::StateOffer))
        .apply(Edit::Type(HABO, "+10 000".into()))
        .apply(Edit::Blur(HABO))
}

/// The same table imported: its members have the same names, so the old
/// scenario would run on it (and did, before the history was per budget).
fn import_the_same_table(s: &State) -> State {
    let table = presets::find(presets::DEFAULT_PRESET).unwrap().table();
    s.apply(Import::Table(Some("egen.csv".into()), import_table(table)))
        .apply(Import::Confirm)
}

/// Undo, as often as it goes, never changes the budget.
fn undo_all(s: &State) -> Vec<State> {
    let mut states = vec![s.clone()];
    while states.last().unwrap().history.can_undo() {
        let next = states.last().unwrap().apply(Travel::Undo);
        assert_eq!(next.source, s.source, "undo changed the budget");
        assert!(Rc::ptr_eq(&next.budget, &s.budget), "undo changed the budget");
        states.push(next);
    }
    states
}

#[test]
fn undo_after_an_import_stays_on_the_import_and_applies_nothing_from_the_other_budget() {
    let before = sodra_with_a_scenario();
    assert!(before.history.can_undo());
    let imported = import_the_same_table(&before);
    assert_eq!(imported.source.id(), "import-1");
    assert_eq!(imported.scenario, Scenario::default());
    // Nothing to undo on a budget that was just opened.
    assert!(!imported.history.can_undo());
    let undone = imported.apply(Travel::Undo);
    assert_eq!(undone.source, imported.source);
    assert_eq!(undone.scenario, Scenario::default());
    assert_eq!(undone.outcome, imported.outcome);

    // An edit on the import is undone on the import, to its own baseline.
    let edited = imported.apply(Edit::Type(Field::StateOffer, "7 000 000".into()));
    let states = undo_all(&edited);
    assert_eq!(states.len(), 2);
    assert_eq!(states[1].scenario, Scenario::default());
    assert!(states.iter().all(|s| s.scenario != before.scenario));
}

#[test]
fn undo_after_deleting_the_open_import_stays_on_the_budget_it_opened() {
    let before = sodra_with_a_scenario();
    let imported = import_the_same_table(&before)
        .apply(Edit::Type(Field::StateOffer, "7 000 000".into()))
        .apply(Edit::Blur(Field::StateOffer));
    let import_scenario = imported.scenario.clone();
    let deleted = imported.apply(Library::DeleteImport("import-1".into()));
    assert_eq!(deleted.source.id(), presets::DEFAULT_PRESET);
    assert!(deleted.imports.is_empty());
    // Undo goes back through the default budget's own scenarios: the one
    // it was left at, then the steps before it, never the import's.
    let states = undo_all(&deleted);
    assert_eq!(states[1].scenario, before.scenario);
    assert!(states.iter().all(|s| s.scenario != import_scenario));
    assert_eq!(states.last().unwrap().scenario, Scenario::default());

    // A new import takes the deleted one's id, but not its history.
    let again = import_the_same_table(&deleted);
    assert_eq!(again.source.id(), "import-1");
    assert!(!again.history.can_undo());
}

#[test]
fn each_budget_keeps_its_own_history_across_preset_switches() {
    let sodra = sodra_with_a_scenario();
    let hoglandet = sodra.apply(Library::Open("hoglandet-2023".into()));
    assert_eq!(hoglandet.source.id(), "hoglandet-2023");
    assert!(!hoglandet.history.can_undo());
    assert_eq!(hoglandet.apply(Travel::Undo).scenario, Scenario::default());
    let hoglandet = hoglandet.apply(Edit::Type(Field::StateOffer, "9 000 000".into()));
    let h_scenario = hoglandet.scenario.clone();

    // Back to Södra Vätterbygden: its own scenario returns with undo, and
    // Höglandet's never appears.
    let back = hoglandet.apply(Library::Open(presets::DEFAULT_PRESET.into()));
    assert_eq!(back.scenario, Scenario::default());
    let states = undo_all(&back);
    assert_eq!(states[1].scenario, sodra.scenario);
    assert_eq!(states[1].outcome, sodra.outcome);
    assert!(states.iter().all(|s| s.scenario != h_scenario));
    // Redo comes back to where the budget was opened.
    let redone = states[1].apply(Travel::Redo);
    assert_eq!(redone.scenario, Scenario::default());
    assert_eq!(redone.source, back.source);
}

#[test]
fn a_preview_or_a_view_change_is_no_step_to_undo() {
    let s = sodra_with_a_scenario();
    let steps = undo_all(&s).len();
    let table = presets::find("hoglandet-2023").unwrap().table();
    let previewed = s
        .apply(Import::Table(None, import_table(table)))
        .apply(Import::Cancel)
        .apply(finsam_kalkyl::state::View::ToggleBaseline);
    assert_eq!(undo_all(&previewed).len(), steps);
}
