//! `pg_to_date(text, 'format')` and `pg_to_timestamp(text, 'format')`: Postgres' `to_date` and
//! two-argument `to_timestamp` on the embedded engine.
//!
//! The format is read by `to_char`'s reader (Postgres' keywords, `FM`, quoted text). The input is
//! read as Postgres reads it without `FX`: blanks before a field are skipped; a separator in the
//! format consumes one non-alphanumeric input character when there is one (and the blanks around
//! it); a number field takes all its digits, or only its width when the next format piece is
//! another field (`YYYYMMDD`); `MS` and `US` digits are fractions of a second (`.25` with `MS`
//! is 250 ms); the fields after the end of the input keep their defaults. Fields read: `YYYY`, `MM`, `DD`, `DDD`, `Mon`/`Month` (any case), `HH`, `HH12`,
//! `HH24`, `MI`, `SS`, `MS`, `US`, `AM`/`PM`; any other field, and an input without a year, is
//! refused. A date or time that does not exist is 22008, as in Postgres. A `timestamp` is the
//! wall-clock time read in the session's time zone.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use datafusion::arrow::array::{Array, ArrayRef, AsArray, Date32Array, TimestampMicrosecondArray};
use datafusion::arrow::datatypes::{DataType, TimeUnit};
use datafusion::common::{Result, ScalarValue, exec_err};
use datafusion::error::DataFusionError;
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility};

use super::to_char::{MONTHS, Part, Piece, parse_format};
use crate::error::ErrorKind;

/// `to_date` (a `date`) or `to_timestamp` (a `timestamptz`) of text in a format.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct PgParseDateTime {
    signature: Signature,
    date: bool,
}

impl PgParseDateTime {
    pub(super) fn new(date: bool) -> Self {
        PgParseDateTime { signature: Signature::exact(vec![DataType::Utf8, DataType::Utf8], Volatility::Stable), date }
    }
}

/// The fields read from one input.
#[derive(Default)]
struct Fields {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    day_of_year: Option<u32>,
    hour: u32,
    twelve_hour: bool,
    pm: Option<bool>,
    minute: u32,
    second: u32,
    micros: u32,
}

fn out_of_range(input: &str) -> DataFusionError {
    let message = format!("date/time field value out of range: \"{input}\"");
    super::sql_error(ErrorKind::Backend("22008".into()), message)
}

fn invalid(input: &str, what: &str) -> DataFusionError {
    let message = format!("invalid value \"{input}\" for \"{what}\"");
    super::sql_error(ErrorKind::Backend("22007".into()), message)
}

