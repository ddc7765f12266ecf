//! `pg_text(x)`: `x::text` on the embedded engine, written with Postgres' output rules
//! (`crate::pgtext`, the same code the proxy writes result columns with) instead of Arrow's text
//! forms (`2024-01-01T00:00:00`, `1e100`, `1.0` for a `real` 1). A `char(n)` loses its trailing
//! blanks, as in Postgres; a `timestamptz` is written in the session's time zone, floats with
//! the session's `extra_float_digits`.
//!
//! `pg_output(x)` is the same text as the type's output function writes it, which is what
//! `concat()` and `format()` use: it differs from the cast for booleans (`t`, not `true`) and
//! keeps a `char(n)` value as stored (the cast drops trailing blanks).

use datafusion::arrow::array::{Array, ArrayRef, AsArray, StringArray, StringBuilder};
use datafusion::arrow::datatypes::{
    DataType, Date32Type, Decimal128Type, FieldRef, Float32Type, Float64Type, IntervalMonthDayNanoType, IntervalUnit,
    Time64MicrosecondType, TimeUnit, TimestampMicrosecondType,
};
use datafusion::common::{Result, ScalarValue, exec_err, not_impl_err};
use datafusion::logical_expr::{
    ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility,
};
use package::PgType;

use crate::pgtext;
use crate::types::{PG_TYPE_METADATA, declared_type};

datafusion::common::extensions_options! {
    /// Session settings of packwire's own that functions on the embedded engine read.
    pub struct PgSettings {
        /// The session's `extra_float_digits` (float output).
        pub extra_float_digits: i32, default = 1
    }
}

impl datafusion::common::config::ConfigExtension for PgSettings {
    const PREFIX: &'static str = "packwire";
}

/// `x::text` with Postgres' output (see the module header), and the casts to `varchar(n)` and
/// `char(n)`.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgText {
    signature: Signature,
    kind: TextKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum TextKind {
    /// `pg_text`: the cast to text (a `char(n)` loses its trailing blanks).
    Cast,
    /// `pg_output`: the output function's text (booleans as `t`/`f`).
    Output,
    /// `pg_varchar(x, n)`: the cast to `varchar(n)` (`n` = 0: `varchar`), cut to `n`
    /// characters as Postgres' explicit cast does, typed `varchar`.
    Varchar,
    /// `pg_bpchar(x, n)`: the cast to `char(n)`, cut to `n` characters as Postgres' explicit
    /// cast does and padded with blanks to `n`, typed `char(n)` (which the plan check then
    /// compares, measures and concatenates as Postgres does).
    Bpchar,
}

impl PgText {
    /// `pg_text`, the cast to text.
    pub fn cast() -> Self {
        PgText { signature: Signature::any(1, Volatility::Stable), kind: TextKind::Cast }
    }

    /// `pg_output`, the output function's text.
    pub fn output() -> Self {
        PgText { signature: Signature::any(1, Volatility::Stable), kind: TextKind::Output }
    }

    /// `pg_varchar`, the cast to `varchar(n)`.
    pub fn varchar() -> Self {
        PgText { signature: Signature::any(2, Volatility::Stable), kind: TextKind::Varchar }
    }

    /// `pg_bpchar`, the cast to `char(n)`.
    pub fn bpchar() -> Self {
        PgText { signature: Signature::any(2, Volatility::Stable), kind: TextKind::Bpchar }
    }

    fn has_length(&self) -> bool {
        matches!(self.kind, TextKind::Varchar | TextKind::Bpchar)
    }
}

/// The length argument of `pg_varchar` (0: none) or `pg_bpchar` (at least 1).
fn length_argument(value: Option<&ScalarValue>, kind: TextKind) -> Result<usize> {
    let minimum = if kind == TextKind::Bpchar { 1 } else { 0 };
    match value {
        Some(ScalarValue::Int64(Some(n))) if *n >= minimum => Ok(*n as usize),
        Some(ScalarValue::Int32(Some(n))) if i64::from(*n) >= minimum => Ok(*n as usize),
        _ => exec_err!("pg_varchar and pg_bpchar take a constant length"),
    }
}

