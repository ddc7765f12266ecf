//! Arrow → Postgres wire encoding: the RowDescription of a result and its DataRows, in text or
//! binary format per column, for the package's declared Postgres types.
//!
//! Each result column gets one Postgres type: the package's declared type when the column is a
//! direct reference to a package column, else the type the engine computed, mapped to its
//! Postgres equivalent. Values are converted to that type's canonical Arrow representation once
//! per batch (an overflow is an error, never a silent NULL), then written straight into the
//! connection's write buffer. Hand-written rather than taken from a crate: the only maintained
//! Arrow→pgwire encoder (`arrow-pg`) pins an older pgwire and encodes by Arrow type, not by the
//! declared Postgres type the client was promised.

use std::sync::Arc;

use bytes::{BufMut, BytesMut};
use chrono::{Datelike, NaiveDate, Offset, TimeZone};
use connectors::datafusion::arrow::array::{
    Array, ArrayRef, AsArray, BooleanArray, Date32Array, Decimal128Array, Float32Array, Float64Array, Int16Array,
    Int32Array, Int64Array, IntervalMonthDayNanoArray, Time64MicrosecondArray, TimestampMicrosecondArray,
};
use connectors::datafusion::arrow::compute::{CastOptions, cast_with_options};
use connectors::datafusion::arrow::datatypes::{DataType, Field, Schema, TimeUnit};
use connectors::datafusion::arrow::record_batch::RecordBatch;
use connectors::datafusion::arrow::util::display::{ArrayFormatter, FormatOptions};
use package::PgType;
use pgwire::messages::data::{FieldDescription, RowDescription};
use rewrite::OutputColumn;

use crate::errors::{PgError, code};

/// Wire format of a column or parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Binary,
}

impl Format {
    /// Picks the format of column `index` from a Bind's format codes (0, 1 or N entries).
    pub fn pick(codes: &[i16], index: usize) -> Result<Format, PgError> {
        let code = match codes {
            [] => 0,
            [one] => *one,
            many => *many.get(index).unwrap_or(&0),
        };
        match code {
            0 => Ok(Format::Text),
            1 => Ok(Format::Binary),
            other => Err(PgError::new(code::PROTOCOL_VIOLATION, format!("unsupported format code: {other}"))),
        }
    }

    fn code(self) -> i16 {
        match self {
            Format::Text => 0,
            Format::Binary => 1,
        }
    }
}

/// How the session wants values written (the parts of its settings that change output).
#[derive(Debug, Clone)]
pub struct OutputSettings {
    /// `extra_float_digits`: > 0 means shortest round-trip output.
    pub extra_float_digits: i32,
    /// The session time zone, for `timestamptz` text.
    pub time_zone: connectors::datafusion::arrow::array::timezone::Tz,
    /// The same settings as the backend applies them when it runs a statement.
    pub query: connectors::QuerySettings,
}

/// One result column as the client sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultColumn {
    pub name: String,
    pub ty: PgType,
    /// The Arrow type values are converted to before encoding, `None` for display-only types.
    storage: Option<DataType>,
    pub format: Format,
}

/// Chooses the Postgres type of every result column. `logical` comes from the rewrite (names and
/// declared types); `schema` from the backend. They must agree on the column count.
pub fn describe(logical: &[OutputColumn], schema: &Schema) -> Result<Vec<ResultColumn>, PgError> {
    if logical.len() != schema.fields().len() {
        return Err(PgError::new(
            code::INTERNAL_ERROR,
            format!("the backend returned {} columns where {} were expected", schema.fields().len(), logical.len()),
        ));
    }
    Ok(logical
        .iter()
        .zip(schema.fields())
        .map(|(column, field)| {
            let (ty, storage) = wire_type(column.declared, field);
            ResultColumn { name: column.name.clone(), ty, storage, format: Format::Text }
        })
        .collect())
}

