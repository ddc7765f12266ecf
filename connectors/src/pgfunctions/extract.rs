//! `pg_extract('field', x)`: `EXTRACT(field FROM x)` for the fields whose value has a fraction,
//! exactly as Postgres computes them: a `numeric` of a fixed scale per field (`second` 6,
//! `milliseconds` 3, `microseconds` 0, `epoch` 6, and 0 for the `epoch` of a date), here a
//! decimal of that scale over the value's microseconds; and the fields DataFusion lacks:
//! `decade`, `century`, `millennium` (scale 0, Postgres' rules for years before 1 included), and
//! `timezone`, `timezone_hour`, `timezone_minute` of a `timestamptz` (the session zone's offset). Timestamps, dates (epoch only), times
//! and intervals (whose epoch counts a year as 365.25 days, truncated, and a month as 30).
//! A `timestamptz` is read on UTC's wall clock: outside UTC the plan check refuses it.

use std::sync::Arc;

use chrono::{DateTime, Datelike};

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Decimal128Array};
use datafusion::arrow::datatypes::{
    DataType, Date32Type, Field, FieldRef, IntervalMonthDayNano, IntervalMonthDayNanoType, IntervalUnit,
    Time64MicrosecondType, TimeUnit, TimestampMicrosecondType,
};
use datafusion::common::{Result, ScalarValue, exec_err, not_impl_err};
use datafusion::logical_expr::{
    ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility,
};

const MICROS_PER_DAY: i128 = 86_400_000_000;
const MICROS_PER_MINUTE: i128 = 60_000_000;
/// 365.25 days, the year of an interval's epoch.
const MICROS_PER_YEAR: i128 = 31_557_600_000_000;

/// `EXTRACT` of a fractional field (see the module header).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgExtract {
    signature: Signature,
}

