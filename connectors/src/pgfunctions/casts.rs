//! `pg_int2`, `pg_int4`, `pg_int8`: Postgres' casts to integers on the embedded engine.
//! DataFusion truncates fractions and reads text its own way; Postgres rounds floats half to
//! even (`rint`), numerics half away from zero, reads text as optional blanks, a sign and
//! decimal digits, and fails with 22003 when the value does not fit and 22P02 on bad text.
//! `boolean` casts to `integer` only (1/0), as in Postgres.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Int16Array, Int32Array, Int64Array};
use datafusion::arrow::datatypes::{DataType, Decimal128Type, FieldRef, Float64Type, Int64Type};
use datafusion::arrow::error::ArrowError;
use datafusion::common::{DataFusionError, Result, exec_err};
use datafusion::logical_expr::{ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs, ScalarUDFImpl, Signature};

use super::result_field;

/// A cast's argument types, unchanged: the value is converted by the function itself, by its type.
fn one_value(arg_types: &[DataType]) -> Result<Vec<DataType>> {
    match arg_types {
        [_] => Ok(arg_types.to_vec()),
        _ => exec_err!("a cast takes one value"),
    }
}

/// A cast to one integer width.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct PgToInteger {
    pub(super) signature: Signature,
    /// Bytes of the target: 2, 4 or 8.
    pub(super) width: u8,
}

impl PgToInteger {
    fn target(&self) -> DataType {
        match self.width {
            2 => DataType::Int16,
            4 => DataType::Int32,
            _ => DataType::Int64,
        }
    }

    /// The Postgres type name, as its error messages spell it.
    fn pg_name(&self) -> &'static str {
        match self.width {
            2 => "smallint",
            4 => "integer",
            _ => "bigint",
        }
    }

    fn range(&self) -> (i128, i128) {
        match self.width {
            2 => (i16::MIN.into(), i16::MAX.into()),
            4 => (i32::MIN.into(), i32::MAX.into()),
            _ => (i64::MIN.into(), i64::MAX.into()),
        }
    }

    fn accepts(&self, data_type: &DataType) -> bool {
        matches!(
            data_type,
            DataType::Null
                | DataType::Float16
                | DataType::Float32
                | DataType::Float64
                | DataType::Decimal128(..)
                | DataType::Utf8
                | DataType::LargeUtf8
                | DataType::Utf8View
        ) || data_type.is_integer()
            || (data_type == &DataType::Boolean && self.width == 4)
    }

    fn out_of_range(&self) -> DataFusionError {
        ArrowError::ArithmeticOverflow(format!("{} out of range", self.pg_name())).into()
    }

    fn fit(&self, value: i128) -> Result<i64> {
        let (min, max) = self.range();
        if value < min || value > max {
            return Err(self.out_of_range());
        }
        Ok(value as i64)
    }

    fn parse_text(&self, text: &str) -> Result<i64> {
        let invalid = || -> DataFusionError {
            ArrowError::CastError(format!("invalid input syntax for type {}: \"{text}\"", self.pg_name())).into()
        };
        let trimmed = text.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
        let (negative, digits) = match trimmed.as_bytes().first() {
            Some(b'-') => (true, &trimmed[1..]),
            Some(b'+') => (false, &trimmed[1..]),
            _ => (false, trimmed),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        // More digits than any i64 has: out of range (Postgres checks syntax first, then range).
        let magnitude: i128 = if digits.trim_start_matches('0').len() > 20 {
            return Err(self.out_of_range());
        } else {
            digits.parse().map_err(|_| invalid())?
        };
        self.fit(if negative { -magnitude } else { magnitude })
    }
}

impl ScalarUDFImpl for PgToInteger {
    fn name(&self) -> &str {
        match self.width {
            2 => "pg_int2",
            4 => "pg_int4",
            _ => "pg_int8",
        }
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        one_value(arg_types)
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(self.target())
    }

