//! Postgres' date arithmetic on the embedded engine, as an expression planner (DataFusion asks
//! it first how to plan `a - b` / `a + b`, with the operands' types known):
//!
//! - `date - date` is an `integer` number of days in Postgres, a bigint in DataFusion;
//! - `date ± interval` is a `timestamp` in Postgres (midnight of the date, moved by the
//!   interval), a date in DataFusion;
//! - `timestamp - timestamp` is an interval of days and time in Postgres (`1 day 01:30:00`),
//!   of time only in DataFusion (`25:30:00`): the difference goes through `pg_justify_hours`;
//! - `interval * n` and `n * interval` are `pg_interval_mul`, Postgres' `interval_mul`
//!   (its `interval_div` serves `pg_div`).
//!
//! `pg_justify_hours`, `pg_justify_days`, `pg_justify_interval` are Postgres' `justify_*`.
//! `pg_interval_key` is the length Postgres compares and sorts intervals by.
//!
//! Every other combination is planned as DataFusion plans it.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Decimal128Array, IntervalMonthDayNanoArray};
use datafusion::arrow::datatypes::{
    DataType, DurationMicrosecondType, DurationNanosecondType, Float64Type, IntervalMonthDayNano,
    IntervalMonthDayNanoType, IntervalUnit, TimeUnit,
};
use datafusion::common::{DFSchema, Result, exec_err};
use datafusion::logical_expr::planner::{ExprPlanner, PlannerResult, RawBinaryExpr};
use datafusion::logical_expr::{
    BinaryExpr, ColumnarValue, Expr, ExprSchemable, Operator, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature,
    Volatility, cast,
};
use sqlparser::ast::BinaryOperator;

/// Plans date arithmetic with Postgres' result types.
#[derive(Debug)]
pub struct PgDateArithmetic;

impl ExprPlanner for PgDateArithmetic {
    fn plan_binary_op(&self, expr: RawBinaryExpr, schema: &DFSchema) -> Result<PlannerResult<RawBinaryExpr>> {
        let operator = match expr.op {
            BinaryOperator::Minus => Operator::Minus,
            BinaryOperator::Plus => Operator::Plus,
            BinaryOperator::Multiply | BinaryOperator::Divide => return scaled_interval(expr, schema),
            _ => return Ok(PlannerResult::Original(expr)),
        };
        let (left_type, right_type) = (expr.left.get_type(schema)?, expr.right.get_type(schema)?);
        let binary =
            |left: Expr, right: Expr| Expr::BinaryExpr(BinaryExpr::new(Box::new(left), operator, Box::new(right)));
        let timestamp = DataType::Timestamp(TimeUnit::Microsecond, None);
        Ok(match (&left_type, &right_type, operator) {
            (DataType::Date32, DataType::Date32, Operator::Minus) => {
                PlannerResult::Planned(cast(binary(expr.left, expr.right), DataType::Int32))
            }
            (DataType::Date32, DataType::Interval(_), _) => {
                PlannerResult::Planned(binary(cast(expr.left, timestamp), expr.right))
            }
            (DataType::Interval(_), DataType::Date32, Operator::Plus) => {
                PlannerResult::Planned(binary(expr.left, cast(expr.right, timestamp)))
            }
            (DataType::Timestamp(..), DataType::Timestamp(..), Operator::Minus) => {
                let justify = ScalarUDF::from(PgJustify::new(Justify::Hours));
                PlannerResult::Planned(justify.call(vec![binary(expr.left, expr.right)]))
            }
            _ => PlannerResult::Original(expr),
        })
    }
}