/// Reads `input` by `pieces` into a wall-clock date and time.
fn read(pieces: &[Piece], input: &str) -> Result<NaiveDateTime> {
    let mut fields = Fields::default();
    let mut rest = input;
    let skip_blanks = |rest: &mut &str| *rest = rest.trim_start();
    for (index, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Literal(text) => {
                for c in text.chars() {
                    skip_blanks(&mut rest);
                    if !c.is_whitespace()
                        && let Some(next) = rest.chars().next()
                        && !next.is_alphanumeric()
                    {
                        rest = &rest[next.len_utf8()..];
                    }
                }
            }
            Piece::Field { field, .. } => {
                skip_blanks(&mut rest);
                // Fields after the end of the input keep their defaults.
                if rest.is_empty() {
                    break;
                }
                let next_is_field = matches!(pieces.get(index + 1), Some(Piece::Field { .. }));
                let mut number = |width: usize| -> Result<(u32, usize)> {
                    let limit = if next_is_field { width } else { usize::MAX };
                    let digits = rest.bytes().take(limit).take_while(u8::is_ascii_digit).count();
                    let value = rest[..digits].parse::<u32>().map_err(|_| invalid(rest, &format!("{field:?}")))?;
                    rest = &rest[digits..];
                    Ok((value, digits))
                };
                match field {
                    Part::Year4 => {
                        let year = number(4)?.0;
                        fields.year = Some(i32::try_from(year).map_err(|_| out_of_range(input))?);
                    }
                    Part::MonthNumber => fields.month = Some(number(2)?.0),
                    Part::DayOfMonth => fields.day = Some(number(2)?.0),
                    Part::DayOfYear => fields.day_of_year = Some(number(3)?.0),
                    Part::Hour24 => fields.hour = number(2)?.0,
                    Part::Hour12 => {
                        fields.hour = number(2)?.0;
                        fields.twelve_hour = true;
                    }
                    Part::Minute => fields.minute = number(2)?.0,
                    Part::Second => fields.second = number(2)?.0,
                    Part::Millisecond | Part::Microsecond => {
                        let width = if matches!(field, Part::Millisecond) { 3 } else { 6 };
                        let (value, digits) = number(width)?;
                        if digits > width {
                            return Err(out_of_range(input));
                        }
                        let scale = 10u32.pow((6 - digits) as u32);
                        fields.micros = value * scale;
                    }
                    Part::MonthName(_) | Part::MonthAbbrev(_) => {
                        let full = matches!(field, Part::MonthName(_));
                        let found = MONTHS.iter().enumerate().find_map(|(at, name)| {
                            let name = if full { *name } else { &name[..3] };
                            let head = rest.get(..name.len())?;
                            head.eq_ignore_ascii_case(name).then_some((at, name.len()))
                        });
                        let (at, length) = found.ok_or_else(|| invalid(rest, if full { "Month" } else { "Mon" }))?;
                        fields.month = Some(at as u32 + 1);
                        rest = &rest[length..];
                    }
                    Part::Meridiem { .. } => {
                        let head = rest.get(..2).unwrap_or_default().to_ascii_lowercase();
                        fields.pm = Some(match head.as_str() {
                            "am" => false,
                            "pm" => true,
                            _ => return Err(invalid(rest, "AM/PM")),
                        });
                        fields.twelve_hour = true;
                        rest = &rest[2..];
                    }
                    other => {
                        return Err(DataFusionError::NotImplemented(format!(
                            "to_date/to_timestamp with the field {other:?} is not supported on the embedded engine"
                        )));
                    }
                }
            }
        }
    }
    let Some(year) = fields.year else {
        return Err(DataFusionError::NotImplemented(
            "to_date/to_timestamp of an input without a year is not supported on the embedded engine".into(),
        ));
    };
    let date = match fields.day_of_year {
        Some(day) => NaiveDate::from_yo_opt(year, day),
        None => NaiveDate::from_ymd_opt(year, fields.month.unwrap_or(1), fields.day.unwrap_or(1)),
    }
    .ok_or_else(|| out_of_range(input))?;
    let hour = match (fields.twelve_hour, fields.pm) {
        (true, pm) if (1..=12).contains(&fields.hour) => fields.hour % 12 + if pm == Some(true) { 12 } else { 0 },
        (true, _) => return Err(out_of_range(input)),
        (false, _) => fields.hour,
    };
    let time = NaiveTime::from_hms_micro_opt(hour, fields.minute, fields.second, fields.micros)
        .ok_or_else(|| out_of_range(input))?;
    Ok(date.and_time(time))
}