    fn return_field_from_args(&self, args: ReturnFieldArgs) -> Result<FieldRef> {
        let from = args.arg_fields.first().map(|f| f.data_type().clone()).unwrap_or(DataType::Null);
        // A `jsonb` value is text here; Postgres converts only its numbers (`pg_jsonb_int4`).
        let jsonb = args.arg_fields.first().is_some_and(|f| super::json::is_jsonb(f));
        if !self.accepts(&from) || jsonb {
            return Err(DataFusionError::NotImplemented(format!(
                "casting {from} to {} is not supported on the embedded engine",
                self.pg_name()
            )));
        }
        Ok(result_field(self.name(), self.target()))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        let Some(value) = args.args.first() else { return exec_err!("a cast takes one value") };
        let value = value.to_array(rows)?;
        let cast = |to: &DataType| datafusion::arrow::compute::cast(&value, to);
        let values: Vec<Option<i64>> = match value.data_type() {
            DataType::Null => vec![None; rows],
            DataType::Float16 | DataType::Float32 | DataType::Float64 => {
                let floats = cast(&DataType::Float64)?;
                let floats = floats.as_primitive::<Float64Type>();
                let mut out = Vec::with_capacity(rows);
                for v in floats.iter() {
                    out.push(match v {
                        Some(v) if v.is_finite() => Some(self.fit(v.round_ties_even() as i128)?),
                        Some(_) => return Err(self.out_of_range()),
                        None => None,
                    });
                }
                out
            }
            DataType::Decimal128(_, scale) => {
                let decimals = value.as_primitive::<Decimal128Type>();
                let mut out = Vec::with_capacity(rows);
                for v in decimals.iter() {
                    out.push(
                        v.map(|v| super::round::round_decimal(v, *scale, 0, 0, false).and_then(|v| self.fit(v)))
                            .transpose()?,
                    );
                }
                out
            }
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
                let texts = cast(&DataType::Utf8)?;
                let mut out = Vec::with_capacity(rows);
                for v in texts.as_string::<i32>().iter() {
                    out.push(v.map(|v| self.parse_text(v)).transpose()?);
                }
                out
            }
            DataType::Boolean => value.as_boolean().iter().map(|v| v.map(i64::from)).collect(),
            _ => {
                let wide = cast(&DataType::Int64).map_err(|_| self.out_of_range())?;
                let mut out = Vec::with_capacity(rows);
                for v in wide.as_primitive::<Int64Type>().iter() {
                    out.push(v.map(|v| self.fit(i128::from(v))).transpose()?);
                }
                // UInt64 beyond i64 does not cast to Int64 at all (handled above as overflow).
                out
            }
        };
        let out: ArrayRef = match self.width {
            2 => Arc::new(values.iter().map(|v| v.map(|v| v as i16)).collect::<Int16Array>()),
            4 => Arc::new(values.iter().map(|v| v.map(|v| v as i32)).collect::<Int32Array>()),
            _ => Arc::new(values.into_iter().collect::<Int64Array>()),
        };
        Ok(ColumnarValue::Array(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::logical_expr::Volatility;

    fn int4() -> PgToInteger {
        PgToInteger { signature: Signature::user_defined(Volatility::Immutable), width: 4 }
    }

    #[test]
    fn text_reads_like_int4in() {
        assert_eq!(int4().parse_text("  -42\n").unwrap(), -42);
        assert_eq!(int4().parse_text("+7").unwrap(), 7);
        assert!(int4().parse_text("4.5").is_err());
        assert!(int4().parse_text("").is_err());
        assert!(int4().parse_text("2147483648").unwrap_err().to_string().contains("integer out of range"));
        assert!(int4().parse_text("99999999999999999999999999").unwrap_err().to_string().contains("out of range"));
    }
}

/// `pg_numeric`: `x::numeric` (no precision or scale). Postgres numerics keep each value's own
/// scale; Arrow decimals have one per column. Integers (scale 0) and decimals (their own scale)
/// convert exactly; floats and text, whose numeric scale depends on each value, are refused.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct PgToNumeric {
    pub(super) signature: Signature,
}

/// The decimal type values of `data_type` become, when that is exact for every value.
fn exact_numeric(data_type: &DataType) -> Option<DataType> {
    Some(match data_type {
        // Postgres numerics have no precision limit: the widest decimal, so that arithmetic on
        // the value (a factorial in a recursive CTE) does not overflow a narrow one.
        t if t.is_integer() => DataType::Decimal128(38, 0),
        DataType::Decimal128(..) => data_type.clone(),
        DataType::Null => DataType::Decimal128(38, 0),
        _ => return None,
    })
}

impl ScalarUDFImpl for PgToNumeric {
    fn name(&self) -> &str {
        "pg_numeric"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        one_value(arg_types)
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        arg_types.first().and_then(exact_numeric).ok_or_else(|| self.refusal(arg_types.first()))
    }

    fn return_field_from_args(&self, args: ReturnFieldArgs) -> Result<FieldRef> {
        let from = args.arg_fields.first().map(|f| f.data_type().clone());
        let to = from.as_ref().and_then(exact_numeric).ok_or_else(|| self.refusal(from.as_ref()))?;
        Ok(result_field(self.name(), to))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let Some(value) = args.args.first() else { return exec_err!("a cast takes one value") };
        let value = value.to_array(args.number_rows)?;
        let options = datafusion::arrow::compute::CastOptions { safe: false, ..Default::default() };
        let out = datafusion::arrow::compute::cast_with_options(&value, args.return_field.data_type(), &options)?;
        Ok(ColumnarValue::Array(out))
    }
}

impl PgToNumeric {
    fn refusal(&self, from: Option<&DataType>) -> DataFusionError {
        DataFusionError::NotImplemented(format!(
            "casting {} to numeric is not supported on the embedded engine (its scale would depend on each value)",
            from.map(|t| t.to_string()).unwrap_or_default()
        ))
    }
}