/// Describes a backend schema directly (statements without a logical description, e.g. EXPLAIN).
pub fn describe_schema(schema: &Schema) -> Vec<ResultColumn> {
    schema
        .fields()
        .iter()
        .map(|field| {
            let (ty, storage) = wire_type(None, field);
            ResultColumn { name: field.name().clone(), ty, storage, format: Format::Text }
        })
        .collect()
}

/// Text columns with the given names (SHOW, EXPLAIN).
pub fn text_columns(names: &[&str]) -> Vec<ResultColumn> {
    names
        .iter()
        .map(|n| ResultColumn {
            name: n.to_string(),
            ty: PgType::Text,
            storage: Some(DataType::Utf8),
            format: Format::Text,
        })
        .collect()
}

/// Applies a Bind's result format codes.
pub fn with_formats(columns: &[ResultColumn], codes: &[i16]) -> Result<Vec<ResultColumn>, PgError> {
    if codes.len() > 1 && codes.len() != columns.len() {
        return Err(PgError::new(
            code::PROTOCOL_VIOLATION,
            format!("bind message has {} result formats but query has {} columns", codes.len(), columns.len()),
        ));
    }
    columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let format = Format::pick(codes, i)?;
            Ok(ResultColumn { format, ..column.clone() })
        })
        .collect()
}

/// The RowDescription message for result columns.
pub fn row_description(columns: &[ResultColumn]) -> RowDescription {
    RowDescription::new(
        columns
            .iter()
            .map(|c| {
                FieldDescription::new(
                    c.name.clone(),
                    0,
                    0,
                    c.ty.oid(),
                    c.ty.type_len(),
                    c.ty.type_modifier(),
                    c.format.code(),
                )
            })
            .collect(),
    )
}

/// The Postgres type of a result column and the Arrow type its values are encoded from.
fn wire_type(declared: Option<PgType>, field: &Field) -> (PgType, Option<DataType>) {
    let data_type = field.data_type();
    if let Some(ty) = declared.filter(|d| connectors::types::stores(*d, data_type)) {
        return (ty, Some(storage_for(ty, data_type)));
    }
    if let Some(ty) = connectors::types::declared_type(field) {
        return (ty, Some(storage_for(ty, data_type)));
    }
    let ty = match data_type {
        DataType::Boolean => PgType::Bool,
        DataType::Int8 | DataType::Int16 | DataType::UInt8 => PgType::Int2,
        DataType::Int32 | DataType::UInt16 => PgType::Int4,
        // Engines count (row_number, rank, count) in UInt64; Postgres calls those bigint. A value
        // beyond bigint's range fails the conversion rather than wrapping.
        DataType::Int64 | DataType::UInt32 | DataType::UInt64 => PgType::Int8,
        DataType::Decimal32(..) | DataType::Decimal64(..) | DataType::Decimal256(..) => PgType::Numeric(None),
        DataType::Decimal128(..) => PgType::Numeric(None),
        DataType::Float16 | DataType::Float32 => PgType::Float4,
        DataType::Float64 => PgType::Float8,
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null => PgType::Text,
        DataType::Binary | DataType::LargeBinary | DataType::BinaryView | DataType::FixedSizeBinary(_) => PgType::Bytea,
        DataType::Date32 | DataType::Date64 => PgType::Date,
        DataType::Time32(_) | DataType::Time64(_) => PgType::Time,
        DataType::Timestamp(_, None) => PgType::Timestamp,
        DataType::Timestamp(_, Some(_)) => PgType::Timestamptz,
        DataType::Interval(_) | DataType::Duration(_) => PgType::Interval,
        // Nested and exotic types are shown as text until arrays are mapped.
        _ => return (PgType::Text, None),
    };
    (ty, Some(storage_for(ty, data_type)))
}

