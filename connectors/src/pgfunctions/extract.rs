//! `pg_extract('field', x)`: `EXTRACT(field FROM x)` for the fields whose value has a fraction,
//! exactly as Postgres computes them: a `numeric` of a fixed scale per field (`second` 6,
//! `milliseconds` 3, `microseconds` 0, `epoch` 6, and 0 for the `epoch` of a date), here a
//! decimal of that scale over the value's microseconds. Timestamps, dates (epoch only) and
//! times; intervals are refused (their epoch counts months as 30 days and years as 365.25).
//! A `timestamptz` is read on UTC's wall clock: outside UTC the plan check refuses it.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Decimal128Array};
use datafusion::arrow::datatypes::{
    DataType, Date32Type, Field, FieldRef, Time64MicrosecondType, TimeUnit, TimestampMicrosecondType,
};
use datafusion::common::{Result, ScalarValue, exec_err, not_impl_err};
use datafusion::logical_expr::{
    ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility,
};

const MICROS_PER_DAY: i128 = 86_400_000_000;
const MICROS_PER_MINUTE: i128 = 60_000_000;

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
        other => return not_impl_err!("EXTRACT({other} FROM …) is not supported on the embedded engine"),
    })
}

/// The scale of the result: Postgres' for the field and the argument's type.
fn scale(part: Part, input: &DataType) -> Result<i8> {
    Ok(match (part, input) {
        (Part::Epoch, DataType::Date32) => 0,
        (_, DataType::Date32) => return not_impl_err!("EXTRACT of {part:?} from a date is not supported"),
        (_, DataType::Timestamp(..) | DataType::Time64(_) | DataType::Time32(_) | DataType::Null) => match part {
            Part::Second | Part::Epoch => 6,
            Part::Milliseconds => 3,
            Part::Microseconds => 0,
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
            DataType::Date32 => {
                // Seconds (scale 0) since 1970.
                array.as_primitive::<Date32Type>().iter().map(|d| d.map(|d| i128::from(d) * 86_400)).collect()
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
            DataType::Null => vec![None; args.number_rows],
            other => return exec_err!("pg_extract of a {other} value"),
        };
        let out: ArrayRef = Arc::new(Decimal128Array::from(micros).with_precision_and_scale(38, *scale)?);
        super::columnar(out, scalar)
    }
}
