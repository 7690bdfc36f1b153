//! The share link: the whole scenario in the address's fragment, which no
//! server ever sees. Two formats, both read:
//!
//! - `#s=2.` and the link's JSON compressed (raw deflate) in base64url: a
//!   pasted budget fits in a link of under 2 000 characters. The browser
//!   compresses and inflates (`CompressionStream`); the number before the
//!   dot is the format, so a link from a newer calculator says so.
//! - `#s=` and the JSON URI-encoded: links written before the first, and
//!   what a browser without `CompressionStream` writes.

use super::{parse_versioned, Codec, ReadError};
use crate::engine::{presets, Lang, Scenario};
use crate::state::{ImportedBudget, PresetReader, Source, State};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What a share link carries: the whole scenario, and the budget itself
/// when it is neither a preset nor the page's budget file (which it names).
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
/// The fragment's prefix for a link in either format.
pub const PREFIX: &str = "#s=";
/// The compressed format's number, written as `#s=2.`.
pub const FORMAT: u32 = 2;

impl State {
    /// The share link's payload.
    pub fn link(&self) -> Link {
        let budget = match &self.source {
            Source::Imported(id) => self.imports.iter().find(|i| &i.id == id).cloned(),
            Source::Preset(_) | Source::File(_) => None,
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

/// The JSON of the state's link, to compress into [`compressed`].
pub fn json<C: Codec>(state: &State, codec: &C) -> String {
    codec.print(&state.link()).unwrap_or_default()
}

/// The fragment for a link's JSON compressed with raw deflate: `#s=2.…`.
pub fn compressed(deflated: &[u8]) -> String {
    format!("{PREFIX}{FORMAT}.{}", base64url::encode(deflated))
}

/// The fragment for a link's JSON, uncompressed: `#s=%7B…`.
pub fn plain<C: Codec>(json: &str, codec: &C) -> String {
    format!("{PREFIX}{}", codec.encode_component(json))
}

/// Whether the address bar should carry the state's link: not at the
/// baseline of the default budget, so a first visit keeps a clean address.
pub fn in_address(state: &State) -> bool {
    !(state.scenario == Scenario::default() && state.source.id() == presets::DEFAULT_PRESET)
}

/// A link as the fragment carries it, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carried {
    /// Its JSON, decoded.
    Json(String),
    /// Its JSON compressed with raw deflate, to be inflated.
    Deflated(Vec<u8>),
}

/// The link in an address's fragment: none when the fragment holds no
/// link, otherwise what it carries or why it cannot be read.
pub fn find<C: Codec>(fragment: &str, codec: &C) -> Option<Result<Carried, ReadError>> {
    let rest = fragment.strip_prefix(PREFIX)?;
    // An old link starts with `%7B`, an encoded `{`: never digits and a dot.
    let format = rest
        .split_once('.')
        .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    Some(match format {
        Some((n, data)) => match n.parse::<u32>() {
            Ok(FORMAT) => base64url::decode(data)
                .map(Carried::Deflated)
                .ok_or(ReadError::Encoding),
            Ok(found) => Err(ReadError::Version { found, reads: FORMAT }),
            Err(_) => Err(ReadError::Damaged),
        },
        None => codec
            .decode_component(rest)
            .map(Carried::Json)
            .ok_or(ReadError::Encoding),
    })
}

/// The link's JSON in a fragment, inflated with `inflate` when it is
/// compressed (`None` when it does not inflate: cut short, or altered).
/// The browser inflates asynchronously, so it calls [`find`] itself.
pub fn decode<C: Codec>(
    fragment: &str,
    codec: &C,
    inflate: impl FnOnce(&[u8]) -> Option<String>,
) -> Option<Result<String, ReadError>> {
    Some(find(fragment, codec)?.and_then(|carried| match carried {
        Carried::Json(json) => Ok(json),
        Carried::Deflated(bytes) => inflate(&bytes).ok_or(ReadError::Encoding),
    }))
}

/// A link's JSON, as [`find`] and the browser's inflating give it.
pub fn parse<C: Codec>(json: &str, codec: &C) -> Result<Link, ReadError> {
    parse_versioned(json, codec, "v", |l: &Link| l.v, LINK_VERSION)
}

/// The state a link describes, or why it cannot be used. `file` is the
/// page's own budget file, which a link may name instead of carrying.
pub fn open(link: Link, file: Option<&ImportedBudget>, presets: PresetReader) -> Result<State, ReadError> {
    let mut holder = State::empty(link.lang, presets);
    holder.file = file.cloned().map(std::rc::Rc::new);
    open_in(link, holder)
}

/// The state a link describes, opened in `holder` (which carries the
/// page's budget file and this browser's saved scenarios).
pub(super) fn open_in(link: Link, mut holder: State) -> Result<State, ReadError> {
    if let Some(budget) = link.budget {
        budget.budget.validate().map_err(ReadError::Budget)?;
        holder.imports.push(budget);
    }
    holder.with_scenario(&link.preset, link.scenario, link.guideline)
}

/// base64url without padding (RFC 4648 § 5), the characters a fragment
/// carries as they are. Hand-written: a few lines, where the `base64`
/// crate's configurable engines would add several times their size to
/// the page.
pub mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        out
    }

    /// None for a character outside the alphabet or a length no encoding
    /// has (one character over a multiple of four).
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
        for chunk in text.as_bytes().chunks(4) {
            if chunk.len() == 1 {
                return None;
            }
            let mut n = 0u32;
            for (i, &c) in chunk.iter().enumerate() {
                let v = ALPHABET.iter().position(|&a| a == c)? as u32;
                n |= v << (18 - 6 * i);
            }
            for i in 0..chunk.len() - 1 {
                out.push((n >> (16 - 8 * i)) as u8);
            }
        }
        Some(out)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn it_is_rfc_4648_base64url_without_padding() {
            for (bytes, text) in [
                (&b""[..], ""),
                (b"f", "Zg"),
                (b"fo", "Zm8"),
                (b"foo", "Zm9v"),
                (b"foob", "Zm9vYg"),
                (b"fooba", "Zm9vYmE"),
                (b"foobar", "Zm9vYmFy"),
                (&[0xfb, 0xff, 0xfe], "-__-"),
            ] {
                assert_eq!(encode(bytes), text);
                assert_eq!(decode(text).as_deref(), Some(bytes), "{text}");
            }
            let all: Vec<u8> = (0..=255).collect();
            assert_eq!(decode(&encode(&all)), Some(all));
            for bad in ["Z", "Zm9vY", "Zm9v+", "Zm9v/A", "Zm=v", "Zm 9"] {
                assert_eq!(decode(bad), None, "{bad}");
            }
        }
    }
}