/// `interval * n` and `n * interval` are `pg_interval_mul`: a fractional factor carries
/// fractions of months into days and of days into time in Postgres (`interval '1 month' * 1.5`
/// is `1 mon 15 days`), which DataFusion does not (nor has it `integer * interval`). A division
/// reaching the planner (the rewrite makes `/` `pg_div`, which divides intervals) is refused.
fn scaled_interval(expr: RawBinaryExpr, schema: &DFSchema) -> Result<PlannerResult<RawBinaryExpr>> {
    let (left, right) = (expr.left.get_type(schema)?, expr.right.get_type(schema)?);
    let interval = |t: &DataType| matches!(t, DataType::Interval(_));
    if !interval(&left) && !interval(&right) {
        return Ok(PlannerResult::Original(expr));
    }
    let factor = if interval(&left) { &right } else { &left };
    // Every product (DataFusion has no `integer * interval`), as Postgres computes it.
    if expr.op == BinaryOperator::Multiply && (factor.is_numeric() || factor.is_null()) {
        let (span, factor) = if interval(&left) { (expr.left, expr.right) } else { (expr.right, expr.left) };
        let multiply = ScalarUDF::from(PgIntervalMul::new());
        return Ok(PlannerResult::Planned(multiply.call(vec![span, cast(factor, DataType::Float64)])));
    }
    datafusion::common::not_impl_err!(
        "{} an interval by {factor} is not supported on the embedded engine",
        if expr.op == BinaryOperator::Multiply { "multiplying" } else { "dividing" }
    )
}

/// `pg_interval_mul(interval, factor)`: Postgres' `interval * float8`, which cascades the
/// fraction of the months into days (30 each) and of the days into time, rounding as Postgres
/// does (`interval_mul`; with a whole factor, each field times it).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgIntervalMul {
    signature: Signature,
}

impl PgIntervalMul {
    pub fn new() -> Self {
        PgIntervalMul {
            signature: Signature::exact(
                vec![DataType::Interval(IntervalUnit::MonthDayNano), DataType::Float64],
                Volatility::Immutable,
            ),
        }
    }
}

impl ScalarUDFImpl for PgIntervalMul {
    fn name(&self) -> &str {
        "pg_interval_mul"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Interval(IntervalUnit::MonthDayNano))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [span, factor] = args.args.as_slice() else { return exec_err!("pg_interval_mul takes two arguments") };
        let scalar = matches!(span, ColumnarValue::Scalar(_)) && matches!(factor, ColumnarValue::Scalar(_));
        let (span, factor) = (span.to_array(args.number_rows)?, factor.to_array(args.number_rows)?);
        let out = scale_intervals(&span, &factor, false)?;
        super::columnar(out, scalar)
    }
}

/// Each interval of `span` multiplied (`divide`: divided, Postgres' `interval / float8`) by the
/// float of `factor` in the same row.
pub(super) fn scale_intervals(span: &ArrayRef, factor: &ArrayRef, divide: bool) -> Result<ArrayRef> {
    let factor = datafusion::arrow::compute::cast(factor, &DataType::Float64)?;
    let (Some(spans), Some(factors)) =
        (span.as_primitive_opt::<IntervalMonthDayNanoType>(), factor.as_primitive_opt::<Float64Type>())
    else {
        return exec_err!("pg_interval_mul/div of {} and {}", span.data_type(), factor.data_type());
    };
    let out: IntervalMonthDayNanoArray = spans
        .iter()
        .zip(factors.iter())
        .map(|pair| match pair {
            (Some(span), Some(factor)) => scale_interval(span, factor, divide).map(Some),
            _ => Ok(None),
        })
        .collect::<Result<_>>()?;
    Ok(Arc::new(out))
}