impl ScalarUDFImpl for PgText {
    fn name(&self) -> &str {
        match self.kind {
            TextKind::Cast => "pg_text",
            TextKind::Output => "pg_output",
            TextKind::Varchar => "pg_varchar",
            TextKind::Bpchar => "pg_bpchar",
        }
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        match arg_types.first() {
            Some(t) if writable(t) => Ok(DataType::Utf8),
            Some(other) => not_impl_err!("casting {other} to text is not supported on the embedded engine"),
            None => exec_err!("pg_text takes one argument"),
        }
    }

    fn return_field_from_args(&self, args: ReturnFieldArgs) -> Result<FieldRef> {
        let types: Vec<DataType> = args.arg_fields.iter().map(|f| f.data_type().clone()).collect();
        // Plain text: not `super::result_field`, which tags text results as exact numerics.
        let field = datafusion::arrow::datatypes::Field::new(self.name(), self.return_type(&types)?, true);
        if !self.has_length() {
            return Ok(std::sync::Arc::new(field));
        }
        let length = length_argument(args.scalar_arguments.get(1).copied().flatten(), self.kind)?;
        let length = u32::try_from(length).ok();
        let declared = match self.kind {
            TextKind::Bpchar => PgType::Char(length.unwrap_or(1)),
            _ => PgType::Varchar(length.filter(|n| *n > 0)),
        };
        let metadata = std::collections::HashMap::from([(PG_TYPE_METADATA.to_string(), declared.to_string())]);
        Ok(std::sync::Arc::new(field.with_metadata(metadata)))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let (value, length) = match args.args.as_slice() {
            [value] if !self.has_length() => (value, 0),
            [value, ColumnarValue::Scalar(length)] if self.has_length() => {
                (value, length_argument(Some(length), self.kind)?)
            }
            _ => return exec_err!("{}: unexpected arguments", self.name()),
        };
        let scalar = matches!(value, ColumnarValue::Scalar(_));
        let array = value.to_array(args.number_rows)?;
        // The casts to text and varchar drop a `char(n)`'s trailing blanks; the output function
        // and the cast to another `char(n)` keep the value as stored.
        let is_char = matches!(self.kind, TextKind::Cast | TextKind::Varchar)
            && args.arg_fields.first().and_then(|f| declared_type(f)).is_some_and(|t| matches!(t, PgType::Char(_)));
        let digits = args.config_options.extensions.get::<PgSettings>().map_or(1, |s| s.extra_float_digits);
        let zone: datafusion::arrow::array::timezone::Tz =
            args.config_options.execution.time_zone.as_deref().unwrap_or("UTC").parse()?;
        let out = match array.data_type() {
            DataType::Boolean if self.kind == TextKind::Output => {
                let booleans = array.as_boolean();
                std::sync::Arc::new(
                    booleans.iter().map(|b| b.map(|b| if b { "t" } else { "f" })).collect::<StringArray>(),
                )
            }
            _ => write_all(&array, is_char, digits, &zone)?,
        };
        if length == 0 {
            return super::columnar(out, scalar);
        }
        let texts = out
            .as_string_opt::<i32>()
            .ok_or_else(|| datafusion::error::DataFusionError::Internal("text output is not Utf8".into()))?;
        let padded = self.kind == TextKind::Bpchar;
        let out: StringArray = texts.iter().map(|v| v.map(|v| fit(v, length, padded))).collect();
        super::columnar(std::sync::Arc::new(out), scalar)
    }
}

/// A text cut to `length` characters, as Postgres' explicit casts to `varchar(n)` and `char(n)`
/// cut it, and for `char(n)` padded with blanks to `length`.
fn fit(text: &str, length: usize, padded: bool) -> String {
    let kept = text.char_indices().nth(length).map_or(text, |(end, _)| &text[..end]);
    if padded { format!("{kept:<length$}") } else { kept.to_string() }
}

/// `md5(text)` / `md5(bytea)`: the digest in lower-case hex, as Postgres writes it.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgMd5 {
    signature: Signature,
}

impl PgMd5 {
    pub fn new() -> Self {
        PgMd5 { signature: Signature::any(1, Volatility::Immutable) }
    }
}

