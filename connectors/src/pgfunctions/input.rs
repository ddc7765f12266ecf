//! `pg_bytea`, `pg_uuid`: casts of text to `bytea` and `uuid` on the embedded engine, read by
//! the rules of Postgres' input functions (`byteain`, `uuid_in`). DataFusion has no `uuid` type
//! and reads text as bytes without Postgres' `\x` hex and backslash-escape forms. A value of the
//! target type itself passes through unchanged. Bad text fails with 22P02, as in Postgres.

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, AsArray, BinaryArray, StringArray};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef};
use datafusion::arrow::error::ArrowError;
use datafusion::common::{DataFusionError, Result, exec_err};
use datafusion::logical_expr::{
    ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility,
};
use package::PgType;

use crate::types::{PG_TYPE_METADATA, declared_type};

/// The type a [`PgInput`] reads text as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Target {
    Bytea,
    Uuid,
}

/// A cast of text to `bytea` or `uuid`.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct PgInput {
    signature: Signature,
    target: Target,
}

impl PgInput {
    pub(super) fn new(target: Target) -> Self {
        Self { signature: Signature::user_defined(Volatility::Immutable), target }
    }

    fn pg_type(&self) -> PgType {
        match self.target {
            Target::Bytea => PgType::Bytea,
            Target::Uuid => PgType::Uuid,
        }
    }

    fn arrow_type(&self) -> DataType {
        match self.target {
            Target::Bytea => DataType::Binary,
            Target::Uuid => DataType::Utf8,
        }
    }

    /// Whether a value of `field` already is of the target type.
    fn is_target(&self, field: &Field) -> bool {
        match self.target {
            Target::Bytea => field.data_type() == &DataType::Binary,
            Target::Uuid => declared_type(field) == Some(PgType::Uuid),
        }
    }
}

impl ScalarUDFImpl for PgInput {
    fn name(&self) -> &str {
        match self.target {
            Target::Bytea => "pg_bytea",
            Target::Uuid => "pg_uuid",
        }
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        match arg_types {
            [DataType::Binary] if self.target == Target::Bytea => Ok(vec![DataType::Binary]),
            [DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null] => Ok(vec![DataType::Utf8]),
            [other] => Err(DataFusionError::NotImplemented(format!(
                "casting {other} to {} is not supported on the embedded engine",
                self.pg_type()
            ))),
            _ => exec_err!("a cast takes one value"),
        }
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(self.arrow_type())
    }

    fn return_field_from_args(&self, _args: ReturnFieldArgs) -> Result<FieldRef> {
        let metadata = HashMap::from([(PG_TYPE_METADATA.to_string(), self.pg_type().to_string())]);
        Ok(Arc::new(Field::new(self.name(), self.arrow_type(), true).with_metadata(metadata)))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let (Some(value), Some(field)) = (args.args.first(), args.arg_fields.first()) else {
            return exec_err!("a cast takes one value");
        };
        let value = value.to_array(args.number_rows)?;
        if self.is_target(field) {
            return Ok(ColumnarValue::Array(value));
        }
        let texts = value.as_string::<i32>();
        let out: ArrayRef = match self.target {
            Target::Bytea => {
                Arc::new(texts.iter().map(|t| t.map(bytea_in).transpose()).collect::<Result<BinaryArray>>()?)
            }
            Target::Uuid => {
                Arc::new(texts.iter().map(|t| t.map(uuid_in).transpose()).collect::<Result<StringArray>>()?)
            }
        };
        Ok(ColumnarValue::Array(out))
    }
}

fn invalid(type_name: &str, text: &str) -> DataFusionError {
    ArrowError::CastError(format!("invalid input syntax for type {type_name}: \"{text}\"")).into()
}

