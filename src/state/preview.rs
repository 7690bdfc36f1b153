//! An import waiting for a person to check it: how each row is read, the
//! unit and the sign of the costs the importer assumed, the populations
//! for an explicit split key, and what the importer and the analysis say,
//! before anything is replaced.

use crate::engine::{
    analyse,
    findings::Code,
    import::{ImportError, ImportErrorKind, Imported, Unit, UnitRead},
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
    /// Why the unit chosen last could not be used (an amount out of range).
    pub unit_error: Option<ImportError>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PreviewTable {
    pub budget: Budget,
    pub import_findings: Vec<Finding>,
    pub analysis: Analysis,
    /// The unit the table is read in, and where that was read; none for
    /// the canonical JSON, which is in kronor.
    pub unit: Option<UnitRead>,
    /// The rows the importer turned to positive costs because the table
    /// writes costs as negative amounts; empty when it did not.
    pub costs_turned: Vec<usize>,
    /// The person says the costs are not written as negative amounts: the
    /// rows above are read as written, and the importer's finding about
    /// them is set aside here.
    pub costs_as_written: Option<Vec<Finding>>,
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
            costs_turned: imported.costs_turned,
            costs_as_written: None,
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
            unit_error: None,
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
                // Rows now counted as kommuner need a key field each.
                self.key_texts
                    .resize(table.budget.kommun_labels().len(), String::new());
                table.analysis = analyse(&table.budget, &Options::default());
            }
        }
    }

    /// Every amount re-read as written in `unit`, exactly; the person has
    /// chosen, so the importer's findings about the unit go. The rows'
    /// classes and the split key stay as they are.
    pub(super) fn set_unit(&mut self, unit: Unit) {
        let Ok(table) = &mut self.result else { return };
        let Some(read) = table.unit else { return };
        let imported = Imported {
            budget: table.budget.clone(),
            findings: table.import_findings.clone(),
            unit: read,
            costs_turned: Vec::new(),
        };
        match imported.with_unit(unit) {
            Ok(imported) => {
                table.budget = imported.budget;
                table.import_findings = imported.findings;
                table.unit = Some(imported.unit);
                table.analysis = analyse(&table.budget, &Options::default());
                self.unit_error = None;
            }
            Err(why) => self.unit_error = Some(why),
        }
    }

    /// The costs read as the table writes them (`as_written`), or turned
    /// to positive costs as the importer read them.
    pub(super) fn set_costs_as_written(&mut self, as_written: bool) {
        let Ok(table) = &mut self.result else { return };
        if as_written == table.costs_as_written.is_some() || table.costs_turned.is_empty() {
            return;
        }
        for &r in &table.costs_turned {
            if let Some(row) = table.budget.rows.get_mut(r) {
                for value in row.values.iter_mut().flatten().filter(|v| !v.is_zero()) {
                    *value = -*value;
                }
            }
        }
        if as_written {
            let (aside, kept) = std::mem::take(&mut table.import_findings)
                .into_iter()
                .partition(|f| f.code == Code::CostsNegative);
            table.import_findings = kept;
            table.costs_as_written = Some(aside);
        } else if let Some(aside) = table.costs_as_written.take() {
            table.import_findings.extend(aside);
        }
        table.analysis = analyse(&table.budget, &Options::default());
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
