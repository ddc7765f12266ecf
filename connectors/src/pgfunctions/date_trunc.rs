//! `pg_date_trunc(unit, value)`: Postgres' `date_trunc` on the embedded engine.
//!
//! - a `timestamp` is truncated as it reads (DataFusion's `date_trunc` does that);
//! - a `timestamptz` is truncated in the session's time zone (`SET TimeZone`, passed to every
//!   execution as DataFusion's `execution.time_zone`), as Postgres does: midnight in Kolkata is
//!   not midnight in UTC;
//! - a `date` is first a `timestamptz` at its midnight in the session's time zone (Postgres has
//!   no `date_trunc(text, date)`; it casts the date), so the result is a `timestamptz`.
//!
//! - an `interval` is truncated field by field as Postgres' `interval_trunc` does (years and
//!   months apart, the time part into hours, minutes, seconds; each toward zero), also to
//!   decades, centuries and millennia; `week` is an error there, as in Postgres.
//!
//! Units are Postgres' spellings (`'Month'`, `'hours'`, `'ms'`, …). Decades, centuries and
//! millennia of timestamps are refused: DataFusion has no such truncation.

use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, AsArray, IntervalMonthDayNanoArray};
use datafusion::arrow::datatypes::{
    DataType, FieldRef, IntervalMonthDayNano, IntervalMonthDayNanoType, IntervalUnit, TimeUnit,
};
use datafusion::common::{Result, ScalarValue, exec_err, not_impl_err};
use datafusion::logical_expr::{
    ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility,
};

/// Postgres' `date_trunc` (see the module header).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgDateTrunc {
    pub signature: Signature,
}

impl PgDateTrunc {
    pub fn new() -> Self {
        PgDateTrunc { signature: Signature::user_defined(Volatility::Stable) }
    }
}

/// How the engine stores a `timestamptz` (instants labelled UTC).
fn timestamptz() -> DataType {
    crate::types::arrow_type(package::PgType::Timestamptz)
}

/// DataFusion's name for a Postgres `date_trunc` unit, or why it is refused.
fn unit(postgres: &str) -> Result<&'static str> {
    Ok(match postgres.trim().to_lowercase().as_str() {
        "microsecond" | "microseconds" | "us" | "usec" | "usecs" | "useconds" => "microsecond",
        "millisecond" | "milliseconds" | "ms" | "msec" | "msecs" | "mseconds" => "millisecond",
        "second" | "seconds" | "s" | "sec" | "secs" => "second",
        "minute" | "minutes" | "m" | "min" | "mins" => "minute",
        "hour" | "hours" | "h" | "hr" | "hrs" => "hour",
        "day" | "days" | "d" => "day",
        "week" | "weeks" | "w" => "week",
        "month" | "months" | "mon" | "mons" => "month",
        "quarter" | "qtr" => "quarter",
        "year" | "years" | "y" | "yr" | "yrs" => "year",
        "decade" | "decades" | "dec" | "decs" | "century" | "centuries" | "c" | "cent" | "millennium" | "millennia"
        | "mil" | "mils" => {
            return not_impl_err!("date_trunc('{postgres}', …) is not supported on the embedded engine");
        }
        _ => {
            let message = format!("unit \"{postgres}\" not recognized for type timestamp");
            let error = crate::error::ConnectorError::new(crate::error::ErrorKind::InvalidParameterValue, message);
            return Err(datafusion::error::DataFusionError::External(Box::new(error)));
        }
    })
}

const NANOS_PER_MICROSECOND: i64 = 1_000;
const NANOS_PER_MILLISECOND: i64 = 1_000_000;
const NANOS_PER_SECOND: i64 = 1_000_000_000;
const NANOS_PER_MINUTE: i64 = 60 * NANOS_PER_SECOND;
const NANOS_PER_HOUR: i64 = 60 * NANOS_PER_MINUTE;