/// The canonical Arrow representation a Postgres type is encoded from: the engine's storage type
/// for it, except that decimals keep their scale and strings, binaries and time zones keep their
/// variant (no needless copies).
fn storage_for(ty: PgType, data_type: &DataType) -> DataType {
    match (ty, data_type) {
        (PgType::Numeric(_), DataType::Utf8 | DataType::Utf8View | DataType::LargeUtf8) => data_type.clone(),
        (PgType::Numeric(_), DataType::Decimal128(p, s)) => DataType::Decimal128(*p, *s),
        (PgType::Numeric(_), DataType::Decimal32(_, s) | DataType::Decimal64(_, s) | DataType::Decimal256(_, s)) => {
            DataType::Decimal128(38, *s)
        }
        (PgType::Numeric(_), _) => DataType::Decimal128(38, 0),
        (_, DataType::Utf8View | DataType::LargeUtf8) if connectors::types::arrow_type(ty) == DataType::Utf8 => {
            data_type.clone()
        }
        (PgType::Timestamptz, DataType::Timestamp(_, Some(tz))) => {
            DataType::Timestamp(TimeUnit::Microsecond, Some(tz.clone()))
        }
        (PgType::Bytea, DataType::LargeBinary | DataType::BinaryView | DataType::FixedSizeBinary(_)) => {
            data_type.clone()
        }
        _ => connectors::types::arrow_type(ty),
    }
}

/// Writes the DataRows of one batch: converts each column once, then encodes row by row.
pub struct BatchEncoder {
    columns: Vec<(ResultColumn, ArrayRef)>,
    settings: Arc<OutputSettings>,
}

impl BatchEncoder {
    /// Prepares a batch for encoding with the given result columns.
    pub fn new(
        batch: &RecordBatch,
        columns: &[ResultColumn],
        settings: Arc<OutputSettings>,
    ) -> Result<BatchEncoder, PgError> {
        if batch.num_columns() != columns.len() {
            return Err(PgError::new(code::INTERNAL_ERROR, "result batch does not match its description"));
        }
        let options = CastOptions { safe: false, ..Default::default() };
        let converted = columns
            .iter()
            .zip(batch.columns())
            .map(|(column, array)| {
                let array = match &column.storage {
                    Some(storage) if storage != array.data_type() => cast_with_options(array, storage, &options)
                        .map_err(|e| {
                            PgError::new(
                                code::NUMERIC_VALUE_OUT_OF_RANGE,
                                format!("value of column \"{}\" does not fit type {}: {e}", column.name, column.ty),
                            )
                        })?,
                    _ => array.clone(),
                };
                Ok((column.clone(), array))
            })
            .collect::<Result<Vec<_>, PgError>>()?;
        Ok(BatchEncoder { columns: converted, settings })
    }

    /// Appends the DataRow message of `row` to `buf`.
    pub fn encode_row(&self, row: usize, buf: &mut BytesMut) -> Result<(), PgError> {
        let start = buf.len();
        buf.put_u8(b'D');
        buf.put_i32(0);
        buf.put_i16(self.columns.len() as i16);
        for (column, array) in &self.columns {
            if array.is_null(row) {
                buf.put_i32(-1);
                continue;
            }
            let length_at = buf.len();
            buf.put_i32(0);
            match column.format {
                Format::Text => write_text(column, array, row, &self.settings, buf)?,
                Format::Binary => write_binary(column, array, row, buf)?,
            }
            let length = (buf.len() - length_at - 4) as i32;
            buf[length_at..length_at + 4].copy_from_slice(&length.to_be_bytes());
        }
        let length = (buf.len() - start - 1) as i32;
        buf[start + 1..start + 5].copy_from_slice(&length.to_be_bytes());
        Ok(())
    }
}

fn mismatch(column: &ResultColumn) -> PgError {
    PgError::new(code::INTERNAL_ERROR, format!("cannot encode column \"{}\" as {}", column.name, column.ty))
}

fn string_value(array: &ArrayRef, row: usize) -> Option<&str> {
    match array.data_type() {
        DataType::Utf8 => Some(array.as_string::<i32>().value(row)),
        DataType::LargeUtf8 => Some(array.as_string::<i64>().value(row)),
        DataType::Utf8View => Some(array.as_string_view().value(row)),
        _ => None,
    }
}

