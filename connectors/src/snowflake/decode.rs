//! Snowflake's Arrow result format → the Arrow types packwire gives each result column (the
//! Postgres type the embedded engine computes for it, see `Query::typing`).
//!
//! Snowflake documents its format per logical type (the `rowtype` of a result and the field
//! metadata): `FIXED` numbers as integers scaled by the column's scale (or `Decimal128`),
//! `REAL` as doubles, `TEXT` as strings, `DATE` as days, `TIME` as integers in units of
//! 10^-scale seconds, `TIMESTAMP_NTZ/LTZ` as scaled integers or `{epoch, fraction}` structs,
//! `TIMESTAMP_TZ` as `{epoch, [fraction,] timezone}` structs, `BINARY` as bytes and
//! `VARIANT/OBJECT/ARRAY` as JSON text. Each column is first read into one canonical Arrow type
//! per logical type, then converted to the result type — exactly, or with an error (0A000 when
//! Snowflake computed a different kind of value than Postgres would): a NUMBER with digits the
//! Postgres type would not have, a FLOAT where Postgres has an exact number, an integer out of
//! range. Never a silently different value.

use std::sync::Arc;

use datafusion::arrow::array::{
    Array, ArrayRef, AsArray, Decimal128Array, StringArray, Time64MicrosecondArray, TimestampMicrosecondArray,
};
use datafusion::arrow::compute::{CastOptions, cast_with_options};
use datafusion::arrow::datatypes::{DataType, Decimal128Type, Field, Int8Type, Int16Type, Int32Type, Int64Type};
use serde::Deserialize;

use crate::error::{ConnectorError, ErrorKind};
use crate::types::PG_TYPE_METADATA;

/// One result column as Snowflake describes it (`rowtype` in a query response).
#[derive(Debug, Clone, Deserialize)]
pub struct ColumnType {
    pub name: String,
    /// `fixed`, `real`, `text`, `date`, `time`, `timestamp_ntz`, … (lower case).
    #[serde(rename = "type")]
    pub kind: String,
    pub scale: Option<i64>,
    pub precision: Option<i64>,
    #[serde(default)]
    pub nullable: bool,
}

/// Largest scale of a Snowflake number (and of Arrow's `Decimal128`).
const MAX_SCALE: i64 = 38;
/// The scale Snowflake rounds a product of numbers to when its operands' scales add up to more.
const SNOWFLAKE_PRODUCT_SCALE: i8 = 12;

/// Reads a Snowflake column and converts it to `target`'s type.
pub fn decode(array: &ArrayRef, column: &ColumnType, target: &Field) -> Result<ArrayRef, ConnectorError> {
    let canonical = canonical(array, column)?;
    convert(canonical, column, target)
}

/// The column in one Arrow type per Snowflake logical type: numbers as `Decimal128(38, scale)`,
/// times and timestamps in microseconds (Postgres' resolution; finer digits are rounded half
/// away from zero, as Postgres rounds its input).
pub(super) fn canonical(array: &ArrayRef, column: &ColumnType) -> Result<ArrayRef, ConnectorError> {
    let scale = column.scale.unwrap_or(0);
    if !(0..=MAX_SCALE).contains(&scale) {
        return Err(unsupported(format!("Snowflake column \"{}\" has scale {scale}", column.name)));
    }
    let strict = CastOptions { safe: false, ..Default::default() };
    Ok(match column.kind.to_ascii_lowercase().as_str() {
        "fixed" => Arc::new(scaled_integers(array, scale as i8)?),
        "real" => cast_with_options(array, &DataType::Float64, &strict)?,
        "text" | "variant" | "object" | "array" => cast_with_options(array, &DataType::Utf8, &strict)?,
        "boolean" => cast_with_options(array, &DataType::Boolean, &strict)?,
        "date" => cast_with_options(array, &DataType::Date32, &strict)?,
        "binary" => cast_with_options(array, &DataType::Binary, &strict)?,
        "time" => {
            let units = scaled_integers(array, 0)?;
            Arc::new(Time64MicrosecondArray::from_iter(units.iter().map(|v| v.map(|v| to_micros(v, scale)))))
        }
        kind @ ("timestamp_ntz" | "timestamp_ltz" | "timestamp_tz") => {
            let micros = timestamp_micros(array, scale)?;
            match kind {
                "timestamp_ntz" => Arc::new(micros),
                _ => Arc::new(micros.with_timezone("UTC")),
            }
        }
        other => {
            return Err(unsupported(format!("Snowflake type {} of column \"{}\"", other.to_uppercase(), column.name)));
        }
    })
}

