//! The section tracker: what each row is, from its label and the section
//! it stands in, with the section moved on by headings and by the rows
//! themselves (members open the income, a total closes it).

use crate::engine::classify::{self, CostGroup, HeadingKind, Section};
use crate::engine::findings::{Code, Detail, Finding, Severity};
use crate::engine::model::RowClass;

#[derive(Default)]
pub(super) struct Tracker {
    pub section: Section,
    group: CostGroup,
    /// Income and cost rows since the last total of their kind: a heading
    /// word with figures below them is their total, above them the line.
    income_rows: usize,
    cost_rows: usize,
    kommuner: Vec<String>,
}

/// A row as read: what it is, and the name a person sees for it.
pub(super) struct Read {
    pub class: RowClass,
    pub label: String,
}

impl Tracker {
    /// Reads one row's label. `at` is the row's line and its label's column.
    pub fn read(
        &mut self,
        raw: &str,
        any_figure: bool,
        at: (usize, usize),
        findings: &mut Vec<Finding>,
    ) -> Read {
        let cleaned = crate::engine::text::strip_note_marks(raw);
        let norm = classify::normalise(&cleaned);
        let here = |severity, code, detail| Finding::new(severity, code, detail).at(Some(at.0), Some(at.1));
        let class = if cleaned.is_empty() {
            RowClass::Unknown
        } else if !any_figure && is_footnote(&cleaned) {
            let detail = Detail::HeadingAssumed {
                label: cleaned.clone(),
            };
            findings.push(here(Severity::Info, Code::HeadingAssumed, detail));
            RowClass::Heading
        } else if !any_figure {
            match (classify::heading_kind(&norm), classify::class_by_name(&norm)) {
                (Some(kind), _) => {
                    (self.section, self.group) = kind.opens();
                    RowClass::Heading
                }
                (None, Some(class)) => class,
                (None, None) => {
                    let detail = Detail::HeadingAssumed {
                        label: cleaned.clone(),
                    };
                    findings.push(here(Severity::Info, Code::HeadingAssumed, detail));
                    RowClass::Heading
                }
            }
        } else {
            let c = self.with_figures(&norm);
            if let Some(other) = c.ambiguous_with {
                let detail = Detail::AmbiguousRow {
                    label: cleaned.clone(),
                    chosen: c.class,
                    other,
                };
                findings.push(here(Severity::Warning, Code::AmbiguousRow, detail));
            }
            c.class
        };
        self.moved_by(class);
        let label = match classify::member_prefix(&norm).filter(|_| class.is_member()) {
            Some((skip, _)) => cleaned.chars().skip(skip).collect(),
            None if cleaned.is_empty() => format!("(rad {} utan namn)", at.0),
            None => cleaned,
        };
        if class == RowClass::Kommun {
            let name = classify::normalise(&label);
            if self.kommuner.contains(&name) {
                let detail = Detail::DuplicateRow { label: label.clone() };
                findings.push(here(Severity::Warning, Code::DuplicateRow, detail));
            }
            self.kommuner.push(name);
        }
        Read { class, label }
    }

    /// A row with figures. A heading word with figures ("Verksamhetens
    /// kostnader", "Insatser") is the total of the rows of its kind above
    /// it, or with none above, itself the one line of its kind.
    fn with_figures(&self, norm: &str) -> classify::Classified {
        let line = |class| classify::Classified {
            class,
            ambiguous_with: None,
        };
        match classify::heading_kind(norm).filter(|_| classify::class_by_name(norm).is_none()) {
            Some(HeadingKind::Income) if self.income_rows > 0 => line(RowClass::TotalIncome),
            Some(HeadingKind::Income) => line(RowClass::OtherIncome),
            Some(HeadingKind::Costs) if self.cost_rows > 0 => line(RowClass::TotalCosts),
            Some(HeadingKind::Costs | HeadingKind::Verksamhet) => line(RowClass::Verksamhet),
            Some(HeadingKind::Administration) => line(RowClass::Administration),
            None => classify::classify(norm, self.section, self.group),
        }
    }

    /// Where a row leaves the section: members open the income, a cost
    /// without a heading opens the costs, a total closes its section.
    fn moved_by(&mut self, class: RowClass) {
        match class {
            c if c.is_income() => {
                if self.section == Section::None {
                    self.section = Section::Income;
                }
                self.income_rows += 1;
            }
            c if c.is_cost() => {
                if matches!(self.section, Section::None | Section::Income) {
                    (self.section, self.group) = HeadingKind::Costs.opens();
                }
                self.cost_rows += 1;
            }
            RowClass::TotalIncome => {
                (self.section, self.group) = HeadingKind::Costs.opens();
                self.income_rows = 0;
            }
            RowClass::TotalCosts => {
                self.section = Section::After;
                self.cost_rows = 0;
            }
            RowClass::Result => self.section = Section::After,
            _ => {}
        }
    }
}

/// A footnote's text below a table: `1) Enligt förbundsordningen`,
/// `* Staten genom Försäkringskassan`. It is kept, as a heading, and never
/// read as the member it may name.
fn is_footnote(label: &str) -> bool {
    let mark = label.starts_with(['*', '†', '¹', '²', '³'])
        || label.split_once(')').is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_alphanumeric())
        });
    let note = crate::engine::text::fold_case(label);
    mark || note.starts_with("not ") || note.starts_with("anm")
}
