//! `jsonb` on the embedded engine. A `jsonb` value is its canonical text (`crate::pgjson`) in a
//! Utf8 column tagged `pg_type = jsonb`; these functions read and write that text with
//! Postgres' rules. The rewrite maps Postgres' operators and casts onto them:
//!
//! | Postgres                    | here                                   |
//! |-----------------------------|----------------------------------------|
//! | `'…'::jsonb`                | `pg_jsonb('…')`                        |
//! | `j -> k`, `j ->> k`         | `pg_jsonb_get(j, k)`, `pg_jsonb_get_text(j, k)` (key or index) |
//! | `j #> '{a,b}'`, `#>>`       | `pg_jsonb_get_path(j, 'a', 'b')`, `pg_jsonb_get_path_text(…)` |
//! | `j ? k`                     | `pg_jsonb_exists(j, k)`                |
//! | `a @> b`, `b <@ a`          | `pg_jsonb_contains(a, b)`              |
//! | `a = b`, `a < b`, …         | `pg_jsonb_cmp(a, b) = 0`, … (on the plan, `crate::plan_check`) |
//! | `a \|\| b`, `a - k`, `a #- p` | `pg_jsonb_concat`, `pg_jsonb_delete`, `pg_jsonb_delete_path` |
//! | `j::numeric`, `::int4`, …   | `pg_jsonb_numeric(j)`, `pg_jsonb_int4(j)`, …                 |
//! | `ORDER BY j`                | `ORDER BY pg_jsonb_sort_key(j)` (on the plan)                |
//! | `jsonb_set(j, '{a,b}', v)`  | `pg_jsonb_set(j, v, true, 'a', 'b')`                         |
//! | `jsonb_agg(x)`              | `pg_jsonb_from_list(array_agg(to_jsonb(x)))`                 |
//! | `jsonb_object_agg(k, v)`    | `pg_jsonb_object_from_lists(array_agg(…k), array_agg(…v))`   |
//!
//! and `jsonb_typeof`, `jsonb_array_length`, `jsonb_strip_nulls`, `jsonb_build_object`,
//! `jsonb_build_array` and `to_jsonb` keep their names. Every `jsonb` argument must be a `jsonb`
//! value or a string literal (Postgres' unknown-typed literal); a text column is refused as
//! Postgres refuses it (no such operator).

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::arrow::array::{
    Array, ArrayRef, AsArray, BooleanBuilder, Float32Builder, Float64Builder, Int16Builder, Int32Builder, Int64Builder,
    StringArray, StringBuilder,
};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, TimeUnit};
use datafusion::common::{Result, exec_err};
use datafusion::error::DataFusionError;
use datafusion::logical_expr::{
    ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};
use package::PgType;

use crate::error::ErrorKind;
use crate::pgjson::{JsonError, Jsonb};
use crate::types::{PG_TYPE_METADATA, declared_type};

/// What one of these functions computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Parse,
    Get {
        text: bool,
    },
    Path {
        text: bool,
    },
    Exists,
    Contains,
    Compare,
    TypeOf,
    ArrayLength,
    StripNulls,
    BuildObject,
    BuildArray,
    ToJsonb,
    Concat,
    Delete,
    DeletePath,
    Cast(CastTo),
    /// `jsonb_set(target, path, new, create)` as `pg_jsonb_set(target, new, create, step…)`.
    Set,
    /// Bytes that sort as the `jsonb` values do (`ORDER BY` a `jsonb` value).
    SortKey,
    /// `jsonb_agg`'s last step: a list of `jsonb` texts (NULL elements are JSON nulls) as one
    /// array; no list (no rows) is NULL.
    FromList,
    /// `jsonb_object_agg`'s last step: lists of keys and of `jsonb` values as one object.
    ObjectFromLists,
    /// The rows of a set-returning function, as one list per value (the rewrite unnests it).
    Rows(RowsOf),
}

/// What a set-returning `jsonb` function yields, one list element per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum RowsOf {
    /// `jsonb_array_elements` (`jsonb`) and `jsonb_array_elements_text` (text).
    Elements { text: bool },
    /// `jsonb_object_keys`.
    ObjectKeys,
    /// The `key` column of `jsonb_each` (`text: false`) or `jsonb_each_text`.
    EachKeys { text: bool },
    /// The `value` column of `jsonb_each` (`jsonb`) or `jsonb_each_text` (text).
    EachValues { text: bool },
}

/// The SQL types a `jsonb` scalar can be cast to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum CastTo {
    Numeric,
    Bool,
    Int2,
    Int4,
    Int8,
    Float4,
    Float8,
}

impl CastTo {
    fn pg_name(self) -> &'static str {
        match self {
            CastTo::Numeric => "numeric",
            CastTo::Bool => "boolean",
            CastTo::Int2 => "smallint",
            CastTo::Int4 => "integer",
            CastTo::Int8 => "bigint",
            CastTo::Float4 => "real",
            CastTo::Float8 => "double precision",
        }
    }
}

/// One `jsonb` function (see the module header).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct JsonbFunction {
    name: &'static str,
    kind: Kind,
    signature: Signature,
}

