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
        DataType::List(element) => PgType::array_of(pg_type_of(element.data_type())?)?,
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
    if matches!(pg_type, PgType::Array(_)) || matches!(target_type, DataType::List(_)) {
        return decode_array(index, bytes, format, pg_type, target);
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

/// An array parameter, in Postgres' text (`{1,2,NULL}`) or binary array form, as an Arrow list
/// of the backend's element type (or, when the backend expects none, of the array's element
/// type). Only one-dimensional arrays are read.
fn decode_array(
    index: usize,
    bytes: &[u8],
    format: Format,
    pg_type: PgType,
    target: Option<&DataType>,
) -> Result<ScalarValue, PgError> {
    let target_element = match target {
        Some(DataType::List(field)) => Some(field.data_type().clone()),
        _ => None,
    };
    let element = match pg_type {
        PgType::Array(element) => *element,
        _ => target_element.as_ref().and_then(pg_type_of).unwrap_or(PgType::Text),
    };
    // Without a type from the backend, elements keep the array's own; numerics as their text.
    let element_type = target_element.unwrap_or_else(|| match element {
        PgType::Numeric(_) => DataType::Utf8,
        other => connectors::types::arrow_type(other),
    });
    let malformed = |what: &str| {
        let code = if format == Format::Binary {
            code::INVALID_BINARY_REPRESENTATION
        } else {
            code::INVALID_TEXT_REPRESENTATION
        };
        PgError::new(code, format!("malformed array for parameter ${} of type {element}[]: {what}", index + 1))
    };
    let element_value = |value: Option<&[u8]>, format: Format, oid: u32| match value {
        Some(bytes) => decode(index, Some(bytes), format, oid, Some(&element_type)),
        None => ScalarValue::try_from(&element_type).map_err(|e| PgError::new(code::INTERNAL_ERROR, e.to_string())),
    };
    let values = match format {
        Format::Text => {
            let text = std::str::from_utf8(bytes).map_err(|_| malformed("not UTF-8"))?;
            let elements =
                rewrite::array_text::array_elements(text).ok_or_else(|| malformed("not a one-dimensional array"))?;
            elements
                .iter()
                .map(|e| element_value(e.as_deref().map(str::as_bytes), Format::Text, element.oid()))
                .collect::<Result<Vec<_>, _>>()?
        }
        Format::Binary => {
            let (element_oid, elements) = binary_array_elements(bytes).map_err(malformed)?;
            // Elements are scalars: an array element type would nest decoding without bound.
            if matches!(PgType::from_oid(element_oid), Some(PgType::Array(_))) {
                return Err(malformed("arrays of arrays are not supported"));
            }
            elements
                .into_iter()
                .map(|e| element_value(e, Format::Binary, element_oid))
                .collect::<Result<Vec<_>, _>>()?
        }
    };
    Ok(ScalarValue::List(ScalarValue::new_list_nullable(&values, &element_type)))
}

/// An array's element OID and its elements (`None` for NULL).
type BinaryArray<'a> = (u32, Vec<Option<&'a [u8]>>);

