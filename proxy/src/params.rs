//! Bind parameters: client bytes (text or binary, typed by the client's OIDs or by what the
//! backend inferred) → Arrow scalars of the types the backend expects. Values are always bound,
//! never spliced into SQL text.

use connectors::datafusion::arrow::array::Array;
use connectors::datafusion::arrow::compute::{CastOptions, cast_with_options};
use connectors::datafusion::arrow::datatypes::{DataType, IntervalMonthDayNano};
use connectors::datafusion::scalar::ScalarValue;
use package::PgType;

use crate::encode::{Format, PG_EPOCH_DAYS, PG_EPOCH_MICROS};
use crate::errors::{PgError, code};

/// The Postgres type announced for a parameter: the client's OID if it gave one, else what the
/// backend inferred, else text (a concrete OID, never `unknown`).
pub fn announced_type(client_oid: u32, inferred: Option<&DataType>) -> u32 {
    if client_oid != 0 {
        return client_oid;
    }
    inferred.and_then(pg_type_of).map(PgType::oid).unwrap_or(PgType::Text.oid())
}

fn pg_type_of(data_type: &DataType) -> Option<PgType> {
    Some(match data_type {
        DataType::Boolean => PgType::Bool,
        DataType::Int8 | DataType::Int16 | DataType::UInt8 => PgType::Int2,
        DataType::Int32 | DataType::UInt16 => PgType::Int4,
        DataType::Int64 | DataType::UInt32 => PgType::Int8,
        DataType::Float16 | DataType::Float32 => PgType::Float4,
        DataType::Float64 => PgType::Float8,
        DataType::Decimal128(..) | DataType::Decimal256(..) | DataType::UInt64 => PgType::Numeric(None),
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => PgType::Text,
        DataType::Binary | DataType::LargeBinary | DataType::BinaryView => PgType::Bytea,
        DataType::Date32 | DataType::Date64 => PgType::Date,
        DataType::Time32(_) | DataType::Time64(_) => PgType::Time,
        DataType::Timestamp(_, None) => PgType::Timestamp,
        DataType::Timestamp(_, Some(_)) => PgType::Timestamptz,
        DataType::Interval(_) => PgType::Interval,
        _ => return None,
    })
}

/// Decodes one parameter and converts it to the type the backend expects (`target`).
pub fn decode(
    index: usize,
    value: Option<&[u8]>,
    format: Format,
    oid: u32,
    target: Option<&DataType>,
) -> Result<ScalarValue, PgError> {
    let target_type = target.cloned().unwrap_or(DataType::Utf8);
    let Some(bytes) = value else {
        return ScalarValue::try_from(&target_type).map_err(|e| PgError::new(code::INTERNAL_ERROR, e.to_string()));
    };
    let pg_type = PgType::from_oid(oid).or_else(|| target.and_then(pg_type_of)).unwrap_or(PgType::Text);
    if let PgType::Array(_) = pg_type {
        return Err(PgError::new(
            code::FEATURE_NOT_SUPPORTED,
            format!("parameter ${} has type {pg_type}, and packwire cannot bind array parameters yet", index + 1),
        ));
    }
    let invalid = |what: &str| {
        PgError::new(
            if format == Format::Binary {
                code::INVALID_BINARY_REPRESENTATION
            } else {
                code::INVALID_TEXT_REPRESENTATION
            },
            format!("invalid {what} for parameter ${} of type {pg_type}", index + 1),
        )
    };
    let scalar = match format {
        Format::Text => {
            let text = std::str::from_utf8(bytes).map_err(|_| invalid("UTF-8"))?;
            match pg_type {
                PgType::Bytea => {
                    ScalarValue::Binary(Some(decode_bytea_text(text).ok_or_else(|| invalid("bytea text"))?))
                }
                _ => ScalarValue::Utf8(Some(text.to_string())),
            }
        }
        Format::Binary => decode_binary(bytes, pg_type).ok_or_else(|| invalid("binary data"))?,
    };
    convert(scalar, &target_type, index)
}