/// Every `jsonb` function, ready to register.
pub fn functions() -> Vec<ScalarUDF> {
    let f = function;
    vec![
        f("pg_jsonb", Kind::Parse),
        f("pg_jsonb_get", Kind::Get { text: false }),
        f("pg_jsonb_get_text", Kind::Get { text: true }),
        f("pg_jsonb_get_path", Kind::Path { text: false }),
        f("pg_jsonb_get_path_text", Kind::Path { text: true }),
        f("pg_jsonb_exists", Kind::Exists),
        f("pg_jsonb_contains", Kind::Contains),
        f("pg_jsonb_cmp", Kind::Compare),
        f("jsonb_typeof", Kind::TypeOf),
        f("jsonb_array_length", Kind::ArrayLength),
        f("jsonb_strip_nulls", Kind::StripNulls),
        f("jsonb_build_object", Kind::BuildObject),
        f("jsonb_build_array", Kind::BuildArray),
        f("to_jsonb", Kind::ToJsonb),
        f("pg_jsonb_concat", Kind::Concat),
        f("pg_jsonb_delete", Kind::Delete),
        f("pg_jsonb_delete_path", Kind::DeletePath),
        f("pg_jsonb_numeric", Kind::Cast(CastTo::Numeric)),
        f("pg_jsonb_bool", Kind::Cast(CastTo::Bool)),
        f("pg_jsonb_int2", Kind::Cast(CastTo::Int2)),
        f("pg_jsonb_int4", Kind::Cast(CastTo::Int4)),
        f("pg_jsonb_int8", Kind::Cast(CastTo::Int8)),
        f("pg_jsonb_float4", Kind::Cast(CastTo::Float4)),
        f("pg_jsonb_float8", Kind::Cast(CastTo::Float8)),
        f("pg_jsonb_set", Kind::Set),
        f("pg_jsonb_sort_key", Kind::SortKey),
        f("pg_jsonb_from_list", Kind::FromList),
        f("pg_jsonb_object_from_lists", Kind::ObjectFromLists),
        f("pg_jsonb_array_elements", Kind::Rows(RowsOf::Elements { text: false })),
        f("pg_jsonb_array_elements_text", Kind::Rows(RowsOf::Elements { text: true })),
        f("pg_jsonb_object_keys", Kind::Rows(RowsOf::ObjectKeys)),
        f("pg_jsonb_each_keys", Kind::Rows(RowsOf::EachKeys { text: false })),
        f("pg_jsonb_each_values", Kind::Rows(RowsOf::EachValues { text: false })),
        f("pg_jsonb_each_text_keys", Kind::Rows(RowsOf::EachKeys { text: true })),
        f("pg_jsonb_each_text_values", Kind::Rows(RowsOf::EachValues { text: true })),
    ]
}

/// `pg_jsonb_cmp`, for comparisons the plan check rewrites.
pub fn compare_function() -> Arc<ScalarUDF> {
    Arc::new(function("pg_jsonb_cmp", Kind::Compare))
}

/// `pg_jsonb_sort_key`, for `ORDER BY` a `jsonb` value.
pub fn sort_key_function() -> Arc<ScalarUDF> {
    Arc::new(function("pg_jsonb_sort_key", Kind::SortKey))
}

fn function(name: &'static str, kind: Kind) -> ScalarUDF {
    ScalarUDF::from(JsonbFunction { name, kind, signature: Signature::variadic_any(Volatility::Stable) })
}

/// Whether a field holds `jsonb` values.
pub fn is_jsonb(field: &Field) -> bool {
    declared_type(field) == Some(PgType::Jsonb)
}

/// A Utf8 field tagged with a declared type.
fn tagged(name: &str, pg_type: &str) -> FieldRef {
    Arc::new(
        Field::new(name, DataType::Utf8, true)
            .with_metadata(HashMap::from([(PG_TYPE_METADATA.to_string(), pg_type.to_string())])),
    )
}

use super::sql_error as error;

fn json_error(error_: JsonError) -> DataFusionError {
    let kind = match error_ {
        JsonError::Syntax(_) => ErrorKind::InvalidTextRepresentation,
        JsonError::NulCharacter => ErrorKind::Backend("22P05".into()),
        JsonError::NumberOutOfRange => ErrorKind::NumericOutOfRange,
    };
    error(kind, error_.to_string())
}

impl JsonbFunction {
    /// The argument positions that must be `jsonb` (or a string literal).
    fn jsonb_arguments(&self, count: usize) -> std::ops::Range<usize> {
        match self.kind {
            Kind::Contains | Kind::Compare | Kind::Concat | Kind::Set => 0..count.min(2),
            Kind::Parse | Kind::BuildObject | Kind::BuildArray | Kind::ToJsonb => 0..0,
            Kind::FromList | Kind::ObjectFromLists => 0..0,
            _ => 0..count.min(1),
        }
    }

    fn arity_ok(&self, count: usize) -> bool {
        match self.kind {
            Kind::Path { .. } | Kind::DeletePath => count >= 1,
            Kind::Set => count >= 3,
            Kind::BuildObject | Kind::BuildArray => true,
            Kind::Get { .. }
            | Kind::Exists
            | Kind::Contains
            | Kind::Compare
            | Kind::Concat
            | Kind::Delete
            | Kind::ObjectFromLists => count == 2,
            _ => count == 1,
        }
    }

    fn result_type(&self) -> DataType {
        match self.kind {
            Kind::Exists | Kind::Contains | Kind::Cast(CastTo::Bool) => DataType::Boolean,
            Kind::Compare | Kind::ArrayLength | Kind::Cast(CastTo::Int4) => DataType::Int32,
            Kind::Cast(CastTo::Int2) => DataType::Int16,
            Kind::Cast(CastTo::Int8) => DataType::Int64,
            Kind::Cast(CastTo::Float4) => DataType::Float32,
            Kind::Cast(CastTo::Float8) => DataType::Float64,
            Kind::SortKey => DataType::Binary,
            Kind::Rows(_) => DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true))),
            _ => DataType::Utf8,
        }
    }

    /// The declared type of a text result: `jsonb`, `numeric` (exact text), or plain text.
    fn result_tag(&self) -> Option<&'static str> {
        match self.kind {
            Kind::Get { text: true } | Kind::Path { text: true } | Kind::TypeOf => None,
            Kind::Cast(CastTo::Numeric) => Some("numeric"),
            _ if self.result_type() == DataType::Utf8 => Some("jsonb"),
            _ => None,
        }
    }
}

/// Whether `to_jsonb` (and the build functions) can write values of this type: what the output
/// functions write (timestamps of any unit, converted to microseconds first), and lists of that.
fn convertible(field: &Field) -> bool {
    match field.data_type() {
        DataType::Timestamp(_, _) => true,
        DataType::List(element) => !element.data_type().is_nested() && convertible(element),
        other => super::text::writable(other),
    }
}

impl ScalarUDFImpl for JsonbFunction {
    fn name(&self) -> &str {
        self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(self.result_type())
    }

