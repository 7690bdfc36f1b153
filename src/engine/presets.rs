//! The real budgets the app ships with, compiled in so that the browser
//! never fetches anything. Files live in `presets/`: each table as it was
//! transcribed (CSV), and the same budget as the canonical JSON model.
//!
//! Natively (the CLI, the tests) the importer reads the table. The page
//! reads the JSON through the browser's `JSON.parse`, so it carries neither
//! the importer nor its tables; a test keeps the two identical.

use super::import::{import_table, Imported};

pub struct Preset {
    /// Stable identifier, used in links and the CLI.
    pub id: &'static str,
    /// What the selector shows.
    pub name: &'static str,
    /// `finsam-kalkyl export presets/ID.csv --format json --output presets/ID.json`
    pub json: &'static str,
}

pub const PRESETS: [Preset; 3] = [
    Preset {
        id: "sodra-vatterbygden-2024",
        name: "Södra Vätterbygden 2023–2026",
        json: include_str!("../../presets/sodra-vatterbygden-2024.json"),
    },
    Preset {
        id: "hoglandet-2023",
        name: "Höglandet 2022–2023",
        json: include_str!("../../presets/hoglandet-2023.json"),
    },
    Preset {
        id: "sodra-vatterbygden-2012",
        name: "Södra Vätterbygden 2012–2014",
        json: include_str!("../../presets/sodra-vatterbygden-2012.json"),
    },
];

/// The preset the app opens on.
pub const DEFAULT_PRESET: &str = "sodra-vatterbygden-2024";

pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

impl Preset {
    /// The table as transcribed from the source document. A function, not
    /// a field, so that a build that never reads tables (the page) does
    /// not carry them.
    pub fn table(&self) -> &'static str {
        match self.id {
            "sodra-vatterbygden-2024" => include_str!("../../presets/sodra-vatterbygden-2024.csv"),
            "hoglandet-2023" => include_str!("../../presets/hoglandet-2023.csv"),
            "sodra-vatterbygden-2012" => include_str!("../../presets/sodra-vatterbygden-2012.csv"),
            _ => "",
        }
    }

    /// Presets are tested to import cleanly, so this cannot fail in
    /// practice; the `Result` keeps the caller honest anyway.
    pub fn load(&self) -> Result<Imported, super::ImportError> {
        import_table(self.table())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page shows the JSON; the CLI and every other test read the
    /// table. They must be the same budget, and the table must import with
    /// nothing to say, because the page has no importer findings for it.
    #[test]
    fn each_presets_json_is_its_table_imported() {
        for p in PRESETS {
            let imported = p.load().expect(p.id);
            assert!(imported.findings.is_empty(), "{}: {:?}", p.id, imported.findings);
            assert_eq!(
                p.json,
                imported.budget.to_json(),
                "presets/{0}.json is stale: finsam-kalkyl export presets/{0}.csv --format json --output presets/{0}.json",
                p.id
            );
            assert_eq!(
                super::super::Budget::from_json(p.json).as_ref(),
                Ok(&imported.budget)
            );
        }
    }
}