/// Casts a decoded scalar to the backend's type; a value that does not fit is an error.
fn convert(scalar: ScalarValue, target: &DataType, index: usize) -> Result<ScalarValue, PgError> {
    if &scalar.data_type() == target {
        return Ok(scalar);
    }
    // Integers in text, the most common parameter, are read directly (surrounding blanks
    // allowed, as Postgres' int input does) rather than through a one-element Arrow cast.
    if let ScalarValue::Utf8(Some(text)) = &scalar
        && let Some(parsed) = integer_text(text.trim_matches([' ', '\t', '\n', '\r']), target)
    {
        return parsed.map_err(|kind| match kind {
            std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => PgError::new(
                code::NUMERIC_VALUE_OUT_OF_RANGE,
                format!("value \"{text}\" is out of range for parameter ${}", index + 1),
            ),
            _ => PgError::new(code::INVALID_TEXT_REPRESENTATION, format!("invalid input for parameter ${}", index + 1)),
        });
    }
    let array = scalar.to_array().map_err(|e| PgError::new(code::INTERNAL_ERROR, e.to_string()))?;
    let options = CastOptions { safe: false, ..Default::default() };
    let cast = cast_with_options(&array, target, &options).map_err(|e| {
        PgError::new(code::INVALID_TEXT_REPRESENTATION, format!("invalid input for parameter ${}: {e}", index + 1))
    })?;
    if cast.is_null(0) && !array.is_null(0) {
        return Err(PgError::new(
            code::INVALID_TEXT_REPRESENTATION,
            format!("invalid input for parameter ${}", index + 1),
        ));
    }
    ScalarValue::try_from_array(&cast, 0).map_err(|e| PgError::new(code::INTERNAL_ERROR, e.to_string()))
}

/// An integer parameter's text read as `target` (`None` when the target is not an integer type).
fn integer_text(text: &str, target: &DataType) -> Option<Result<ScalarValue, std::num::IntErrorKind>> {
    let kind = |e: std::num::ParseIntError| *e.kind();
    Some(match target {
        DataType::Int16 => text.parse().map(|v| ScalarValue::Int16(Some(v))).map_err(kind),
        DataType::Int32 => text.parse().map(|v| ScalarValue::Int32(Some(v))).map_err(kind),
        DataType::Int64 => text.parse().map(|v| ScalarValue::Int64(Some(v))).map_err(kind),
        _ => return None,
    })
}

fn decode_bytea_text(text: &str) -> Option<Vec<u8>> {
    let hex = text.strip_prefix("\\x")?;
    if hex.len() % 2 != 0 {
        return None;
    }
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()).collect()
}

fn decode_binary(bytes: &[u8], pg_type: PgType) -> Option<ScalarValue> {
    let fixed = |n: usize| -> Option<&[u8]> { (bytes.len() == n).then_some(bytes) };
    Some(match pg_type {
        PgType::Bool => ScalarValue::Boolean(Some(fixed(1)?[0] != 0)),
        PgType::Int2 => ScalarValue::Int16(Some(i16::from_be_bytes(fixed(2)?.try_into().ok()?))),
        PgType::Int4 => ScalarValue::Int32(Some(i32::from_be_bytes(fixed(4)?.try_into().ok()?))),
        PgType::Int8 => ScalarValue::Int64(Some(i64::from_be_bytes(fixed(8)?.try_into().ok()?))),
        PgType::Oid => ScalarValue::Int64(Some(i64::from(u32::from_be_bytes(fixed(4)?.try_into().ok()?)))),
        PgType::Float4 => ScalarValue::Float32(Some(f32::from_be_bytes(fixed(4)?.try_into().ok()?))),
        PgType::Float8 => ScalarValue::Float64(Some(f64::from_be_bytes(fixed(8)?.try_into().ok()?))),
        PgType::Text | PgType::Name | PgType::Varchar(_) | PgType::Char(_) | PgType::Json => {
            ScalarValue::Utf8(Some(std::str::from_utf8(bytes).ok()?.to_string()))
        }
        PgType::Jsonb => {
            let (&version, text) = bytes.split_first()?;
            if version != 1 {
                return None;
            }
            ScalarValue::Utf8(Some(std::str::from_utf8(text).ok()?.to_string()))
        }
        PgType::Uuid => ScalarValue::Utf8(Some(connectors::pgbinary::uuid_to_text(bytes)?)),
        PgType::Bytea => ScalarValue::Binary(Some(bytes.to_vec())),
        PgType::Date => {
            ScalarValue::Date32(Some(i32::from_be_bytes(fixed(4)?.try_into().ok()?).checked_add(PG_EPOCH_DAYS)?))
        }
        PgType::Time => ScalarValue::Time64Microsecond(Some(i64::from_be_bytes(fixed(8)?.try_into().ok()?))),
        PgType::Timestamp => ScalarValue::TimestampMicrosecond(
            Some(i64::from_be_bytes(fixed(8)?.try_into().ok()?).checked_add(PG_EPOCH_MICROS)?),
            None,
        ),
        PgType::Timestamptz => ScalarValue::TimestampMicrosecond(
            Some(i64::from_be_bytes(fixed(8)?.try_into().ok()?).checked_add(PG_EPOCH_MICROS)?),
            Some("UTC".into()),
        ),
        PgType::Interval => {
            let b = fixed(16)?;
            let micros = i64::from_be_bytes(b[0..8].try_into().ok()?);
            let days = i32::from_be_bytes(b[8..12].try_into().ok()?);
            let months = i32::from_be_bytes(b[12..16].try_into().ok()?);
            ScalarValue::IntervalMonthDayNano(Some(IntervalMonthDayNano::new(months, days, micros.checked_mul(1000)?)))
        }
        PgType::Numeric(_) => {
            let (value, scale) = decode_numeric_binary(bytes)?;
            ScalarValue::Decimal128(Some(value), 38, scale)
        }
        // Refused in `decode` before this.
        PgType::Array(_) => return None,
    })
}