    fn return_field_from_args(&self, args: ReturnFieldArgs) -> Result<FieldRef> {
        let count = args.arg_fields.len();
        if !self.arity_ok(count) || (self.kind == Kind::BuildObject && !count.is_multiple_of(2)) {
            let message = match self.kind {
                Kind::BuildObject => "argument list must have even number of elements".to_string(),
                _ => format!("function {}() does not take {count} arguments", self.name),
            };
            return Err(error(ErrorKind::UndefinedFunction, message));
        }
        for index in self.jsonb_arguments(count) {
            let field = &args.arg_fields[index];
            let literal = args.scalar_arguments.get(index).is_some_and(|s| s.is_some());
            let text_literal = literal && matches!(field.data_type(), DataType::Utf8 | DataType::Null);
            if !is_jsonb(field) && !text_literal && field.data_type() != &DataType::Null {
                let shown = declared_type(field).map_or_else(|| field.data_type().to_string(), |t| t.to_string());
                return Err(error(
                    ErrorKind::UndefinedFunction,
                    format!("function {}() does not exist for an argument of type {shown} (jsonb expected)", self.name),
                ));
            }
        }
        let values = match self.kind {
            Kind::BuildObject => args.arg_fields.iter().skip(1).step_by(2).collect::<Vec<_>>(),
            Kind::BuildArray | Kind::ToJsonb => args.arg_fields.iter().collect(),
            _ => Vec::new(),
        };
        if let Some(field) = values.into_iter().find(|f| !convertible(f)) {
            return Err(DataFusionError::NotImplemented(format!(
                "{}() of a {} value is not supported on the embedded engine",
                self.name,
                field.data_type()
            )));
        }
        Ok(match self.result_tag() {
            Some(tag) => tagged(self.name, tag),
            None => Arc::new(Field::new(self.name, self.result_type(), true)),
        })
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        let all_scalar = args.args.iter().all(|a| matches!(a, ColumnarValue::Scalar(_)));
        let arrays: Vec<ArrayRef> = args.args.iter().map(|a| a.to_array(rows)).collect::<Result<_>>()?;
        let settings = Settings::of(&args);
        let out = match self.kind {
            Kind::BuildObject | Kind::BuildArray | Kind::ToJsonb => {
                let columns: Vec<Vec<Option<Jsonb>>> = arrays
                    .iter()
                    .zip(args.arg_fields.iter())
                    .map(|(a, f)| to_jsonb_values(a, f, &settings))
                    .collect::<Result<_>>()?;
                let mut out = StringBuilder::with_capacity(rows, rows * 16);
                for row in 0..rows {
                    let value = match self.kind {
                        Kind::ToJsonb => columns[0][row].clone(),
                        Kind::BuildArray => {
                            Some(Jsonb::Array(columns.iter().map(|c| c[row].clone().unwrap_or(Jsonb::Null)).collect()))
                        }
                        _ => Some(build_object(&columns, row)?),
                    };
                    out.append_option(value.map(|v| v.to_text()));
                }
                Arc::new(out.finish()) as ArrayRef
            }
            Kind::FromList | Kind::ObjectFromLists => from_lists(&arrays, self.kind == Kind::ObjectFromLists)?,
            Kind::Rows(rows_of) => rows_lists(&arrays[0], rows_of)?,
            _ => self.row_by_row(&arrays, rows)?,
        };
        super::columnar(out, all_scalar)
    }
}

fn build_object(columns: &[Vec<Option<Jsonb>>], row: usize) -> Result<Jsonb> {
    let mut pairs = Vec::with_capacity(columns.len() / 2);
    for (position, pair) in columns.chunks(2).enumerate() {
        let key = match &pair[0][row] {
            None => {
                let message = format!("argument {}: key must not be null", position * 2 + 1);
                return Err(error(ErrorKind::InvalidParameterValue, message));
            }
            // Keys are text: a string key is its text, other scalars their JSON text.
            Some(key) => key.clone().into_text().unwrap_or_default(),
        };
        pairs.push((key, pair[1][row].clone().unwrap_or(Jsonb::Null)));
    }
    Ok(Jsonb::object(pairs))
}

/// The elements of each row's list (`None` for a NULL list), as text.
fn list_texts(array: &ArrayRef) -> Result<Vec<Option<Vec<Option<String>>>>> {
    use datafusion::arrow::compute::cast;
    let lists = match array.data_type() {
        DataType::Null => return Ok(vec![None; array.len()]),
        DataType::List(_) => array.as_list::<i32>().clone(),
        DataType::LargeList(_) | DataType::ListView(_) | DataType::FixedSizeList(..) => {
            let field = Arc::new(Field::new_list_field(DataType::Utf8, true));
            cast(array, &DataType::List(field))?.as_list::<i32>().clone()
        }
        other => return exec_err!("a jsonb aggregate got a {other} list"),
    };
    let mut out = Vec::with_capacity(lists.len());
    for row in 0..lists.len() {
        if lists.is_null(row) {
            out.push(None);
            continue;
        }
        let items = cast(&lists.value(row), &DataType::Utf8)?;
        out.push(Some(items.as_string::<i32>().iter().map(|t| t.map(str::to_string)).collect()));
    }
    Ok(out)
}

/// `pg_jsonb_from_list(list)` / `pg_jsonb_object_from_lists(keys, values)`.
fn from_lists(arrays: &[ArrayRef], object: bool) -> Result<ArrayRef> {
    let parse = |text: &Option<String>| match text {
        Some(text) => Jsonb::parse(text).map_err(json_error),
        None => Ok(Jsonb::Null),
    };
    let values = list_texts(&arrays[0])?;
    let keys = if object { Some(list_texts(&arrays[0])?) } else { None };
    let values = if object { list_texts(&arrays[1])? } else { values };
    let mut out = StringBuilder::with_capacity(values.len(), values.len() * 32);
    for (row, items) in values.iter().enumerate() {
        let Some(items) = items else {
            out.append_null();
            continue;
        };
        let value = match keys.as_ref().and_then(|k| k[row].as_ref()) {
            Some(keys) => {
                let mut pairs = Vec::with_capacity(items.len());
                for (key, item) in keys.iter().zip(items) {
                    let Some(key) = key else {
                        return Err(error(ErrorKind::InvalidParameterValue, "field name must not be null"));
                    };
                    pairs.push((key.clone(), parse(item)?));
                }
                Jsonb::object(pairs)
            }
            None => Jsonb::Array(items.iter().map(parse).collect::<Result<_>>()?),
        };
        out.append_value(value.to_text());
    }
    Ok(Arc::new(out.finish()))
}