/// The element OID and the elements (`None` for NULL) of a one-dimensional array in Postgres'
/// binary form: dimensions, a NULL flag, the element OID, per dimension its length and lower
/// bound, then each element as a length (−1 for NULL) and its bytes.
fn binary_array_elements(bytes: &[u8]) -> Result<BinaryArray<'_>, &'static str> {
    let mut rest = bytes;
    let mut int = || -> Result<i32, &'static str> {
        let (head, tail) = rest.split_first_chunk::<4>().ok_or("truncated")?;
        rest = tail;
        Ok(i32::from_be_bytes(*head))
    };
    let dimensions = int()?;
    let _has_nulls = int()?;
    let element_oid = int()? as u32;
    let length = match dimensions {
        0 => 0,
        1 => {
            let length = int()?;
            let _lower_bound = int()?;
            usize::try_from(length).map_err(|_| "negative length")?
        }
        _ => return Err("only one-dimensional arrays are supported"),
    };
    let mut elements = Vec::with_capacity(length.min(rest.len() / 4));
    for _ in 0..length {
        let (head, tail) = rest.split_first_chunk::<4>().ok_or("truncated")?;
        let size = i32::from_be_bytes(*head);
        if size < 0 {
            elements.push(None);
            rest = tail;
            continue;
        }
        let size = size as usize;
        let value = tail.get(..size).ok_or("truncated")?;
        elements.push(Some(value));
        rest = &tail[size..];
    }
    if !rest.is_empty() {
        return Err("trailing bytes");
    }
    Ok((element_oid, elements))
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
    // A cast to a decimal rounds to its scale: `l_quantity = 1.004` would find the rows of 1.00.
    if let DataType::Decimal128(precision, scale) = target
        && !fits_scale(&scalar, *scale)
    {
        return Err(PgError::new(
            code::FEATURE_NOT_SUPPORTED,
            format!(
                "parameter ${} has more decimal places than numeric({precision},{scale}), the type this statement \
                 reads it as; rounding it could change the answer",
                index + 1
            ),
        ));
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

/// Whether a decimal value (exact, or as text) has no nonzero digit beyond `scale` decimal
/// places. Text with an exponent counts its written digits (`1000e-3` does not fit scale 0).
fn fits_scale(scalar: &ScalarValue, scale: i8) -> bool {
    match scalar {
        ScalarValue::Decimal128(Some(value), _, own) if *own > scale => {
            10i128.checked_pow(u32::from(own.abs_diff(scale))).is_none_or(|unit| value % unit == 0)
        }
        ScalarValue::Utf8(Some(text)) => {
            let text = text.trim();
            let (mantissa, exponent) = match text.find(['e', 'E']) {
                Some(at) => (&text[..at], text[at + 1..].parse::<i64>().ok()),
                None => (text, Some(0)),
            };
            // Not a number: the cast reports it.
            let Some(exponent) = exponent else { return true };
            let fraction = mantissa.split_once('.').map_or("", |(_, fraction)| fraction);
            fraction.trim_end_matches('0').len() as i64 - exponent <= i64::from(scale)
        }
        _ => true,
    }
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

    fn int_list(items: &[Option<i32>]) -> ScalarValue {
        let values: Vec<ScalarValue> = items.iter().map(|i| ScalarValue::Int32(*i)).collect();
        ScalarValue::List(ScalarValue::new_list_nullable(&values, &DataType::Int32))
    }

    #[test]
    fn arrays_are_read_in_text_and_binary_form() {
        let target = DataType::List(std::sync::Arc::new(
            connectors::datafusion::arrow::datatypes::Field::new_list_field(DataType::Int32, true),
        ));
        // Text, untyped (node-postgres) and typed int8[] (converted to the backend's int4).
        let v = decode(0, Some(br#"{1, "2",NULL}"#), Format::Text, 0, Some(&target)).unwrap();
        assert_eq!(v, int_list(&[Some(1), Some(2), None]));
        let v = decode(0, Some(b"{}"), Format::Text, 1016, Some(&target)).unwrap();
        assert_eq!(v, int_list(&[]));
        // Binary int8[] {7,NULL}: 1 dimension, has NULLs, element OID 20, length 2, lower bound 1.
        let mut binary = Vec::new();
        for word in [1i32, 1, 20, 2, 1, 8] {
            binary.extend_from_slice(&word.to_be_bytes());
        }
        binary.extend_from_slice(&7i64.to_be_bytes());
        binary.extend_from_slice(&(-1i32).to_be_bytes());
        let v = decode(0, Some(&binary), Format::Binary, 1016, Some(&target)).unwrap();
        assert_eq!(v, int_list(&[Some(7), None]));
        // An empty binary array has no dimensions.
        let empty: Vec<u8> = [0i32, 0, 23].iter().flat_map(|w| w.to_be_bytes()).collect();
        assert_eq!(decode(0, Some(&empty), Format::Binary, 1007, Some(&target)).unwrap(), int_list(&[]));
        // Malformed: nested, not an array, truncated, two dimensions, an element out of range.
        for text in [&b"{{1},{2}}"[..], b"1,2", b"{1,,2}"] {
            let error = decode(0, Some(text), Format::Text, 0, Some(&target)).unwrap_err();
            assert_eq!(error.code, code::INVALID_TEXT_REPRESENTATION, "{text:?}");
        }
        let error = decode(0, Some(&binary[..binary.len() - 6]), Format::Binary, 1016, Some(&target)).unwrap_err();
        assert_eq!(error.code, code::INVALID_BINARY_REPRESENTATION);
        let grid: Vec<u8> = [2i32, 0, 23, 1, 1, 1, 1].iter().flat_map(|w| w.to_be_bytes()).collect();
        assert!(decode(0, Some(&grid), Format::Binary, 1007, Some(&target)).is_err());
        // Elements announced as arrays (int4[] inside int4[]) are refused, never decoded nested.
        let nested: Vec<u8> = [1i32, 0, 1007, 1, 1, 4, 0].iter().flat_map(|w| w.to_be_bytes()).collect();
        assert!(decode(0, Some(&nested), Format::Binary, 1007, Some(&target)).is_err());
        let error = decode(0, Some(b"{1,99999999999}"), Format::Text, 0, Some(&target)).unwrap_err();
        assert_eq!(error.code, code::NUMERIC_VALUE_OUT_OF_RANGE);
        // Without a backend type, the array's own element type.
        let v = decode(0, Some(b"{a,b}"), Format::Text, 1009, None).unwrap();
        let texts: Vec<ScalarValue> = ["a", "b"].iter().map(|t| ScalarValue::Utf8(Some(t.to_string()))).collect();
        assert_eq!(v, ScalarValue::List(ScalarValue::new_list_nullable(&texts, &DataType::Utf8)));
    }

    #[test]
    fn decimals_are_never_rounded_to_the_backend_scale() {
        let target = DataType::Decimal128(15, 2);
        assert_eq!(
            decode(0, Some(b"1.50"), Format::Text, 0, Some(&target)).unwrap(),
            ScalarValue::Decimal128(Some(150), 15, 2)
        );
        assert!(decode(0, Some(b"1.5000"), Format::Text, 0, Some(&target)).is_ok());
        for text in [&b"1.004"[..], b"1.005", b"0.001e0", b"1e-3"] {
            let error = decode(0, Some(text), Format::Text, 0, Some(&target)).unwrap_err();
            assert_eq!(error.code, code::FEATURE_NOT_SUPPORTED, "{text:?}");
        }
        assert!(fits_scale(&ScalarValue::Decimal128(Some(12300), 38, 4), 2));
        assert!(!fits_scale(&ScalarValue::Decimal128(Some(12345), 38, 4), 2));
        assert!(fits_scale(&ScalarValue::Utf8(Some("12e2".into())), 0));
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