/// Postgres 15's `interval_mul` (`divide`: `interval_div`) of one interval by `factor`.
fn scale_interval(span: IntervalMonthDayNano, factor: f64, divide: bool) -> Result<IntervalMonthDayNano> {
    const SECS_PER_DAY: f64 = 86_400.0;
    use crate::error::ErrorKind;
    if divide && factor == 0.0 {
        return Err(super::sql_error(ErrorKind::DivisionByZero, "division by zero"));
    }
    let out_of_range = || super::sql_error(ErrorKind::Backend("22008".into()), "interval out of range");
    let apply = |x: f64| if divide { x / factor } else { x * factor };
    // TSROUND: to the nearest microsecond's worth of the unit.
    let round_micro = |x: f64| (x * 1e6).round_ties_even() / 1e6;
    let whole = |x: f64| -> Result<i32> {
        if x.is_nan() || x > f64::from(i32::MAX) || x < f64::from(i32::MIN) {
            return Err(out_of_range());
        }
        Ok(x as i32)
    };
    let months_product = apply(f64::from(span.months));
    let days_product = apply(f64::from(span.days));
    let months = whole(months_product)?;
    let mut days = whole(days_product)?;
    let month_remainder_days = round_micro((months_product - f64::from(months)) * f64::from(DAYS_PER_MONTH));
    let mut sec_remainder = round_micro(
        (days_product - f64::from(days) + month_remainder_days - month_remainder_days.trunc()) * SECS_PER_DAY,
    );
    if sec_remainder.abs() >= SECS_PER_DAY {
        let spilled = (sec_remainder / SECS_PER_DAY).trunc();
        days += spilled as i32;
        sec_remainder -= spilled * SECS_PER_DAY;
    }
    days += month_remainder_days as i32;
    let micros = (apply((span.nanoseconds / 1_000) as f64) + sec_remainder * 1e6).round_ties_even();
    if micros.is_nan() || micros.abs() >= 9.2e15 {
        return Err(out_of_range());
    }
    Ok(IntervalMonthDayNano::new(months, days, micros as i64 * 1_000))
}

const NANOS_PER_DAY: i64 = 86_400_000_000_000;

/// Which of Postgres' `justify_*` functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Justify {
    /// Whole days of the time part into days.
    Hours,
    /// Whole 30-day months of the days into months.
    Days,
    /// Both, with one sign for the whole interval.
    Interval,
}

/// `justify_hours/days/interval(interval)` as Postgres computes them. `pg_justify_hours` also
/// takes DataFusion's difference of two timestamps (an interval or a duration).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgJustify {
    signature: Signature,
    justify: Justify,
}

impl PgJustify {
    pub fn new(justify: Justify) -> Self {
        PgJustify { signature: Signature::user_defined(Volatility::Immutable), justify }
    }
}

impl ScalarUDFImpl for PgJustify {
    fn name(&self) -> &str {
        match self.justify {
            Justify::Hours => "pg_justify_hours",
            Justify::Days => "pg_justify_days",
            Justify::Interval => "pg_justify_interval",
        }
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        match arg_types {
            [DataType::Interval(IntervalUnit::MonthDayNano)]
            | [DataType::Duration(TimeUnit::Microsecond | TimeUnit::Nanosecond)] => Ok(arg_types.to_vec()),
            [DataType::Null] => Ok(vec![DataType::Interval(IntervalUnit::MonthDayNano)]),
            other => exec_err!("function {}({other:?}) does not exist", self.name()),
        }
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Interval(IntervalUnit::MonthDayNano))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [value] = args.args.as_slice() else { return exec_err!("{} takes one argument", self.name()) };
        let scalar = matches!(value, ColumnarValue::Scalar(_));
        let array = value.to_array(args.number_rows)?;
        let parts: Vec<Option<IntervalMonthDayNano>> = match array.data_type() {
            DataType::Interval(IntervalUnit::MonthDayNano) => {
                array.as_primitive::<IntervalMonthDayNanoType>().iter().collect()
            }
            DataType::Duration(TimeUnit::Microsecond) => array
                .as_primitive::<DurationMicrosecondType>()
                .iter()
                .map(|v| v.map(|us| IntervalMonthDayNano::new(0, 0, us.saturating_mul(1000))))
                .collect(),
            DataType::Duration(TimeUnit::Nanosecond) => array
                .as_primitive::<DurationNanosecondType>()
                .iter()
                .map(|v| v.map(|ns| IntervalMonthDayNano::new(0, 0, ns)))
                .collect(),
            other => return exec_err!("{} of {other}", self.name()),
        };
        let out: IntervalMonthDayNanoArray =
            parts.into_iter().map(|v| v.map(|v| justify(v, self.justify)).transpose()).collect::<Result<_>>()?;
        let out: Arc<dyn Array> = Arc::new(out);
        super::columnar(out, scalar)
    }
}

