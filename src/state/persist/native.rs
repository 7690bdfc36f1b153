//! The codec of native builds (the CLI and the tests): serde_json, and
//! percent-encoding as `encodeURIComponent` does it.

use super::{Codec, ParseError};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::{de::DeserializeOwned, Serialize};

/// What `encodeURIComponent` leaves as it is: letters, digits and
/// `-_.!~*'()`.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

#[derive(Debug, Clone, Copy, Default)]
pub struct NativeCodec;

impl Codec for NativeCodec {
    fn parse<T: DeserializeOwned>(&self, text: &str) -> Result<T, ParseError> {
        serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => ParseError::Shape,
            _ => ParseError::NotJson,
        })
    }

    fn print<T: Serialize>(&self, value: &T) -> Option<String> {
        serde_json::to_string(value).ok()
    }

    fn version(&self, text: &str, field: &str) -> Option<u32> {
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        u32::try_from(value.get(field)?.as_u64()?).ok()
    }

    fn decode_component(&self, text: &str) -> Option<String> {
        percent_decode_str(text)
            .decode_utf8()
            .ok()
            .map(|s| s.into_owned())
    }

    fn encode_component(&self, text: &str) -> String {
        utf8_percent_encode(text, COMPONENT).to_string()
    }
}
