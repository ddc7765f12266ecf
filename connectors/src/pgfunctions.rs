//! Functions the embedded engine needs to answer exactly as Postgres does where DataFusion's own
//! differ. Registered in every embedded session; the rewrite maps Postgres names onto them.
//!
//! `pg_avg`: Postgres' `avg`. Over integers and numerics Postgres returns a `numeric` whose scale
//! depends on the values (at least 16 significant digits, `select_div_scale`), rounded half away
//! from zero; DataFusion returns a fixed-scale, truncated decimal (or a float for integers). The
//! exact result is computed here with 256-bit integers and returned as numeric text.

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Float64Array, Int64Array, StringArray};
use datafusion::arrow::datatypes::{
    DataType, Decimal128Type, Decimal256Type, Field, FieldRef, Float32Type, Float64Type, Int8Type, Int16Type,
    Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type, i256,
};
use datafusion::common::{Result, ScalarValue, exec_err};
use datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use datafusion::logical_expr::{Accumulator, AggregateUDF, AggregateUDFImpl, Signature, Volatility};

use crate::pgbinary::numeric_from_text;
use crate::types::PG_TYPE_METADATA;

/// Every function this module provides, ready to register.
pub fn aggregates() -> Vec<AggregateUDF> {
    vec![
        AggregateUDF::from(PgAvg { signature: Signature::any(1, Volatility::Immutable), text: true }),
        AggregateUDF::from(PgAvg { signature: Signature::any(1, Volatility::Immutable), text: false }),
    ]
}

/// The scale of `pg_avg_decimal`, which feeds further arithmetic: at least as many digits as
/// Postgres keeps for averages of magnitude ≥ 1.
pub const AVG_DECIMAL_SCALE: i8 = 16;

/// `pg_avg` returns Postgres' exact text (for result columns); `pg_avg_decimal` the same value
/// as a `numeric(38,16)` for use inside expressions.
#[derive(Debug, PartialEq, Eq, Hash)]
struct PgAvg {
    signature: Signature,
    text: bool,
}

fn exact_input(data_type: &DataType) -> bool {
    matches!(
        data_type,
        DataType::Int8
            | DataType::Int16
            | DataType::Int32
            | DataType::Int64
            | DataType::UInt8
            | DataType::UInt16
            | DataType::UInt32
            | DataType::UInt64
            | DataType::Decimal128(..)
            | DataType::Decimal256(..)
            | DataType::Null
    )
}

impl AggregateUDFImpl for PgAvg {
    fn name(&self) -> &str {
        if self.text { "pg_avg" } else { "pg_avg_decimal" }
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        match arg_types.first() {
            Some(t) if exact_input(t) && self.text => Ok(DataType::Utf8),
            Some(t) if exact_input(t) => Ok(DataType::Decimal128(38, AVG_DECIMAL_SCALE)),
            Some(DataType::Float16 | DataType::Float32 | DataType::Float64) => Ok(DataType::Float64),
            Some(other) => exec_err!("function avg({other}) does not exist"),
            None => exec_err!("avg takes one argument"),
        }
    }

    fn return_field(&self, arg_fields: &[FieldRef]) -> Result<FieldRef> {
        let types: Vec<DataType> = arg_fields.iter().map(|f| f.data_type().clone()).collect();
        let data_type = self.return_type(&types)?;
        let field = Field::new(self.name(), data_type.clone(), true);
        let field = if data_type == DataType::Utf8 {
            field.with_metadata(HashMap::from([(PG_TYPE_METADATA.to_string(), "numeric".to_string())]))
        } else {
            field
        };
        Ok(Arc::new(field))
    }

    fn accumulator(&self, args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        let input = args.expr_fields.first().map(|f| f.data_type().clone()).unwrap_or(DataType::Null);
        if exact_input(&input) {
            let scale = match input {
                DataType::Decimal128(_, s) | DataType::Decimal256(_, s) => s,
                _ => 0,
            };
            Ok(Box::new(ExactAvg { sum: i256::ZERO, scale, count: 0, text: self.text }))
        } else {
            Ok(Box::new(FloatAvg { sum: 0.0, count: 0 }))
        }
    }

    fn state_fields(&self, args: StateFieldsArgs) -> Result<Vec<FieldRef>> {
        let sum_type = if args.return_type() == &DataType::Float64 { DataType::Float64 } else { DataType::Utf8 };
        Ok(vec![
            Arc::new(Field::new(format!("{}[sum]", args.name), sum_type, true)),
            Arc::new(Field::new(format!("{}[count]", args.name), DataType::Int64, true)),
        ])
    }
}

/// Exact sum (as an unscaled 256-bit integer) and count.
#[derive(Debug)]
struct ExactAvg {
    sum: i256,
    scale: i8,
    count: i64,
    /// Text result (`pg_avg`) or `numeric(38,16)` (`pg_avg_decimal`).
    text: bool,
}