impl ScalarUDFImpl for PgMd5 {
    fn name(&self) -> &str {
        "pg_md5"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        match arg_types {
            [DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Binary | DataType::Null] => {
                Ok(DataType::Utf8)
            }
            other => not_impl_err!("md5() of {other:?} is not supported on the embedded engine"),
        }
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        use md5::Digest;
        let [value] = args.args.as_slice() else { return exec_err!("md5 takes one argument") };
        let scalar = matches!(value, ColumnarValue::Scalar(_));
        let array = value.to_array(args.number_rows)?;
        let bytes = match array.data_type() {
            DataType::Binary => array,
            _ => datafusion::arrow::compute::cast(&array, &DataType::Binary)?,
        };
        let hex = |data: &[u8]| md5::Md5::digest(data).iter().map(|b| format!("{b:02x}")).collect::<String>();
        let out: StringArray = bytes.as_binary::<i32>().iter().map(|v| v.map(hex)).collect();
        let out: ArrayRef = std::sync::Arc::new(out);
        super::columnar(out, scalar)
    }
}

/// `octet_length(text)` / `octet_length(bytea)` (and `length(bytea)`): the bytes of the value.
/// DataFusion's `octet_length` takes text only.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgOctetLength {
    signature: Signature,
}

impl PgOctetLength {
    pub fn new() -> Self {
        PgOctetLength { signature: Signature::any(1, Volatility::Immutable) }
    }
}

impl Default for PgOctetLength {
    fn default() -> Self {
        Self::new()
    }
}

impl ScalarUDFImpl for PgOctetLength {
    fn name(&self) -> &str {
        "pg_octet_length"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        match arg_types {
            [DataType::Utf8 | DataType::Binary | DataType::Null] => Ok(DataType::Int32),
            other => not_impl_err!("octet_length() of {other:?} is not supported on the embedded engine"),
        }
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [value] = args.args.as_slice() else { return exec_err!("octet_length takes one argument") };
        let scalar = matches!(value, ColumnarValue::Scalar(_));
        let array = value.to_array(args.number_rows)?;
        let out = match array.data_type() {
            DataType::Null => datafusion::arrow::array::new_null_array(&DataType::Int32, array.len()),
            _ => datafusion::arrow::compute::kernels::length::length(&array)?,
        };
        super::columnar(out, scalar)
    }
}

/// Whether the output functions (`write_all`) write values of this type.
pub(super) fn writable(data_type: &DataType) -> bool {
    data_type.is_integer()
        || matches!(
            data_type,
            DataType::Null
                | DataType::Boolean
                | DataType::Float32
                | DataType::Float64
                | DataType::Decimal128(..)
                | DataType::Utf8
                | DataType::LargeUtf8
                | DataType::Utf8View
                | DataType::Date32
                | DataType::Time64(TimeUnit::Microsecond)
                | DataType::Timestamp(TimeUnit::Microsecond, _)
                | DataType::Interval(IntervalUnit::MonthDayNano)
                | DataType::Binary
        )
}

