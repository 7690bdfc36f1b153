//! The reducer: [`State::apply`]. Each group of actions has a function of
//! its own; `apply` keeps the history, so no group has to.

use super::action::{Action, Edit, Import, Library, Travel, View};
use super::edit::Field;
use super::notice::Notice;
use super::preview::Preview;
use super::{ImportedBudget, NamedScenario, State};
use crate::engine::{
    presets,
    scenario::{CostChange, CostEdit},
    Mode, Scenario,
};
use std::rc::Rc;

impl State {
    /// The reducer. An action that changes the scenario of the open budget
    /// is a step to undo; one that opens another budget moves the history
    /// to that budget instead, so no scenario is ever undone onto a budget
    /// it was not made on.
    pub fn apply(&self, action: impl Into<Action>) -> State {
        let action = action.into();
        // Keystrokes, or a slider drag, in one field make one undo step.
        let typing = match &action {
            Action::Edit(Edit::Type(field, _) | Edit::Set(field, _)) => Some(*field),
            _ => None,
        };
        let mut next = match action {
            Action::History(travel) => return self.travel(travel),
            Action::Edit(edit) => self.edit(edit),
            Action::Library(library) => self.library(library),
            Action::Import(import) => self.import(import),
            Action::View(view) => self.view(view),
        };
        let exists = |id: &str| next.has_budget(id);
        let mut history = self.history.clone();
        if next.source != self.source || !Rc::ptr_eq(&next.budget, &self.budget) {
            history.switch(self.source.id(), &self.scenario, next.source.id(), exists);
        } else {
            history.forget_missing(exists);
            if next.scenario != self.scenario {
                history.record(&self.scenario, typing);
            } else {
                history.untouched(typing);
            }
        }
        next.history = history;
        next
    }

    fn travel(&self, travel: Travel) -> State {
        let mut next = self.clone();
        let target = match travel {
            Travel::Undo => next.history.undo(&self.scenario),
            Travel::Redo => next.history.redo(&self.scenario),
        };
        if let Some(scenario) = target {
            next.drafts.clear();
            next.try_scenario(scenario);
        }
        next
    }

    fn edit(&self, edit: Edit) -> State {
        let mut next = self.clone();
        // The scenario as the edit changes it; used by the arms that
        // change the scenario itself rather than a field.
        let mut s = self.scenario.clone();
        match edit {
            Edit::Type(field, text) => next.take_text(field, text),
            Edit::Set(field, value) => next.set_or_keep(field, value),
            Edit::Step(field, by) => next.set_or_keep(field, self.current_value(field) + by),
            Edit::Blur(field) => next.drafts.retain(|d| d.field != field || d.error.is_some()),
            Edit::FromYear(year) => {
                s.from_year = Some(year);
                next.try_scenario(s);
            }
            Edit::Mode(mode) => {
                s.mode = mode;
                // Key-bound, the kommun side moves as one: keep the last change.
                if mode == Mode::Key && s.changes.len() > 1 {
                    s.changes.drain(..s.changes.len() - 1);
                }
                next.try_scenario(s);
            }
            Edit::RegionFollows(follows) => {
                s.region_follows = follows;
                next.try_scenario(s);
            }
            Edit::Reset => {
                next.drafts.clear();
                next.try_scenario(Scenario::default());
            }
            Edit::CostOff(j, off) => {
                if let Some(line) = self.base.cost_lines.get(j) {
                    next.drafts.retain(|d| d.field != Field::CostLine(j));
                    s.cost_changes.retain(|c| c.line != line.label);
                    if off {
                        s.cost_changes.push(CostChange {
                            line: line.label.clone(),
                            edit: CostEdit::Off,
                        });
                    }
                    next.try_scenario(s);
                }
            }
            Edit::AddInsats(insats) => {
                s.new_insatser.push(insats);
                if let Err(e) = next.run(s) {
                    next.notice = Some(Rc::new(Notice::Refused(e)));
                }
            }
            Edit::RemoveInsats(i) => {
                if i < s.new_insatser.len() {
                    s.new_insatser.remove(i);
                    next.try_scenario(s);
                }
            }
            Edit::Apply(scenario) => {
                next.drafts.clear();
                next.try_scenario(scenario);
            }
        }
        next
    }