/// Integers of any width or decimals, read as `Decimal128(38, scale)` (the column's scale).
fn scaled_integers(array: &ArrayRef, scale: i8) -> Result<Decimal128Array, ConnectorError> {
    let values: Decimal128Array = match array.data_type() {
        DataType::Int8 => array.as_primitive::<Int8Type>().unary(i128::from),
        DataType::Int16 => array.as_primitive::<Int16Type>().unary(i128::from),
        DataType::Int32 => array.as_primitive::<Int32Type>().unary(i128::from),
        DataType::Int64 => array.as_primitive::<Int64Type>().unary(i128::from),
        DataType::Decimal128(_, s) if i64::from(*s) == i64::from(scale) => {
            array.as_primitive::<Decimal128Type>().clone()
        }
        other => return Err(unsupported(format!("a Snowflake number as {other}"))),
    };
    Ok(values.with_precision_and_scale(38, scale)?)
}

/// `value` in units of 10^-scale seconds, as microseconds (rounded half away from zero).
fn to_micros(value: i128, scale: i64) -> i64 {
    let micros = if scale <= 6 {
        value * 10i128.pow((6 - scale) as u32)
    } else {
        let unit = 10i128.pow((scale - 6) as u32);
        let (quotient, rest) = (value / unit, value % unit);
        quotient + (2 * rest.abs() >= unit) as i128 * rest.signum()
    };
    micros.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

/// A timestamp column as microseconds since the epoch: scaled integers, or structs of `epoch`
/// (seconds, or scaled units when there is no `fraction`) and `fraction` (nanoseconds). A
/// `timezone` field only says which offset the value was written with; the instant is `epoch`.
fn timestamp_micros(array: &ArrayRef, scale: i64) -> Result<TimestampMicrosecondArray, ConnectorError> {
    if let Some(parts) = array.as_struct_opt() {
        let epoch = parts.column_by_name("epoch").ok_or_else(|| unsupported("a timestamp without epoch".into()))?;
        let epoch = scaled_integers(epoch, 0)?;
        // NULL where the struct is, or where only `epoch` is (the emulator's form; `ipc.rs`).
        let present = |i: usize| parts.is_valid(i) && epoch.is_valid(i);
        let micros: TimestampMicrosecondArray = match parts.column_by_name("fraction") {
            Some(fraction) => {
                let fraction = scaled_integers(fraction, 0)?;
                (0..parts.len())
                    .map(|i| present(i).then(|| to_micros(epoch.value(i) * 1_000_000_000 + fraction.value(i), 9)))
                    .collect()
            }
            None => (0..parts.len()).map(|i| present(i).then(|| to_micros(epoch.value(i), scale))).collect(),
        };
        return Ok(micros);
    }
    let units = scaled_integers(array, 0)?;
    Ok(units.iter().map(|v| v.map(|v| to_micros(v, scale))).collect())
}

/// Converts a canonical column to the result type, exactly or not at all.
fn convert(canonical: ArrayRef, column: &ColumnType, target: &Field) -> Result<ArrayRef, ConnectorError> {
    let to = target.data_type();
    if canonical.data_type() == to {
        return normalize_text(canonical, target);
    }
    let mismatch = || {
        unsupported(format!(
            "Snowflake computes column \"{}\" as {} where Postgres has {}",
            target.name(),
            column.kind.to_uppercase(),
            target.metadata().get(PG_TYPE_METADATA).cloned().unwrap_or_else(|| to.to_string())
        ))
    };
    let strict = CastOptions { safe: false, ..Default::default() };
    match (canonical.data_type(), to) {
        // `UInt64`: what the typing engine computes `row_number()`, `rank()`, `dense_rank()` and
        // `ntile()` as (Postgres' `bigint`, never negative).
        (DataType::Decimal128(_, scale), DataType::Int16 | DataType::Int32 | DataType::Int64 | DataType::UInt64) => {
            let whole = rescale(canonical.as_primitive::<Decimal128Type>(), *scale, 0).ok_or_else(mismatch)?;
            Ok(cast_with_options(&whole, to, &strict).map_err(|_| out_of_range(target))?)
        }
        // Snowflake caps the scale of a product at 12 digits (rounding the rest away) where
        // Postgres keeps them all: a number at scale 12 or more is only read at its own scale
        // or a smaller one.
        (DataType::Decimal128(_, scale), DataType::Decimal128(_, target_scale))
            if *scale >= SNOWFLAKE_PRODUCT_SCALE && target_scale > scale =>
        {
            Err(mismatch())
        }
        (DataType::Decimal128(_, scale), DataType::Decimal128(precision, target_scale)) => {
            let exact =
                rescale(canonical.as_primitive::<Decimal128Type>(), *scale, *target_scale).ok_or_else(mismatch)?;
            let limit = 10i128.pow(u32::from(*precision));
            if exact.iter().flatten().any(|v| v.abs() >= limit) {
                return Err(out_of_range(target));
            }
            Ok(Arc::new(exact.with_precision_and_scale(*precision, *target_scale)?))
        }
        (DataType::Decimal128(..), DataType::Float32 | DataType::Float64) | (DataType::Float64, DataType::Float32) => {
            Ok(cast_with_options(&canonical, to, &strict)?)
        }
        // Postgres' text types and the types carried as text (uuid, json).
        (DataType::Utf8, DataType::Utf8View | DataType::LargeUtf8) => {
            normalize_text(cast_with_options(&canonical, to, &strict)?, target)
        }
        _ => Err(mismatch()),
    }
}

/// `jsonb` results are Postgres' canonical text of the value (Snowflake writes JSON its own way).
fn normalize_text(array: ArrayRef, target: &Field) -> Result<ArrayRef, ConnectorError> {
    if target.metadata().get(PG_TYPE_METADATA).map(String::as_str) != Some("jsonb") {
        return Ok(array);
    }
    let Some(texts) = array.as_string_opt::<i32>() else { return Ok(array) };
    let canonical: Result<StringArray, ConnectorError> = texts
        .iter()
        .map(|text| {
            text.map(|t| {
                crate::pgjson::Jsonb::parse(t).map(|j| j.to_text()).map_err(|e| {
                    ConnectorError::new(
                        ErrorKind::InvalidTextRepresentation,
                        format!("Snowflake returned invalid JSON: {e}"),
                    )
                })
            })
            .transpose()
        })
        .collect();
    Ok(Arc::new(canonical?))
}

/// The values at another scale, or `None` when one would lose digits (or overflow).
fn rescale(values: &Decimal128Array, from: i8, to: i8) -> Option<Decimal128Array> {
    let shift = i32::from(to) - i32::from(from);
    let factor = 10i128.checked_pow(shift.unsigned_abs())?;
    let mut out = Vec::with_capacity(values.len());
    for value in values.iter() {
        out.push(match value {
            None => None,
            Some(v) if shift >= 0 => Some(v.checked_mul(factor)?),
            Some(v) if v % factor == 0 => Some(v / factor),
            Some(_) => return None,
        });
    }
    Decimal128Array::from(out).with_precision_and_scale(38, to).ok()
}

fn unsupported(message: String) -> ConnectorError {
    ConnectorError::new(ErrorKind::FeatureNotSupported, message)
}

fn out_of_range(target: &Field) -> ConnectorError {
    ConnectorError::new(
        ErrorKind::NumericOutOfRange,
        format!("a value of column \"{}\" is out of range for its type", target.name()),
    )
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use datafusion::arrow::array::{Int16Array, Int32Array, Int64Array, StructArray};
    use datafusion::arrow::datatypes::TimeUnit;

    use super::*;

    const MICROS: TimeUnit = TimeUnit::Microsecond;

    fn column(kind: &str, scale: i64) -> ColumnType {
        ColumnType { name: "c".into(), kind: kind.into(), scale: Some(scale), precision: Some(38), nullable: true }
    }

    fn field(ty: DataType, pg: &str) -> Field {
        Field::new("c", ty, true).with_metadata(HashMap::from([(PG_TYPE_METADATA.to_string(), pg.to_string())]))
    }

    #[test]
    fn fixed_as_scaled_integers_of_any_width() {
        // NUMBER(12,2) sent as int16/int32/int64 scaled by 10^2 (Snowflake picks the narrowest).
        let target = field(DataType::Decimal128(12, 2), "numeric(12,2)");
        for array in [
            Arc::new(Int16Array::from(vec![Some(12345), None])) as ArrayRef,
            Arc::new(Int32Array::from(vec![Some(12345), None])),
            Arc::new(Int64Array::from(vec![Some(12345), None])),
        ] {
            let out = decode(&array, &column("fixed", 2), &target).unwrap();
            let out = out.as_primitive::<Decimal128Type>();
            assert_eq!((out.value_as_string(0), out.is_null(1)), ("123.45".to_string(), true));
        }
        // Into a wider scale exactly; a narrower one only when no digit is lost.
        let wide = decode(
            &(Arc::new(Int64Array::from(vec![5])) as ArrayRef),
            &column("fixed", 1),
            &field(DataType::Decimal128(15, 4), "numeric(15,4)"),
        )
        .unwrap();
        assert_eq!(wide.as_primitive::<Decimal128Type>().value_as_string(0), "0.5000");
        let lossy = decode(&(Arc::new(Int64Array::from(vec![12345])) as ArrayRef), &column("fixed", 3), &target);
        assert_eq!(lossy.unwrap_err().kind, ErrorKind::FeatureNotSupported);
        // A scale of 12 or more may be a product Snowflake rounded: not padded to a larger one.
        let rounded = decode(
            &(Arc::new(Int64Array::from(vec![0])) as ArrayRef),
            &column("fixed", 12),
            &field(DataType::Decimal128(38, 14), "numeric"),
        );
        assert_eq!(rounded.unwrap_err().kind, ErrorKind::FeatureNotSupported);
        let too_big =
            decode(&(Arc::new(Int64Array::from(vec![10i64.pow(12)])) as ArrayRef), &column("fixed", 2), &target);
        assert_eq!(too_big.unwrap_err().kind, ErrorKind::NumericOutOfRange);
    }

    #[test]
    fn fixed_into_postgres_integers() {
        let array =
            Arc::new(Decimal128Array::from(vec![Some(7), Some(-3), None]).with_precision_and_scale(38, 0).unwrap())
                as ArrayRef;
        let out = decode(&array, &column("fixed", 0), &field(DataType::Int32, "int4")).unwrap();
        assert_eq!(out.as_primitive::<Int32Type>().values().to_vec()[..2], [7, -3]);
        let big = Arc::new(Int64Array::from(vec![i64::from(i32::MAX) + 1])) as ArrayRef;
        assert_eq!(
            decode(&big, &column("fixed", 0), &field(DataType::Int32, "int4")).unwrap_err().kind,
            ErrorKind::NumericOutOfRange
        );
        // Window ranks (`UInt64` in the typing engine): whole, non-negative numbers.
        let ranks = Arc::new(Int64Array::from(vec![Some(1), None, Some(3)])) as ArrayRef;
        let out = decode(&ranks, &column("fixed", 0), &field(DataType::UInt64, "int8")).unwrap();
        assert_eq!(
            out.as_primitive::<datafusion::arrow::datatypes::UInt64Type>().iter().collect::<Vec<_>>(),
            [Some(1), None, Some(3)]
        );
        let negative = Arc::new(Int64Array::from(vec![-1])) as ArrayRef;
        assert!(decode(&negative, &column("fixed", 0), &field(DataType::UInt64, "int8")).is_err());
        // A fraction where Postgres has an integer is a different computation, not a rounding.
        let fraction = Arc::new(Int64Array::from(vec![15])) as ArrayRef;
        assert_eq!(
            decode(&fraction, &column("fixed", 1), &field(DataType::Int64, "int8")).unwrap_err().kind,
            ErrorKind::FeatureNotSupported
        );
        // So is a float where Postgres has an exact number.
        let float = Arc::new(datafusion::arrow::array::Float64Array::from(vec![3.5])) as ArrayRef;
        assert!(decode(&float, &column("real", 0), &field(DataType::Int32, "int4")).is_err());
    }

    #[test]
    fn timestamps_in_every_documented_form() {
        // 2020-01-02 03:04:05.123456789
        let seconds = 1_577_934_245i64;
        let target = field(DataType::Timestamp(MICROS, None), "timestamp");
        let expect = seconds * 1_000_000 + 123_457; // rounded to microseconds
        // Scaled integer (scale 9), struct {epoch, fraction}, and TZ struct {epoch, fraction, timezone}.
        let scaled = Arc::new(Int64Array::from(vec![seconds * 1_000_000_000 + 123_456_789])) as ArrayRef;
        let out = decode(&scaled, &column("timestamp_ntz", 9), &target).unwrap();
        assert_eq!(out.as_primitive::<datafusion::arrow::datatypes::TimestampMicrosecondType>().value(0), expect);
        let pair = Arc::new(StructArray::from(vec![
            (
                Arc::new(Field::new("epoch", DataType::Int64, false)),
                Arc::new(Int64Array::from(vec![seconds])) as ArrayRef,
            ),
            (
                Arc::new(Field::new("fraction", DataType::Int32, false)),
                Arc::new(Int32Array::from(vec![123_456_789])) as ArrayRef,
            ),
        ])) as ArrayRef;
        let out = decode(&pair, &column("timestamp_ntz", 9), &target).unwrap();
        assert_eq!(out.as_primitive::<datafusion::arrow::datatypes::TimestampMicrosecondType>().value(0), expect);
        let with_zone = Arc::new(StructArray::from(vec![
            (
                Arc::new(Field::new("epoch", DataType::Int64, false)),
                Arc::new(Int64Array::from(vec![seconds])) as ArrayRef,
            ),
            (
                Arc::new(Field::new("fraction", DataType::Int32, false)),
                Arc::new(Int32Array::from(vec![123_456_789])) as ArrayRef,
            ),
            (
                Arc::new(Field::new("timezone", DataType::Int32, false)),
                Arc::new(Int32Array::from(vec![1440 + 60])) as ArrayRef,
            ),
        ])) as ArrayRef;
        let tz = field(DataType::Timestamp(MICROS, Some("UTC".into())), "timestamptz");
        let out = decode(&with_zone, &column("timestamp_tz", 9), &tz).unwrap();
        assert_eq!(out.as_primitive::<datafusion::arrow::datatypes::TimestampMicrosecondType>().value(0), expect);
        // TZ at scale 3: {epoch in milliseconds, timezone}.
        let millis = Arc::new(StructArray::from(vec![
            (
                Arc::new(Field::new("epoch", DataType::Int64, false)),
                Arc::new(Int64Array::from(vec![seconds * 1000 + 123])) as ArrayRef,
            ),
            (
                Arc::new(Field::new("timezone", DataType::Int32, false)),
                Arc::new(Int32Array::from(vec![1440])) as ArrayRef,
            ),
        ])) as ArrayRef;
        let out = decode(&millis, &column("timestamp_tz", 3), &tz).unwrap();
        assert_eq!(
            out.as_primitive::<datafusion::arrow::datatypes::TimestampMicrosecondType>().value(0),
            seconds * 1_000_000 + 123_000
        );
        // A wall-clock timestamp is not an instant.
        assert!(decode(&scaled, &column("timestamp_ntz", 9), &tz).is_err());
    }

    #[test]
    fn time_and_variant() {
        let time = Arc::new(Int64Array::from(vec![3_723_500_000_000i64])) as ArrayRef; // 01:02:03.5, scale 9
        let out = decode(&time, &column("time", 9), &field(DataType::Time64(MICROS), "time")).unwrap();
        assert_eq!(out.as_primitive::<datafusion::arrow::datatypes::Time64MicrosecondType>().value(0), 3_723_500_000);
        let variant = Arc::new(StringArray::from(vec!["{\n  \"b\": 1,\n  \"a\": [1.50, null]\n}"])) as ArrayRef;
        let out = decode(&variant, &column("variant", 0), &field(DataType::Utf8, "jsonb")).unwrap();
        assert_eq!(out.as_string::<i32>().value(0), r#"{"a": [1.50, null], "b": 1}"#);
    }
}
