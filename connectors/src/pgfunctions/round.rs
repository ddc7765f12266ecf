//! `pg_round` and `pg_trunc`: Postgres' `round` and `trunc` on the embedded engine.
//!
//! - `round(numeric)` and `round(numeric, n)` round half away from zero; the result's scale is
//!   `max(n, 0)` (`round(1.5, 3)` is `1.500`, `round(1234.5, -2)` is `1200`). Integers are
//!   numerics here (Postgres casts them to `numeric` for the two-argument form).
//! - `round(double precision)` rounds half to even (`rint`); `real` and integers are widened to
//!   `double precision` first, as Postgres resolves `round(integer)`.
//! - `round(double precision, n)` does not exist in Postgres, nor here.
//! - `trunc` has the same types and drops the digits instead (toward zero).
//!
//! DataFusion's `round` returns floats for decimals and rounds floats half away from zero, so it
//! differs in both type and value. `n` must be a constant (the rewrite passes a plain number).

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Decimal128Array};
use datafusion::arrow::datatypes::{DataType, Decimal128Type, FieldRef, Float64Type};
use datafusion::arrow::error::ArrowError;
use datafusion::common::{Result, ScalarValue, exec_err};
use datafusion::logical_expr::{ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs, ScalarUDFImpl, Signature};

use super::result_field;

/// Most digits a Decimal128 holds.
const MAX_PRECISION: u8 = 38;

#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct PgRound {
    pub(super) signature: Signature,
    /// `trunc` (toward zero) rather than `round`.
    pub(super) truncate: bool,
}

/// The numeric type integers of `data_type` are rounded as.
fn integer_as_numeric(data_type: &DataType) -> Option<DataType> {
    Some(match data_type {
        DataType::Int8 | DataType::Int16 | DataType::UInt8 => DataType::Decimal128(5, 0),
        DataType::Int32 | DataType::UInt16 => DataType::Decimal128(10, 0),
        DataType::Int64 | DataType::UInt32 => DataType::Decimal128(19, 0),
        DataType::UInt64 => DataType::Decimal128(20, 0),
        _ => return None,
    })
}

/// The places `round(x, n)` keeps: `n` from the constant second argument, 0 without one.
fn places(scalar_arguments: &[Option<&ScalarValue>], arity: usize) -> Result<i64> {
    if arity == 1 {
        return Ok(0);
    }
    match scalar_arguments.get(1).copied().flatten() {
        Some(value) => match value.cast_to(&DataType::Int64)? {
            ScalarValue::Int64(Some(n)) => Ok(n),
            _ => exec_err!("round: the number of places must not be NULL on the embedded engine"),
        },
        None => exec_err!("round: the number of places must be a constant on the embedded engine"),
    }
}

/// The decimal type of `round(Decimal128(precision, scale), places)`.
fn rounded_type(precision: u8, scale: i8, places: i64) -> DataType {
    let integer_digits = i64::from(precision) - i64::from(scale) + 1;
    let scale = places.clamp(0, i64::from(MAX_PRECISION));
    let precision = (integer_digits + scale).clamp(1, i64::from(MAX_PRECISION));
    DataType::Decimal128(precision as u8, scale as i8)
}

impl ScalarUDFImpl for PgRound {
    fn name(&self) -> &str {
        if self.truncate { "pg_trunc" } else { "pg_round" }
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        match arg_types {
            [value] => Ok(vec![match value {
                DataType::Decimal128(..) => value.clone(),
                DataType::Float32 | DataType::Float64 | DataType::Null => DataType::Float64,
                other if other.is_integer() => DataType::Float64,
                other => return exec_err!("function round({other}) does not exist"),
            }]),
            [value, places] if places.is_integer() || places == &DataType::Null => Ok(vec![
                match value {
                    DataType::Decimal128(..) => value.clone(),
                    DataType::Null => DataType::Decimal128(MAX_PRECISION, 0),
                    other => match integer_as_numeric(other) {
                        Some(numeric) => numeric,
                        None => return exec_err!("function round({other}, integer) does not exist"),
                    },
                },
                DataType::Int64,
            ]),
            _ => exec_err!("function round takes a number and optionally an integer number of places"),
        }
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        exec_err!("pg_round's type depends on its arguments")
    }

    fn return_field_from_args(&self, args: ReturnFieldArgs) -> Result<FieldRef> {
        let data_type = match args.arg_fields.first().map(|f| f.data_type()) {
            Some(DataType::Decimal128(precision, scale)) => {
                rounded_type(*precision, *scale, places(args.scalar_arguments, args.arg_fields.len())?)
            }
            Some(DataType::Float64) => DataType::Float64,
            other => return exec_err!("pg_round of {other:?}"),
        };
        Ok(result_field(self.name(), data_type))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        let value = args.args.first().map(|v| v.to_array(rows)).transpose()?;
        let Some(value) = value else { return exec_err!("round takes an argument") };
        let out: ArrayRef = match (value.data_type(), args.return_field.data_type()) {
            (DataType::Float64, _) => {
                let values = value.as_primitive::<Float64Type>();
                let function = if self.truncate { f64::trunc } else { f64::round_ties_even };
                Arc::new(values.unary::<_, Float64Type>(function))
            }
            (DataType::Decimal128(_, scale), DataType::Decimal128(precision, to_scale)) => {
                let places = match args.args.get(1) {
                    Some(ColumnarValue::Scalar(n)) => match n.cast_to(&DataType::Int64)? {
                        ScalarValue::Int64(Some(n)) => n,
                        _ => return Ok(ColumnarValue::Scalar(ScalarValue::Decimal128(None, *precision, *to_scale))),
                    },
                    Some(_) => return exec_err!("round: the number of places must be a constant"),
                    None => 0,
                };
                let decimals = value.as_primitive::<Decimal128Type>();
                let rounded = decimals
                    .iter()
                    .map(|v| v.map(|v| round_decimal(v, *scale, places, *to_scale, self.truncate)).transpose())
                    .collect::<Result<Decimal128Array>>()?;
                Arc::new(rounded.with_precision_and_scale(*precision, *to_scale)?)
            }
            (from, to) => return exec_err!("pg_round from {from} to {to}"),
        };
        Ok(ColumnarValue::Array(out))
    }
}