/// A set-returning function's rows for each `jsonb` value, as a list of texts (`jsonb` texts or
/// plain text, as the function returns); a NULL value has no rows (a NULL list). A value of the
/// wrong shape fails with Postgres' error.
fn rows_lists(array: &ArrayRef, rows_of: RowsOf) -> Result<ArrayRef> {
    use datafusion::arrow::array::ListBuilder;
    let column = Column::of(array)?;
    let written = |item: Jsonb, text: bool| if text { item.into_text() } else { Some(item.to_text()) };
    let mut out = ListBuilder::new(StringBuilder::new());
    for row in 0..array.len() {
        let Some(value) = column.jsonb(row)? else {
            out.append_null();
            continue;
        };
        match (rows_of, value) {
            (RowsOf::Elements { text }, Jsonb::Array(items)) => {
                items.into_iter().for_each(|item| out.values().append_option(written(item, text)));
            }
            (RowsOf::ObjectKeys | RowsOf::EachKeys { .. }, Jsonb::Object(pairs)) => {
                pairs.into_iter().for_each(|(key, _)| out.values().append_value(key));
            }
            (RowsOf::EachValues { text }, Jsonb::Object(pairs)) => {
                pairs.into_iter().for_each(|(_, item)| out.values().append_option(written(item, text)));
            }
            (rows_of, other) => return Err(wrong_shape(rows_of, &other)),
        }
        out.append(true);
    }
    Ok(Arc::new(out.finish()))
}

/// Postgres' error for a set-returning function given a value of the wrong shape.
fn wrong_shape(rows_of: RowsOf, value: &Jsonb) -> DataFusionError {
    let scalar = !matches!(value, Jsonb::Array(_) | Jsonb::Object(_));
    let message = match rows_of {
        RowsOf::Elements { .. } if scalar => "cannot extract elements from a scalar".to_string(),
        RowsOf::Elements { .. } => "cannot extract elements from an object".to_string(),
        RowsOf::ObjectKeys if scalar => "cannot call jsonb_object_keys on a scalar".to_string(),
        RowsOf::ObjectKeys => "cannot call jsonb_object_keys on an array".to_string(),
        RowsOf::EachKeys { text } | RowsOf::EachValues { text } => {
            format!("cannot call {} on a non-object", if text { "jsonb_each_text" } else { "jsonb_each" })
        }
    };
    error(ErrorKind::InvalidParameterValue, message)
}

/// The session settings `to_jsonb` writes floats and time stamps with.
struct Settings {
    extra_float_digits: i32,
    zone: Option<datafusion::arrow::array::timezone::Tz>,
}

impl Settings {
    fn of(args: &ScalarFunctionArgs) -> Settings {
        let extra_float_digits =
            args.config_options.extensions.get::<super::text::PgSettings>().map_or(1, |s| s.extra_float_digits);
        let zone = args.config_options.execution.time_zone.as_deref().unwrap_or("UTC").parse().ok();
        Settings { extra_float_digits, zone }
    }
}

/// Each value of a column as `to_jsonb` converts it (SQL NULL stays `None`).
fn to_jsonb_values(array: &ArrayRef, field: &Field, settings: &Settings) -> Result<Vec<Option<Jsonb>>> {
    let Some(zone) = &settings.zone else { return exec_err!("the session's time zone is not known") };
    // Arrays (one-dimensional lists) become JSON arrays of their converted elements.
    if let DataType::List(element) = array.data_type() {
        let lists = array.as_list::<i32>();
        return (0..lists.len())
            .map(|row| {
                if lists.is_null(row) {
                    return Ok(None);
                }
                let items = to_jsonb_values(&lists.value(row), element, settings)?;
                Ok(Some(Jsonb::Array(items.into_iter().map(|v| v.unwrap_or(Jsonb::Null)).collect())))
            })
            .collect();
    }
    // Time stamps are written from microseconds (what Postgres keeps).
    let micros;
    let array = match array.data_type() {
        DataType::Timestamp(unit, zone) if *unit != TimeUnit::Microsecond => {
            micros =
                datafusion::arrow::compute::cast(array, &DataType::Timestamp(TimeUnit::Microsecond, zone.clone()))?;
            &micros
        }
        _ => array,
    };
    let texts = super::text::write_all(array, false, settings.extra_float_digits, zone)?;
    let texts = texts.as_string::<i32>();
    let declared = declared_type(field);
    let mut values = Vec::with_capacity(array.len());
    for text in texts.iter() {
        let Some(text) = text else {
            values.push(None);
            continue;
        };
        let value = match array.data_type() {
            DataType::Boolean => Jsonb::Bool(text == "true"),
            t if t.is_integer() || matches!(t, DataType::Decimal128(..)) => Jsonb::number(text).map_err(json_error)?,
            // Infinities and NaN are not JSON numbers: Postgres writes them as strings.
            DataType::Float32 | DataType::Float64 => {
                Jsonb::number(text).unwrap_or_else(|_| Jsonb::String(text.to_string()))
            }
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => match declared {
                Some(PgType::Jsonb | PgType::Json) => Jsonb::parse(text).map_err(json_error)?,
                Some(PgType::Numeric(_)) => Jsonb::number(text).map_err(json_error)?,
                _ => Jsonb::String(text.to_string()),
            },
            // JSON's date-time forms: ISO 8601 with a `T` and a full `+hh:mm` offset.
            DataType::Timestamp(_, None) => Jsonb::String(text.replacen(' ', "T", 1)),
            DataType::Timestamp(_, Some(_)) => Jsonb::String(iso_offset(&text.replacen(' ', "T", 1))),
            _ => Jsonb::String(text.to_string()),
        };
        values.push(Some(value));
    }
    Ok(values)
}

