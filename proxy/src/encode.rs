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
pub use connectors::pgtext::{
    PG_EPOCH_DAYS, PG_EPOCH_MICROS, date_text, decimal_text, float_text, interval_text, time_text, timestamp_text,
    timestamptz_text, write_bytea_text,
};

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

/// How the session wants statements run and values written: the parts of its settings the
/// hot path needs, parsed once per change of settings.
#[derive(Debug, Clone)]
pub struct OutputSettings {
    /// `extra_float_digits`: > 0 means shortest round-trip output.
    pub extra_float_digits: i32,
    /// The session time zone, for `timestamptz` text.
    pub time_zone: connectors::datafusion::arrow::array::timezone::Tz,
    /// The same settings as the backend applies them when it runs a statement.
    pub query: connectors::QuerySettings,
    /// `statement_timeout` in milliseconds (0 = none).
    pub statement_timeout_ms: u64,
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

/// Checks a Bind's result format codes against a result of `columns` columns, as
/// [`with_formats`] would, without building the columns (Bind only validates; Execute builds).
pub fn check_formats(columns: usize, codes: &[i16]) -> Result<(), PgError> {
    if codes.len() > 1 && codes.len() != columns {
        return Err(PgError::new(
            code::PROTOCOL_VIOLATION,
            format!("bind message has {} result formats but query has {columns} columns", codes.len()),
        ));
    }
    // A code is read only for a column it applies to (none when there are no columns).
    if columns == 0 {
        return Ok(());
    }
    codes.iter().try_for_each(|&code| Format::pick(&[code], 0).map(|_| ()))
}

/// Applies a Bind's result format codes.
pub fn with_formats(columns: &[ResultColumn], codes: &[i16]) -> Result<Vec<ResultColumn>, PgError> {
    check_formats(columns.len(), codes)?;
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
        // One-dimensional lists (the embedded engine's arrays) of a type Postgres has arrays of.
        DataType::List(child) | DataType::LargeList(child) => {
            match PgType::array_of(wire_type(None, child).0).filter(|_| !child.data_type().is_nested()) {
                Some(array) => return (array, Some(DataType::Binary)),
                None => return (PgType::Text, None),
            }
        }
        // Nested and exotic types are shown as text.
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
                if let (PgType::Array(element), DataType::List(_) | DataType::LargeList(_)) =
                    (column.ty, array.data_type())
                {
                    return Ok((column.clone(), binary_arrays(column, *element, array)?));
                }
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

/// A list column (the embedded engine's arrays) in Postgres' binary array format, so it is
/// written as a Postgres source's arrays are: as is in binary, through `array_text` in text.
fn binary_arrays(column: &ResultColumn, element: PgType, array: &ArrayRef) -> Result<ArrayRef, PgError> {
    let list = match array.data_type() {
        DataType::LargeList(child) => cast_with_options(array, &DataType::List(child.clone()), &CastOptions::default())
            .map_err(|_| mismatch(column))?
            .as_list::<i32>()
            .clone(),
        _ => array.as_list_opt::<i32>().ok_or_else(|| mismatch(column))?.clone(),
    };
    let values = list.values();
    let storage = storage_for(element, values.data_type());
    let values = if values.data_type() == &storage {
        values.clone()
    } else {
        let options = CastOptions { safe: false, ..Default::default() };
        cast_with_options(values, &storage, &options).map_err(|_| mismatch(column))?
    };
    let element_column =
        ResultColumn { name: column.name.clone(), ty: element, storage: Some(storage), format: Format::Binary };
    let mut out = connectors::datafusion::arrow::array::BinaryBuilder::with_capacity(list.len(), list.len() * 16);
    let mut buf = BytesMut::new();
    for row in 0..list.len() {
        if list.is_null(row) {
            out.append_null();
            continue;
        }
        let offsets = list.value_offsets();
        let (start, end) = (offsets[row] as usize, offsets[row + 1] as usize);
        buf.clear();
        buf.put_i32(i32::from(end > start));
        buf.put_i32(i32::from((start..end).any(|i| values.is_null(i))));
        buf.put_i32(element.oid() as i32);
        if end > start {
            buf.put_i32((end - start) as i32);
            buf.put_i32(1);
        }
        for index in start..end {
            if values.is_null(index) {
                buf.put_i32(-1);
                continue;
            }
            let length_at = buf.len();
            buf.put_i32(0);
            write_binary(&element_column, &values, index, &mut buf)?;
            let length = (buf.len() - length_at - 4) as i32;
            buf[length_at..length_at + 4].copy_from_slice(&length.to_be_bytes());
        }
        out.append_value(&buf);
    }
    Ok(Arc::new(out.finish()))
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
        PgType::Int8 | PgType::Oid => write!(out, "{}", downcast!(array, Int64Array, column).value(row)),
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
        PgType::Text
        | PgType::Name
        | PgType::Varchar(_)
        | PgType::Char(_)
        | PgType::Uuid
        | PgType::Json
        | PgType::Jsonb => out.write_str(string_value(array, row).ok_or_else(|| mismatch(column))?),
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
        PgType::Oid => {
            let oid = downcast!(array, Int64Array, column).value(row);
            buf.put_u32(
                u32::try_from(oid).map_err(|_| {
                    PgError::new(code::NUMERIC_VALUE_OUT_OF_RANGE, format!("OID {oid} is out of range"))
                })?,
            )
        }
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
        PgType::Text | PgType::Name | PgType::Varchar(_) | PgType::Char(_) | PgType::Json => {
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

struct Writer<'a>(&'a mut BytesMut);

impl std::fmt::Write for Writer<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.put_slice(s.as_bytes());
        Ok(())
    }
}

/// Postgres' binary numeric (base-10000 digit groups with weight, sign and display scale) of a
/// decimal, via its exact text (one codec for every numeric source: `connectors::pgbinary`).
pub fn write_numeric_binary(value: i128, scale: i8, buf: &mut BytesMut) {
    if let Some(bytes) = connectors::pgbinary::numeric_from_text(&decimal_text(value, scale)) {
        buf.put_slice(&bytes);
    }
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
    fn format_codes_are_checked_as_they_are_applied() {
        assert!(check_formats(2, &[]).is_ok());
        assert!(check_formats(2, &[1]).is_ok());
        assert!(check_formats(2, &[0, 1]).is_ok());
        assert!(check_formats(2, &[0, 1, 1]).unwrap_err().message.contains("3 result formats but query has 2"));
        assert!(check_formats(2, &[0, 7]).unwrap_err().message.contains("unsupported format code: 7"));
        // With no columns, no code is read.
        assert!(check_formats(0, &[7]).is_ok());
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
    fn lists_are_written_as_postgres_arrays() {
        use connectors::datafusion::arrow::array::ListArray;
        use connectors::datafusion::arrow::datatypes::Int32Type;
        let lists = ListArray::from_iter_primitive::<Int32Type, _, _>(vec![
            Some(vec![Some(1), None, Some(3)]),
            Some(vec![]),
            None,
        ]);
        let schema = Schema::new(vec![Field::new("a", lists.data_type().clone(), true)]);
        let batch = RecordBatch::try_new(Arc::new(schema.clone()), vec![Arc::new(lists)]).unwrap();
        let columns = describe_schema(&schema);
        assert_eq!(columns[0].ty, PgType::Array(&PgType::Int4));
        let settings = Arc::new(OutputSettings {
            extra_float_digits: 1,
            time_zone: "UTC".parse().unwrap(),
            query: connectors::QuerySettings::default(),
            statement_timeout_ms: 0,
        });
        let row_values = |columns: &[ResultColumn]| -> Vec<Option<Vec<u8>>> {
            let encoder = BatchEncoder::new(&batch, columns, settings.clone()).unwrap();
            (0..3)
                .map(|row| {
                    let mut buf = BytesMut::new();
                    encoder.encode_row(row, &mut buf).unwrap();
                    // 'D', length, column count, value length, value.
                    let length = i32::from_be_bytes([buf[7], buf[8], buf[9], buf[10]]);
                    (length >= 0).then(|| buf[11..].to_vec())
                })
                .collect()
        };
        let text: Vec<Option<String>> =
            row_values(&columns).into_iter().map(|v| v.map(|b| String::from_utf8(b).unwrap())).collect();
        assert_eq!(text, [Some("{1,NULL,3}".to_string()), Some("{}".to_string()), None]);
        let binary = with_formats(&columns, &[1]).unwrap();
        let values = row_values(&binary);
        let first = values[0].as_ref().unwrap();
        // ndim 1, has nulls, int4, 3 elements from 1; then 1, NULL, 3.
        let words: Vec<i32> = first.chunks(4).map(|c| i32::from_be_bytes([c[0], c[1], c[2], c[3]])).collect();
        assert_eq!(words, [1, 1, 23, 3, 1, 4, 1, -1, 4, 3]);
        let empty: Vec<i32> =
            values[1].as_ref().unwrap().chunks(4).map(|c| i32::from_be_bytes([c[0], c[1], c[2], c[3]])).collect();
        assert_eq!(empty, [0, 0, 23]);
    }

    #[test]
    fn uuids() {
        let bytes = uuid_bytes("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11").unwrap();
        assert_eq!(bytes[0], 0xa0);
        assert!(uuid_bytes("nope").is_none());
    }
}
