//! The values `JSON.parse` returns, read into Rust types through serde:
//! serde-wasm-bindgen's deserializer, less its error messages. The page
//! only ever says "not this shape" ([`ParseError::Shape`]), so an error
//! here carries no text; serde-wasm-bindgen formats every message as it
//! fails, which kept serde's error texts and Rust's float formatting in the
//! wasm (BENCHMARKS.md). A wasm test reads the same JSON through both.
//!
//! [`ParseError::Shape`]: crate::state::persist::ParseError::Shape

use js_sys::{Array, Number, Object};
use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// JSON that is not the shape asked for; which part is never shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mismatch;

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not the expected shape")
    }
}

impl std::error::Error for Mismatch {}

impl de::Error for Mismatch {
    /// The message is dropped unread, and with it the code that writes it.
    fn custom<T: fmt::Display>(_: T) -> Mismatch {
        Mismatch
    }
}

type Result<T> = std::result::Result<T, Mismatch>;

/// A `T` from a value `JSON.parse` returned.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T> {
    T::deserialize(Value(value))
}

/// One value of the parsed JSON: null, a boolean, a number, a string, an
/// array or a plain object (or `undefined`, for an object's missing field).
struct Value(JsValue);

impl Value {
    fn is_nullish(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    fn safe_integer(&self) -> Option<i64> {
        Number::is_safe_integer(&self.0).then(|| self.0.unchecked_into_f64() as i64)
    }

    fn entries(&self) -> Option<Array> {
        self.0
            .is_object()
            .then(|| Object::entries(self.0.unchecked_ref()))
    }

    fn array(&self) -> Option<&Array> {
        self.0.dyn_ref::<Array>()
    }
}

impl<'de> IntoDeserializer<'de, Mismatch> for Value {
    type Deserializer = Value;

    fn into_deserializer(self) -> Value {
        self
    }
}

/// An object's `[key, value]` entry.
fn entry(pair: JsValue) -> (Value, Value) {
    let pair: Array = pair.unchecked_into();
    (Value(pair.get(0)), Value(pair.get(1)))
}

fn items(array: &Array) -> SeqDeserializer<impl Iterator<Item = Value> + '_, Mismatch> {
    SeqDeserializer::new(array.iter().map(Value))
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = Mismatch;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.is_nullish() {
            visitor.visit_unit()
        } else if let Some(b) = self.0.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(i) = self.safe_integer() {
            visitor.visit_i64(i)
        } else if self.0.as_f64().is_some() {
            // Any other number as the text JSON writes for it, which a
            // Decimal reads exactly; as an f64 it would need Rust's float
            // formatting to become one.
            let text = js_sys::JSON::stringify(&self.0).map_err(|_| Mismatch)?;
            visitor.visit_string(text.into())
        } else if let Some(s) = self.0.as_string() {
            visitor.visit_string(s)
        } else if let Some(array) = self.array() {
            visitor.visit_seq(items(array))
        } else {
            self.deserialize_map(visitor)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_bool(self.0.as_bool().ok_or(Mismatch)?)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.safe_integer().ok_or(Mismatch)?)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.safe_integer() {
            Some(i) if i >= 0 => visitor.visit_u64(i as u64),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.0.as_f64().ok_or(Mismatch)?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let s = self.0.as_string().ok_or(Mismatch)?;
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => visitor.visit_char(c),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_string(self.0.as_string().ok_or(Mismatch)?)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.is_nullish() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.is_nullish() {
            visitor.visit_unit()
        } else {
            Err(Mismatch)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_seq(items(self.array().ok_or(Mismatch)?))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let entries = self.entries().ok_or(Mismatch)?;
        visitor.visit_map(MapDeserializer::new(entries.iter().map(entry)))
    }

    /// The struct's own fields, looked up by name: other keys are not
    /// read, as serde-wasm-bindgen does.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if !self.0.is_object() {
            return Err(Mismatch);
        }
        visitor.visit_map(Fields {
            object: self.0,
            fields: fields.iter(),
            value: None,
        })
    }

    /// `"variant"`, or `{"variant": payload}`, as serde_json writes them.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if self.0.is_string() {
            return visitor.visit_enum(Variant {
                tag: self,
                payload: Value(JsValue::UNDEFINED),
            });
        }
        let entries = self.entries().ok_or(Mismatch)?;
        if entries.length() != 1 {
            return Err(Mismatch);
        }
        let (tag, payload) = entry(entries.get(0));
        visitor.visit_enum(Variant { tag, payload })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_string(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }
}

/// A struct's fields that the object has, in the struct's order.
struct Fields {
    object: JsValue,
    fields: std::slice::Iter<'static, &'static str>,
    value: Option<Value>,
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = Mismatch;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        for &field in &mut self.fields {
            let value =
                js_sys::Reflect::get(&self.object, &JsValue::from_str(field)).map_err(|_| Mismatch)?;
            // JSON has no `undefined`: a field that reads so is missing.
            if !value.is_undefined() {
                self.value = Some(Value(value));
                return seed.deserialize(field.into_deserializer()).map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(self.value.take().ok_or(Mismatch)?)
    }
}

/// An enum's variant name and what it carries (`undefined` for a name
/// alone).
struct Variant {
    tag: Value,
    payload: Value,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = Mismatch;
    type Variant = Value;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Value)> {
        Ok((seed.deserialize(self.tag)?, self.payload))
    }
}

impl<'de> de::VariantAccess<'de> for Value {
    type Error = Mismatch;

    fn unit_variant(self) -> Result<()> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests;
