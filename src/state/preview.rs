//! An import waiting for a person to check it: how each row is read, the
//! unit and the sign of the costs the importer assumed, the populations
//! for an explicit split key, and what the importer and the analysis say,
//! before anything is replaced.

use crate::engine::{
    analyse,
    import::{Choices, CostSigns, ImportError, ImportErrorKind, Imported, UnitRead, UnitSource},
    model::{KeyBasis, KeyWeight, SplitKey},
    money, Analysis, Budget, BudgetError, Finding, Options, RowClass,
};
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The file's name, or none for a paste.
    pub name: Option<String>,
    pub result: Result<PreviewTable, ImportError>,
    /// Population per kommun as typed, for an explicit split key.
    pub key_texts: Vec<String>,
    pub key_error: Option<KeyError>,
    /// Rows the person has read as another class, in order, kept when
    /// the table is read again with other choices.
    overrides: Vec<(usize, RowClass)>,
    /// Why the table could not be read again with the choices asked for
    /// (in mnkr an amount out of range, say): the table stays as it was.
    pub reread_error: Option<ImportError>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PreviewTable {
    pub budget: Budget,
    pub import_findings: Vec<Finding>,
    pub analysis: Analysis,
    /// The unit the table is read in, and where that was read; none for
    /// the canonical JSON, which is in kronor.
    pub unit: Option<UnitRead>,
    /// Whether the table writes costs as negative amounts, and how they
    /// are read.
    pub costs: CostSigns,
}

impl PreviewTable {
    /// The choices this table was read with, to read it again with one
    /// of them changed.
    pub fn choices(&self) -> Choices {
        Choices {
            unit: self
                .unit
                .filter(|u| u.source == Some(UnitSource::Chosen))
                .map(|u| u.unit),
            costs_as_written: self.costs == CostSigns::KeptNegative,
        }
    }
}

/// A population that cannot be a split key's weight, and whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    pub kommun: String,
    /// `None`: the figure is negative.
    pub amount: Option<money::AmountError>,
}

impl Preview {
    /// What the importer made of a table, or why it could not.
    pub fn of_table(name: Option<String>, result: Result<Imported, ImportError>) -> Preview {
        let result = result.map(|imported| PreviewTable {
            analysis: analyse(&imported.budget, &Options::default()),
            budget: imported.budget,
            import_findings: imported.findings,
            unit: Some(imported.unit),
            costs: imported.costs,
        });
        let kommuner = result
            .as_ref()
            .map(|t| t.budget.kommun_labels().len())
            .unwrap_or(0);
        Preview {
            name,
            result,
            key_texts: vec![String::new(); kommuner],
            key_error: None,
            overrides: Vec::new(),
            reread_error: None,
        }
    }

    /// A budget in the canonical JSON model: nothing to say about rows.
    pub fn of_budget(name: Option<String>, result: Result<Budget, BudgetError>) -> Preview {
        let result = result.map(Imported::from).map_err(|why| ImportError {
            line: None,
            cell: None,
            kind: ImportErrorKind::Json(why),
        });
        let mut preview = Preview::of_table(name, result);
        if let Ok(table) = &mut preview.result {
            table.unit = None;
        }
        preview
    }

    /// Whether it can be used as it stands.
    pub fn is_ready(&self) -> bool {
        self.result.is_ok() && self.key_error.is_none()
    }

    /// Row `row` read as `class` instead.
    pub(super) fn set_class(&mut self, row: usize, class: RowClass) {
        if let Ok(table) = &mut self.result {
            if let Some(r) = table.budget.rows.get_mut(row) {
                r.class = class;
                self.overrides.push((row, class));
                // Rows now counted as kommuner need a key field each.
                self.key_texts
                    .resize(table.budget.kommun_labels().len(), String::new());
                table.analysis = analyse(&table.budget, &Options::default());
            }
        }
    }

    /// The same table read again with other choices (by the import
    /// worker): the rows the person corrected and the populations typed
    /// stay; if it cannot be read so, the table stays as it was.
    pub(super) fn reread(&self, result: Result<Imported, ImportError>) -> Preview {
        let fresh = Preview::of_table(self.name.clone(), result);
        if let Err(why) = fresh.result {
            return Preview {
                reread_error: Some(why),
                ..self.clone()
            };
        }
        let mut fresh = Preview {
            key_texts: self.key_texts.clone(),
            ..fresh
        };
        for &(row, class) in &self.overrides {
            fresh.set_class(row, class);
        }
        fresh.apply_key();
        fresh
    }

    /// The n-th kommun's population as typed.
    pub(super) fn set_key(&mut self, k: usize, text: String) {
        if let Some(t) = self.key_texts.get_mut(k) {
            *t = text;
        }
        self.apply_key();
    }

    /// An explicit key from the populations typed: all of them, or none.
    fn apply_key(&mut self) {
        let Ok(table) = &mut self.result else { return };
        let labels: Vec<String> = table
            .budget
            .kommun_labels()
            .iter()
            .map(|s| s.to_string())
            .collect();
        self.key_error = None;
        if self.key_texts.iter().all(|t| t.trim().is_empty()) {
            table.budget.key = None;
        } else {
            let mut weights = Vec::new();
            for (label, text) in labels.iter().zip(&self.key_texts) {
                let amount = match money::parse_amount(text) {
                    Ok(v) if v >= Decimal::ZERO => {
                        weights.push(KeyWeight {
                            kommun: label.clone(),
                            weight: v,
                        });
                        continue;
                    }
                    Ok(_) => None,
                    Err(e) => Some(e),
                };
                self.key_error = Some(KeyError {
                    kommun: label.clone(),
                    amount,
                });
                return;
            }
            table.budget.key = Some(SplitKey {
                basis: KeyBasis::Population,
                weights,
            });
        }
        table.analysis = analyse(&table.budget, &Options::default());
    }
}