/// Each value's Postgres text; NULL stays NULL.
pub(super) fn write_all(
    array: &ArrayRef,
    is_char: bool,
    extra_float_digits: i32,
    zone: &datafusion::arrow::array::timezone::Tz,
) -> Result<ArrayRef> {
    macro_rules! each {
        ($array:expr, |$v:ident| $text:expr) => {{
            let mut out = StringBuilder::with_capacity($array.len(), $array.len() * 8);
            for index in 0..$array.len() {
                if $array.is_null(index) {
                    out.append_null();
                } else {
                    let $v = $array.value(index);
                    out.append_value($text);
                }
            }
            std::sync::Arc::new(out.finish()) as ArrayRef
        }};
    }
    let strings = |array: &ArrayRef| -> Result<ArrayRef> {
        let utf8 = datafusion::arrow::compute::cast(array, &DataType::Utf8)?;
        let utf8 = utf8.as_string::<i32>();
        Ok(each!(utf8, |v| if is_char { v.trim_end_matches(' ') } else { v }))
    };
    Ok(match array.data_type() {
        DataType::Null => std::sync::Arc::new(datafusion::arrow::array::new_null_array(&DataType::Utf8, array.len())),
        // Arrow's text of integers and booleans (`-12`, `true`) is Postgres'.
        t if t.is_integer() || t == &DataType::Boolean => datafusion::arrow::compute::cast(array, &DataType::Utf8)?,
        DataType::Float32 => {
            each!(array.as_primitive::<Float32Type>(), |v| pgtext::float_text(f64::from(v), extra_float_digits, true))
        }
        DataType::Float64 => {
            each!(array.as_primitive::<Float64Type>(), |v| pgtext::float_text(v, extra_float_digits, false))
        }
        DataType::Decimal128(_, scale) => {
            let scale = *scale;
            each!(array.as_primitive::<Decimal128Type>(), |v| pgtext::decimal_text(v, scale))
        }
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => strings(array)?,
        DataType::Date32 => each!(array.as_primitive::<Date32Type>(), |v| pgtext::date_text(v)),
        DataType::Time64(TimeUnit::Microsecond) => {
            each!(array.as_primitive::<Time64MicrosecondType>(), |v| pgtext::time_text(v))
        }
        DataType::Timestamp(TimeUnit::Microsecond, None) => {
            each!(array.as_primitive::<TimestampMicrosecondType>(), |v| pgtext::timestamp_text(v))
        }
        DataType::Timestamp(TimeUnit::Microsecond, Some(_)) => {
            each!(array.as_primitive::<TimestampMicrosecondType>(), |v| pgtext::timestamptz_text(v, zone))
        }
        DataType::Interval(IntervalUnit::MonthDayNano) => {
            each!(array.as_primitive::<IntervalMonthDayNanoType>(), |v| pgtext::interval_text(
                v.months,
                v.days,
                v.nanoseconds / 1_000
            ))
        }
        DataType::Binary => {
            each!(array.as_binary::<i32>(), |v| {
                let mut text = String::with_capacity(2 + v.len() * 2);
                let _ = pgtext::write_bytea_text(v, &mut text);
                text
            })
        }
        other => return not_impl_err!("casting {other} to text is not supported on the embedded engine"),
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use datafusion::arrow::array::{Date32Array, Float64Array, StringArray, TimestampMicrosecondArray};

    use super::*;

    fn texts(array: ArrayRef, is_char: bool) -> Vec<Option<String>> {
        let zone = "Asia/Kolkata".parse().unwrap();
        let out = write_all(&array, is_char, 1, &zone).unwrap();
        out.as_string::<i32>().iter().map(|v| v.map(str::to_string)).collect()
    }

    #[test]
    fn casts_cut_to_characters_and_char_pads_them() {
        assert_eq!(fit("abcdef", 3, false), "abc");
        assert_eq!(fit("ab", 3, false), "ab");
        assert_eq!(fit("ab", 4, true), "ab  ");
        assert_eq!(fit("abcdef", 3, true), "abc");
        // Characters, not bytes.
        assert_eq!(fit("日本語x", 2, true), "日本");
        assert_eq!(fit("é", 3, true), "é  ");
    }

    #[test]
    fn postgres_text_forms() {
        let floats = Arc::new(Float64Array::from(vec![Some(1e100), Some(0.1), None]));
        assert_eq!(texts(floats, false), vec![Some("1e+100".into()), Some("0.1".into()), None]);
        let dates = Arc::new(Date32Array::from(vec![0, -719_528]));
        assert_eq!(texts(dates, false), vec![Some("1970-01-01".into()), Some("0001-01-01 BC".into())]);
        let instants = Arc::new(TimestampMicrosecondArray::from(vec![0]).with_timezone("UTC"));
        assert_eq!(texts(instants, false), vec![Some("1970-01-01 05:30:00+05:30".into())]);
        let integers = Arc::new(datafusion::arrow::array::Int64Array::from(vec![Some(-12), None]));
        assert_eq!(texts(integers, false), vec![Some("-12".into()), None]);
        let booleans = Arc::new(datafusion::arrow::array::BooleanArray::from(vec![true, false]));
        assert_eq!(texts(booleans, false), vec![Some("true".into()), Some("false".into())]);
        let padded = Arc::new(StringArray::from(vec!["ab   ", "  "]));
        assert_eq!(texts(padded.clone(), true), vec![Some("ab".into()), Some("".into())]);
        assert_eq!(texts(padded, false), vec![Some("ab   ".into()), Some("  ".into())]);
    }
}
