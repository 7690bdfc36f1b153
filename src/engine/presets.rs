//! The real budgets the app ships with, compiled in so that the browser
//! never fetches anything. Files live in `presets/`.

use super::import::{import_table, Imported};

pub struct Preset {
    /// Stable identifier, used in links and the CLI.
    pub id: &'static str,
    /// What the selector shows.
    pub name: &'static str,
    pub csv: &'static str,
}

pub const PRESETS: [Preset; 3] = [
    Preset {
        id: "sodra-vatterbygden-2024",
        name: "Södra Vätterbygden 2023–2026",
        csv: include_str!("../../presets/sodra-vatterbygden-2024.csv"),
    },
    Preset {
        id: "hoglandet-2023",
        name: "Höglandet 2022–2023",
        csv: include_str!("../../presets/hoglandet-2023.csv"),
    },
    Preset {
        id: "sodra-vatterbygden-2012",
        name: "Södra Vätterbygden 2012–2014",
        csv: include_str!("../../presets/sodra-vatterbygden-2012.csv"),
    },
];

/// The preset the app opens on.
pub const DEFAULT_PRESET: &str = "sodra-vatterbygden-2024";

pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

impl Preset {
    /// Presets are tested to import cleanly, so this cannot fail in
    /// practice; the `Result` keeps the caller honest anyway.
    pub fn load(&self) -> Result<Imported, super::ImportError> {
        import_table(self.csv)
    }
}