/// Postgres binary numeric → (unscaled value, scale), if it fits 38 digits.
fn decode_numeric_binary(bytes: &[u8]) -> Option<(i128, i8)> {
    // One binary-numeric decoder for the project (`connectors::pgbinary`), then the exact text
    // into Decimal128; NaN, infinities and values beyond 38 digits do not parse.
    let text = connectors::pgbinary::numeric_to_text(bytes)?;
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let scale = i8::try_from(frac.len()).ok().filter(|s| *s <= 38)?;
    let value = format!("{int}{frac}").parse::<i128>().ok()?;
    Some((value, scale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::BytesMut;

    #[test]
    fn numeric_binary_round_trips() {
        for (v, s) in [(12345i128, 2i8), (-5, 2), (10000, 0), (0, 3), (123456789012345678901234567890, 10)] {
            let mut buf = BytesMut::new();
            crate::encode::write_numeric_binary(v, s, &mut buf);
            assert_eq!(decode_numeric_binary(&buf), Some((v, s)), "{v} scale {s}");
        }
    }

    #[test]
    fn text_params_cast_to_the_inferred_type() {
        let v = decode(0, Some(b"42"), Format::Text, 0, Some(&DataType::Int64)).unwrap();
        assert_eq!(v, ScalarValue::Int64(Some(42)));
        let err = decode(0, Some(b"forty"), Format::Text, 0, Some(&DataType::Int64)).unwrap_err();
        assert_eq!(err.code, code::INVALID_TEXT_REPRESENTATION);
        // Blanks around an integer are allowed, as in Postgres; inside it or out of range are not.
        let v = decode(0, Some(b" -12 \n"), Format::Text, 0, Some(&DataType::Int32)).unwrap();
        assert_eq!(v, ScalarValue::Int32(Some(-12)));
        for bad in [&b"1 2"[..], b"", b"1.5"] {
            let err = decode(0, Some(bad), Format::Text, 0, Some(&DataType::Int16)).unwrap_err();
            assert_eq!(err.code, code::INVALID_TEXT_REPRESENTATION, "{bad:?}");
        }
        let err = decode(0, Some(b"40000"), Format::Text, 0, Some(&DataType::Int16)).unwrap_err();
        assert_eq!(err.code, code::NUMERIC_VALUE_OUT_OF_RANGE);
        let v = decode(0, Some(&7i32.to_be_bytes()), Format::Binary, 23, Some(&DataType::Int64)).unwrap();
        assert_eq!(v, ScalarValue::Int64(Some(7)));
        let v = decode(0, None, Format::Text, 0, Some(&DataType::Int32)).unwrap();
        assert_eq!(v, ScalarValue::Int32(None));
        assert!(decode(0, Some(&[1, 2]), Format::Binary, 23, None).is_err());
    }
}
