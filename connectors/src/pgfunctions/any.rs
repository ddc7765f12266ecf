//! `pg_eq_any(x, array [, blank_padded])`: Postgres' `x = ANY (array)` over an array value (a
//! bound parameter, a column, a function's result). True when an element equals `x`; otherwise
//! NULL when `x` or an element is NULL; false for an empty array whatever `x` is; NULL for a
//! NULL array. DataFusion's `array_has`, which it plans `= ANY` to, answers false where Postgres
//! answers NULL, so the plan check puts this in its place (`<> ALL` is its negation).
//!
//! `blank_padded`: `x` is a `char(n)` value compared without its trailing blanks and the array is
//! a parameter, which Postgres types `char(n)[]` or `text[]` depending on the client: elements
//! ending in a blank would compare differently in the two and are refused.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, BooleanArray, BooleanBuilder, Scalar};
use datafusion::arrow::compute::kernels::{boolean::or_kleene, cmp::eq};
use datafusion::arrow::compute::{CastOptions, cast_with_options};
use datafusion::arrow::datatypes::DataType;
use datafusion::common::{Result, ScalarValue, exec_err};
use datafusion::logical_expr::type_coercion::binary::comparison_coercion;
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDFImpl, Signature, TypeSignature, Volatility,
};

use crate::error::ErrorKind;

/// `x = ANY (array)` with Postgres' NULL rules.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct PgEqAny {
    signature: Signature,
}

impl PgEqAny {
    pub(super) fn new() -> Self {
        PgEqAny {
            signature: Signature::one_of(vec![TypeSignature::Any(2), TypeSignature::Any(3)], Volatility::Immutable),
        }
    }
}

impl ScalarUDFImpl for PgEqAny {
    fn name(&self) -> &str {
        "pg_eq_any"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _: &[DataType]) -> Result<DataType> {
        Ok(DataType::Boolean)
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        let (value, array, blank_padded) = match args.args.as_slice() {
            [value, array] => (value, array, false),
            [value, array, ColumnarValue::Scalar(ScalarValue::Boolean(flag))] => (value, array, flag.unwrap_or(false)),
            _ => return exec_err!("= ANY takes a value and an array"),
        };
        let scalar = matches!(value, ColumnarValue::Scalar(_));
        let value = value.to_array(rows)?;
        let out: ArrayRef = match array {
            ColumnarValue::Scalar(list) if list.is_null() => {
                return Ok(ColumnarValue::Scalar(ScalarValue::Boolean(None)));
            }
            ColumnarValue::Scalar(list) => {
                let list = list.to_array()?;
                let elements = single_list(&list)?;
                Arc::new(any_equal(&value, &elements, blank_padded)?)
            }
            ColumnarValue::Array(lists) => {
                let mut out = BooleanBuilder::with_capacity(rows);
                for row in 0..rows {
                    if lists.is_null(row) {
                        out.append_null();
                        continue;
                    }
                    let elements = single_list(&lists.slice(row, 1))?;
                    let answer = any_equal(&value.slice(row, 1), &elements, blank_padded)?;
                    out.append_option(answer.is_valid(0).then(|| answer.value(0)));
                }
                Arc::new(out.finish())
            }
        };
        super::columnar(out, scalar)
    }
}

/// The elements of the one list in `list` (a one-row list array).
fn single_list(list: &ArrayRef) -> Result<ArrayRef> {
    Ok(match list.data_type() {
        DataType::List(_) => list.as_list::<i32>().value(0),
        DataType::LargeList(_) => list.as_list::<i64>().value(0),
        DataType::FixedSizeList(..) => list.as_fixed_size_list().value(0),
        other => return exec_err!("= ANY over a {other}, not an array"),
    })
}

/// For each value, `value = e1 OR value = e2 …` in three-valued logic (false for no elements).
fn any_equal(values: &ArrayRef, elements: &ArrayRef, blank_padded: bool) -> Result<BooleanArray> {
    if blank_padded {
        refuse_blank_padded(elements)?;
    }
    let (values, elements) = common_type(values, elements)?;
    let mut answer = BooleanArray::from(vec![false; values.len()]);
    for i in 0..elements.len() {
        let equal = eq(&values, &Scalar::new(elements.slice(i, 1)))?;
        answer = or_kleene(&answer, &equal)?;
    }
    Ok(answer)
}

/// Both sides in the type Postgres would compare them in; the plan check lets only numbers of
/// different types and strings of different representations meet here.
fn common_type(values: &ArrayRef, elements: &ArrayRef) -> Result<(ArrayRef, ArrayRef)> {
    let (left, right) = (values.data_type(), elements.data_type());
    if left == right || right == &DataType::Null {
        let elements = if right == &DataType::Null { cast(elements, left)? } else { elements.clone() };
        return Ok((values.clone(), elements));
    }
    let Some(common) = comparison_coercion(left, right) else {
        return exec_err!("= ANY between a {left} and an array of {right}");
    };
    Ok((cast(values, &common)?, cast(elements, &common)?))
}