macro_rules! add_ints {
    ($self:expr, $array:expr, $ty:ty, $sign:expr) => {{
        for v in $array.as_primitive::<$ty>().iter().flatten() {
            $self.sum = $self.sum.wrapping_add(i256::from_i128(i128::from(v)) * i256::from_i128($sign));
            $self.count += $sign as i64;
        }
    }};
}

impl ExactAvg {
    fn add(&mut self, array: &ArrayRef, sign: i128) -> Result<()> {
        match array.data_type() {
            DataType::Int8 => add_ints!(self, array, Int8Type, sign),
            DataType::Int16 => add_ints!(self, array, Int16Type, sign),
            DataType::Int32 => add_ints!(self, array, Int32Type, sign),
            DataType::Int64 => add_ints!(self, array, Int64Type, sign),
            DataType::UInt8 => add_ints!(self, array, UInt8Type, sign),
            DataType::UInt16 => add_ints!(self, array, UInt16Type, sign),
            DataType::UInt32 => add_ints!(self, array, UInt32Type, sign),
            DataType::UInt64 => add_ints!(self, array, UInt64Type, sign),
            DataType::Decimal128(..) => {
                for v in array.as_primitive::<Decimal128Type>().iter().flatten() {
                    self.sum = self.sum.wrapping_add(i256::from_i128(v) * i256::from_i128(sign));
                    self.count += sign as i64;
                }
            }
            DataType::Decimal256(..) => {
                for v in array.as_primitive::<Decimal256Type>().iter().flatten() {
                    self.sum = self.sum.wrapping_add(v * i256::from_i128(sign));
                    self.count += sign as i64;
                }
            }
            DataType::Null => {}
            other => return exec_err!("avg over {other} is not supported"),
        }
        Ok(())
    }
}

impl Accumulator for ExactAvg {
    fn update_batch(&mut self, values: &[ArrayRef]) -> Result<()> {
        self.add(&values[0], 1)
    }

    fn retract_batch(&mut self, values: &[ArrayRef]) -> Result<()> {
        self.add(&values[0], -1)
    }

    fn supports_retract_batch(&self) -> bool {
        true
    }

    fn evaluate(&mut self) -> Result<ScalarValue> {
        if !self.text {
            let value = match self.count {
                0 => None,
                _ => Some(rescale(&numeric_divide(self.sum, self.scale, self.count)?, AVG_DECIMAL_SCALE)?),
            };
            return Ok(ScalarValue::Decimal128(value, 38, AVG_DECIMAL_SCALE));
        }
        if self.count == 0 {
            return Ok(ScalarValue::Utf8(None));
        }
        Ok(ScalarValue::Utf8(Some(numeric_divide(self.sum, self.scale, self.count)?)))
    }

    fn size(&self) -> usize {
        std::mem::size_of_val(self)
    }

    fn state(&mut self) -> Result<Vec<ScalarValue>> {
        Ok(vec![
            ScalarValue::Utf8(Some(scaled_text(self.sum, self.scale.max(0) as usize))),
            ScalarValue::Int64(Some(self.count)),
        ])
    }

    fn merge_batch(&mut self, states: &[ArrayRef]) -> Result<()> {
        let sums = states[0].as_any().downcast_ref::<StringArray>();
        let counts = states[1].as_any().downcast_ref::<Int64Array>();
        let (Some(sums), Some(counts)) = (sums, counts) else { return exec_err!("pg_avg: bad state") };
        for i in 0..sums.len() {
            if sums.is_null(i) {
                continue;
            }
            let digits: String = sums.value(i).chars().filter(|c| *c != '.').collect();
            let Ok(value) = i256::from_string(&digits).ok_or(()) else { return exec_err!("pg_avg: bad state") };
            self.sum = self.sum.wrapping_add(value);
            self.count += counts.value(i);
        }
        Ok(())
    }
}

/// A decimal text as an unscaled integer at `scale` digits, rounded half away from zero.
fn rescale(text: &str, scale: i8) -> Result<i128> {
    let scale = scale.max(0) as usize;
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let kept: String = frac.chars().chain(std::iter::repeat('0')).take(scale).collect();
    let Ok(mut value) = format!("{int}{kept}").parse::<i128>() else {
        return exec_err!("avg result {text} does not fit numeric(38,{scale})");
    };
    if frac.chars().nth(scale).is_some_and(|c| c >= '5') {
        value += 1;
    }
    Ok(if negative { -value } else { value })
}