/// `…+05` → `…+05:00` (an offset written with hours only gains its minutes).
fn iso_offset(text: &str) -> String {
    match text.rfind(['+', '-']) {
        Some(at) if text.len() - at == 3 => format!("{text}:00"),
        _ => text.to_string(),
    }
}

/// One row's argument.
enum Arg<'a> {
    Null,
    Text(&'a str),
    Int(i64),
}

/// A column of arguments, readable row by row.
enum Column {
    Null,
    Bool(datafusion::arrow::array::BooleanArray),
    Text(StringArray),
    Int(datafusion::arrow::array::Int64Array),
}

impl Column {
    fn of(array: &ArrayRef) -> Result<Column> {
        use datafusion::arrow::compute::cast;
        Ok(match array.data_type() {
            DataType::Null => Column::Null,
            DataType::Boolean => Column::Bool(array.as_boolean().clone()),
            t if t.is_integer() => Column::Int(
                cast(array, &DataType::Int64)?.as_primitive::<datafusion::arrow::datatypes::Int64Type>().clone(),
            ),
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
                Column::Text(cast(array, &DataType::Utf8)?.as_string::<i32>().clone())
            }
            other => return exec_err!("a jsonb function got a {other} argument"),
        })
    }

    fn at(&self, row: usize) -> Arg<'_> {
        match self {
            Column::Text(a) if a.is_valid(row) => Arg::Text(a.value(row)),
            Column::Int(a) if a.is_valid(row) => Arg::Int(a.value(row)),
            _ => Arg::Null,
        }
    }

    fn jsonb(&self, row: usize) -> Result<Option<Jsonb>> {
        match self.at(row) {
            Arg::Text(text) => Jsonb::parse(text).map(Some).map_err(json_error),
            _ => Ok(None),
        }
    }
}

/// The output column of a row-by-row function.
enum Output {
    Text(StringBuilder),
    Bool(BooleanBuilder),
    Int16(Int16Builder),
    Int32(Int32Builder),
    Int64(Int64Builder),
    Float32(Float32Builder),
    Float64(Float64Builder),
}

/// One row's result.
enum Value {
    Null,
    Text(String),
    Bool(bool),
    Int(i64),
    Float(f64),
}

impl Output {
    fn for_type(data_type: &DataType, rows: usize) -> Output {
        match data_type {
            DataType::Boolean => Output::Bool(BooleanBuilder::with_capacity(rows)),
            DataType::Int16 => Output::Int16(Int16Builder::with_capacity(rows)),
            DataType::Int32 => Output::Int32(Int32Builder::with_capacity(rows)),
            DataType::Int64 => Output::Int64(Int64Builder::with_capacity(rows)),
            DataType::Float32 => Output::Float32(Float32Builder::with_capacity(rows)),
            DataType::Float64 => Output::Float64(Float64Builder::with_capacity(rows)),
            _ => Output::Text(StringBuilder::with_capacity(rows, rows * 16)),
        }
    }

    fn push(&mut self, value: Value) {
        // Integer results are range-checked where computed; the narrowing here cannot lose.
        match (self, value) {
            (Output::Text(b), Value::Text(t)) => b.append_value(t),
            (Output::Bool(b), Value::Bool(v)) => b.append_value(v),
            (Output::Int16(b), Value::Int(v)) => b.append_option(i16::try_from(v).ok()),
            (Output::Int32(b), Value::Int(v)) => b.append_option(i32::try_from(v).ok()),
            (Output::Int64(b), Value::Int(v)) => b.append_value(v),
            (Output::Float32(b), Value::Float(v)) => b.append_value(v as f32),
            (Output::Float64(b), Value::Float(v)) => b.append_value(v),
            (Output::Text(b), _) => b.append_null(),
            (Output::Bool(b), _) => b.append_null(),
            (Output::Int16(b), _) => b.append_null(),
            (Output::Int32(b), _) => b.append_null(),
            (Output::Int64(b), _) => b.append_null(),
            (Output::Float32(b), _) => b.append_null(),
            (Output::Float64(b), _) => b.append_null(),
        }
    }

    fn finish(self) -> ArrayRef {
        match self {
            Output::Text(mut b) => Arc::new(b.finish()),
            Output::Bool(mut b) => Arc::new(b.finish()),
            Output::Int16(mut b) => Arc::new(b.finish()),
            Output::Int32(mut b) => Arc::new(b.finish()),
            Output::Int64(mut b) => Arc::new(b.finish()),
            Output::Float32(mut b) => Arc::new(b.finish()),
            Output::Float64(mut b) => Arc::new(b.finish()),
        }
    }
}

fn jsonb_value(value: Option<Jsonb>) -> Value {
    value.map_or(Value::Null, |v| Value::Text(v.to_text()))
}

fn text_value(value: Option<String>) -> Value {
    value.map_or(Value::Null, Value::Text)
}

impl JsonbFunction {
    fn row_by_row(&self, arrays: &[ArrayRef], rows: usize) -> Result<ArrayRef> {
        let columns: Vec<Column> = arrays.iter().map(Column::of).collect::<Result<_>>()?;
        if self.kind == Kind::SortKey {
            let mut out = datafusion::arrow::array::BinaryBuilder::with_capacity(rows, rows * 16);
            for row in 0..rows {
                out.append_option(columns[0].jsonb(row)?.map(|v| v.sort_key()));
            }
            return Ok(Arc::new(out.finish()));
        }
        let mut out = Output::for_type(&self.result_type(), rows);
        for row in 0..rows {
            out.push(self.row(&columns, row)?);
        }
        Ok(out.finish())
    }

