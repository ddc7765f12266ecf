//! `pg_age(a, b)`: Postgres' two-argument `age(a, b)`, the "symbolic" difference of two
//! timestamps in years, months and days (`timestamp_age` in Postgres' `timestamp.c`).
//!
//! Each field of `b` is subtracted from the same field of `a` (flipped so the larger is first);
//! negative fields borrow from the next larger one — a day borrows the length of the earlier
//! date's month — and the sign is restored at the end. Postgres picks the `timestamp` variant when an argument
//! is a `timestamp` and none is a `timestamptz`; otherwise (`timestamptz`, or two dates) the
//! fields are the wall-clock times in the session's zone, dates being local midnight. The
//! one-argument form (relative to today) is refused by the function's arity.

use std::sync::Arc;

use chrono::{Datelike, Timelike};
use datafusion::arrow::array::timezone::Tz;
use datafusion::arrow::array::{Array, ArrayRef, AsArray, IntervalMonthDayNanoBuilder};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, IntervalMonthDayNano, IntervalUnit, TimeUnit, TimestampMicrosecondType};
use datafusion::common::{Result, exec_err, not_impl_err};
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility};

use super::zone::{instant, naive, out_of_range, parse_zone, wall_clock};

/// `age(a, b)` (see the module header).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgAge {
    signature: Signature,
}

impl PgAge {
    pub fn new() -> PgAge {
        PgAge { signature: Signature::user_defined(Volatility::Immutable) }
    }
}

impl Default for PgAge {
    fn default() -> Self {
        PgAge::new()
    }
}

/// What an argument is, once coerced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Input {
    Date,
    Timestamp,
    Timestamptz,
}

fn input_of(data_type: &DataType) -> Option<Input> {
    match data_type {
        DataType::Date32 => Some(Input::Date),
        DataType::Timestamp(_, None) => Some(Input::Timestamp),
        DataType::Timestamp(_, Some(_)) => Some(Input::Timestamptz),
        _ => None,
    }
}

impl ScalarUDFImpl for PgAge {
    fn name(&self) -> &str {
        "pg_age"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        if arg_types.len() != 2 {
            return not_impl_err!("age() with other than two arguments is not supported on the embedded engine");
        }
        arg_types
            .iter()
            .map(|t| match input_of(t) {
                Some(Input::Date) => Ok(DataType::Date32),
                Some(Input::Timestamp) => Ok(DataType::Timestamp(TimeUnit::Microsecond, None)),
                Some(Input::Timestamptz) => Ok(DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()))),
                None => not_impl_err!("age() of a {t} value is not supported on the embedded engine"),
            })
            .collect()
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Interval(IntervalUnit::MonthDayNano))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [a, b] = args.args.as_slice() else { return exec_err!("age takes two arguments") };
        let inputs = [a, b].map(|arg| input_of(&arg.data_type()));
        let [Some(input_a), Some(input_b)] = inputs else { return exec_err!("age of an unexpected type") };
        // The session's wall clock unless it is the `timestamp` variant (a `timestamp`
        // argument and no `timestamptz` one).
        let inputs = [input_a, input_b];
        let local = inputs.contains(&Input::Timestamptz) || !inputs.contains(&Input::Timestamp);
        let zone = match local {
            true => Some(parse_zone(args.config_options.execution.time_zone.as_deref().unwrap_or("UTC"))?),
            false => None,
        };
        let rows = args.number_rows;
        let (a, b) = (a.to_array(rows)?, b.to_array(rows)?);
        let (a, b) = (micros(&a)?, micros(&b)?);
        let mut result = IntervalMonthDayNanoBuilder::with_capacity(rows);
        for row in 0..rows {
            if a.is_null(row) || b.is_null(row) {
                result.append_null();
                continue;
            }
            let fields = |value: i64, input: Input| match &zone {
                Some(zone) => local_fields(value, input, zone),
                None => Some(value),
            };
            // Ordered by the instants (timestamptz) or wall clocks (timestamp) compared.
            let (instant_a, instant_b) = match &zone {
                Some(zone) => (instant_of(a.value(row), input_a, zone), instant_of(b.value(row), input_b, zone)),
                None => (Some(a.value(row)), Some(b.value(row))),
            };
            let (Some(wall_a), Some(wall_b), Some(instant_a), Some(instant_b)) =
                (fields(a.value(row), input_a), fields(b.value(row), input_b), instant_a, instant_b)
            else {
                return Err(out_of_range());
            };
            result.append_value(symbolic_difference(wall_a, wall_b, instant_a < instant_b).ok_or_else(out_of_range)?);
        }
        Ok(ColumnarValue::Array(Arc::new(result.finish())))
    }
}