/// Postgres' `interval_trunc`: the fields below `unit` set to zero, the fields split as
/// `interval2itm` splits them (years = months / 12, hours = time / 1 h, …, toward zero).
fn truncate_interval(unit_text: &str, value: IntervalMonthDayNano) -> Result<IntervalMonthDayNano> {
    let IntervalMonthDayNano { months, days, nanoseconds: time } = value;
    let years_per = match unit_text.trim().to_lowercase().as_str() {
        "decade" | "decades" | "dec" | "decs" => Some(10),
        "century" | "centuries" | "c" | "cent" => Some(100),
        "millennium" | "millennia" | "mil" | "mils" => Some(1000),
        _ => None,
    };
    let unit_name = if years_per.is_some() { "year" } else { unit(unit_text)? };
    let years = months / 12;
    let to_unit = |nanos: i64, per: i64| nanos / per * per;
    Ok(match unit_name {
        "year" => IntervalMonthDayNano::new(years / years_per.unwrap_or(1) * years_per.unwrap_or(1) * 12, 0, 0),
        "quarter" => IntervalMonthDayNano::new(years * 12 + months % 12 / 3 * 3, 0, 0),
        "month" => IntervalMonthDayNano::new(months, 0, 0),
        "day" => IntervalMonthDayNano::new(months, days, 0),
        "hour" => IntervalMonthDayNano::new(months, days, to_unit(time, NANOS_PER_HOUR)),
        "minute" => IntervalMonthDayNano::new(months, days, to_unit(time, NANOS_PER_MINUTE)),
        "second" => IntervalMonthDayNano::new(months, days, to_unit(time, NANOS_PER_SECOND)),
        "millisecond" => IntervalMonthDayNano::new(months, days, to_unit(time, NANOS_PER_MILLISECOND)),
        "microsecond" => IntervalMonthDayNano::new(months, days, to_unit(time, NANOS_PER_MICROSECOND)),
        _ => {
            let message = format!("unit \"{unit_text}\" not supported for type interval");
            return Err(super::sql_error(crate::error::ErrorKind::FeatureNotSupported, message));
        }
    })
}

impl ScalarUDFImpl for PgDateTrunc {
    fn name(&self) -> &str {
        "pg_date_trunc"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        match arg_types {
            [unit, value] => {
                let unit = if unit.is_null() { DataType::Utf8 } else { unit.clone() };
                let value = match value {
                    DataType::Null => DataType::Timestamp(TimeUnit::Microsecond, None),
                    other => other.clone(),
                };
                Ok(vec![unit, value])
            }
            _ => exec_err!("date_trunc takes two arguments"),
        }
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        match arg_types.get(1) {
            Some(DataType::Timestamp(_, None)) => Ok(DataType::Timestamp(TimeUnit::Microsecond, None)),
            Some(DataType::Timestamp(_, Some(_)) | DataType::Date32) => Ok(timestamptz()),
            Some(DataType::Interval(IntervalUnit::MonthDayNano)) => Ok(DataType::Interval(IntervalUnit::MonthDayNano)),
            Some(other) => exec_err!("function date_trunc(unknown, {other}) does not exist"),
            None => exec_err!("date_trunc takes two arguments"),
        }
    }