    /// One row's result; SQL NULL in a `jsonb` argument gives NULL.
    fn row(&self, columns: &[Column], row: usize) -> Result<Value> {
        if self.kind == Kind::Parse {
            return Ok(jsonb_value(columns[0].jsonb(row)?));
        }
        let Some(first) = columns[0].jsonb(row)? else { return Ok(Value::Null) };
        let second = || columns.get(1).map_or(Arg::Null, |c| c.at(row));
        let steps = |from: usize| -> Option<Vec<&str>> {
            columns[from..]
                .iter()
                .map(|c| match c.at(row) {
                    Arg::Text(step) => Some(step),
                    _ => None,
                })
                .collect()
        };
        Ok(match self.kind {
            Kind::Get { text } => {
                let found = match second() {
                    Arg::Text(key) => first.field(key),
                    Arg::Int(index) => first.element(index),
                    Arg::Null => None,
                };
                let found = found.cloned();
                if text { text_value(found.and_then(Jsonb::into_text)) } else { jsonb_value(found) }
            }
            Kind::Path { text } => {
                let Some(steps) = steps(1) else { return Ok(Value::Null) };
                let found = first.path(&steps).cloned();
                if text { text_value(found.and_then(Jsonb::into_text)) } else { jsonb_value(found) }
            }
            Kind::Exists => match second() {
                Arg::Text(key) => Value::Bool(first.has_key(key)),
                _ => Value::Null,
            },
            Kind::Contains | Kind::Compare | Kind::Concat => {
                let Some(other) = columns[1].jsonb(row)? else { return Ok(Value::Null) };
                match self.kind {
                    Kind::Contains => Value::Bool(first.contains(&other)),
                    Kind::Compare => Value::Int(first.compare(&other) as i64),
                    _ => jsonb_value(Some(concat(first, other))),
                }
            }
            Kind::TypeOf => Value::Text(first.type_name().to_string()),
            Kind::ArrayLength => match first {
                Jsonb::Array(items) => Value::Int(items.len() as i64),
                Jsonb::Object(_) => {
                    return Err(error(ErrorKind::InvalidParameterValue, "cannot get array length of a non-array"));
                }
                _ => return Err(error(ErrorKind::InvalidParameterValue, "cannot get array length of a scalar")),
            },
            Kind::StripNulls => jsonb_value(Some(first.strip_nulls())),
            Kind::Delete => match second() {
                Arg::Text(key) => jsonb_value(Some(delete_key(first, key)?)),
                Arg::Int(index) => jsonb_value(Some(delete_index(first, index)?)),
                Arg::Null => Value::Null,
            },
            Kind::DeletePath => {
                let Some(steps) = steps(1) else { return Ok(Value::Null) };
                jsonb_value(Some(delete_path(first, &steps)?))
            }
            Kind::Set => {
                let Some(new) = columns[1].jsonb(row)? else { return Ok(Value::Null) };
                let create = match &columns[2] {
                    Column::Bool(flags) if flags.is_valid(row) => flags.value(row),
                    Column::Bool(_) | Column::Null => return Ok(Value::Null),
                    _ => return exec_err!("jsonb_set's create_if_missing must be a boolean"),
                };
                let steps: Option<Vec<&str>> = steps(3);
                let Some(steps) = steps else {
                    return Err(error(ErrorKind::Backend("22004".into()), "path element must not be null"));
                };
                jsonb_value(Some(set_path(first, &steps, new, create)?))
            }
            Kind::Cast(to) => cast(first, to)?,
            Kind::Parse
            | Kind::BuildObject
            | Kind::BuildArray
            | Kind::ToJsonb
            | Kind::FromList
            | Kind::ObjectFromLists
            | Kind::Rows(_)
            | Kind::SortKey => Value::Null,
        })
    }
}

/// `||`: objects merge (the right side's keys win), arrays concatenate, a scalar or object
/// next to an array is one more element.
fn concat(left: Jsonb, right: Jsonb) -> Jsonb {
    match (left, right) {
        (Jsonb::Object(mut a), Jsonb::Object(b)) => {
            a.extend(b);
            Jsonb::object(a)
        }
        (Jsonb::Array(mut a), Jsonb::Array(b)) => {
            a.extend(b);
            Jsonb::Array(a)
        }
        (Jsonb::Array(mut a), other) => {
            a.push(other);
            Jsonb::Array(a)
        }
        (other, Jsonb::Array(b)) => Jsonb::Array(std::iter::once(other).chain(b).collect()),
        (a, b) => Jsonb::Array(vec![a, b]),
    }
}

fn scalar_refusal(what: &str) -> DataFusionError {
    error(ErrorKind::InvalidParameterValue, format!("cannot {what} scalar"))
}

/// `- 'key'`: the key from an object, matching string elements from an array.
fn delete_key(value: Jsonb, key: &str) -> Result<Jsonb> {
    Ok(match value {
        Jsonb::Object(pairs) => Jsonb::Object(pairs.into_iter().filter(|(k, _)| k != key).collect()),
        Jsonb::Array(items) => {
            Jsonb::Array(items.into_iter().filter(|item| !matches!(item, Jsonb::String(s) if s == key)).collect())
        }
        _ => return Err(scalar_refusal("delete from")),
    })
}

/// `- n`: an array's element (from the end when negative); objects refuse it.
fn delete_index(value: Jsonb, index: i64) -> Result<Jsonb> {
    match value {
        Jsonb::Array(mut items) => {
            let len = items.len() as i64;
            let at = if index < 0 { len + index } else { index };
            if (0..len).contains(&at) {
                items.remove(at as usize);
            }
            Ok(Jsonb::Array(items))
        }
        Jsonb::Object(_) => {
            Err(error(ErrorKind::InvalidParameterValue, "cannot delete from object using integer index"))
        }
        _ => Err(scalar_refusal("delete from")),
    }
}

/// `#- path`: the value at the path removed (nothing when the path does not lead anywhere).
fn delete_path(value: Jsonb, steps: &[&str]) -> Result<Jsonb> {
    let Some((last, parents)) = steps.split_last() else { return Ok(value) };
    if !matches!(value, Jsonb::Array(_) | Jsonb::Object(_)) {
        return Err(error(ErrorKind::InvalidParameterValue, "cannot delete path in scalar"));
    }
    Ok(delete_at(value, parents, last))
}