impl ScalarUDFImpl for PgParseDateTime {
    fn name(&self) -> &str {
        if self.date { "pg_to_date" } else { "pg_to_timestamp" }
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(if self.date { DataType::Date32 } else { crate::types::arrow_type(package::PgType::Timestamptz) })
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [value, format] = args.args.as_slice() else { return exec_err!("{} takes text and a format", self.name()) };
        let format = match format {
            ColumnarValue::Scalar(ScalarValue::Utf8(format)) => format.clone(),
            _ => {
                return Err(DataFusionError::NotImplemented(format!(
                    "{}() with a format that is not a constant is not supported on the embedded engine",
                    if self.date { "to_date" } else { "to_timestamp" }
                )));
            }
        };
        let rows = args.number_rows;
        let scalar = matches!(value, ColumnarValue::Scalar(_));
        let array = value.to_array(rows)?;
        let Some(texts) = array.as_string_opt::<i32>() else {
            return exec_err!("{} takes text, got {}", self.name(), array.data_type());
        };
        let pieces = match &format {
            Some(format) => parse_format(format).map_err(|what| {
                DataFusionError::NotImplemented(format!(
                    "{} is not supported on the embedded engine",
                    what.replace("to_char()", "to_date/to_timestamp")
                ))
            })?,
            None => Vec::new(),
        };
        let read_all = texts.iter().map(|text| match (text, &format) {
            (Some(text), Some(_)) => read(&pieces, text).map(Some),
            _ => Ok(None),
        });
        let out: ArrayRef = if self.date {
            let days = read_all
                .map(|at| at.map(|at| at.map(|at| chrono::Datelike::num_days_from_ce(&at.date()) - EPOCH_DAYS_FROM_CE)))
                .collect::<Result<Date32Array>>()?;
            Arc::new(days)
        } else {
            let zone = super::zone::parse_zone(args.config_options.execution.time_zone.as_deref().unwrap_or("UTC"))?;
            let instants = read_all
                .map(|at| {
                    at.and_then(|at| {
                        at.map(|at| super::zone::instant(at.and_utc().timestamp_micros(), &zone))
                            .map(|instant| instant.ok_or_else(super::zone::out_of_range))
                            .transpose()
                    })
                })
                .collect::<Result<TimestampMicrosecondArray>>()?;
            let utc = instants.with_timezone("UTC");
            debug_assert_eq!(utc.data_type(), &DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())));
            Arc::new(utc)
        };
        super::columnar(out, scalar)
    }
}

/// Days from 0001-01-01 (CE day 1) to 1970-01-01.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(input: &str, format: &str) -> Option<String> {
        read(&parse_format(format).ok()?, input).ok().map(|at| at.format("%Y-%m-%d %H:%M:%S%.f").to_string())
    }

    #[test]
    fn reads_as_postgres() {
        // Each expectation is Postgres 15's to_timestamp/to_date of the same input and format.
        let cases = [
            ("2024-02-29 13:05:09", "YYYY-MM-DD HH24:MI:SS", "2024-02-29 13:05:09"),
            ("29.02.2024 01:05 PM", "DD.MM.YYYY HH:MI AM", "2024-02-29 13:05:00"),
            ("2024-02-29 13:05:09.25", "YYYY-MM-DD HH24:MI:SS.MS", "2024-02-29 13:05:09.250"),
            ("2024-02-29 13:05:09.5", "YYYY-MM-DD HH24:MI:SS.US", "2024-02-29 13:05:09.500"),
            ("2024-060", "YYYY-DDD", "2024-02-29 00:00:00"),
            ("Feb 29 2024", "Mon DD YYYY", "2024-02-29 00:00:00"),
            ("february 3 2024", "Month DD YYYY", "2024-02-03 00:00:00"),
            ("2024  -  2-9", "YYYY-MM-DD", "2024-02-09 00:00:00"),
            ("2024-02-29xyz", "YYYY-MM-DD", "2024-02-29 00:00:00"),
            ("2024/2/9", "YYYY-MM-DD", "2024-02-09 00:00:00"),
            ("20240229", "YYYYMMDD", "2024-02-29 00:00:00"),
            ("2024", "YYYY-MM-DD", "2024-01-01 00:00:00"),
            ("12:00 AM 2024", "HH:MI AM YYYY", "2024-01-01 00:00:00"),
        ];
        for (input, format, expected) in cases {
            assert_eq!(parsed(input, format).as_deref(), Some(expected), "{input} / {format}");
        }
        for (input, format) in
            [("2024-13-01", "YYYY-MM-DD"), ("2024-02-30", "YYYY-MM-DD"), ("13:00 PM 2024", "HH:MI AM YYYY")]
        {
            assert_eq!(parsed(input, format), None, "{input} / {format}");
        }
        assert!(read(&parse_format("HH24:MI").unwrap(), "10:00").is_err(), "no year");
    }

    #[test]
    fn epoch_offset_is_1970() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        assert_eq!(chrono::Datelike::num_days_from_ce(&epoch), EPOCH_DAYS_FROM_CE);
    }
}