fn binary_value(array: &ArrayRef, row: usize) -> Option<&[u8]> {
    match array.data_type() {
        DataType::Binary => Some(array.as_binary::<i32>().value(row)),
        DataType::LargeBinary => Some(array.as_binary::<i64>().value(row)),
        DataType::BinaryView => Some(array.as_binary_view().value(row)),
        DataType::FixedSizeBinary(_) => Some(array.as_fixed_size_binary().value(row)),
        _ => None,
    }
}

macro_rules! downcast {
    ($array:expr, $ty:ty, $column:expr) => {
        $array.as_any().downcast_ref::<$ty>().ok_or_else(|| mismatch($column))?
    };
}

fn write_text(
    column: &ResultColumn,
    array: &ArrayRef,
    row: usize,
    settings: &OutputSettings,
    buf: &mut BytesMut,
) -> Result<(), PgError> {
    use std::fmt::Write;
    let mut out = Writer(buf);
    let result = match column.ty {
        _ if column.storage.is_none() => {
            let formatter =
                ArrayFormatter::try_new(array.as_ref(), &FormatOptions::default()).map_err(|_| mismatch(column))?;
            write!(out, "{}", formatter.value(row))
        }
        PgType::Bool => out.write_str(if downcast!(array, BooleanArray, column).value(row) { "t" } else { "f" }),
        PgType::Int2 => write!(out, "{}", downcast!(array, Int16Array, column).value(row)),
        PgType::Int4 => write!(out, "{}", downcast!(array, Int32Array, column).value(row)),
        PgType::Int8 => write!(out, "{}", downcast!(array, Int64Array, column).value(row)),
        PgType::Float4 => {
            let v = downcast!(array, Float32Array, column).value(row);
            out.write_str(&float_text(f64::from(v), settings.extra_float_digits, true))
        }
        PgType::Float8 => {
            let v = downcast!(array, Float64Array, column).value(row);
            out.write_str(&float_text(v, settings.extra_float_digits, false))
        }
        PgType::Numeric(_) => match string_value(array, row) {
            Some(text) => out.write_str(text),
            None => {
                let decimals = downcast!(array, Decimal128Array, column);
                out.write_str(&decimal_text(decimals.value(row), decimals.scale()))
            }
        },
        PgType::Text | PgType::Varchar(_) | PgType::Char(_) | PgType::Uuid | PgType::Json | PgType::Jsonb => {
            out.write_str(string_value(array, row).ok_or_else(|| mismatch(column))?)
        }
        PgType::Bytea => write_bytea_text(binary_value(array, row).ok_or_else(|| mismatch(column))?, &mut out),
        PgType::Date => out.write_str(&date_text(downcast!(array, Date32Array, column).value(row))),
        PgType::Time => out.write_str(&time_text(downcast!(array, Time64MicrosecondArray, column).value(row))),
        PgType::Timestamp => {
            out.write_str(&timestamp_text(downcast!(array, TimestampMicrosecondArray, column).value(row)))
        }
        PgType::Timestamptz => {
            let micros = downcast!(array, TimestampMicrosecondArray, column).value(row);
            out.write_str(&timestamptz_text(micros, &settings.time_zone))
        }
        PgType::Interval => {
            let v = downcast!(array, IntervalMonthDayNanoArray, column).value(row);
            out.write_str(&interval_text(v.months, v.days, v.nanoseconds / 1_000))
        }
        PgType::Array(element) => {
            let bytes = binary_value(array, row).ok_or_else(|| mismatch(column))?;
            let text = crate::array_text::array_text(bytes, *element, settings).ok_or_else(|| {
                PgError::new(code::INTERNAL_ERROR, format!("malformed array in column \"{}\"", column.name))
            })?;
            out.write_str(&text)
        }
    };
    result.map_err(|_| mismatch(column))
}