    fn library(&self, library: Library) -> State {
        let mut next = self.clone();
        match library {
            Library::Open(id) => {
                if let Some(opened) = self.open(&id) {
                    next = opened;
                }
            }
            Library::Save(name) => {
                let name = name.trim().to_string();
                if !name.is_empty() {
                    let entry = NamedScenario {
                        name,
                        preset: self.source.id().to_string(),
                        scenario: self.scenario.clone(),
                    };
                    match next
                        .named
                        .iter_mut()
                        .find(|n| n.name == entry.name && n.preset == entry.preset)
                    {
                        Some(existing) => *existing = entry,
                        None => next.named.push(entry),
                    }
                }
            }
            Library::Load(i) => {
                if let Some(named) = self.named.get(i) {
                    next.drafts.clear();
                    next.try_scenario(named.scenario.clone());
                }
            }
            Library::Rename(i, name) => {
                let name = name.trim().to_string();
                if let (Some(named), false) = (next.named.get_mut(i), name.is_empty()) {
                    named.name = name;
                }
            }
            Library::Delete(i) => {
                if i < next.named.len() {
                    next.named.remove(i);
                    next.compare = self.compare.map(|slot| match slot {
                        Some(j) if j == i => None,
                        Some(j) if j > i => Some(j - 1),
                        other => other,
                    });
                }
            }
            Library::Compare(slot, index) => {
                if let Some(s) = next.compare.get_mut(slot) {
                    *s = index.filter(|&i| i < self.named.len());
                }
            }
            Library::DeleteImport(id) => {
                next.imports.retain(|i| i.id != id);
                next.named.retain(|n| n.preset != id);
                next.compare = [None, None];
                if self.source.id() == id {
                    if let Some(opened) = next.open(presets::DEFAULT_PRESET) {
                        next = opened;
                    }
                }
            }
        }
        next
    }

    fn import(&self, import: Import) -> State {
        let mut next = self.clone();
        let preview = match import {
            Import::Table(name, result) => Some(Preview::of_table(name, result)),
            Import::Budget(name, result) => Some(Preview::of_budget(name, result)),
            Import::SetClass(row, class) => self.preview.as_deref().cloned().map(|mut p| {
                p.set_class(row, class);
                p
            }),
            Import::SetKey(k, text) => self.preview.as_deref().cloned().map(|mut p| {
                p.set_key(k, text);
                p
            }),
            Import::Reread(result) => self.preview.as_deref().map(|p| p.reread(result)),
            Import::Confirm => return self.confirm_import(),
            Import::Cancel => None,
        };
        next.preview = preview.map(Rc::new);
        next
    }

    /// Keeps the previewed budget under a new id and opens it.
    fn confirm_import(&self) -> State {
        let Some(Ok(table)) = self
            .preview
            .as_ref()
            .filter(|p| p.is_ready())
            .map(|p| p.result.clone())
        else {
            return self.clone();
        };
        let id = (1..)
            .map(|n| format!("import-{n}"))
            .find(|id| !self.imports.iter().any(|i| &i.id == id))
            .unwrap_or_default();
        let name = if table.budget.title.is_empty() {
            id.clone()
        } else {
            table.budget.title.clone()
        };
        let mut next = self.clone();
        next.imports.push(ImportedBudget {
            id: id.clone(),
            name,
            budget: table.budget,
        });
        next.preview = None;
        match next.open(&id) {
            Some(mut opened) => {
                opened.import_findings = Rc::new(table.import_findings);
                opened
            }
            None => next,
        }
    }

    fn view(&self, view: View) -> State {
        let mut next = self.clone();
        match view {
            View::Lang(lang) => next.lang = lang,
            View::ToggleBaseline => next.show_baseline = !self.show_baseline,
            View::ToggleAllColumns => next.show_all_columns = !self.show_all_columns,
            View::Notify(notice) => next.notice = Some(Rc::new(notice)),
            View::DismissNotice => next.notice = None,
        }
        next
    }
}