impl PgExtract {
    pub fn new() -> Self {
        PgExtract { signature: Signature::any(2, Volatility::Immutable) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Second,
    Milliseconds,
    Microseconds,
    Epoch,
    Decade,
    Century,
    Millennium,
    /// The session zone's offset east of UTC at the instant: in seconds, hours, minutes.
    Timezone,
    TimezoneHour,
    TimezoneMinute,
}

impl Part {
    fn of_zone(self) -> bool {
        matches!(self, Part::Timezone | Part::TimezoneHour | Part::TimezoneMinute)
    }

    /// The field of a zone offset of `seconds` east of UTC (hours and minutes signed like it).
    fn of_offset(self, seconds: i64) -> i128 {
        i128::from(match self {
            Part::TimezoneHour => seconds / 3_600,
            Part::TimezoneMinute => seconds / 60 % 60,
            _ => seconds,
        })
    }

    fn of_years(self) -> bool {
        matches!(self, Part::Decade | Part::Century | Part::Millennium)
    }

    /// Postgres' `decade`/`century`/`millennium` of a year numbered as chrono and Postgres'
    /// `tm_year` number them (1 BC is year 0).
    fn of_year(self, year: i32) -> i128 {
        let year = i128::from(year);
        let (span, offset) = match self {
            Part::Decade => return if year >= 0 { year / 10 } else { -((8 - (year - 1)) / 10) },
            Part::Century => (100, 99),
            _ => (1000, 999),
        };
        if year > 0 { (year + offset) / span } else { -((offset - (year - 1)) / span) }
    }

    /// The same fields of an interval: its years divided, toward zero.
    fn of_interval_years(self, years: i128) -> i128 {
        match self {
            Part::Decade => years / 10,
            Part::Century => years / 100,
            _ => years / 1000,
        }
    }
}

/// The field named by the first argument, a constant.
fn part(field: Option<&ScalarValue>) -> Result<Part> {
    let field = match field {
        Some(ScalarValue::Utf8(Some(field))) => field.to_lowercase(),
        _ => return exec_err!("pg_extract takes a constant field"),
    };
    Ok(match field.as_str() {
        "second" | "seconds" => Part::Second,
        "milliseconds" => Part::Milliseconds,
        "microseconds" => Part::Microseconds,
        "epoch" => Part::Epoch,
        "decade" | "decades" => Part::Decade,
        "century" | "centuries" => Part::Century,
        "millennium" | "millennia" => Part::Millennium,
        "timezone" => Part::Timezone,
        "timezone_hour" => Part::TimezoneHour,
        "timezone_minute" => Part::TimezoneMinute,
        other => return not_impl_err!("EXTRACT({other} FROM …) is not supported on the embedded engine"),
    })
}

/// The microseconds of an interval a fractional field shows: Postgres 15's `interval_part` —
/// the epoch counts each year as 365.25 days, each other month as 30; `second` and the like are
/// the time part's seconds within its minute (signed like it).
fn interval_micros(part: Part, value: IntervalMonthDayNano) -> i128 {
    let IntervalMonthDayNano { months, days, nanoseconds } = value;
    let micros = i128::from(nanoseconds / 1_000);
    match part {
        Part::Epoch => {
            let month_days = 30 * i128::from(months % 12) + i128::from(days);
            i128::from(months / 12) * MICROS_PER_YEAR + month_days * MICROS_PER_DAY + micros
        }
        _ => micros % MICROS_PER_MINUTE,
    }
}

/// The scale of the result: Postgres' for the field and the argument's type.
fn scale(part: Part, input: &DataType) -> Result<i8> {
    Ok(match (part, input) {
        (Part::Epoch, DataType::Date32) => 0,
        (_, DataType::Timestamp(_, Some(_)) | DataType::Null) if part.of_zone() => 0,
        (_, other) if part.of_zone() => {
            let message = format!("unit \"{part:?}\" not supported for type {other}");
            return Err(super::sql_error(crate::error::ErrorKind::FeatureNotSupported, message));
        }
        (_, DataType::Time64(_) | DataType::Time32(_)) if part.of_years() => {
            return exec_err!("unit \"{part:?}\" not supported for type time without time zone");
        }
        (_, DataType::Date32 | DataType::Timestamp(..) | DataType::Interval(_) | DataType::Null) if part.of_years() => {
            0
        }
        (_, DataType::Date32) => return not_impl_err!("EXTRACT of {part:?} from a date is not supported"),
        (
            _,
            DataType::Timestamp(..)
            | DataType::Time64(_)
            | DataType::Time32(_)
            | DataType::Interval(IntervalUnit::MonthDayNano)
            | DataType::Null,
        ) => match part {
            Part::Second | Part::Epoch => 6,
            Part::Milliseconds => 3,
            Part::Microseconds
            | Part::Decade
            | Part::Century
            | Part::Millennium
            | Part::Timezone
            | Part::TimezoneHour
            | Part::TimezoneMinute => 0,
        },
        (_, other) => {
            return not_impl_err!("EXTRACT of {part:?} from a {other} value is not supported on the embedded engine");
        }
    })
}

impl ScalarUDFImpl for PgExtract {
    fn name(&self) -> &str {
        "pg_extract"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        // The scale depends on the field: see `return_field_from_args`.
        Ok(DataType::Decimal128(38, 6))
    }

    fn return_field_from_args(&self, args: ReturnFieldArgs) -> Result<FieldRef> {
        let input = args.arg_fields.get(1).map(|f| f.data_type().clone()).unwrap_or(DataType::Null);
        let scale = scale(part(args.scalar_arguments.first().copied().flatten())?, &input)?;
        Ok(Arc::new(Field::new(self.name(), DataType::Decimal128(38, scale), true)))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [field, value] = args.args.as_slice() else { return exec_err!("pg_extract takes a field and a value") };
        let ColumnarValue::Scalar(field) = field else { return exec_err!("pg_extract takes a constant field") };
        let part = part(Some(field))?;
        let DataType::Decimal128(_, scale) = args.return_field.data_type() else {
            return exec_err!("pg_extract returns a decimal");
        };
        let scalar = matches!(value, ColumnarValue::Scalar(_));
        let array = value.to_array(args.number_rows)?;
        // Every result is a count of microseconds (of a day, a minute or since 1970), shown at
        // the field's scale: `56.789000` s, `56789.000` ms and `56789000` µs are one count.
        let micros: Vec<Option<i128>> = match array.data_type() {
            DataType::Date32 if part.of_years() => array
                .as_primitive::<Date32Type>()
                .iter()
                .map(|d| d.and_then(Date32Type::to_naive_date_opt).map(|d| part.of_year(d.year())))
                .collect(),
            DataType::Date32 => {
                // Seconds (scale 0) since 1970.
                array.as_primitive::<Date32Type>().iter().map(|d| d.map(|d| i128::from(d) * 86_400)).collect()
            }
            DataType::Timestamp(..) if part.of_zone() => {
                let zone =
                    super::zone::parse_zone(args.config_options.execution.time_zone.as_deref().unwrap_or("UTC"))?;
                let cast = datafusion::arrow::compute::cast(&array, &DataType::Timestamp(TimeUnit::Microsecond, None))?;
                let values = cast.as_primitive::<TimestampMicrosecondType>();
                values
                    .iter()
                    .map(|v| {
                        v.map(|instant| {
                            let wall = super::zone::wall_clock(instant, &zone).ok_or_else(super::zone::out_of_range)?;
                            Ok(part.of_offset((wall - instant) / 1_000_000))
                        })
                        .transpose()
                    })
                    .collect::<Result<_>>()?
            }
            DataType::Timestamp(..) if part.of_years() => {
                let cast = datafusion::arrow::compute::cast(&array, &DataType::Timestamp(TimeUnit::Microsecond, None))?;
                let values = cast.as_primitive::<TimestampMicrosecondType>();
                values
                    .iter()
                    .map(|v| v.and_then(DateTime::from_timestamp_micros).map(|t| part.of_year(t.year())))
                    .collect()
            }
            DataType::Timestamp(..) => {
                let cast = datafusion::arrow::compute::cast(&array, &DataType::Timestamp(TimeUnit::Microsecond, None))?;
                let values = cast.as_primitive::<TimestampMicrosecondType>();
                values
                    .iter()
                    .map(|v| {
                        v.map(|v| match part {
                            Part::Epoch => i128::from(v),
                            _ => i128::from(v).rem_euclid(MICROS_PER_MINUTE),
                        })
                    })
                    .collect()
            }
            DataType::Time64(_) | DataType::Time32(_) => {
                let cast = datafusion::arrow::compute::cast(&array, &DataType::Time64(TimeUnit::Microsecond))?;
                let values = cast.as_primitive::<Time64MicrosecondType>();
                values
                    .iter()
                    .map(|v| {
                        v.map(|v| match part {
                            Part::Epoch => i128::from(v).rem_euclid(MICROS_PER_DAY),
                            _ => i128::from(v).rem_euclid(MICROS_PER_MINUTE),
                        })
                    })
                    .collect()
            }
            DataType::Interval(IntervalUnit::MonthDayNano) => array
                .as_primitive::<IntervalMonthDayNanoType>()
                .iter()
                .map(|v| {
                    v.map(|v| match part {
                        _ if part.of_years() => part.of_interval_years(i128::from(v.months / 12)),
                        _ => interval_micros(part, v),
                    })
                })
                .collect(),
            DataType::Null => vec![None; args.number_rows],
            other => return exec_err!("pg_extract of a {other} value"),
        };
        let out: ArrayRef = Arc::new(Decimal128Array::from(micros).with_precision_and_scale(38, *scale)?);
        super::columnar(out, scalar)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_fields_as_postgres() {
        let second = 1_000_000_000i64;
        let iv = |m: i32, d: i32, n: i64| IntervalMonthDayNano::new(m, d, n);
        // extract(epoch from interval '1 year 1 month 2 days 03:04:05.5') = 34333445.500000
        let value = iv(13, 2, 11_045 * second + second / 2);
        assert_eq!(interval_micros(Part::Epoch, value), 34_333_445_500_000);
        // extract(epoch from interval '-3 years') = -94672800.000000
        assert_eq!(interval_micros(Part::Epoch, iv(-36, 0, 0)), -94_672_800_000_000);
        // extract(second from interval '-1 min -5.25 sec') = -5.250000
        assert_eq!(interval_micros(Part::Second, iv(0, 0, -65 * second - second / 4)), -5_250_000);
    }

    #[test]
    fn zone_fields_as_postgres() {
        // SET TimeZone 'Asia/Kolkata': timezone 19800, timezone_hour 5, timezone_minute 30;
        // 'America/St_Johns' in winter: -12600, -3, -30.
        assert_eq!(Part::Timezone.of_offset(19_800), 19_800);
        assert_eq!((Part::TimezoneHour.of_offset(19_800), Part::TimezoneMinute.of_offset(19_800)), (5, 30));
        assert_eq!((Part::TimezoneHour.of_offset(-12_600), Part::TimezoneMinute.of_offset(-12_600)), (-3, -30));
    }

    #[test]
    fn year_fields_as_postgres() {
        // extract(… from date '…'): decade 2000-12-31 → 200, 1999 → 199; century 2000 → 20,
        // 2001 → 21; millennium 2000 → 2, 2001 → 3; 1 BC (year 0 here) → decade 0, century -1;
        // 11 BC → decade -1; 101 BC → century -2.
        assert_eq!(Part::Decade.of_year(2000), 200);
        assert_eq!(Part::Decade.of_year(1999), 199);
        assert_eq!(Part::Century.of_year(2000), 20);
        assert_eq!(Part::Century.of_year(2001), 21);
        assert_eq!(Part::Millennium.of_year(2000), 2);
        assert_eq!(Part::Millennium.of_year(2001), 3);
        assert_eq!(Part::Decade.of_year(0), 0);
        assert_eq!(Part::Century.of_year(0), -1);
        assert_eq!(Part::Decade.of_year(-10), -1);
        assert_eq!(Part::Century.of_year(-100), -2);
    }
}
