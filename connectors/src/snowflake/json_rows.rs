//! Results Snowflake sends as JSON (`queryResultFormat = "json"`: every value a string or
//! null) turned into the Arrow forms Snowflake's Arrow results use, so one decoder
//! (`decode.rs`) serves both. The text forms are the documented ones the official connectors
//! read: numbers as decimal text, `DATE` as days since the epoch, `TIME` and `TIMESTAMP_*` as
//! seconds since midnight/the epoch with a fraction (`TIMESTAMP_TZ` followed by the offset,
//! which does not change the instant), booleans as `1`/`0` (or `true`/`false`), binary as hex.

use std::sync::Arc;

use datafusion::arrow::array::{
    ArrayRef, BinaryArray, BooleanArray, Date32Array, Decimal128Array, Float64Array, Int64Array, StringArray,
};
use datafusion::arrow::datatypes::{Field, Schema};
use datafusion::arrow::record_batch::{RecordBatch, RecordBatchOptions};
use serde_json::Value;

use super::decode::ColumnType;
use crate::error::{ConnectorError, ErrorKind};

/// A JSON rowset (`[[v, …], …]`) as one batch in Snowflake's Arrow forms.
pub fn batch(rowset: &Value, rowtype: &[ColumnType]) -> Result<RecordBatch, ConnectorError> {
    let rows = rowset.as_array().ok_or_else(|| bad("the rowset is not an array"))?;
    let mut columns = Vec::with_capacity(rowtype.len());
    for (index, column) in rowtype.iter().enumerate() {
        let values: Vec<Option<&str>> = rows
            .iter()
            .map(|row| match row.get(index) {
                Some(Value::String(text)) => Ok(Some(text.as_str())),
                Some(Value::Null) => Ok(None),
                _ => Err(bad("a row has a value that is not a string")),
            })
            .collect::<Result<_, _>>()?;
        columns.push(column_array(&values, column)?);
    }
    let fields: Vec<Field> =
        columns.iter().zip(rowtype).map(|(a, c)| Field::new(&c.name, a.data_type().clone(), true)).collect();
    let options = RecordBatchOptions::new().with_row_count(Some(rows.len()));
    Ok(RecordBatch::try_new_with_options(Arc::new(Schema::new(fields)), columns, &options)?)
}

/// A downloaded JSON chunk: the rows without the enclosing brackets (`[…],[…]`).
pub fn chunk(bytes: &[u8], rowtype: &[ColumnType]) -> Result<RecordBatch, ConnectorError> {
    let mut text = Vec::with_capacity(bytes.len() + 2);
    text.push(b'[');
    text.extend_from_slice(bytes);
    text.push(b']');
    let rowset: Value = serde_json::from_slice(&text).map_err(|e| bad(&format!("a JSON result chunk: {e}")))?;
    batch(&rowset, rowtype)
}

fn column_array(values: &[Option<&str>], column: &ColumnType) -> Result<ArrayRef, ConnectorError> {
    let scale = column.scale.unwrap_or(0).clamp(0, 38) as u32;
    let parse = |f: &dyn Fn(&str) -> Option<i128>| -> Result<Vec<Option<i128>>, ConnectorError> {
        values
            .iter()
            .map(|v| v.map(|t| f(t).ok_or_else(|| bad(&format!("`{t}` in column \"{}\"", column.name)))).transpose())
            .collect()
    };
    Ok(match column.kind.to_ascii_lowercase().as_str() {
        "fixed" => {
            Arc::new(Decimal128Array::from(parse(&|t| scaled(t, scale))?).with_precision_and_scale(38, scale as i8)?)
        }
        "real" => {
            let floats: Result<Vec<Option<f64>>, _> = values
                .iter()
                .map(|v| v.map(|t| t.parse::<f64>().map_err(|_| bad(&format!("`{t}` is not a float")))).transpose())
                .collect();
            Arc::new(Float64Array::from(floats?))
        }
        "boolean" => {
            let booleans: Result<Vec<Option<bool>>, _> = values
                .iter()
                .map(|v| {
                    v.map(|t| match t.to_ascii_lowercase().as_str() {
                        "1" | "true" => Ok(true),
                        "0" | "false" => Ok(false),
                        _ => Err(bad(&format!("`{t}` is not a boolean"))),
                    })
                    .transpose()
                })
                .collect();
            Arc::new(BooleanArray::from(booleans?))
        }
        "date" => {
            let days = parse(&|t| t.parse::<i128>().ok())?;
            Arc::new(Date32Array::from(
                days.into_iter().map(|d| d.and_then(|d| i32::try_from(d).ok())).collect::<Vec<_>>(),
            ))
        }
        "time" | "timestamp_ntz" | "timestamp_ltz" | "timestamp_tz" => {
            // Seconds with a fraction, in units of 10^-scale (the offset of a TZ value ignored).
            let units = parse(&|t| scaled(t.split_whitespace().next()?, scale))?;
            Arc::new(Int64Array::from(
                units.into_iter().map(|u| u.and_then(|u| i64::try_from(u).ok())).collect::<Vec<_>>(),
            ))
        }
        "binary" => {
            let bytes: Result<Vec<Option<Vec<u8>>>, _> = values
                .iter()
                .map(|v| v.map(|t| hex(t).ok_or_else(|| bad(&format!("`{t}` is not hex")))).transpose())
                .collect();
            let bytes = bytes?;
            Arc::new(BinaryArray::from(bytes.iter().map(|b| b.as_deref()).collect::<Vec<_>>()))
        }
        _ => Arc::new(StringArray::from(values.to_vec())),
    })
}