/// `value × 10^-scale` as decimal text with exactly `scale` fraction digits.
fn scaled_text(value: i256, scale: usize) -> String {
    let negative = value < i256::ZERO;
    let digits = value.wrapping_abs().to_string();
    let digits = format!("{digits:0>width$}", width = scale + 1);
    let (int, frac) = digits.split_at(digits.len() - scale);
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(int);
    if scale > 0 {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Base-10000 weight and first non-zero digit of a decimal, as Postgres' `select_div_scale` sees it.
fn weight_and_first_digit(text: &str) -> (i32, u16) {
    let Some(bytes) = numeric_from_text(text) else { return (0, 0) };
    let word = |i: usize| u16::from_be_bytes([bytes[i * 2], bytes[i * 2 + 1]]);
    if word(0) == 0 {
        return (0, 0);
    }
    (i32::from(word(1) as i16), word(4))
}

/// `sum × 10^-scale / count` with Postgres' numeric division scale, rounded half away from zero.
fn numeric_divide(sum: i256, scale: i8, count: i64) -> Result<String> {
    const NUMERIC_MIN_SIG_DIGITS: i32 = 16;
    let scale = scale.max(0) as i32;
    let (weight1, first1) = weight_and_first_digit(&scaled_text(sum, scale as usize));
    let (weight2, first2) = weight_and_first_digit(&count.to_string());
    let mut qweight = weight1 - weight2;
    if first1 <= first2 {
        qweight -= 1;
    }
    let rscale = (NUMERIC_MIN_SIG_DIGITS - qweight * 4).max(scale).clamp(0, 1000);
    let shift = (rscale - scale) as u32;
    let Some(factor) = i256::from_i128(10).checked_pow(shift) else {
        return exec_err!("avg result needs {rscale} digits, more than packwire computes");
    };
    let negative = sum < i256::ZERO;
    let Some(numerator) = sum.wrapping_abs().checked_mul(factor) else {
        return exec_err!("avg result needs {rscale} digits, more than packwire computes");
    };
    let divisor = i256::from_i128(i128::from(count));
    let (mut quotient, remainder) = (numerator / divisor, numerator % divisor);
    if remainder * i256::from_i128(2) >= divisor {
        quotient += i256::ONE;
    }
    if negative {
        quotient = -quotient;
    }
    Ok(scaled_text(quotient, rscale as usize))
}

/// Float average (Postgres' avg over float4/float8 is a float8).
#[derive(Debug)]
struct FloatAvg {
    sum: f64,
    count: i64,
}

impl FloatAvg {
    fn add(&mut self, array: &ArrayRef, sign: f64) -> Result<()> {
        let values: Vec<f64> = match array.data_type() {
            DataType::Float32 => array.as_primitive::<Float32Type>().iter().flatten().map(f64::from).collect(),
            DataType::Float64 => array.as_primitive::<Float64Type>().iter().flatten().collect(),
            other => return exec_err!("avg over {other} is not supported"),
        };
        for v in values {
            self.sum += sign * v;
            self.count += sign as i64;
        }
        Ok(())
    }
}

impl Accumulator for FloatAvg {
    fn update_batch(&mut self, values: &[ArrayRef]) -> Result<()> {
        self.add(&values[0], 1.0)
    }

    fn retract_batch(&mut self, values: &[ArrayRef]) -> Result<()> {
        self.add(&values[0], -1.0)
    }

    fn supports_retract_batch(&self) -> bool {
        true
    }

    fn evaluate(&mut self) -> Result<ScalarValue> {
        Ok(ScalarValue::Float64((self.count > 0).then(|| self.sum / self.count as f64)))
    }

    fn size(&self) -> usize {
        std::mem::size_of_val(self)
    }

    fn state(&mut self) -> Result<Vec<ScalarValue>> {
        Ok(vec![ScalarValue::Float64(Some(self.sum)), ScalarValue::Int64(Some(self.count))])
    }

    fn merge_batch(&mut self, states: &[ArrayRef]) -> Result<()> {
        let sums = states[0].as_any().downcast_ref::<Float64Array>();
        let counts = states[1].as_any().downcast_ref::<Int64Array>();
        let (Some(sums), Some(counts)) = (sums, counts) else { return exec_err!("pg_avg: bad state") };
        for i in 0..sums.len() {
            if !sums.is_null(i) {
                self.sum += sums.value(i);
                self.count += counts.value(i);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn avg(values: &[i128], scale: i8) -> String {
        let sum = values.iter().fold(i256::ZERO, |a, v| a + i256::from_i128(*v));
        numeric_divide(sum, scale, values.len() as i64).unwrap()
    }

    #[test]
    fn matches_postgres_avg() {
        // select avg(x) from (values (1),(2)) t(x);  → 1.5000000000000000
        assert_eq!(avg(&[1, 2], 0), "1.5000000000000000");
        // select avg(x) from (values (0),(0)) t(x);  → 0.00000000000000000000
        assert_eq!(avg(&[0, 0], 0), "0.00000000000000000000");
        // select avg(x) from (values (1.00),(2.00),(2.00)) t(x); → 1.6666666666666667
        assert_eq!(avg(&[100, 200, 200], 2), "1.6666666666666667");
        // select avg(x) from (values (-1),(-2)) t(x); → -1.5000000000000000
        assert_eq!(avg(&[-1, -2], 0), "-1.5000000000000000");
        // select avg(x) from (values (123456),(123457)) t(x); → 123456.500000000000
        assert_eq!(avg(&[123_456, 123_457], 0), "123456.500000000000");
    }
}
