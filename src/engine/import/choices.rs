//! What a person may change of what the importer assumed: the unit the
//! amounts are in, and whether costs written as negative amounts are costs.
//! The import worker reads the table again with the person's choices, so
//! the page itself carries no rescaling.

use super::units::Unit;
use super::{ImportError, Imported};
use crate::engine::findings::Code;

/// How the importer read the signs of the costs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CostSigns {
    /// As the table writes them: nothing was assumed.
    #[default]
    AsWritten,
    /// Written as negative amounts, as a resultaträkning does, and read as
    /// costs: the rows whose sign changed (none once sent to the page).
    Turned(Vec<usize>),
    /// Written as negative amounts and read as written, because the person
    /// said they are not costs written that way.
    KeptNegative,
}

/// The person's choices in the import preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Choices {
    /// The unit the amounts are in; none: as the table says.
    pub unit: Option<Unit>,
    /// Costs written as negative amounts are read as written.
    pub costs_as_written: bool,
}

impl Imported {
    /// The costs the importer turned to positive, read as written again;
    /// its finding about them goes, since the person has said otherwise.
    pub fn with_costs_as_written(mut self) -> Imported {
        let CostSigns::Turned(rows) = &self.costs else {
            return self;
        };
        for &r in rows {
            if let Some(row) = self.budget.rows.get_mut(r) {
                for value in row.values.iter_mut().flatten().filter(|v| !v.is_zero()) {
                    *value = -*value;
                }
            }
        }
        self.findings.retain(|f| f.code != Code::CostsNegative);
        self.costs = CostSigns::KeptNegative;
        self
    }

    /// This import with the person's choices applied.
    pub fn with_choices(self, choices: Choices) -> Result<Imported, ImportError> {
        let imported = match choices.unit {
            Some(unit) => self.with_unit(unit)?,
            None => self,
        };
        Ok(if choices.costs_as_written {
            imported.with_costs_as_written()
        } else {
            imported
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::{import_table, UnitSource};
    use rust_decimal::Decimal;

    const NEGATIVE: &str = "Förbundet (tkr);Budget 2024;Plan 2025\n\
        Försäkringskassan;4 000;4 000\nRegion Västra Götaland;2 000;2 000\nBorås stad;2 000;2 000\n\
        Insatser;-6 000;-6 500\nKansli;-1 500;-1 500\nSumma kostnader;-7 500;-8 000\n\
        Årets resultat;500;0\n";

    fn value(imported: &Imported, label: &str, column: usize) -> Option<Decimal> {
        imported.budget.rows.iter().find(|r| r.label == label)?.values[column]
    }

    #[test]
    fn costs_written_negative_are_turned_and_can_be_read_as_written_again() {
        let read = import_table(NEGATIVE).unwrap();
        let CostSigns::Turned(rows) = &read.costs else {
            panic!("{:?}", read.costs)
        };
        assert_eq!(rows.len(), 3);
        assert_eq!(value(&read, "Kansli", 0), Some(Decimal::from(1_500_000)));
        assert!(read.findings.iter().any(|f| f.code == Code::CostsNegative));

        let kept = read.clone().with_costs_as_written();
        assert_eq!(kept.costs, CostSigns::KeptNegative);
        assert_eq!(value(&kept, "Kansli", 0), Some(Decimal::from(-1_500_000)));
        assert_eq!(
            value(&kept, "Summa kostnader", 1),
            Some(Decimal::from(-8_000_000))
        );
        assert_eq!(value(&kept, "Borås stad", 0), Some(Decimal::from(2_000_000)));
        assert!(!kept.findings.iter().any(|f| f.code == Code::CostsNegative));
        // Once is enough: asked again, nothing changes.
        assert_eq!(kept.clone().with_costs_as_written(), kept);

        let plain = import_table("Förbundet;Budget 2024\nStaten;10\nFIA;5\n").unwrap();
        assert_eq!(plain.costs, CostSigns::AsWritten);
        assert_eq!(plain.clone().with_costs_as_written(), plain);
    }

    #[test]
    fn the_choices_apply_together_exactly() {
        let read = import_table(NEGATIVE).unwrap();
        let chosen = read
            .clone()
            .with_choices(Choices {
                unit: Some(Unit::Kr),
                costs_as_written: true,
            })
            .unwrap();
        assert_eq!(value(&chosen, "Kansli", 0), Some(Decimal::from(-1_500)));
        assert_eq!(chosen.unit.source, Some(UnitSource::Chosen));
        assert_eq!(read.clone().with_choices(Choices::default()), Ok(read));
    }
}