const DAYS_PER_MONTH: i32 = 30;

/// `pg_interval_key(interval)`: the length Postgres compares, sorts and hashes intervals by
/// (`interval_cmp_value`: a month is 30 days, a day 24 hours), in nanoseconds, as a
/// `numeric(38,0)`; DataFusion compares the three fields one by one (`1 day` > `25 hours`).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgIntervalKey {
    signature: Signature,
}

impl PgIntervalKey {
    /// The key function, ready to call in a plan.
    pub fn function() -> Arc<ScalarUDF> {
        Arc::new(ScalarUDF::from(PgIntervalKey {
            signature: Signature::exact(vec![DataType::Interval(IntervalUnit::MonthDayNano)], Volatility::Immutable),
        }))
    }
}

impl ScalarUDFImpl for PgIntervalKey {
    fn name(&self) -> &str {
        "pg_interval_key"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Decimal128(38, 0))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [value] = args.args.as_slice() else { return exec_err!("pg_interval_key takes one argument") };
        let scalar = matches!(value, ColumnarValue::Scalar(_));
        let array = value.to_array(args.number_rows)?;
        let Some(intervals) = array.as_primitive_opt::<IntervalMonthDayNanoType>() else {
            return exec_err!("pg_interval_key of {}", array.data_type());
        };
        let keys: Decimal128Array = intervals.iter().map(|v| v.map(interval_key)).collect();
        let out: Arc<dyn Array> = Arc::new(keys.with_precision_and_scale(38, 0)?);
        super::columnar(out, scalar)
    }
}

/// An interval's length in nanoseconds, a month counted as 30 days.
fn interval_key(IntervalMonthDayNano { months, days, nanoseconds }: IntervalMonthDayNano) -> i128 {
    let days = i128::from(months) * i128::from(DAYS_PER_MONTH) + i128::from(days);
    days * i128::from(NANOS_PER_DAY) + i128::from(nanoseconds)
}