fn write_binary(column: &ResultColumn, array: &ArrayRef, row: usize, buf: &mut BytesMut) -> Result<(), PgError> {
    match column.ty {
        _ if column.storage.is_none() => {
            return Err(PgError::new(
                code::FEATURE_NOT_SUPPORTED,
                format!("binary format is not supported for column \"{}\"", column.name),
            ));
        }
        PgType::Bool => buf.put_u8(u8::from(downcast!(array, BooleanArray, column).value(row))),
        PgType::Int2 => buf.put_i16(downcast!(array, Int16Array, column).value(row)),
        PgType::Int4 => buf.put_i32(downcast!(array, Int32Array, column).value(row)),
        PgType::Int8 => buf.put_i64(downcast!(array, Int64Array, column).value(row)),
        PgType::Float4 => buf.put_f32(downcast!(array, Float32Array, column).value(row)),
        PgType::Float8 => buf.put_f64(downcast!(array, Float64Array, column).value(row)),
        PgType::Numeric(_) => match string_value(array, row) {
            Some(text) => buf.put_slice(&connectors::pgbinary::numeric_from_text(text).ok_or_else(|| {
                PgError::new(
                    code::INVALID_TEXT_REPRESENTATION,
                    format!("invalid input syntax for type numeric: \"{text}\""),
                )
            })?),
            None => {
                let decimals = downcast!(array, Decimal128Array, column);
                write_numeric_binary(decimals.value(row), decimals.scale(), buf);
            }
        },
        PgType::Text | PgType::Varchar(_) | PgType::Char(_) | PgType::Json => {
            buf.put_slice(string_value(array, row).ok_or_else(|| mismatch(column))?.as_bytes())
        }
        PgType::Jsonb => {
            buf.put_u8(1);
            buf.put_slice(string_value(array, row).ok_or_else(|| mismatch(column))?.as_bytes());
        }
        PgType::Uuid => {
            let text = string_value(array, row).ok_or_else(|| mismatch(column))?;
            buf.put_slice(&uuid_bytes(text).ok_or_else(|| {
                PgError::new(
                    code::INVALID_TEXT_REPRESENTATION,
                    format!("invalid input syntax for type uuid: \"{text}\""),
                )
            })?);
        }
        // Arrays arrive in the binary array format, element OIDs as described.
        PgType::Bytea | PgType::Array(_) => buf.put_slice(binary_value(array, row).ok_or_else(|| mismatch(column))?),
        PgType::Date => buf.put_i32(match downcast!(array, Date32Array, column).value(row) {
            days @ (i32::MAX | i32::MIN) => days,
            days => days - PG_EPOCH_DAYS,
        }),
        PgType::Time => buf.put_i64(downcast!(array, Time64MicrosecondArray, column).value(row)),
        PgType::Timestamp | PgType::Timestamptz => {
            buf.put_i64(match downcast!(array, TimestampMicrosecondArray, column).value(row) {
                micros @ (i64::MAX | i64::MIN) => micros,
                micros => micros - PG_EPOCH_MICROS,
            })
        }
        PgType::Interval => {
            let v = downcast!(array, IntervalMonthDayNanoArray, column).value(row);
            buf.put_i64(v.nanoseconds / 1_000);
            buf.put_i32(v.days);
            buf.put_i32(v.months);
        }
    }
    Ok(())
}

/// `bytea` in Postgres' hex output format: `\x` and two lower-case digits per byte.
pub fn write_bytea_text(bytes: &[u8], out: &mut impl std::fmt::Write) -> std::fmt::Result {
    out.write_str("\\x")?;
    for byte in bytes {
        write!(out, "{byte:02x}")?;
    }
    Ok(())
}

/// Days from 1970-01-01 (Arrow's epoch) to 2000-01-01 (Postgres').
pub const PG_EPOCH_DAYS: i32 = 10_957;
/// Microseconds from 1970-01-01 to 2000-01-01.
pub const PG_EPOCH_MICROS: i64 = 946_684_800_000_000;
const MICROS_PER_DAY: i64 = 86_400_000_000;

struct Writer<'a>(&'a mut BytesMut);