fn delete_at(value: Jsonb, parents: &[&str], last: &str) -> Jsonb {
    match (value, parents.split_first()) {
        (Jsonb::Object(pairs), None) => Jsonb::Object(pairs.into_iter().filter(|(k, _)| k != last).collect()),
        (Jsonb::Array(items), None) => match last.trim().parse::<i64>() {
            Ok(index) => delete_index(Jsonb::Array(items.clone()), index).unwrap_or(Jsonb::Array(items)),
            Err(_) => Jsonb::Array(items),
        },
        (Jsonb::Object(pairs), Some((step, rest))) => Jsonb::Object(
            pairs.into_iter().map(|(k, v)| if k == *step { (k, delete_at(v, rest, last)) } else { (k, v) }).collect(),
        ),
        (Jsonb::Array(mut items), Some((step, rest))) => {
            let len = items.len() as i64;
            if let Ok(index) = step.trim().parse::<i64>() {
                let at = if index < 0 { len + index } else { index };
                if (0..len).contains(&at) {
                    let item = std::mem::replace(&mut items[at as usize], Jsonb::Null);
                    items[at as usize] = delete_at(item, rest, last);
                }
            }
            Jsonb::Array(items)
        }
        (scalar, _) => scalar,
    }
}

/// `jsonb_set`: the value at the path replaced by `new`; a missing last key added (and an
/// array index past either end added there) when `create`; a path that leads nowhere earlier
/// changes nothing. A scalar target is an error, as is a step into an array that is not an
/// integer.
fn set_path(target: Jsonb, steps: &[&str], new: Jsonb, create: bool) -> Result<Jsonb> {
    if !matches!(target, Jsonb::Array(_) | Jsonb::Object(_)) {
        return Err(error(ErrorKind::InvalidParameterValue, "cannot set path in scalar"));
    }
    set_at(target, steps, 1, new, create)
}

fn set_at(value: Jsonb, steps: &[&str], position: usize, new: Jsonb, create: bool) -> Result<Jsonb> {
    let Some((step, rest)) = steps.split_first() else { return Ok(new) };
    match value {
        Jsonb::Object(mut pairs) => {
            match pairs.iter().position(|(k, _)| k == step) {
                Some(at) => {
                    let old = std::mem::replace(&mut pairs[at].1, Jsonb::Null);
                    pairs[at].1 = set_at(old, rest, position + 1, new, create)?;
                }
                None if rest.is_empty() && create => {
                    pairs.push((step.to_string(), new));
                    return Ok(Jsonb::object(pairs));
                }
                None => {}
            }
            Ok(Jsonb::Object(pairs))
        }
        Jsonb::Array(mut items) => {
            let index: i64 = step.trim().parse().map_err(|_| {
                let message = format!("path element at position {position} is not an integer: \"{step}\"");
                error(ErrorKind::InvalidTextRepresentation, message)
            })?;
            let len = items.len() as i64;
            let at = if index < 0 { len + index } else { index };
            if (0..len).contains(&at) {
                let old = std::mem::replace(&mut items[at as usize], Jsonb::Null);
                items[at as usize] = set_at(old, rest, position + 1, new, create)?;
            } else if rest.is_empty() && create {
                if at < 0 { items.insert(0, new) } else { items.push(new) }
            }
            Ok(Jsonb::Array(items))
        }
        scalar => Ok(scalar),
    }
}

/// `jsonb::type`: numbers to numeric types (integers rounded half away from zero, as
/// Postgres' numeric casts round), booleans to boolean; anything else is an error (22023).
fn cast(value: Jsonb, to: CastTo) -> Result<Value> {
    let refuse = |value: &Jsonb| {
        let message = format!("cannot cast jsonb {} to type {}", value.type_name(), to.pg_name());
        Err(error(ErrorKind::InvalidParameterValue, message))
    };
    match (&value, to) {
        (Jsonb::Bool(b), CastTo::Bool) => Ok(Value::Bool(*b)),
        (Jsonb::Number(n), CastTo::Numeric) => Ok(Value::Text(n.clone())),
        (Jsonb::Number(n), CastTo::Float4 | CastTo::Float8) => match n.parse::<f64>() {
            Ok(v) if v.is_finite() && (to == CastTo::Float8 || (v as f32).is_finite()) => Ok(Value::Float(v)),
            _ => Err(error(ErrorKind::NumericOutOfRange, format!("value out of range: overflow ({n})"))),
        },
        (Jsonb::Number(n), CastTo::Int2 | CastTo::Int4 | CastTo::Int8) => {
            let (min, max, name) = match to {
                CastTo::Int2 => (i16::MIN as i128, i16::MAX as i128, "smallint"),
                CastTo::Int4 => (i32::MIN as i128, i32::MAX as i128, "integer"),
                _ => (i64::MIN as i128, i64::MAX as i128, "bigint"),
            };
            match round_half_away(n).filter(|v| (min..=max).contains(v)) {
                Some(v) => Ok(Value::Int(v as i64)),
                None => Err(error(ErrorKind::NumericOutOfRange, format!("{name} out of range"))),
            }
        }
        _ => refuse(&value),
    }
}

