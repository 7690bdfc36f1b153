//! What can happen to the state, grouped by concern. Each group has its
//! own arm in the reducer; `From` lets a component dispatch
//! `Edit::Reset.into()`.

use super::edit::Field;
use super::notice::Notice;
use crate::engine::{
    import::{ImportError, Imported},
    scenario::NewInsats,
    Budget, BudgetError, Lang, Mode, RowClass, Scenario,
};
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A change to the scenario of the open budget.
    Edit(Edit),
    /// Undo or redo.
    History(Travel),
    /// The budgets and saved scenarios this browser keeps.
    Library(Library),
    /// A table or budget file on its way in.
    Import(Import),
    /// How the page shows things, and what it tells the person.
    View(View),
}

/// Changes to the scenario: each one that changes it is a step to undo.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Text as typed into a field. Taken if valid; otherwise kept as a
    /// draft with its error, and the last valid scenario stays.
    Type(Field, String),
    /// A value from a slider.
    Set(Field, Decimal),
    /// The ± buttons: the field's value moved by this amount.
    Step(Field, Decimal),
    /// The field lost focus: a valid draft gives way to the formatted value.
    Blur(Field),
    FromYear(i32),
    Mode(Mode),
    RegionFollows(bool),
    /// Back to the baseline.
    Reset,
    /// Switches a cost line off from the start year, or back on.
    CostOff(usize, bool),
    AddInsats(NewInsats),
    RemoveInsats(usize),
    /// Replaces the scenario, e.g. with a goal seek's answer.
    Apply(Scenario),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Travel {
    Undo,
    Redo,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Library {
    /// Opens a preset or an imported budget by id.
    Open(String),
    /// Saves the current scenario under a name (replacing one of that name).
    Save(String),
    Load(usize),
    Rename(usize, String),
    Delete(usize),
    /// Picks a saved scenario for comparison slot 0 or 1.
    Compare(usize, Option<usize>),
    /// Removes an imported budget, and the scenarios saved for it.
    DeleteImport(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Import {
    /// A table pasted (no name) or a file chosen or dropped, as the
    /// importer read it (in the page, the import worker), or why it could not.
    Table(Option<String>, Result<Imported, ImportError>),
    /// A budget in the canonical JSON model, as the browser read it, or
    /// why it could not.
    Budget(Option<String>, Result<Budget, BudgetError>),
    /// A person corrects how a previewed row is read.
    SetClass(usize, RowClass),
    /// Population of the n-th kommun in the preview, as typed.
    SetKey(usize, String),
    /// The previewed table read again with other choices (the unit, the
    /// signs of the costs), as the importer read it.
    Reread(Result<Imported, ImportError>),
    /// Use the previewed budget: it is kept and opened.
    Confirm,
    Cancel,
}

#[derive(Debug, Clone, PartialEq)]
pub enum View {
    Lang(Lang),
    ToggleBaseline,
    ToggleAllColumns,
    Notify(Notice),
    DismissNotice,
}

impl From<Edit> for Action {
    fn from(e: Edit) -> Action {
        Action::Edit(e)
    }
}

impl From<Travel> for Action {
    fn from(t: Travel) -> Action {
        Action::History(t)
    }
}

impl From<Library> for Action {
    fn from(l: Library) -> Action {
        Action::Library(l)
    }
}

impl From<Import> for Action {
    fn from(i: Import) -> Action {
        Action::Import(i)
    }
}

impl From<View> for Action {
    fn from(v: View) -> Action {
        Action::View(v)
    }
}