impl std::fmt::Write for Writer<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.put_slice(s.as_bytes());
        Ok(())
    }
}

/// Postgres' float output: shortest round-trip digits when `extra_float_digits > 0`
/// (the default since Postgres 12), else `%.{15|6 + extra}g`.
pub fn float_text(value: f64, extra_float_digits: i32, single: bool) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    let (digits, exponent) = if extra_float_digits > 0 {
        let shortest = if single { format!("{:e}", value as f32) } else { format!("{value:e}") };
        split_scientific(&shortest)
    } else {
        let precision = ((if single { 6 } else { 15 }) + extra_float_digits).max(1) as usize;
        let rounded = format!("{:.*e}", precision - 1, value);
        let (digits, exponent) = split_scientific(&rounded);
        (digits.trim_end_matches('0').to_string(), exponent)
    };
    let threshold = if extra_float_digits > 0 {
        if single { 6 } else { 15 }
    } else {
        ((if single { 6 } else { 15 }) + extra_float_digits).max(1)
    };
    let negative = value.is_sign_negative();
    let digits = if digits.is_empty() { "0".to_string() } else { digits };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if exponent < -4 || exponent >= threshold {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exponent.abs()));
    } else if exponent < 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-exponent - 1) as usize));
        out.push_str(&digits);
    } else {
        let int_len = exponent as usize + 1;
        if digits.len() <= int_len {
            out.push_str(&digits);
            out.push_str(&"0".repeat(int_len - digits.len()));
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    }
    out
}

/// Splits Rust's `{:e}` output (`-1.2345e-7`) into significant digits (`12345`) and exponent.
fn split_scientific(text: &str) -> (String, i32) {
    let text = text.trim_start_matches('-');
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0".to_string() } else { digits.to_string() };
    (digits, exponent.parse().unwrap_or(0))
}

/// A decimal's text with exactly `scale` fraction digits, as Postgres prints numerics.
pub fn decimal_text(value: i128, scale: i8) -> String {
    let negative = value < 0;
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + 3);
    if negative {
        out.push('-');
    }
    if scale <= 0 {
        out.push_str(&digits);
        out.push_str(&"0".repeat(scale.unsigned_abs() as usize));
        return out;
    }
    let scale = scale as usize;
    if digits.len() <= scale {
        out.push_str("0.");
        out.push_str(&"0".repeat(scale - digits.len()));
        out.push_str(&digits);
    } else {
        let (int, frac) = digits.split_at(digits.len() - scale);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Postgres' binary numeric (base-10000 digit groups with weight, sign and display scale) of a
/// decimal, via its exact text (one codec for every numeric source: `connectors::pgbinary`).
pub fn write_numeric_binary(value: i128, scale: i8, buf: &mut BytesMut) {
    if let Some(bytes) = connectors::pgbinary::numeric_from_text(&decimal_text(value, scale)) {
        buf.put_slice(&bytes);
    }
}

fn civil_date(days_since_unix_epoch: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days_since_unix_epoch + 719_163).ok()?)
}

fn write_date(date: NaiveDate, out: &mut String) -> bool {
    use std::fmt::Write;
    let year = date.year();
    let bc = year <= 0;
    let shown = if bc { 1 - year } else { year };
    let _ = write!(out, "{shown:04}-{:02}-{:02}", date.month(), date.day());
    bc
}

/// `YYYY-MM-DD` (with ` BC` before year 1).
/// `infinity`/`-infinity` for the extreme values Postgres uses for them.
fn infinity(value: i64, max: i64, min: i64) -> Option<String> {
    match value {
        v if v == max => Some("infinity".into()),
        v if v == min => Some("-infinity".into()),
        _ => None,
    }
}

pub fn date_text(days: i32) -> String {
    if let Some(infinite) = infinity(i64::from(days), i64::from(i32::MAX), i64::from(i32::MIN)) {
        return infinite;
    }
    let mut out = String::with_capacity(10);
    match civil_date(i64::from(days)) {
        Some(date) => {
            if write_date(date, &mut out) {
                out.push_str(" BC");
            }
        }
        None => out.push_str("infinity"),
    }
    out
}

