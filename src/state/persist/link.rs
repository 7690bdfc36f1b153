//! The share link: the whole scenario in the address's fragment, which no
//! server ever sees. Today's format is `#s=` and the link's JSON, URI
//! encoded; another format gets a prefix of its own in [`read`], and links
//! written before it still open.

use super::{parse_versioned, Codec, ReadError};
use crate::engine::{presets, Lang, Scenario};
use crate::state::{ImportedBudget, PresetReader, Source, State};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What a share link carries: the whole scenario, and the budget itself
/// when it is not one of the presets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub v: u32,
    pub preset: String,
    pub lang: Lang,
    pub scenario: Scenario,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<ImportedBudget>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guideline: Option<Decimal>,
}

pub const LINK_VERSION: u32 = 1;
/// The fragment's prefix for a link in today's format.
pub const PREFIX: &str = "#s=";

impl State {
    /// The share link's payload.
    pub fn link(&self) -> Link {
        let budget = match &self.source {
            Source::Imported(id) => self.imports.iter().find(|i| &i.id == id).cloned(),
            Source::Preset(_) => None,
        };
        Link {
            v: LINK_VERSION,
            preset: self.source.id().to_string(),
            lang: self.lang,
            scenario: self.scenario.clone(),
            budget,
            guideline: self.options.equity_guideline_pct,
        }
    }
}

/// The fragment for the state's link, `#s=…`.
pub fn write<C: Codec>(state: &State, codec: &C) -> String {
    let json = codec.print(&state.link()).unwrap_or_default();
    format!("{PREFIX}{}", codec.encode_component(&json))
}

/// The fragment the address bar should show: none at the baseline of the
/// default budget, so a first visit keeps a clean address.
pub fn address<C: Codec>(state: &State, codec: &C) -> Option<String> {
    let plain = state.scenario == Scenario::default() && state.source.id() == presets::DEFAULT_PRESET;
    (!plain).then(|| write(state, codec))
}

/// The link in an address's fragment: none when the fragment holds no
/// link, otherwise what it says or why it cannot be read.
pub fn read<C: Codec>(fragment: &str, codec: &C) -> Option<Result<Link, ReadError>> {
    let encoded = fragment.strip_prefix(PREFIX)?;
    Some(
        codec
            .decode_component(encoded)
            .ok_or(ReadError::Encoding)
            .and_then(|json| parse(&json, codec)),
    )
}

/// A link's JSON, as [`read`] finds it in the fragment.
pub fn parse<C: Codec>(json: &str, codec: &C) -> Result<Link, ReadError> {
    parse_versioned(json, codec, "v", |l: &Link| l.v, LINK_VERSION)
}

/// The state a link describes, or why it cannot be used.
pub fn open(link: Link, presets: PresetReader) -> Result<State, ReadError> {
    let mut holder = State::empty(link.lang, presets);
    if let Some(budget) = link.budget {
        budget.budget.validate().map_err(ReadError::Budget)?;
        holder.imports.push(budget);
    }
    holder.with_scenario(&link.preset, link.scenario, link.guideline)
}