/// `-12.5` at scale 3 → `-12500`; `None` when the text is not a decimal or has more fraction
/// digits than the scale (a value Snowflake would not send for the column).
fn scaled(text: &str, scale: u32) -> Option<i128> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction = fraction.trim_end_matches('0');
    if whole.is_empty() && fraction.is_empty()
        || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit())
        || fraction.len() > scale as usize
    {
        return None;
    }
    let mut value: i128 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    value = value.checked_mul(10i128.checked_pow(scale)?)?;
    if !fraction.is_empty() {
        let units: i128 = fraction.parse().ok()?;
        value = value.checked_add(units.checked_mul(10i128.checked_pow(scale - fraction.len() as u32)?)?)?;
    }
    Some(if negative { -value } else { value })
}

fn hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

fn bad(what: &str) -> ConnectorError {
    ConnectorError::new(ErrorKind::Internal, format!("an unexpected Snowflake JSON result: {what}"))
}

#[cfg(test)]
mod tests {
    use datafusion::arrow::array::AsArray;
    use datafusion::arrow::datatypes::{DataType, Decimal128Type, TimeUnit, TimestampMicrosecondType};
    use serde_json::json;

    use super::*;
    use crate::snowflake::decode::decode;
    use crate::types::field;

    fn column(kind: &str, scale: i64) -> ColumnType {
        ColumnType { name: "c".into(), kind: kind.into(), scale: Some(scale), precision: Some(38), nullable: true }
    }

    #[test]
    fn json_values_decode_as_their_arrow_forms_do() {
        let rowtype = [
            column("fixed", 2),
            column("timestamp_tz", 9),
            column("date", 0),
            column("boolean", 0),
            column("binary", 0),
            column("text", 0),
        ];
        let rowset = json!([
            ["-12.50", "1577934245.123456789 1500", "18262", "1", "DEADBEEF", "x"],
            [null, null, null, "0", "", null]
        ]);
        let batch = batch(&rowset, &rowtype).unwrap();
        let numeric =
            decode(batch.column(0), &rowtype[0], &field("c", package::PgType::Numeric(Some((12, 2))), true)).unwrap();
        assert_eq!(numeric.as_primitive::<Decimal128Type>().value_as_string(0), "-12.50");
        assert!(numeric.is_null(1));
        let instant = decode(batch.column(1), &rowtype[1], &field("c", package::PgType::Timestamptz, true)).unwrap();
        assert_eq!(instant.as_primitive::<TimestampMicrosecondType>().value(0), 1_577_934_245_123_457);
        assert_eq!(instant.data_type(), &DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())));
        let date = decode(batch.column(2), &rowtype[2], &field("c", package::PgType::Date, true)).unwrap();
        assert_eq!(date.as_primitive::<datafusion::arrow::datatypes::Date32Type>().value(0), 18262);
        assert!(batch.column(3).as_boolean().value(0) && !batch.column(3).as_boolean().value(1));
        assert_eq!(batch.column(4).as_binary::<i32>().value(0), [0xde, 0xad, 0xbe, 0xef]);
        // Chunks are rows without the outer brackets.
        let chunk = chunk(br#"["1.5","0","0","true","00","a"],["2","0","0","false","","b"]"#, &rowtype).unwrap();
        assert_eq!(chunk.num_rows(), 2);
        assert!(super::batch(&json!([["1.234"]]), &rowtype[..1]).is_err(), "more digits than the scale");
    }
}
