//! `pg_at_time_zone(x, zone)`: Postgres' `x AT TIME ZONE zone` for a named zone.
//!
//! - a `timestamptz` gives the `timestamp` a wall clock in `zone` shows at that instant;
//! - a `timestamp` (a wall-clock time in `zone`) gives the instant, a `timestamptz`. A time the
//!   clock skips (spring forward) is read with the offset before the change and a time it shows
//!   twice (fall back) with the offset after it, as Postgres reads them.
//!
//! The rewrite passes only zone names (`UTC`, `Area/City`); offsets and POSIX zone strings, whose
//! signs Postgres reads its own way, are refused there.

use std::str::FromStr;
use std::sync::Arc;

use chrono::{Duration, NaiveDateTime, Offset, TimeZone};
use datafusion::arrow::array::timezone::Tz;
use datafusion::arrow::array::{Array, ArrayRef, AsArray, TimestampMicrosecondArray};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, TimeUnit, TimestampMicrosecondType};
use datafusion::common::{Result, exec_err, not_impl_err};
use datafusion::logical_expr::{
    ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility,
};

use crate::error::{ConnectorError, ErrorKind};

/// `x AT TIME ZONE zone` (see the module header).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgAtTimeZone {
    signature: Signature,
}

impl PgAtTimeZone {
    pub fn new() -> Self {
        PgAtTimeZone { signature: Signature::any(2, Volatility::Immutable) }
    }
}

fn result_type(input: &DataType) -> Result<DataType> {
    match input {
        DataType::Timestamp(_, Some(_)) => Ok(DataType::Timestamp(TimeUnit::Microsecond, None)),
        DataType::Timestamp(_, None) => Ok(DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()))),
        other => not_impl_err!("AT TIME ZONE of a {other} value is not supported on the embedded engine"),
    }
}

impl ScalarUDFImpl for PgAtTimeZone {
    fn name(&self) -> &str {
        "pg_at_time_zone"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        result_type(arg_types.first().unwrap_or(&DataType::Null))
    }

    fn return_field_from_args(&self, args: ReturnFieldArgs) -> Result<FieldRef> {
        let input = args.arg_fields.first().map(|f| f.data_type().clone()).unwrap_or(DataType::Null);
        Ok(Arc::new(Field::new(self.name(), result_type(&input)?, true)))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [value, zone] = args.args.as_slice() else { return exec_err!("AT TIME ZONE takes two operands") };
        let rows = args.number_rows;
        let all_scalar = matches!(value, ColumnarValue::Scalar(_)) && matches!(zone, ColumnarValue::Scalar(_));
        let value = value.to_array(rows)?;
        let to_instant = matches!(value.data_type(), DataType::Timestamp(_, None));
        let micros = datafusion::arrow::compute::cast(&value, &DataType::Timestamp(TimeUnit::Microsecond, None))?;
        let micros = micros.as_primitive::<TimestampMicrosecondType>();
        let zones = datafusion::arrow::compute::cast(&zone.to_array(rows)?, &DataType::Utf8)?;
        let zones = zones.as_string::<i32>();
        let mut out = Vec::with_capacity(rows);
        for row in 0..rows {
            if micros.is_null(row) || zones.is_null(row) {
                out.push(None);
                continue;
            }
            let zone = parse_zone(zones.value(row))?;
            let shifted =
                if to_instant { instant(micros.value(row), &zone) } else { wall_clock(micros.value(row), &zone) };
            out.push(Some(shifted.ok_or_else(out_of_range)?));
        }
        let array = TimestampMicrosecondArray::from(out);
        let array: ArrayRef = if to_instant { Arc::new(array.with_timezone("UTC")) } else { Arc::new(array) };
        super::columnar(array, all_scalar)
    }
}

pub(super) fn out_of_range() -> datafusion::error::DataFusionError {
    let error = ConnectorError::new(ErrorKind::Backend("22008".into()), "timestamp out of range");
    datafusion::error::DataFusionError::External(Box::new(error))
}

pub(super) fn parse_zone(name: &str) -> Result<Tz> {
    Tz::from_str(name).map_err(|_| {
        let error =
            ConnectorError::new(ErrorKind::InvalidParameterValue, format!("time zone \"{name}\" not recognized"));
        datafusion::error::DataFusionError::External(Box::new(error))
    })
}

pub(super) fn naive(micros: i64) -> Option<NaiveDateTime> {
    chrono::DateTime::from_timestamp_micros(micros).map(|t| t.naive_utc())
}

/// The wall-clock time `zone` shows at the instant `micros` (since the Unix epoch, UTC).
pub(super) fn wall_clock(micros: i64, zone: &Tz) -> Option<i64> {
    let offset = zone.offset_from_utc_datetime(&naive(micros)?).fix().local_minus_utc();
    micros.checked_add(i64::from(offset) * 1_000_000)
}

/// The instant at which `zone`'s wall clock shows `micros` (read as a wall-clock time).
pub(super) fn instant(micros: i64, zone: &Tz) -> Option<i64> {
    let local = naive(micros)?;
    let offset = match zone.offset_from_local_datetime(&local) {
        chrono::LocalResult::Single(offset) => offset.fix(),
        // Shown twice (fall back): the later reading, with the offset after the change.
        chrono::LocalResult::Ambiguous(_, after) => after.fix(),
        // Skipped (spring forward): the offset in force before the change.
        chrono::LocalResult::None => zone.offset_from_utc_datetime(&local.checked_sub_signed(Duration::days(1))?).fix(),
    };
    micros.checked_sub(i64::from(offset.local_minus_utc()) * 1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn micros(text: &str) -> i64 {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap().and_utc().timestamp_micros()
    }

    #[test]
    fn transitions_are_read_as_postgres_reads_them() {
        let new_york = parse_zone("America/New_York").unwrap();
        // select timestamptz '2024-03-10 07:00:00+00' at time zone 'America/New_York'; → 03:00
        assert_eq!(wall_clock(micros("2024-03-10 07:00:00"), &new_york), Some(micros("2024-03-10 03:00:00")));
        // select timestamp '2024-11-03 01:30:00' at time zone 'America/New_York'; → 06:30+00
        assert_eq!(instant(micros("2024-11-03 01:30:00"), &new_york), Some(micros("2024-11-03 06:30:00")));
        // select timestamp '2024-03-10 02:30:00' at time zone 'America/New_York'; → 07:30+00
        assert_eq!(instant(micros("2024-03-10 02:30:00"), &new_york), Some(micros("2024-03-10 07:30:00")));
        assert!(parse_zone("Mars/Olympus").is_err());
        // At the edge of the representable range a skipped time gives no answer, not a panic.
        let earliest = chrono::NaiveDateTime::MIN.and_utc().timestamp_micros();
        let _ = instant(earliest, &new_york);
    }
}