fn cast(array: &ArrayRef, to: &DataType) -> Result<ArrayRef> {
    Ok(cast_with_options(array, to, &CastOptions { safe: false, ..Default::default() })?)
}

fn refuse_blank_padded(elements: &ArrayRef) -> Result<()> {
    let text = cast(elements, &DataType::Utf8)?;
    if text.as_string::<i32>().iter().flatten().any(|e| e.ends_with(' ')) {
        return Err(super::sql_error(
            ErrorKind::FeatureNotSupported,
            "= ANY of a char(n) value over a parameter array with elements ending in blanks is not supported on \
             the embedded engine",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::arrow::array::{Int32Array, Int64Array, ListArray, StringArray};
    use datafusion::arrow::datatypes::{Field, Int32Type};

    fn call(value: ColumnarValue, array: ColumnarValue, rows: usize, blank_padded: bool) -> Result<Vec<Option<bool>>> {
        let mut args = vec![value, array];
        if blank_padded {
            args.push(ColumnarValue::Scalar(ScalarValue::Boolean(Some(true))));
        }
        let arg_fields = args.iter().map(|a| Arc::new(Field::new("a", a.data_type(), true))).collect();
        let out = PgEqAny::new().invoke_with_args(ScalarFunctionArgs {
            args,
            arg_fields,
            number_rows: rows,
            return_field: Arc::new(Field::new("r", DataType::Boolean, true)),
            config_options: Arc::new(Default::default()),
        })?;
        let out = out.to_array(rows)?;
        Ok(out.as_boolean().iter().collect())
    }

    fn list(items: Option<Vec<Option<i32>>>) -> ColumnarValue {
        let array = ListArray::from_iter_primitive::<Int32Type, _, _>(vec![items]);
        ColumnarValue::Scalar(ScalarValue::List(Arc::new(array)))
    }

    #[test]
    fn follows_postgres_null_rules() {
        // select x = any('{1,NULL}'::int[]) from (values (1),(2),(NULL)) t(x); → t, NULL, NULL
        let values = ColumnarValue::Array(Arc::new(Int32Array::from(vec![Some(1), Some(2), None])));
        assert_eq!(call(values.clone(), list(Some(vec![Some(1), None])), 3, false).unwrap(), [Some(true), None, None]);
        // … = any('{1,3}') → t, f, NULL; = any('{}') → f, f, f; = any(NULL::int[]) → NULL
        assert_eq!(
            call(values.clone(), list(Some(vec![Some(1), Some(3)])), 3, false).unwrap(),
            [Some(true), Some(false), None]
        );
        assert_eq!(call(values.clone(), list(Some(vec![])), 3, false).unwrap(), [Some(false); 3]);
        assert_eq!(call(values, list(None), 3, false).unwrap(), [None; 3]);
    }

    #[test]
    fn compares_numbers_of_different_widths_and_reads_array_columns() {
        let values = ColumnarValue::Array(Arc::new(Int64Array::from(vec![5_000_000_000, 2])));
        assert_eq!(call(values, list(Some(vec![Some(2)])), 2, false).unwrap(), [Some(false), Some(true)]);
        let lists = ListArray::from_iter_primitive::<Int32Type, _, _>(vec![
            Some(vec![Some(1), Some(2)]),
            None,
            Some(vec![None]),
        ]);
        let values = ColumnarValue::Array(Arc::new(Int32Array::from(vec![2, 2, 2])));
        assert_eq!(call(values, ColumnarValue::Array(Arc::new(lists)), 3, false).unwrap(), [Some(true), None, None]);
    }

    #[test]
    fn blank_padded_elements_are_refused_for_char_values() {
        let strings = |items: Vec<Option<&str>>| {
            let values: Vec<ScalarValue> =
                items.into_iter().map(|s| ScalarValue::Utf8(s.map(str::to_string))).collect();
            ColumnarValue::Scalar(ScalarValue::List(ScalarValue::new_list_nullable(&values, &DataType::Utf8)))
        };
        let values = ColumnarValue::Array(Arc::new(StringArray::from(vec!["MAIL", "AIR"])));
        assert_eq!(call(values.clone(), strings(vec![Some("MAIL"), None]), 2, true).unwrap(), [Some(true), None]);
        assert!(call(values.clone(), strings(vec![Some("MAIL ")]), 2, true).is_err());
        assert_eq!(call(values, strings(vec![Some("MAIL ")]), 2, false).unwrap(), [Some(false); 2]);
    }
}
