//! Functions the embedded engine needs to answer exactly as Postgres does where DataFusion's own
//! differ. Registered in every embedded session; the rewrite maps Postgres names onto them.
//!
//! `pg_avg`: Postgres' `avg`. Over integers and numerics Postgres returns a `numeric` whose scale
//! depends on the values (at least 16 significant digits, `select_div_scale`), rounded half away
//! from zero; DataFusion returns a fixed-scale, truncated decimal (or a float for integers). The
//! exact result is computed here with 256-bit integers and returned as numeric text.
//!
//! `pg_round`, `pg_trunc` (in `round`): Postgres' `round` and `trunc`. `pg_int2/4/8`,
//! `pg_numeric` (in `casts`): casts to integers and to unconstrained numeric. `pg_bytea`,
//! `pg_uuid` (in `input`): casts of text to `bytea` and `uuid`.
//! `PgDateArithmetic`, `pg_justify_*`, `pg_interval_mul` (in `datetime`): the result types of
//! Postgres' date arithmetic, an interval times a fraction, `justify_hours/days/interval`. `pg_date_trunc` (in `date_trunc`): `date_trunc`
//! in the session's time zone. `pg_text`, `pg_output` (in `text`): casts to text and output-function text with
//! Postgres' forms; `pg_md5`, `pg_octet_length` (in `text`): `md5()`, `octet_length()`. `pg_format` (in `format`): `format()`.
//!
//! `pg_at_time_zone` (in `zone`): `AT TIME ZONE` a named zone. `pg_extract` (in `extract`):
//! `EXTRACT` of `second`, `milliseconds`, `microseconds` and `epoch`. `pg_to_char` (in
//! `to_char`): `to_char` of dates and timestamps. `pg_to_date`, `pg_to_timestamp` (in
//! `to_timestamp`): `to_date` and `to_timestamp` of text in a format.
//! `pg_jsonb*`, `jsonb_*`, `to_jsonb` (in `json`): `jsonb` values, operators and functions.
//! `pg_make_timestamp`, `pg_make_timestamptz`, `pg_make_time`, `pg_make_interval` (in `make`): the
//! `make_*` constructors. `pg_sign`, `pg_integer_div`, `pg_width_bucket`, `pg_gcd`, `pg_lcm`, `pg_factorial` (in `math`):
//! `sign`, `div`, `width_bucket`, `gcd`, `lcm`, `factorial` with Postgres' types.
//! `pg_age` (in `age`): two-argument `age()`. `pg_overlaps` (in `overlaps`): `OVERLAPS`. `pg_eq_any` (in `any`): `= ANY (array)` over an
//! array value, with Postgres' NULL rules. `pg_bitnot` (in `bits`): prefix `~` on integers.
//! `pg_percentile_cont`, `pg_percentile_disc`, `pg_mode` (in `ordered_set`): the ordered-set
//! aggregates with Postgres' formulas.
//!
//! `pg_div`: Postgres' `/` (integer, float or numeric division by the operands' types, numeric
//! with the same value-dependent scale as `avg`).

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Float64Array, Int64Array, StringArray};
use datafusion::arrow::datatypes::{
    DataType, Decimal128Type, Decimal256Type, Field, FieldRef, Float32Type, Float64Type, Int8Type, Int16Type,
    Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type, i256,
};
use datafusion::arrow::error::ArrowError;
use datafusion::common::{Result, ScalarValue, exec_err, not_impl_err};
use datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use datafusion::logical_expr::{
    Accumulator, AggregateUDF, AggregateUDFImpl, ColumnarValue, ScalarUDF, Signature, Volatility,
};

use crate::pgbinary::numeric_from_text;

mod age;
mod any;
mod bits;
mod casts;
mod date_trunc;
mod datetime;
mod extract;
mod format;
mod input;
pub mod json;
pub mod keywords;
mod make;
mod math;
mod ordered_set;
mod overlaps;
mod round;
pub use round::round_numeric_text;
mod text;
mod to_char;
mod to_timestamp;
mod zone;

use crate::types::PG_TYPE_METADATA;
pub use datetime::{PgDateArithmetic, PgIntervalKey};
pub use text::{PgOctetLength, PgSettings};

