//! `pg_make_timestamp`, `pg_make_timestamptz`, `pg_make_time`, `pg_make_interval`: Postgres'
//! `make_*` constructors on the embedded engine (DataFusion has only `make_date`). Whole fields
//! are integers; seconds a float rounded to microseconds as Postgres does (`rint`). A negative
//! year is BC, year 0 and days that do not exist are 22008, as in Postgres. `make_timestamptz`
//! reads the fields on the wall clock of its zone argument, else of the session's zone.
//! `make_interval`'s named arguments are made positional by the rewrite.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};
use datafusion::arrow::array::{
    Array, ArrayRef, AsArray, IntervalMonthDayNanoArray, Time64MicrosecondArray, TimestampMicrosecondArray,
};
use datafusion::arrow::datatypes::{DataType, Float64Type, Int64Type, IntervalMonthDayNano, IntervalUnit, TimeUnit};
use datafusion::common::{Result, exec_err};
use datafusion::error::DataFusionError;
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility};

use crate::error::ErrorKind;

/// Which constructor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Make {
    Timestamp,
    Timestamptz,
    Time,
    Interval,
}

/// One of the constructors (see the module header).
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct PgMake {
    signature: Signature,
    make: Make,
}

impl PgMake {
    pub(super) fn new(make: Make) -> Self {
        PgMake { signature: Signature::user_defined(Volatility::Stable), make }
    }

    /// Integer fields before the seconds (and after them, a zone for `make_timestamptz`).
    fn whole_fields(&self) -> usize {
        match self.make {
            Make::Timestamp | Make::Timestamptz => 5,
            Make::Time => 2,
            Make::Interval => 6,
        }
    }
}

fn out_of_range(what: &str, text: String) -> DataFusionError {
    super::sql_error(ErrorKind::Backend("22008".into()), format!("{what} field value out of range: {text}"))
}

/// Seconds as whole microseconds, rounded half to even (Postgres' `rint`).
fn micros_of(seconds: f64) -> Option<i64> {
    let micros = (seconds * 1e6).round_ties_even();
    (micros.is_finite() && micros.abs() < 9.2e18).then_some(micros as i64)
}

impl ScalarUDFImpl for PgMake {
    fn name(&self) -> &str {
        match self.make {
            Make::Timestamp => "pg_make_timestamp",
            Make::Timestamptz => "pg_make_timestamptz",
            Make::Time => "pg_make_time",
            Make::Interval => "pg_make_interval",
        }
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let whole = self.whole_fields();
        let zone = usize::from(self.make == Make::Timestamptz && arg_types.len() == whole + 2);
        if arg_types.len() != whole + 1 + zone {
            return exec_err!("function {}() takes {} arguments", &self.name()[3..], whole + 1);
        }
        let number = |t: &DataType| t.is_numeric() || t.is_null();
        if !arg_types[..whole].iter().all(|t| t.is_integer() || t.is_null()) || !number(&arg_types[whole]) {
            return exec_err!("function {}({arg_types:?}) does not exist", &self.name()[3..]);
        }
        let mut types = vec![DataType::Int64; whole];
        types.push(DataType::Float64);
        if zone == 1 {
            types.push(DataType::Utf8);
        }
        Ok(types)
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(match self.make {
            Make::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, None),
            Make::Timestamptz => crate::types::arrow_type(package::PgType::Timestamptz),
            Make::Time => DataType::Time64(TimeUnit::Microsecond),
            Make::Interval => DataType::Interval(IntervalUnit::MonthDayNano),
        })
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        let scalar = args.args.iter().all(|a| matches!(a, ColumnarValue::Scalar(_)));
        let arrays: Vec<ArrayRef> = args.args.iter().map(|a| a.to_array(rows)).collect::<Result<_>>()?;
        let whole = self.whole_fields();
        let Some(seconds) = arrays.get(whole).and_then(|a| a.as_primitive_opt::<Float64Type>()) else {
            return exec_err!("{}: seconds must be a float", self.name());
        };
        let integers: Vec<_> = arrays[..whole].iter().filter_map(|a| a.as_primitive_opt::<Int64Type>()).collect();
        if integers.len() != whole {
            return exec_err!("{}: fields must be integers", self.name());
        }
        let session_zone = args.config_options.execution.time_zone.clone().unwrap_or_else(|| "UTC".into());
        let zones = match arrays.get(whole + 1) {
            Some(zones) => match zones.as_string_opt::<i32>() {
                Some(zones) => Some(zones),
                None => return exec_err!("{}: the zone must be text", self.name()),
            },
            None => None,
        };
        // Each row: the fields, or None when any is NULL (the functions are strict).
        let row_fields = |row: usize| -> Option<(Vec<i64>, f64)> {
            let fields = integers.iter().map(|a| a.is_valid(row).then(|| a.value(row))).collect::<Option<Vec<_>>>()?;
            seconds.is_valid(row).then(|| (fields, seconds.value(row)))
        };
        let wall_clock = |fields: &[i64], seconds: f64| -> Result<i64> {
            let [year, month, day, hour, minute] = fields else { return exec_err!("five fields") };
            let date_text = || format!("{year}-{month:02}-{day:02}");
            // Postgres' year -1 is 1 BC, chrono's 0.
            let chrono_year = if *year < 0 { year + 1 } else { *year };
            let date = (*year != 0)
                .then(|| {
                    NaiveDate::from_ymd_opt(
                        i32::try_from(chrono_year).ok()?,
                        u32::try_from(*month).ok()?,
                        u32::try_from(*day).ok()?,
                    )
                })
                .flatten()
                .ok_or_else(|| out_of_range("date", date_text()))?;
            let time = clock(*hour, *minute, seconds)?;
            Ok(date.and_time(NaiveTime::MIN).and_utc().timestamp_micros() + time)
        };
        let out: ArrayRef = match self.make {
            Make::Timestamp => Arc::new(
                (0..rows)
                    .map(|row| row_fields(row).map(|(f, s)| wall_clock(&f, s)).transpose())
                    .collect::<Result<TimestampMicrosecondArray>>()?,
            ),
            Make::Timestamptz => {
                let instants = (0..rows)
                    .map(|row| {
                        let Some((fields, seconds)) = row_fields(row) else { return Ok(None) };
                        let zone_name = match zones {
                            Some(zones) if zones.is_null(row) => return Ok(None),
                            Some(zones) => zones.value(row).to_string(),
                            None => session_zone.clone(),
                        };
                        let zone = super::zone::parse_zone(&zone_name)?;
                        let local = wall_clock(&fields, seconds)?;
                        super::zone::instant(local, &zone).map(Some).ok_or_else(super::zone::out_of_range)
                    })
                    .collect::<Result<TimestampMicrosecondArray>>()?;
                Arc::new(instants.with_timezone("UTC"))
            }
            Make::Time => Arc::new(
                (0..rows)
                    .map(|row| row_fields(row).map(|(f, s)| clock(f[0], f[1], s)).transpose())
                    .collect::<Result<Time64MicrosecondArray>>()?,
            ),
            Make::Interval => Arc::new(
                (0..rows)
                    .map(|row| row_fields(row).map(|(f, s)| interval(&f, s)).transpose())
                    .collect::<Result<IntervalMonthDayNanoArray>>()?,
            ),
        };
        super::columnar(out, scalar)
    }
}