/// Postgres' `round(numeric, places)` of a numeric written as text (`-12.3450`), half away from
/// zero: the unscaled value at scale `max(places, 0)`. For the Snowflake connector, which
/// rounds the quotients it computes.
pub fn round_numeric_text(text: &str, places: i64) -> Result<i128> {
    let overflow =
        || datafusion::error::DataFusionError::from(ArrowError::ArithmeticOverflow("numeric field overflow".into()));
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let value: i128 = format!("{whole}{fraction}").parse().map_err(|_| overflow())?;
    let scale = i8::try_from(fraction.len()).map_err(|_| overflow())?;
    let to_scale = i8::try_from(places.max(0)).map_err(|_| overflow())?;
    round_decimal(value, scale, places, to_scale, false)
}

/// `value × 10^-scale` rounded half away from zero (or truncated toward zero) to `places`
/// decimal places, as an unscaled integer of scale `to_scale` (= `max(places, 0)`).
pub(super) fn round_decimal(value: i128, scale: i8, places: i64, to_scale: i8, truncate: bool) -> Result<i128> {
    let overflow =
        || datafusion::error::DataFusionError::from(ArrowError::ArithmeticOverflow("numeric field overflow".into()));
    let drop = i64::from(scale) - places;
    let rounded = if drop <= 0 {
        value
    } else if drop > i64::from(MAX_PRECISION) {
        0
    } else {
        let divisor = 10i128.pow(drop as u32);
        let (quotient, remainder) = (value / divisor, value % divisor);
        let away = !truncate && remainder.unsigned_abs() * 2 >= divisor.unsigned_abs();
        if away { quotient + value.signum() } else { quotient }
    };
    // `rounded` has scale `min(scale, places)`; bring it to `to_scale`.
    let have = i64::from(scale).min(places);
    let shift = i64::from(to_scale) - have;
    if shift <= 0 {
        return Ok(rounded);
    }
    let factor = 10i128.checked_pow(u32::try_from(shift).map_err(|_| overflow())?).ok_or_else(overflow)?;
    rounded.checked_mul(factor).ok_or_else(overflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero_at_any_place() {
        // 12.345 (scale 3)
        assert_eq!(round_decimal(12345, 3, 2, 2, false).unwrap(), 1235);
        assert_eq!(round_decimal(-12345, 3, 2, 2, false).unwrap(), -1235);
        assert_eq!(round_decimal(12344, 3, 2, 2, false).unwrap(), 1234);
        // round(1.5, 3) = 1.500; round(2.5) = 3; round(1234.5, -2) = 1200; round(0.5, -3) = 0
        assert_eq!(round_decimal(15, 1, 3, 3, false).unwrap(), 1500);
        assert_eq!(round_decimal(25, 1, 0, 0, false).unwrap(), 3);
        assert_eq!(round_decimal(12345, 1, -2, 0, false).unwrap(), 1200);
        assert_eq!(round_decimal(5, 1, -3, 0, false).unwrap(), 0);
        assert_eq!(round_decimal(-15, 1, 0, 0, false).unwrap(), -2);
    }

    #[test]
    fn rounds_numeric_text() {
        assert_eq!(round_numeric_text("8.6750000000000000", 2).unwrap(), 868);
        assert_eq!(round_numeric_text("-0.5", 0).unwrap(), -1);
        assert_eq!(round_numeric_text("1234.5", -2).unwrap(), 1200);
        assert_eq!(round_numeric_text("7", 3).unwrap(), 7000);
    }

    #[test]
    fn truncates_toward_zero_at_any_place() {
        // trunc(2.789, 1) = 2.7; trunc(-2.7) = -2; trunc(1299.9, -2) = 1200; trunc(1.5, 3) = 1.500
        assert_eq!(round_decimal(2789, 3, 1, 1, true).unwrap(), 27);
        assert_eq!(round_decimal(-27, 1, 0, 0, true).unwrap(), -2);
        assert_eq!(round_decimal(12999, 1, -2, 0, true).unwrap(), 1200);
        assert_eq!(round_decimal(15, 1, 3, 3, true).unwrap(), 1500);
    }

    #[test]
    fn result_types_follow_places() {
        assert_eq!(rounded_type(15, 2, 1), DataType::Decimal128(15, 1));
        assert_eq!(rounded_type(15, 2, -2), DataType::Decimal128(14, 0));
        assert_eq!(rounded_type(38, 10, 20), DataType::Decimal128(38, 20));
    }
}
