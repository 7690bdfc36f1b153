//! Undo and redo. A scenario only makes sense on the budget it was made
//! on, so each budget has its own history: opening another budget puts the
//! open one's aside and brings back the other's, and a deleted budget's
//! history goes with it.

use super::edit::Field;
use crate::engine::Scenario;

const LIMIT: usize = 100;

/// One budget's scenarios before and after the current one.
#[derive(Debug, Clone, PartialEq, Default)]
struct Track {
    /// Earlier scenarios, the newest last.
    past: Vec<Scenario>,
    /// Undone scenarios, the newest last.
    future: Vec<Scenario>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    open: Track,
    /// The field being typed into: its keystrokes make one undo step.
    typing: Option<Field>,
    /// Other budgets' tracks, by budget id.
    shelved: Vec<(String, Track)>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.open.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.open.future.is_empty()
    }

    /// Records that `before` was replaced by an edit. Keystrokes in the
    /// same field (`typing`) add to the step they began.
    pub(super) fn record(&mut self, before: &Scenario, typing: Option<Field>) {
        let same_session = typing.is_some() && typing == self.typing;
        if !same_session {
            self.open.past.push(before.clone());
            if self.open.past.len() > LIMIT {
                self.open.past.remove(0);
            }
        }
        self.open.future.clear();
        self.typing = typing;
    }

    /// An action that changed nothing: a typing session goes on only in
    /// its own field.
    pub(super) fn untouched(&mut self, typing: Option<Field>) {
        if typing.is_none() || typing != self.typing {
            self.typing = None;
        }
    }

    /// The scenario to go back to from `current`, if any.
    pub(super) fn undo(&mut self, current: &Scenario) -> Option<Scenario> {
        let previous = self.open.past.pop()?;
        self.open.future.push(current.clone());
        self.typing = None;
        Some(previous)
    }

    /// The scenario to go forward to from `current`, if any.
    pub(super) fn redo(&mut self, current: &Scenario) -> Option<Scenario> {
        let later = self.open.future.pop()?;
        self.open.past.push(current.clone());
        self.typing = None;
        Some(later)
    }

    /// Another budget is opened: `from`'s track is put aside, with the
    /// scenario it was left at (so that undo there, later, brings it back),
    /// and `to`'s own track comes back. `exists` says which budgets are
    /// still there to come back to.
    pub(super) fn switch(&mut self, from: &str, left: &Scenario, to: &str, exists: impl Fn(&str) -> bool) {
        let mut track = std::mem::take(&mut self.open);
        if *left != Scenario::default() {
            track.past.push(left.clone());
            track.future.clear();
        }
        self.shelved.retain(|(id, _)| id != from && exists(id));
        if exists(from) {
            self.shelved.push((from.to_string(), track));
        }
        if let Some(i) = self.shelved.iter().position(|(id, _)| id == to) {
            self.open = self.shelved.remove(i).1;
        }
        self.typing = None;
    }

    /// Drops the tracks of budgets that are gone.
    pub(super) fn forget_missing(&mut self, exists: impl Fn(&str) -> bool) {
        self.shelved.retain(|(id, _)| exists(id));
    }
}
