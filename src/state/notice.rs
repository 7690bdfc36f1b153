//! What the page tells a person about the app itself rather than the
//! budget. Typed, so each is worded in the page's language (`crate::words`)
//! and a new fault is one more variant.

use super::persist::{file::FileError, ReadError};
use crate::engine::ScenarioError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The link could not be opened; the preset is shown instead.
    BadLink(ReadError),
    /// What was saved in this browser could not be read; it is set aside,
    /// never saved over.
    BadSaved(ReadError),
    /// The förbund's budget file the page names could not be used; the
    /// preset is shown instead.
    BudgetFile { name: String, why: FileError },
    /// `?preset=` names no preset; the default is shown instead.
    UnknownPreset(String),
    /// This browser will not keep anything (private mode, full, blocked).
    StorageUnavailable,
    /// The link is copied to the clipboard, and shown.
    LinkReady,
    /// The browser would not copy the link: it is shown to copy by hand.
    CopyLink,
    /// A file could not be made.
    ExportFailed(ExportFailure),
    /// A change the engine refused, with its reason.
    Refused(ScenarioError),
}

/// Why an export did not reach the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFailure {
    /// This browser cannot start the export worker.
    CannotStart,
    /// The worker did not load (offline before it was cached, say),
    /// stopped, or gave no answer in time.
    WorkerFailed,
    /// The worker could not make the workbook, or answered something else.
    Workbook,
    /// The browser would not write or save the file.
    Browser,
}

/// Why one of the page's workers gave no usable answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerFailure {
    /// This browser cannot start it.
    CannotStart,
    /// It did not load, stopped, or gave no answer in time.
    NotLoaded,
    /// It answered something it should not.
    Garbled,
}