/// Microseconds since midnight of `hour:minute:seconds`; Postgres' 24:00:00 is not a time the
/// engine holds (refused).
fn clock(hour: i64, minute: i64, seconds: f64) -> Result<i64> {
    let text = || format!("{hour:02}:{minute:02}:{seconds}");
    let micros = micros_of(seconds).ok_or_else(|| out_of_range("time", text()))?;
    if !(0..24).contains(&hour) || !(0..60).contains(&minute) || !(0..60_000_000).contains(&micros) {
        return Err(out_of_range("time", text()));
    }
    Ok(hour * 3_600_000_000 + minute * 60_000_000 + micros)
}

/// `make_interval(years, months, weeks, days, hours, mins, secs)`.
fn interval(fields: &[i64], seconds: f64) -> Result<IntervalMonthDayNano> {
    let [years, months, weeks, days, hours, minutes] = fields else { return exec_err!("six fields") };
    let overflow = || super::sql_error(ErrorKind::Backend("22008".into()), "interval out of range");
    let months = years.checked_mul(12).and_then(|m| m.checked_add(*months)).and_then(|m| i32::try_from(m).ok());
    let days = weeks.checked_mul(7).and_then(|d| d.checked_add(*days)).and_then(|d| i32::try_from(d).ok());
    let micros = hours
        .checked_mul(3_600_000_000)
        .and_then(|h| h.checked_add(minutes.checked_mul(60_000_000)?))
        .and_then(|t| t.checked_add(micros_of(seconds)?))
        .and_then(|t| t.checked_mul(1_000));
    match (months, days, micros) {
        (Some(months), Some(days), Some(nanos)) => Ok(IntervalMonthDayNano::new(months, days, nanos)),
        _ => Err(overflow()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_as_postgres() {
        // make_time(1, 2, 3.25) = 01:02:03.25; make_interval(1, 2, 3, 4, 5, 6, 7.5) =
        // 1 year 2 mons 25 days 05:06:07.5; make_time(25, 0, 0) is 22008.
        assert_eq!(clock(1, 2, 3.25).unwrap(), 3_723_250_000);
        let iv = interval(&[1, 2, 3, 4, 5, 6], 7.5).unwrap();
        assert_eq!(iv, IntervalMonthDayNano::new(14, 25, 18_367_500_000_000));
        assert!(clock(25, 0, 0.0).is_err());
        assert!(clock(23, 59, 60.0).is_err());
    }
}