/// Every function this module provides, ready to register.
pub fn aggregates() -> Vec<AggregateUDF> {
    vec![
        AggregateUDF::from(PgAvg { signature: Signature::any(1, Volatility::Immutable), text: true }),
        AggregateUDF::from(PgAvg { signature: Signature::any(1, Volatility::Immutable), text: false }),
        AggregateUDF::from(PgSum {
            signature: Signature::user_defined(Volatility::Immutable),
            inner: datafusion::functions_aggregate::sum::sum_udaf(),
        }),
    ]
    .into_iter()
    .chain(ordered_set::aggregates())
    .collect()
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
    data_type.is_integer() || matches!(data_type, DataType::Decimal128(..) | DataType::Decimal256(..) | DataType::Null)
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
            Some(other) => not_impl_err!("avg({other}) is not supported on the embedded engine"),
            None => exec_err!("avg takes one argument"),
        }
    }

    fn return_field(&self, arg_fields: &[FieldRef]) -> Result<FieldRef> {
        let types: Vec<DataType> = arg_fields.iter().map(|f| f.data_type().clone()).collect();
        Ok(result_field(self.name(), self.return_type(&types)?))
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

/// A result field; text results are exact numerics and say so (`pg_type` = numeric).
fn result_field(name: &str, data_type: DataType) -> FieldRef {
    let field = Field::new(name, data_type.clone(), true);
    Arc::new(match data_type {
        DataType::Utf8 => field.with_metadata(HashMap::from([(PG_TYPE_METADATA.to_string(), "numeric".to_string())])),
        _ => field,
    })
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

/// A function's result: one value when every argument was one (`scalar`), else the column.
fn columnar(out: ArrayRef, scalar: bool) -> Result<ColumnarValue> {
    if scalar {
        return Ok(ColumnarValue::Scalar(ScalarValue::try_from_array(&out, 0)?));
    }
    Ok(ColumnarValue::Array(out))
}

/// A Postgres error (`kind` names its SQLSTATE) raised from inside a function.
pub(super) fn sql_error(
    kind: crate::error::ErrorKind,
    message: impl Into<String>,
) -> datafusion::error::DataFusionError {
    datafusion::error::DataFusionError::External(Box::new(crate::error::ConnectorError::new(kind, message)))
}

/// `pg_eq_any`, which the plan check puts in place of DataFusion's `= ANY` (see `any`).
pub fn eq_any_function() -> Arc<ScalarUDF> {
    Arc::new(ScalarUDF::from(any::PgEqAny::new()))
}

/// Every scalar function this module provides, ready to register.
pub fn scalars() -> Vec<ScalarUDF> {
    vec![
        ScalarUDF::from(PgDiv { signature: Signature::any(2, Volatility::Immutable), text: true }),
        ScalarUDF::from(PgDiv { signature: Signature::any(2, Volatility::Immutable), text: false }),
        ScalarUDF::from(round::PgRound { signature: Signature::user_defined(Volatility::Immutable), truncate: false }),
        ScalarUDF::from(round::PgRound { signature: Signature::user_defined(Volatility::Immutable), truncate: true }),
        ScalarUDF::from(casts::PgToInteger { signature: Signature::user_defined(Volatility::Immutable), width: 2 }),
        ScalarUDF::from(casts::PgToInteger { signature: Signature::user_defined(Volatility::Immutable), width: 4 }),
        ScalarUDF::from(casts::PgToInteger { signature: Signature::user_defined(Volatility::Immutable), width: 8 }),
        ScalarUDF::from(casts::PgToNumeric { signature: Signature::user_defined(Volatility::Immutable) }),
        ScalarUDF::from(input::PgInput::new(input::Target::Bytea)),
        ScalarUDF::from(input::PgInput::new(input::Target::Uuid)),
        ScalarUDF::from(date_trunc::PgDateTrunc::new()),
        ScalarUDF::from(age::PgAge::new()),
        ScalarUDF::from(text::PgText::cast()),
        ScalarUDF::from(text::PgText::output()),
        ScalarUDF::from(text::PgText::varchar()),
        ScalarUDF::from(text::PgText::bpchar()),
        ScalarUDF::from(text::PgMd5::new()),
        ScalarUDF::from(text::PgOctetLength::new()),
        ScalarUDF::from(zone::PgAtTimeZone::new()),
        ScalarUDF::from(extract::PgExtract::new()),
        ScalarUDF::from(to_char::PgToChar::new()),
        ScalarUDF::from(to_timestamp::PgParseDateTime::new(true)),
        ScalarUDF::from(to_timestamp::PgParseDateTime::new(false)),
        ScalarUDF::from(format::PgFormat::new()),
        ScalarUDF::from(bits::PgBitNot::new()),
        ScalarUDF::from(overlaps::PgOverlaps::new()),
        ScalarUDF::from(any::PgEqAny::new()),
        ScalarUDF::from(datetime::PgIntervalMul::new()),
        ScalarUDF::from(make::PgMake::new(make::Make::Timestamp)),
        ScalarUDF::from(make::PgMake::new(make::Make::Timestamptz)),
        ScalarUDF::from(make::PgMake::new(make::Make::Time)),
        ScalarUDF::from(make::PgMake::new(make::Make::Interval)),
        ScalarUDF::from(math::PgMath::new(math::MathFunction::Sign)),
        ScalarUDF::from(math::PgMath::new(math::MathFunction::IntegerDiv)),
        ScalarUDF::from(math::PgMath::new(math::MathFunction::WidthBucket)),
        ScalarUDF::from(math::PgMath::new(math::MathFunction::Gcd)),
        ScalarUDF::from(math::PgMath::new(math::MathFunction::Lcm)),
        ScalarUDF::from(math::PgMath::new(math::MathFunction::Factorial)),
        ScalarUDF::from(datetime::PgJustify::new(datetime::Justify::Hours)),
        ScalarUDF::from(datetime::PgJustify::new(datetime::Justify::Days)),
        ScalarUDF::from(datetime::PgJustify::new(datetime::Justify::Interval)),
    ]
    .into_iter()
    .chain(json::functions())
    .collect()
}

/// Postgres' `/`. An interval divides as Postgres' `interval / float8` (`datetime`). Integers
/// divide as integers (truncating, in the wider type); a float makes it
/// float division (`real / real` stays `real`); a `numeric` makes it numeric division with
/// Postgres' value-dependent scale, rounded half away from zero: `pg_div` returns that exact text
/// (for result columns), `pg_div_decimal` a `numeric(38,16)` for further arithmetic. Division by
/// zero is an error (22012), as in Postgres, never an infinity or NULL.
#[derive(Debug, PartialEq, Eq, Hash)]
struct PgDiv {
    signature: Signature,
    text: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Division {
    Int16,
    Int32,
    Int64,
    Float32,
    Float64,
    Numeric,
    /// An interval divided by a number (as a float, Postgres' `interval / float8`).
    Interval,
}

fn division(left: &DataType, right: &DataType) -> Result<Division> {
    use DataType as T;
    if matches!(left, T::Interval(_)) && (right.is_numeric() || right.is_null()) {
        return Ok(Division::Interval);
    }
    let rank = |t: &DataType| -> Option<u8> {
        Some(match t {
            T::Int8 | T::Int16 | T::UInt8 | T::Null => 0,
            T::Int32 | T::UInt16 => 1,
            T::Int64 | T::UInt32 => 2,
            T::UInt64 | T::Decimal128(..) | T::Decimal256(..) => 3,
            T::Float32 | T::Float16 => 4,
            T::Float64 => 5,
            _ => return None,
        })
    };
    let (Some(a), Some(b)) = (rank(left), rank(right)) else {
        return exec_err!("operator does not exist: {left} / {right}");
    };
    Ok(match (a, b) {
        (4, 4) => Division::Float32,
        (4 | 5, _) | (_, 4 | 5) => Division::Float64,
        (3, _) | (_, 3) => Division::Numeric,
        (2, _) | (_, 2) => Division::Int64,
        (1, _) | (_, 1) => Division::Int32,
        _ => Division::Int16,
    })
}

impl datafusion::logical_expr::ScalarUDFImpl for PgDiv {
    fn name(&self) -> &str {
        if self.text { "pg_div" } else { "pg_div_decimal" }
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        let [left, right] = arg_types else { return exec_err!("/ takes two operands") };
        divide_type(left, right, self.text)
    }

    fn return_field_from_args(&self, args: datafusion::logical_expr::ReturnFieldArgs) -> Result<FieldRef> {
        let types: Vec<DataType> = args.arg_fields.iter().map(|f| f.data_type().clone()).collect();
        Ok(result_field(self.name(), self.return_type(&types)?))
    }

    fn invoke_with_args(&self, args: datafusion::logical_expr::ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        let [left, right] = args.args.as_slice() else { return exec_err!("/ takes two operands") };
        let (left, right) = (left.to_array(rows)?, right.to_array(rows)?);
        Ok(ColumnarValue::Array(divide(&left, &right, self.text)?))
    }
}

/// The type [`divide`] returns for operands of these types.
pub fn divide_type(left: &DataType, right: &DataType, text: bool) -> Result<DataType> {
    Ok(match division(left, right)? {
        Division::Int16 => DataType::Int16,
        Division::Int32 => DataType::Int32,
        Division::Int64 => DataType::Int64,
        Division::Float32 => DataType::Float32,
        Division::Float64 => DataType::Float64,
        Division::Numeric if text => DataType::Utf8,
        Division::Numeric => DataType::Decimal128(38, AVG_DECIMAL_SCALE),
        Division::Interval => DataType::Interval(datafusion::arrow::datatypes::IntervalUnit::MonthDayNano),
    })
}

/// Postgres' `left / right` over two arrays of equal length (see [`PgDiv`]); a numeric quotient
/// is exact text when `text`, else a `numeric(38,16)`. Also how the Snowflake connector divides
/// the operands it has Snowflake compute separately.
pub fn divide(left: &ArrayRef, right: &ArrayRef, text: bool) -> Result<ArrayRef> {
    let rows = left.len();
    let kind = division(left.data_type(), right.data_type())?;
    let cast = |array: &ArrayRef, to: &DataType| datafusion::arrow::compute::cast(array, to);
    let zero = || datafusion::error::DataFusionError::from(ArrowError::DivideByZero);
    let out: ArrayRef = match kind {
        Division::Interval => datetime::scale_intervals(left, right, true)?,
        Division::Int16 | Division::Int32 | Division::Int64 => {
            let (l, r) = (cast(left, &DataType::Int64)?, cast(right, &DataType::Int64)?);
            let (l, r) = (l.as_primitive::<Int64Type>(), r.as_primitive::<Int64Type>());
            let mut values = Vec::with_capacity(rows);
            for i in 0..rows {
                values.push(match (l.is_null(i), r.is_null(i)) {
                    (false, false) => {
                        let divisor = r.value(i);
                        if divisor == 0 {
                            return Err(zero());
                        }
                        Some(
                            l.value(i)
                                .checked_div(divisor)
                                .ok_or_else(|| ArrowError::ArithmeticOverflow("integer out of range".into()))?,
                        )
                    }
                    _ => None,
                });
            }
            let wide: ArrayRef = Arc::new(Int64Array::from(values));
            let to = match kind {
                Division::Int16 => DataType::Int16,
                Division::Int32 => DataType::Int32,
                _ => DataType::Int64,
            };
            datafusion::arrow::compute::cast_with_options(
                &wide,
                &to,
                &datafusion::arrow::compute::CastOptions { safe: false, ..Default::default() },
            )?
        }
        Division::Float32 | Division::Float64 => {
            let (l, r) = (cast(left, &DataType::Float64)?, cast(right, &DataType::Float64)?);
            let (l, r) = (l.as_primitive::<Float64Type>(), r.as_primitive::<Float64Type>());
            let mut values = Vec::with_capacity(rows);
            for i in 0..rows {
                values.push(match (l.is_null(i), r.is_null(i)) {
                    (false, false) if r.value(i) == 0.0 => return Err(zero()),
                    (false, false) => Some(l.value(i) / r.value(i)),
                    _ => None,
                });
            }
            let wide: ArrayRef = Arc::new(Float64Array::from(values));
            if kind == Division::Float32 { cast(&wide, &DataType::Float32)? } else { wide }
        }
        Division::Numeric => {
            let as_text = |array: &ArrayRef| cast(array, &DataType::Utf8);
            let (l, r) = (as_text(left)?, as_text(right)?);
            let (l, r) = (l.as_string::<i32>(), r.as_string::<i32>());
            let mut values: Vec<Option<String>> = Vec::with_capacity(rows);
            for i in 0..rows {
                values.push(match (l.is_null(i), r.is_null(i)) {
                    (false, false) => Some(numeric_quotient(l.value(i), r.value(i))?),
                    _ => None,
                });
            }
            let exact: ArrayRef = Arc::new(StringArray::from(values));
            if text {
                exact
            } else {
                let mut decimals = Vec::with_capacity(rows);
                for value in exact.as_string::<i32>().iter() {
                    decimals.push(value.map(|v| rescale(v, AVG_DECIMAL_SCALE)).transpose()?);
                }
                Arc::new(
                    datafusion::arrow::array::Decimal128Array::from(decimals)
                        .with_precision_and_scale(38, AVG_DECIMAL_SCALE)?,
                )
            }
        }
    };
    Ok(out)
}

/// `left / right` for decimal texts, with Postgres' numeric division scale (`select_div_scale`),
/// rounded half away from zero.
fn numeric_quotient(left: &str, right: &str) -> Result<String> {
    const NUMERIC_MIN_SIG_DIGITS: i32 = 16;
    let scale_of = |t: &str| t.split_once('.').map(|(_, f)| f.len() as i32).unwrap_or(0);
    let unscaled = |t: &str| -> Result<i256> {
        let digits: String = t.chars().filter(|c| *c != '.').collect();
        i256::from_string(&digits)
            .ok_or_else(|| datafusion::error::DataFusionError::External(format!("bad numeric {t}").into()))
    };
    let (scale1, scale2) = (scale_of(left), scale_of(right));
    let (value1, value2) = (unscaled(left)?, unscaled(right)?);
    if value2 == i256::ZERO {
        return Err(ArrowError::DivideByZero.into());
    }
    let (weight1, first1) = weight_and_first_digit(left);
    let (weight2, first2) = weight_and_first_digit(right);
    let mut qweight = weight1 - weight2;
    if first1 <= first2 {
        qweight -= 1;
    }
    let rscale = (NUMERIC_MIN_SIG_DIGITS - qweight * 4).max(scale1).max(scale2).clamp(0, 1000);
    // value1·10^-s1 / (value2·10^-s2) = value1·10^(rscale − s1 + s2) / value2 · 10^-rscale
    let shift = rscale - scale1 + scale2;
    let too_big = || ArrowError::ArithmeticOverflow("numeric result too large for packwire".into());
    let (mut numerator, mut denominator) = (value1.wrapping_abs(), value2.wrapping_abs());
    if shift >= 0 {
        let factor = i256::from_i128(10).checked_pow(shift as u32).ok_or_else(too_big)?;
        numerator = numerator.checked_mul(factor).ok_or_else(too_big)?;
    } else {
        let factor = i256::from_i128(10).checked_pow((-shift) as u32).ok_or_else(too_big)?;
        denominator = denominator.checked_mul(factor).ok_or_else(too_big)?;
    }
    let (mut quotient, remainder) = (numerator / denominator, numerator % denominator);
    if remainder * i256::from_i128(2) >= denominator {
        quotient += i256::ONE;
    }
    if (value1 < i256::ZERO) != (value2 < i256::ZERO) {
        quotient = -quotient;
    }
    Ok(scaled_text(quotient, rscale as usize))
}

/// Postgres' `sum`: over `bigint` it is `numeric` (DataFusion keeps BIGINT and wraps on
/// overflow), over `real` it is `real` (not carried: refused). The input is coerced to the type
/// Postgres sums in, then DataFusion's own `sum` (and its grouped accumulators) does the work.
#[derive(Debug)]
struct PgSum {
    signature: Signature,
    inner: Arc<AggregateUDF>,
}

impl PartialEq for PgSum {
    fn eq(&self, other: &Self) -> bool {
        self.signature == other.signature
    }
}
impl Eq for PgSum {}
impl std::hash::Hash for PgSum {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.signature.hash(state);
    }
}

impl AggregateUDFImpl for PgSum {
    fn name(&self) -> &str {
        "pg_sum"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let [input] = arg_types else { return exec_err!("sum takes one argument") };
        Ok(vec![match input {
            DataType::Int8 | DataType::Int16 | DataType::Int32 | DataType::UInt8 | DataType::UInt16 => DataType::Int64,
            DataType::Int64 | DataType::UInt32 | DataType::UInt64 => DataType::Decimal128(38, 0),
            DataType::Decimal128(..) | DataType::Float64 | DataType::Interval(_) | DataType::Null => input.clone(),
            // Postgres sums `real` in `real` arithmetic; DataFusion in double precision.
            other => return not_impl_err!("sum({other}) is not supported on the embedded engine"),
        }])
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        self.inner.inner().return_type(arg_types)
    }

    fn accumulator(&self, args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        self.inner.inner().accumulator(args)
    }

    fn state_fields(&self, args: StateFieldsArgs) -> Result<Vec<FieldRef>> {
        self.inner.inner().state_fields(args)
    }

    fn groups_accumulator_supported(&self, args: AccumulatorArgs) -> bool {
        self.inner.inner().groups_accumulator_supported(args)
    }

    fn create_groups_accumulator(
        &self,
        args: AccumulatorArgs,
    ) -> Result<Box<dyn datafusion::logical_expr::GroupsAccumulator>> {
        self.inner.inner().create_groups_accumulator(args)
    }

    fn create_sliding_accumulator(&self, args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        self.inner.inner().create_sliding_accumulator(args)
    }

    fn reverse_expr(&self) -> datafusion::logical_expr::ReversedUDAF {
        datafusion::logical_expr::ReversedUDAF::Identical
    }

    fn order_sensitivity(&self) -> datafusion::logical_expr::utils::AggregateOrderSensitivity {
        datafusion::logical_expr::utils::AggregateOrderSensitivity::Insensitive
    }
}