/// A numeric text rounded to an integer, half away from zero; `None` beyond 38 digits.
fn round_half_away(text: &str) -> Option<i128> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let whole = whole.trim_start_matches('0');
    if whole.len() > 38 {
        return None;
    }
    let mut value: i128 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    if fraction.as_bytes().first().is_some_and(|d| *d >= b'5') {
        value = value.checked_add(1)?;
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Jsonb {
        Jsonb::parse(text).unwrap()
    }

    #[test]
    fn concatenation_follows_postgres() {
        assert_eq!(concat(parse(r#"{"a":1}"#), parse(r#"{"b":2}"#)).to_text(), r#"{"a": 1, "b": 2}"#);
        assert_eq!(concat(parse(r#"{"a":1}"#), parse(r#"{"a":3}"#)).to_text(), r#"{"a": 3}"#);
        assert_eq!(concat(parse("[1]"), parse("[2, 3]")).to_text(), "[1, 2, 3]");
        assert_eq!(concat(parse("[1]"), parse(r#"{"a":1}"#)).to_text(), r#"[1, {"a": 1}]"#);
        assert_eq!(concat(parse("1"), parse("2")).to_text(), "[1, 2]");
    }

    #[test]
    fn set_returning_functions_give_each_values_rows_as_a_list() {
        let values: ArrayRef = Arc::new(StringArray::from(vec![
            Some(r#"{"bb": [1], "a": null, "c": "x"}"#),
            None,
            Some(r#"[1, "two", null, {"k": true}]"#),
        ]));
        let rows = |rows_of: RowsOf, row: usize| -> Option<Vec<Option<String>>> {
            let array = rows_lists(&values.slice(row, 1), rows_of).unwrap_or_else(|e| panic!("{e}"));
            let lists = array.as_list::<i32>();
            (!lists.is_null(0)).then(|| {
                let items = lists.value(0);
                items.as_string::<i32>().iter().map(|t| t.map(str::to_string)).collect()
            })
        };
        let texts = |items: &[Option<&str>]| Some(items.iter().map(|t| t.map(str::to_string)).collect::<Vec<_>>());
        // Keys in jsonb's order (shorter keys first); JSON null is SQL NULL only as text.
        assert_eq!(rows(RowsOf::ObjectKeys, 0), texts(&[Some("a"), Some("c"), Some("bb")]));
        assert_eq!(rows(RowsOf::EachValues { text: false }, 0), texts(&[Some("null"), Some(r#""x""#), Some("[1]")]));
        assert_eq!(rows(RowsOf::EachValues { text: true }, 0), texts(&[None, Some("x"), Some("[1]")]));
        assert_eq!(
            rows(RowsOf::Elements { text: true }, 2),
            texts(&[Some("1"), Some("two"), None, Some(r#"{"k": true}"#)])
        );
        assert_eq!(rows(RowsOf::Elements { text: false }, 2).map(|r| r.len()), Some(4));
        // A NULL value has no rows.
        assert_eq!(rows(RowsOf::EachKeys { text: false }, 1), None);
        let failed = |rows_of: RowsOf, text: &str| {
            let value: ArrayRef = Arc::new(StringArray::from(vec![text]));
            rows_lists(&value, rows_of).map(|_| ()).unwrap_err().to_string()
        };
        assert!(failed(RowsOf::Elements { text: false }, "{}").contains("cannot extract elements from an object"));
        assert!(failed(RowsOf::Elements { text: true }, "3").contains("cannot extract elements from a scalar"));
        assert!(failed(RowsOf::ObjectKeys, "[]").contains("cannot call jsonb_object_keys on an array"));
        assert!(failed(RowsOf::ObjectKeys, "null").contains("cannot call jsonb_object_keys on a scalar"));
        assert!(
            failed(RowsOf::EachValues { text: true }, "[]").contains("cannot call jsonb_each_text on a non-object")
        );
    }

    #[test]
    fn deletion_follows_postgres() {
        let deleted = |v: Result<Jsonb>| v.map(|v| v.to_text()).unwrap_or_else(|e| e.to_string());
        assert_eq!(deleted(delete_key(parse(r#"{"a":1,"b":2}"#), "a")), r#"{"b": 2}"#);
        assert_eq!(deleted(delete_key(parse(r#"["a","b","a"]"#), "a")), r#"["b"]"#);
        assert_eq!(deleted(delete_index(parse("[1,2,3]"), 0)), "[2, 3]");
        assert_eq!(deleted(delete_index(parse("[1,2,3]"), -1)), "[1, 2]");
        assert_eq!(deleted(delete_index(parse("[1,2,3]"), 5)), "[1, 2, 3]");
        assert_eq!(deleted(delete_path(parse(r#"{"a":{"b":1,"c":2}}"#), &["a", "b"])), r#"{"a": {"c": 2}}"#);
        assert_eq!(deleted(delete_path(parse(r#"{"a":[1,{"b":1}]}"#), &["a", "1", "b"])), r#"{"a": [1, {}]}"#);
        assert!(delete_key(parse("1"), "a").is_err());
    }

    #[test]
    fn set_follows_postgres() {
        let set = |target: &str, steps: &[&str], new: &str, create: bool| {
            set_path(parse(target), steps, parse(new), create).map(|v| v.to_text()).unwrap_or_else(|e| e.to_string())
        };
        assert_eq!(set(r#"{"a":1}"#, &["b"], "2", true), r#"{"a": 1, "b": 2}"#);
        assert_eq!(set(r#"{"a":1}"#, &["b"], "2", false), r#"{"a": 1}"#);
        assert_eq!(set(r#"{"a":{"b":1}}"#, &["a", "b"], r#""x""#, true), r#"{"a": {"b": "x"}}"#);
        assert_eq!(set("[1,2,3]", &["1"], "20", true), "[1, 20, 3]");
        assert_eq!(set("[1,2,3]", &["9"], "4", true), "[1, 2, 3, 4]");
        assert_eq!(set("[1,2,3]", &["-9"], "0", true), "[0, 1, 2, 3]");
        assert_eq!(set(r#"{"a":1}"#, &["x", "y"], "2", true), r#"{"a": 1}"#);
        assert!(set("[1]", &["x"], "2", true).contains("not an integer"));
        assert!(set("1", &["x"], "2", true).contains("scalar"));
    }

    #[test]
    fn casts_round_as_postgres() {
        assert_eq!(round_half_away("12.5"), Some(13));
        assert_eq!(round_half_away("-12.5"), Some(-13));
        assert_eq!(round_half_away("12.49"), Some(12));
        assert_eq!(round_half_away("0.5"), Some(1));
        assert!(matches!(cast(parse("7"), CastTo::Int4), Ok(Value::Int(7))));
        assert!(matches!(cast(parse("true"), CastTo::Bool), Ok(Value::Bool(true))));
        assert!(cast(parse(r#""7""#), CastTo::Int4).is_err());
        assert!(cast(parse("3000000000"), CastTo::Int4).is_err());
        assert_eq!(iso_offset("2024-01-01T00:00:00+00"), "2024-01-01T00:00:00+00:00");
        assert_eq!(iso_offset("2024-01-01T00:00:00+05:30"), "2024-01-01T00:00:00+05:30");
    }
}