/// Postgres' `interval_justify_hours/days/interval` on one value.
fn justify(value: IntervalMonthDayNano, justify: Justify) -> Result<IntervalMonthDayNano> {
    let IntervalMonthDayNano { mut months, mut days, mut nanoseconds } = value;
    if justify != Justify::Days {
        let whole_days = i64::from(days) + nanoseconds / NANOS_PER_DAY;
        days = match i32::try_from(whole_days) {
            Ok(days) => days,
            Err(_) => return exec_err!("interval out of range"),
        };
        nanoseconds %= NANOS_PER_DAY;
    }
    if justify != Justify::Hours {
        months = match months.checked_add(days / DAYS_PER_MONTH) {
            Some(months) => months,
            None => return exec_err!("interval out of range"),
        };
        days %= DAYS_PER_MONTH;
        let (day_negative, day_positive) = match justify {
            Justify::Interval => {
                (days < 0 || (days == 0 && nanoseconds < 0), days > 0 || (days == 0 && nanoseconds > 0))
            }
            _ => (days < 0, days > 0),
        };
        if months > 0 && day_negative {
            days += DAYS_PER_MONTH;
            months -= 1;
        } else if months < 0 && day_positive {
            days -= DAYS_PER_MONTH;
            months += 1;
        }
    }
    if justify != Justify::Days {
        if days > 0 && nanoseconds < 0 {
            nanoseconds += NANOS_PER_DAY;
            days -= 1;
        } else if days < 0 && nanoseconds > 0 {
            nanoseconds -= NANOS_PER_DAY;
            days += 1;
        }
    }
    Ok(IntervalMonthDayNano::new(months, days, nanoseconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn justifies_as_postgres() {
        let hour = 3_600_000_000_000i64;
        let iv = |m: i32, d: i32, n: i64| IntervalMonthDayNano::new(m, d, n);
        let hours = |v| justify(v, Justify::Hours).unwrap();
        let days = |v| justify(v, Justify::Days).unwrap();
        let both = |v| justify(v, Justify::Interval).unwrap();
        // '2024-01-01 10:00' - '2023-12-31 08:30' = 1 day 01:30:00
        assert_eq!(hours(iv(0, 0, 25 * hour + hour / 2)), iv(0, 1, hour + hour / 2));
        // justify_hours('-27 hours') = -1 days -03:00:00; justify_hours('50 hours') = 2 days 02:00:00
        assert_eq!(hours(iv(0, 0, -27 * hour)), iv(0, -1, -3 * hour));
        assert_eq!(hours(iv(0, 0, 50 * hour)), iv(0, 2, 2 * hour));
        assert_eq!(hours(iv(0, 1, -hour)), iv(0, 0, 23 * hour));
        // justify_days('35 days') = 1 mon 5 days; justify_days('-35 days') = -1 mons -5 days
        assert_eq!(days(iv(0, 35, 0)), iv(1, 5, 0));
        assert_eq!(days(iv(0, -35, 0)), iv(-1, -5, 0));
        assert_eq!(days(iv(1, -5, hour)), iv(0, 25, hour));
        // justify_interval('1 mon -1 hour') = 29 days 23:00:00
        assert_eq!(both(iv(1, 0, -hour)), iv(0, 29, 23 * hour));
    }

    #[test]
    fn scales_intervals_as_postgres() {
        let hour = 3_600_000_000_000i64;
        let iv = |m: i32, d: i32, n: i64| IntervalMonthDayNano::new(m, d, n);
        let mul = |v, f| scale_interval(v, f, false).unwrap();
        let div = |v, f| scale_interval(v, f, true).unwrap();
        // Postgres 15: interval '1 hour' * 2.5 = 02:30:00; interval '1 month' * 1.5 = 1 mon 15 days;
        // interval '1 day' / 4 = 06:00:00; interval '1 hour' / 7 = 00:08:34.285714;
        // interval '1 mon 1 day' * 0.3 = 9 days 07:12:00.
        assert_eq!(mul(iv(0, 0, hour), 2.5), iv(0, 0, 5 * hour / 2));
        assert_eq!(mul(iv(1, 0, 0), 1.5), iv(1, 15, 0));
        assert_eq!(div(iv(0, 1, 0), 4.0), iv(0, 0, 6 * hour));
        assert_eq!(div(iv(0, 0, hour), 7.0), iv(0, 0, 514_285_714_000));
        assert_eq!(mul(iv(1, 1, 0), 0.3), iv(0, 9, 7 * hour + 12 * 60_000_000_000));
        assert!(scale_interval(iv(0, 1, 0), 0.0, true).is_err());
    }

    #[test]
    fn interval_keys_order_by_length() {
        let hour = 3_600_000_000_000i64;
        let key = |m: i32, d: i32, n: i64| interval_key(IntervalMonthDayNano::new(m, d, n));
        // Postgres: '1 day' < '25 hours', '1 mon' = '30 days', '1 day' = '24 hours', '-1 day' < '1 hour'.
        assert!(key(0, 1, 0) < key(0, 0, 25 * hour));
        assert_eq!(key(1, 0, 0), key(0, 30, 0));
        assert_eq!(key(0, 1, 0), key(0, 0, 24 * hour));
        assert!(key(0, -1, 0) < key(0, 0, hour));
    }
}