/// Microseconds since the epoch of a date (midnight) or timestamp column.
fn micros(array: &ArrayRef) -> Result<datafusion::arrow::array::PrimitiveArray<TimestampMicrosecondType>> {
    let array = cast(array, &DataType::Timestamp(TimeUnit::Microsecond, None))?;
    match array.as_primitive_opt::<TimestampMicrosecondType>() {
        Some(micros) => Ok(micros.clone()),
        None => exec_err!("age: the cast to microseconds gave {}", array.data_type()),
    }
}

/// The instant a value stands for in the `timestamptz` variant: a `timestamptz` is one; a date
/// is its local midnight and a `timestamp` its local wall-clock time, read as Postgres reads them.
fn instant_of(value: i64, input: Input, zone: &Tz) -> Option<i64> {
    match input {
        Input::Timestamptz => Some(value),
        Input::Date | Input::Timestamp => instant(value, zone),
    }
}

/// The wall-clock time the session's zone shows for a value, as microseconds of a naive time.
fn local_fields(value: i64, input: Input, zone: &Tz) -> Option<i64> {
    wall_clock(instant_of(value, input, zone)?, zone)
}

/// Postgres' `timestamp_age` over two wall-clock times (microseconds of naive times); `flip`
/// when the first is the earlier instant.
fn symbolic_difference(a: i64, b: i64, flip: bool) -> Option<IntervalMonthDayNano> {
    let (ta, tb) = (naive(a)?, naive(b)?);
    let sign = if flip { -1 } else { 1 };
    let mut micros = sign * (i64::from(ta.nanosecond() / 1000) - i64::from(tb.nanosecond() / 1000));
    let mut seconds = sign * (i64::from(ta.second()) - i64::from(tb.second()));
    let mut minutes = sign * (i64::from(ta.minute()) - i64::from(tb.minute()));
    let mut hours = sign * (i64::from(ta.hour()) - i64::from(tb.hour()));
    let mut days = sign * (i64::from(ta.day()) - i64::from(tb.day()));
    let mut months = sign * (i64::from(ta.month()) - i64::from(tb.month()));
    let mut years = sign * (i64::from(ta.year()) - i64::from(tb.year()));
    borrow(&mut micros, &mut seconds, 1_000_000);
    borrow(&mut seconds, &mut minutes, 60);
    borrow(&mut minutes, &mut hours, 60);
    borrow(&mut hours, &mut days, 24);
    // A day borrows the length of the earlier date's month.
    let earlier = if flip { ta } else { tb };
    borrow(&mut days, &mut months, i64::from(days_in_month(earlier.year(), earlier.month())?));
    borrow(&mut months, &mut years, 12);
    let time = ((hours * 60 + minutes) * 60 + seconds) * 1_000_000 + micros;
    Some(IntervalMonthDayNano {
        months: i32::try_from(sign * (years * 12 + months)).ok()?,
        days: i32::try_from(sign * days).ok()?,
        nanoseconds: (sign * time).checked_mul(1000)?,
    })
}

/// Makes a negative field non-negative by borrowing units of `base` from the next larger field.
fn borrow(field: &mut i64, larger: &mut i64, base: i64) {
    while *field < 0 {
        *field += base;
        *larger -= 1;
    }
}

fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = chrono::NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        chrono::NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    u32::try_from((next - first).num_days()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn at(text: &str) -> i64 {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap().and_utc().timestamp_micros()
    }

    fn age(a: &str, b: &str) -> (i32, i32, i64) {
        let (a, b) = (at(a), at(b));
        let interval = symbolic_difference(a, b, a < b).unwrap();
        (interval.months, interval.days, interval.nanoseconds / 1000)
    }

    #[test]
    fn differences_as_postgres_prints_them() {
        // The documentation's example: age(timestamp '2001-04-10', timestamp '1957-06-13').
        assert_eq!(age("2001-04-10 00:00:00", "1957-06-13 00:00:00"), (43 * 12 + 9, 27, 0));
        // Hours borrow a day, the day borrows January's 31: 1 year 1 mon 16 days 12:00:00.
        assert_eq!(age("2024-03-01 00:00:00", "2023-01-15 12:00:00"), (13, 16, 12 * 3_600_000_000));
        // select age(timestamp '2024-03-31', timestamp '2024-02-29'); → 1 mon 2 days
        assert_eq!(age("2024-03-31 00:00:00", "2024-02-29 00:00:00"), (1, 2, 0));
        // select age(timestamp '2000-01-01', timestamp '2024-06-15'); → -24 years -5 mons -14 days
        assert_eq!(age("2000-01-01 00:00:00", "2024-06-15 00:00:00"), (-(24 * 12 + 5), -14, 0));
        // select age(timestamp '2024-03-01', timestamp '2024-01-31'); → 1 mon 1 day
        assert_eq!(age("2024-03-01 00:00:00", "2024-01-31 00:00:00"), (1, 1, 0));
        // select age(timestamp '2024-01-31', timestamp '2024-03-01'); → -1 mons -1 days
        assert_eq!(age("2024-01-31 00:00:00", "2024-03-01 00:00:00"), (-1, -1, 0));
    }
}