    fn return_field_from_args(&self, args: ReturnFieldArgs) -> Result<FieldRef> {
        let types: Vec<DataType> = args.arg_fields.iter().map(|f| f.data_type().clone()).collect();
        Ok(super::result_field(self.name(), self.return_type(&types)?))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [unit_arg, value] = args.args.as_slice() else { return exec_err!("date_trunc takes two arguments") };
        let ColumnarValue::Scalar(ScalarValue::Utf8(Some(unit_text)) | ScalarValue::Utf8View(Some(unit_text))) =
            unit_arg
        else {
            return not_impl_err!(
                "date_trunc with a unit that is not a constant is not supported on the embedded engine"
            );
        };
        let unit_name = unit(unit_text)?;
        let zone = args.config_options.execution.time_zone.clone().unwrap_or_else(|| "UTC".to_string());
        let cast = datafusion::arrow::compute::cast;
        let rows = args.number_rows;
        let scalar_input = matches!(value, ColumnarValue::Scalar(_));
        let array = value.to_array(rows)?;
        if let Some(intervals) = array.as_primitive_opt::<IntervalMonthDayNanoType>() {
            let out: IntervalMonthDayNanoArray = intervals
                .iter()
                .map(|v| v.map(|v| truncate_interval(unit_text, v)).transpose())
                .collect::<Result<_>>()?;
            return super::columnar(Arc::new(out), scalar_input);
        }
        let local_zone = DataType::Timestamp(TimeUnit::Microsecond, Some(zone.as_str().into()));
        // The instants to truncate, labelled with the zone whose wall clock is truncated.
        let (input, zoned): (ArrayRef, bool) = match array.data_type() {
            DataType::Timestamp(_, None) => (cast(&array, &DataType::Timestamp(TimeUnit::Microsecond, None))?, false),
            // A naive midnight cast to a zone is read as that zone's wall clock.
            DataType::Date32 => {
                (cast(&cast(&array, &DataType::Timestamp(TimeUnit::Microsecond, None))?, &local_zone)?, true)
            }
            DataType::Timestamp(_, Some(_)) => (cast(&array, &local_zone)?, true),
            other => return exec_err!("function date_trunc(unknown, {other}) does not exist"),
        };
        let truncate = datafusion::functions::datetime::date_trunc();
        let input_field = Arc::new(datafusion::arrow::datatypes::Field::new("value", input.data_type().clone(), true));
        let truncated = truncate.invoke_with_args(ScalarFunctionArgs {
            args: vec![ColumnarValue::Scalar(ScalarValue::Utf8(Some(unit_name.into()))), ColumnarValue::Array(input)],
            arg_fields: vec![
                Arc::new(datafusion::arrow::datatypes::Field::new("unit", DataType::Utf8, false)),
                input_field.clone(),
            ],
            number_rows: rows,
            return_field: input_field,
            config_options: args.config_options.clone(),
        })?;
        let truncated = truncated.to_array(rows)?;
        let out = if zoned { cast(&truncated, &timestamptz())? } else { truncated };
        super::columnar(out, scalar_input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_unit_spellings() {
        assert_eq!(unit("Month").ok(), Some("month"));
        assert_eq!(unit("milliseconds").ok(), Some("millisecond"));
        assert_eq!(unit(" hours ").ok(), Some("hour"));
        assert!(unit("decade").is_err());
        assert!(unit("fortnight").is_err());
    }

    #[test]
    fn truncates_intervals_as_postgres() {
        let hour = NANOS_PER_HOUR;
        let iv = |m: i32, d: i32, n: i64| IntervalMonthDayNano::new(m, d, n);
        let trunc = |unit: &str, v| truncate_interval(unit, v).unwrap();
        // date_trunc('hour', interval '1 day 5 hours 30 minutes') = 1 day 05:00:00
        assert_eq!(trunc("hour", iv(0, 1, 5 * hour + hour / 2)), iv(0, 1, 5 * hour));
        // date_trunc('year', interval '2 years 7 months') = 2 years
        assert_eq!(trunc("year", iv(31, 0, 0)), iv(24, 0, 0));
        // date_trunc('quarter', interval '1 year 5 months 3 days') = 1 year 3 mons
        assert_eq!(trunc("quarter", iv(17, 3, 0)), iv(15, 0, 0));
        // date_trunc('decade', interval '27 years') = 20 years; ('minute', '-1 hour -90 seconds') = -01:01:00
        assert_eq!(trunc("decade", iv(27 * 12, 0, 0)), iv(240, 0, 0));
        assert_eq!(trunc("minute", iv(0, 0, -hour - 90 * NANOS_PER_SECOND)), iv(0, 0, -hour - 60 * NANOS_PER_SECOND));
        assert!(truncate_interval("week", iv(0, 8, 0)).is_err());
    }
}

#[cfg(test)]
mod session_tests {
    use datafusion::prelude::{SessionConfig, SessionContext};

    async fn truncate(sql: &str, zone: &str) -> String {
        let mut config = SessionConfig::new();
        config.options_mut().execution.time_zone = Some(zone.to_string());
        let ctx = SessionContext::new_with_config(config);
        ctx.register_udf(datafusion::logical_expr::ScalarUDF::from(super::PgDateTrunc::new()));
        let batches = ctx.sql(sql).await.unwrap().collect().await.unwrap();
        let column =
            datafusion::arrow::compute::cast(batches[0].column(0), &datafusion::arrow::datatypes::DataType::Utf8)
                .unwrap();
        datafusion::arrow::array::AsArray::as_string::<i32>(&column).value(0).to_string()
    }

    #[tokio::test]
    async fn truncates_on_the_session_wall_clock() {
        let sql = "select pg_date_trunc('day', arrow_cast(1709210096000000, 'Timestamp(Microsecond, Some(\"UTC\"))'))";
        assert_eq!(truncate(sql, "America/New_York").await, "2024-02-29T05:00:00Z");
        let sql = "select pg_date_trunc('month', arrow_cast(19782, 'Date32'))";
        assert_eq!(truncate(sql, "America/New_York").await, "2024-02-01T05:00:00Z");
    }
}
