//! `pg_overlaps(s1, e1, s2, e2)`: Postgres' `(s1, e1) OVERLAPS (s2, e2)` over dates,
//! timestamps and times, an end given as an interval being `start + interval`. DataFusion has no
//! `OVERLAPS`. Postgres' rules (`overlaps_timestamp`): each period runs from its lesser to its
//! greater end, a period with one NULL end is the other end alone, and the result is NULL
//! exactly where a NULL end could decide it.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, BooleanArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::compute::kernels::numeric::add;
use datafusion::arrow::datatypes::{DataType, Int64Type, TimeUnit};
use datafusion::common::{DataFusionError, Result, exec_err};
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility};

/// `OVERLAPS` of two periods, each a start and an end (or a start and an interval).
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct PgOverlaps {
    signature: Signature,
}

impl PgOverlaps {
    pub(super) fn new() -> Self {
        Self { signature: Signature::user_defined(Volatility::Immutable) }
    }
}

/// Whether a value of `data_type` is a point on the time line of dates and timestamps (`Some(true)`)
/// or of times of day (`Some(false)`); `None` for anything else. NULL fits either.
fn time_line(data_type: &DataType) -> Option<Option<bool>> {
    match data_type {
        DataType::Date32 | DataType::Timestamp(..) => Some(Some(true)),
        DataType::Time64(_) | DataType::Time32(_) => Some(Some(false)),
        DataType::Null => Some(None),
        _ => None,
    }
}

fn refusal(arg_types: &[DataType]) -> DataFusionError {
    let types: Vec<String> = arg_types.iter().map(ToString::to_string).collect();
    DataFusionError::NotImplemented(format!(
        "OVERLAPS of ({}) is not supported on the embedded engine (dates, timestamps and times only)",
        types.join(", ")
    ))
}

impl ScalarUDFImpl for PgOverlaps {
    fn name(&self) -> &str {
        "pg_overlaps"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let [start1, end1, start2, end2] = arg_types else { return exec_err!("OVERLAPS compares two periods") };
        let mut lines = Vec::new();
        for (start, end) in [(start1, end1), (start2, end2)] {
            lines.push(time_line(start).ok_or_else(|| refusal(arg_types))?);
            match end {
                // An interval after a time of day would wrap around midnight.
                DataType::Interval(_) if time_line(start) != Some(Some(false)) => {}
                _ => lines.push(time_line(end).ok_or_else(|| refusal(arg_types))?),
            }
        }
        let known: Vec<bool> = lines.into_iter().flatten().collect();
        if known.windows(2).any(|pair| pair[0] != pair[1]) {
            return Err(refusal(arg_types));
        }
        Ok(arg_types.to_vec())
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Boolean)
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        let arrays: Vec<ArrayRef> = args.args.iter().map(|a| a.to_array(rows)).collect::<Result<_>>()?;
        let [start1, end1, start2, end2] = arrays.as_slice() else {
            return exec_err!("OVERLAPS compares two periods");
        };
        let (start1, end1) = (instants(start1)?, end_instants(start1, end1)?);
        let (start2, end2) = (instants(start2)?, end_instants(start2, end2)?);
        let (start1, end1) = (start1.as_primitive::<Int64Type>(), end1.as_primitive::<Int64Type>());
        let (start2, end2) = (start2.as_primitive::<Int64Type>(), end2.as_primitive::<Int64Type>());
        let value = |a: &datafusion::arrow::array::Int64Array, i: usize| a.is_valid(i).then(|| a.value(i));
        let out: BooleanArray = (0..rows)
            .map(|i| overlaps((value(start1, i), value(end1, i)), (value(start2, i), value(end2, i))))
            .collect();
        Ok(ColumnarValue::Array(Arc::new(out)))
    }
}

/// Points of a date, timestamp or time array as microseconds on one line (dates and
/// timestamps since the epoch, times since midnight).
fn instants(points: &ArrayRef) -> Result<ArrayRef> {
    let micros = match points.data_type() {
        DataType::Date32 => cast(points, &DataType::Timestamp(TimeUnit::Microsecond, None))?,
        DataType::Timestamp(_, zone) => cast(points, &DataType::Timestamp(TimeUnit::Microsecond, zone.clone()))?,
        DataType::Time32(_) | DataType::Time64(_) => cast(points, &DataType::Time64(TimeUnit::Microsecond))?,
        _ => points.clone(),
    };
    Ok(cast(&micros, &DataType::Int64)?)
}

/// A period's end points: `end` itself, or `start + end` for an interval.
fn end_instants(start: &ArrayRef, end: &ArrayRef) -> Result<ArrayRef> {
    if !matches!(end.data_type(), DataType::Interval(_)) {
        return instants(end);
    }
    let start = match start.data_type() {
        DataType::Date32 => cast(start, &DataType::Timestamp(TimeUnit::Microsecond, None))?,
        _ => start.clone(),
    };
    instants(&add(&start, end)?)
}

/// Postgres' `overlaps_timestamp` on two periods of points, either end of each possibly NULL.
fn overlaps(first: (Option<i64>, Option<i64>), second: (Option<i64>, Option<i64>)) -> Option<bool> {
    // The lesser end first; with one NULL end, the other end as the start.
    let order = |(start, end): (Option<i64>, Option<i64>)| match (start, end) {
        (None, None) => None,
        (None, Some(only)) | (Some(only), None) => Some((only, None)),
        (Some(a), Some(b)) => Some((a.min(b), Some(a.max(b)))),
    };
    let ((start1, end1), (start2, end2)) = (order(first)?, order(second)?);
    // The later-starting period overlaps when it starts before the other ends.
    let later_starts_inside = |later_start: i64, earlier_end: Option<i64>, later_end: Option<i64>| {
        if earlier_end? > later_start {
            return Some(true);
        }
        // A known later end implies it is not before the earlier end either.
        later_end.map(|_| false)
    };
    match start1.cmp(&start2) {
        std::cmp::Ordering::Greater => later_starts_inside(start1, end2, end1),
        std::cmp::Ordering::Less => later_starts_inside(start2, end1, end2),
        std::cmp::Ordering::Equal => (end1.is_some() && end2.is_some()).then_some(true),
    }
}

#[cfg(test)]
mod tests {
    use super::overlaps;

    #[test]
    fn periods_overlap_by_postgres_rules() {
        assert_eq!(overlaps((Some(1), Some(5)), (Some(3), Some(8))), Some(true));
        // Touching ends do not overlap; reversed ends are reordered.
        assert_eq!(overlaps((Some(1), Some(5)), (Some(5), Some(8))), Some(false));
        assert_eq!(overlaps((Some(5), Some(1)), (Some(8), Some(3))), Some(true));
        // Equal starts overlap when both ends are known.
        assert_eq!(overlaps((Some(1), Some(1)), (Some(1), Some(9))), Some(true));
        assert_eq!(overlaps((Some(1), None), (Some(1), Some(9))), None);
        // A NULL end decides nothing when the other end already does.
        assert_eq!(overlaps((Some(3), None), (Some(1), Some(5))), Some(true));
        assert_eq!(overlaps((Some(6), None), (Some(1), Some(5))), None);
        assert_eq!(overlaps((Some(6), Some(7)), (Some(1), Some(5))), Some(false));
        assert_eq!(overlaps((None, None), (Some(1), Some(5))), None);
    }
}