fn write_time_of_day(micros: i64, out: &mut String) {
    use std::fmt::Write;
    let seconds = micros / 1_000_000;
    let fraction = micros % 1_000_000;
    let _ = write!(out, "{:02}:{:02}:{:02}", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    if fraction != 0 {
        let text = format!("{fraction:06}");
        out.push('.');
        out.push_str(text.trim_end_matches('0'));
    }
}

/// `HH:MM:SS[.ffffff]`.
pub fn time_text(micros: i64) -> String {
    let mut out = String::with_capacity(15);
    write_time_of_day(micros, &mut out);
    out
}

/// `YYYY-MM-DD HH:MM:SS[.ffffff]` from microseconds since the Unix epoch.
pub fn timestamp_text(micros: i64) -> String {
    if let Some(infinite) = infinity(micros, i64::MAX, i64::MIN) {
        return infinite;
    }
    let days = micros.div_euclid(MICROS_PER_DAY);
    let time = micros.rem_euclid(MICROS_PER_DAY);
    let mut out = String::with_capacity(26);
    let Some(date) = civil_date(days) else { return "infinity".into() };
    let bc = write_date(date, &mut out);
    out.push(' ');
    write_time_of_day(time, &mut out);
    if bc {
        out.push_str(" BC");
    }
    out
}

/// A timestamptz in the session time zone, with Postgres' `+HH[:MM[:SS]]` offset.
pub fn timestamptz_text(micros: i64, zone: &connectors::datafusion::arrow::array::timezone::Tz) -> String {
    if let Some(infinite) = infinity(micros, i64::MAX, i64::MIN) {
        return infinite;
    }
    let seconds = micros.div_euclid(1_000_000);
    let offset_seconds = chrono::DateTime::from_timestamp(seconds, 0)
        .map(|utc| zone.offset_from_utc_datetime(&utc.naive_utc()).fix().local_minus_utc())
        .unwrap_or(0);
    let mut out = timestamp_text(micros + i64::from(offset_seconds) * 1_000_000);
    let bc = out.ends_with(" BC");
    if bc {
        out.truncate(out.len() - 3);
    }
    let sign = if offset_seconds < 0 { '-' } else { '+' };
    let abs = offset_seconds.unsigned_abs();
    out.push(sign);
    out.push_str(&format!("{:02}", abs / 3600));
    if !abs.is_multiple_of(3600) {
        out.push_str(&format!(":{:02}", (abs / 60) % 60));
        if !abs.is_multiple_of(60) {
            out.push_str(&format!(":{:02}", abs % 60));
        }
    }
    if bc {
        out.push_str(" BC");
    }
    out
}

/// An interval in IntervalStyle `postgres`: `1 year 2 mons -3 days +04:05:06.7`.
pub fn interval_text(months: i32, days: i32, micros: i64) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut before_negative = false;
    let mut add = |value: i64, unit: &str, parts: &mut Vec<String>| {
        if value == 0 {
            return;
        }
        let sign = if before_negative && value > 0 { "+" } else { "" };
        let plural = if value == 1 { "" } else { "s" };
        parts.push(format!("{sign}{value} {unit}{plural}"));
        before_negative = value < 0;
    };
    add(i64::from(months / 12), "year", &mut parts);
    add(i64::from(months % 12), "mon", &mut parts);
    add(i64::from(days), "day", &mut parts);
    if micros != 0 || parts.is_empty() {
        let sign = if micros < 0 {
            "-"
        } else if before_negative {
            "+"
        } else {
            ""
        };
        let mut time = String::from(sign);
        write_time_of_day(micros.unsigned_abs() as i64, &mut time);
        parts.push(time);
    }
    parts.join(" ")
}