/// `byteain`: `\x` followed by hex digit pairs (blanks allowed between pairs), or the escape
/// form, where `\\` is a backslash, `\ooo` an octal byte and every other character its UTF-8.
fn bytea_in(text: &str) -> Result<Vec<u8>> {
    let invalid = || invalid("bytea", text);
    if let Some(hex) = text.strip_prefix("\\x") {
        let hex = hex.as_bytes();
        let digit = |b: u8| (b as char).to_digit(16).map(|d| d as u8).ok_or_else(invalid);
        let mut out = Vec::with_capacity(hex.len() / 2);
        let mut i = 0;
        while i < hex.len() {
            // Blanks may stand between pairs of digits, not inside one.
            if matches!(hex[i], b' ' | b'\t' | b'\n' | b'\r') {
                i += 1;
                continue;
            }
            let low = hex.get(i + 1).copied().ok_or_else(invalid)?;
            out.push(digit(hex[i])? << 4 | digit(low)?);
            i += 2;
        }
        return Ok(out);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            out.push(bytes[i]);
            i += 1;
        } else if bytes.get(i + 1) == Some(&b'\\') {
            out.push(b'\\');
            i += 2;
        } else {
            let octal = bytes
                .get(i + 1..i + 4)
                .filter(|d| matches!(d[0], b'0'..=b'3') && matches!(d[1], b'0'..=b'7') && matches!(d[2], b'0'..=b'7'));
            let digits = octal.ok_or_else(invalid)?;
            out.push((digits[0] - b'0') << 6 | (digits[1] - b'0') << 3 | (digits[2] - b'0'));
            i += 4;
        }
    }
    Ok(out)
}

/// `uuid_in`: 32 hex digits, optionally in braces, with a `-` allowed after any group of four;
/// written back in the canonical lower-case 8-4-4-4-12 form.
fn uuid_in(text: &str) -> Result<String> {
    let invalid = || invalid("uuid", text);
    let inner = match text.strip_prefix('{') {
        Some(rest) => rest.strip_suffix('}').ok_or_else(invalid)?,
        None => text,
    };
    let bytes = inner.as_bytes();
    let mut digits = String::with_capacity(36);
    let mut i = 0;
    for pair in 0..16 {
        let two = bytes.get(i..i + 2).filter(|d| d.iter().all(u8::is_ascii_hexdigit)).ok_or_else(invalid)?;
        digits.extend(two.iter().map(|b| b.to_ascii_lowercase() as char));
        i += 2;
        if matches!(pair, 3 | 5 | 7 | 9) {
            digits.push('-');
        }
        if pair % 2 == 1 && pair < 15 && bytes.get(i) == Some(&b'-') {
            i += 1;
        }
    }
    // Anything after the digits (a second brace included) is bad text.
    if i != bytes.len() {
        return Err(invalid());
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytea_reads_hex_and_escapes() {
        assert_eq!(bytea_in("abc").unwrap(), b"abc");
        assert_eq!(bytea_in("\\x0102ff").unwrap(), vec![1, 2, 255]);
        assert_eq!(bytea_in("\\x01 02").unwrap(), vec![1, 2]);
        assert_eq!(bytea_in("").unwrap(), b"");
        assert_eq!(bytea_in("a\\\\b").unwrap(), b"a\\b");
        assert_eq!(bytea_in("\\101x").unwrap(), b"Ax");
        assert!(bytea_in("\\x0").is_err());
        assert!(bytea_in("\\x0 1").is_err());
        assert!(bytea_in("\\xzz").is_err());
        assert!(bytea_in("a\\b").is_err());
        assert!(bytea_in("\\4").is_err());
    }

    #[test]
    fn uuid_reads_postgres_forms() {
        let canonical = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
        assert_eq!(uuid_in("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11").unwrap(), canonical);
        assert_eq!(uuid_in("{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}").unwrap(), canonical);
        assert_eq!(uuid_in("a0eebc999c0b4ef8bb6d6bb9bd380a11").unwrap(), canonical);
        assert_eq!(uuid_in("a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11").unwrap(), canonical);
        assert!(uuid_in("a0eebc999c0b4ef8bb6d6bb9bd380a1").is_err());
        assert!(uuid_in("a0eebc999c0b4ef8bb6d6bb9bd380a11-").is_err());
        assert!(uuid_in("{a0eebc999c0b4ef8bb6d6bb9bd380a11").is_err());
        assert!(uuid_in("a0e-ebc999c0b4ef8bb6d6bb9bd380a11").is_err());
        assert!(uuid_in("g0eebc999c0b4ef8bb6d6bb9bd380a11").is_err());
    }
}