/// The 16 bytes of a textual UUID (hyphens optional, any case).
pub fn uuid_bytes(text: &str) -> Option<[u8; 16]> {
    let hex: Vec<u8> = text.bytes().filter(|b| *b != b'-').collect();
    let hex = hex.strip_prefix(b"{").unwrap_or(&hex).strip_suffix(b"}").unwrap_or(&hex).to_vec();
    if hex.len() != 32 {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, pair) in hex.chunks(2).enumerate() {
        out[i] = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_like_postgres() {
        assert_eq!(float_text(0.1, 1, false), "0.1");
        assert_eq!(float_text(1e15, 1, false), "1e+15");
        assert_eq!(float_text(1e14, 1, false), "100000000000000");
        assert_eq!(float_text(1.5e-5, 1, false), "1.5e-05");
        assert_eq!(float_text(0.0001, 1, false), "0.0001");
        assert_eq!(float_text(-2.5, 1, false), "-2.5");
        assert_eq!(float_text(1e6, 1, true), "1e+06");
        assert_eq!(float_text(100000.0, 1, true), "100000");
        assert_eq!(float_text(0.1 + 0.2, 1, false), "0.30000000000000004");
        assert_eq!(float_text(0.1 + 0.2, 0, false), "0.3");
        assert_eq!(float_text(f64::NAN, 1, false), "NaN");
        assert_eq!(float_text(f64::NEG_INFINITY, 1, false), "-Infinity");
        assert_eq!(float_text(0.0, 1, false), "0");
        assert_eq!(float_text(-0.0, 1, false), "-0");
    }

    #[test]
    fn decimals_keep_their_scale() {
        assert_eq!(decimal_text(12345, 2), "123.45");
        assert_eq!(decimal_text(-5, 2), "-0.05");
        assert_eq!(decimal_text(0, 2), "0.00");
        assert_eq!(decimal_text(7, 0), "7");
        assert_eq!(decimal_text(i128::MAX, 0), i128::MAX.to_string());
    }

    #[test]
    fn numeric_binary_matches_postgres() {
        let encode = |v: i128, s: i8| {
            let mut buf = BytesMut::new();
            write_numeric_binary(v, s, &mut buf);
            buf.chunks(2).map(|c| i16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>()
        };
        // 123.45 → digits [123, 4500], weight 0, dscale 2
        assert_eq!(encode(12345, 2), [2, 0, 0, 2, 123, 4500]);
        // -0.05 → digits [500], weight -1, negative
        assert_eq!(encode(-5, 2), [1, -1, 0x4000, 2, 500]);
        // 10000 → digits [1], weight 1
        assert_eq!(encode(10000, 0), [1, 1, 0, 0, 1]);
        assert_eq!(encode(0, 2), [0, 0, 0, 2]);
    }

    #[test]
    fn dates_times_intervals() {
        assert_eq!(date_text(0), "1970-01-01");
        assert_eq!(date_text(-719_528), "0001-01-01 BC");
        assert_eq!(timestamp_text(1_500_000), "1970-01-01 00:00:01.5");
        assert_eq!(timestamp_text(-1), "1969-12-31 23:59:59.999999");
        let utc = "UTC".parse().unwrap();
        assert_eq!(timestamptz_text(0, &utc), "1970-01-01 00:00:00+00");
        let india = "Asia/Kolkata".parse().unwrap();
        assert_eq!(timestamptz_text(0, &india), "1970-01-01 05:30:00+05:30");
        assert_eq!(interval_text(14, 3, 4 * 3_600_000_000), "1 year 2 mons 3 days 04:00:00");
        assert_eq!(interval_text(0, -1, 2 * 3_600_000_000), "-1 days +02:00:00");
        assert_eq!(interval_text(0, 0, 0), "00:00:00");
        assert_eq!(interval_text(-12, 0, 0), "-1 years");
        assert_eq!(interval_text(0, 1, -1_500_000), "1 day -00:00:01.5");
    }

    #[test]
    fn uuids() {
        let bytes = uuid_bytes("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11").unwrap();
        assert_eq!(bytes[0], 0xa0);
        assert!(uuid_bytes("nope").is_none());
    }
}
