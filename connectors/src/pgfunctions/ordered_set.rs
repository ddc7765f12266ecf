//! Postgres' ordered-set aggregates on the embedded engine: `percentile_cont`, `percentile_disc`
//! and `mode()`, each `WITHIN GROUP (ORDER BY x [DESC])` (DataFusion passes the ordered value as
//! the first argument and the ordering in the accumulator's arguments).
//!
//! Written here because DataFusion's own `percentile_cont` quantizes the interpolation weight to
//! six digits and has no `percentile_disc` or `mode`. The formulas are Postgres'
//! (`orderedsetaggs.c`): NULL inputs are skipped; over the n values in the group's order,
//! `percentile_cont(p)` is `v[lo] + (v[hi] - v[lo]) * (p·(n-1) - lo)` in double precision with
//! `lo`/`hi` the floor/ceiling of `p·(n-1)`; `percentile_disc(p)` is the value at position
//! `max(ceil(p·n), 1)`; `mode()` is the most frequent value, the first in the order among ties.
//! A fraction may be an array of fractions (the result is then an array); it must be a constant
//! between 0 and 1. Inputs whose Arrow order is not Postgres' order (`jsonb`, intervals, arrays)
//! are refused.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, ListArray, make_comparator};
use datafusion::arrow::buffer::OffsetBuffer;
use datafusion::arrow::compute::{SortOptions, concat, filter, is_not_null, sort_to_indices, take};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, Schema};
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::common::{Result, ScalarValue, exec_err, not_impl_err, plan_err};
use datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use datafusion::logical_expr::{Accumulator, AggregateUDF, AggregateUDFImpl, ColumnarValue, Signature, Volatility};

use crate::types::PG_TYPE_METADATA;

/// The three aggregates, ready to register.
pub fn aggregates() -> Vec<AggregateUDF> {
    [Kind::Cont, Kind::Disc, Kind::Mode]
        .into_iter()
        .map(|kind| {
            AggregateUDF::from(PgOrderedSet { kind, signature: Signature::user_defined(Volatility::Immutable) })
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Cont,
    Disc,
    Mode,
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct PgOrderedSet {
    kind: Kind,
    signature: Signature,
}

impl PgOrderedSet {
    fn postgres_name(&self) -> &'static str {
        match self.kind {
            Kind::Cont => "percentile_cont",
            Kind::Disc => "percentile_disc",
            Kind::Mode => "mode",
        }
    }

    /// The arguments (ordered value, then the fraction unless `mode`), checked.
    fn arguments<'a>(&self, types: &'a [DataType]) -> Result<(&'a DataType, Option<&'a DataType>)> {
        match (self.kind, types) {
            (Kind::Mode, [value]) => Ok((value, None)),
            (Kind::Cont | Kind::Disc, [value, fraction]) => Ok((value, Some(fraction))),
            _ => plan_err!("{}() WITHIN GROUP (ORDER BY …) takes one ordering expression", self.postgres_name()),
        }
    }
}

/// Whether the fraction argument is an array of fractions.
fn is_list(data_type: &DataType) -> bool {
    matches!(data_type, DataType::List(_) | DataType::LargeList(_) | DataType::FixedSizeList(..))
}

impl AggregateUDFImpl for PgOrderedSet {
    fn name(&self) -> &str {
        match self.kind {
            Kind::Cont => "pg_percentile_cont",
            Kind::Disc => "pg_percentile_disc",
            Kind::Mode => "pg_mode",
        }
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn supports_within_group_clause(&self) -> bool {
        true
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let (value, fraction) = self.arguments(arg_types)?;
        let value = match (self.kind, value) {
            (Kind::Cont, v) if v.is_numeric() || v.is_null() => DataType::Float64,
            (Kind::Cont, other) => {
                return not_impl_err!("percentile_cont() of a {other} value is not supported on the embedded engine");
            }
            (_, v) => v.clone(),
        };
        let fraction =
            fraction.map(|f| if is_list(f) { DataType::new_list(DataType::Float64, true) } else { DataType::Float64 });
        Ok(std::iter::once(value).chain(fraction).collect())
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        let (value, fraction) = self.arguments(arg_types)?;
        let element = if self.kind == Kind::Cont { DataType::Float64 } else { value.clone() };
        Ok(if fraction.is_some_and(is_list) { DataType::new_list(element, true) } else { element })
    }

    fn return_field(&self, arg_fields: &[FieldRef]) -> Result<FieldRef> {
        let types: Vec<DataType> = arg_fields.iter().map(|f| f.data_type().clone()).collect();
        let Some(value) = arg_fields.first() else {
            return plan_err!("{}() WITHIN GROUP (ORDER BY …) takes one ordering expression", self.postgres_name());
        };
        let pg_type = value.metadata().get(PG_TYPE_METADATA);
        let comparable = !matches!(value.data_type(), DataType::Interval(_) | DataType::List(_))
            && pg_type.is_none_or(|t| t != "jsonb" && !t.ends_with("[]"));
        if !comparable {
            return not_impl_err!(
                "{}() ordered by a {} value is not supported on the embedded engine",
                self.postgres_name(),
                pg_type.cloned().unwrap_or_else(|| value.data_type().to_string())
            );
        }
        let field = Field::new(self.name(), self.return_type(&types)?, true);
        // The value keeps its declared type (char(n), numeric(p,s), …) unless it is interpolated.
        let field = match (self.kind, types.iter().skip(1).any(is_list)) {
            (Kind::Disc | Kind::Mode, false) => field.with_metadata(value.metadata().clone()),
            _ => field,
        };
        Ok(Arc::new(field))
    }

    fn state_fields(&self, args: StateFieldsArgs) -> Result<Vec<FieldRef>> {
        let value = args.input_fields[0].data_type().clone();
        Ok(vec![Arc::new(Field::new(format!("{}[values]", args.name), DataType::new_list(value, true), true))])
    }

    fn accumulator(&self, args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        let fractions = match args.exprs.get(1) {
            None => Fractions::None,
            // A constant evaluates without any input column.
            Some(expr) => match expr.evaluate(&RecordBatch::new_empty(Arc::new(Schema::empty()))) {
                Ok(ColumnarValue::Scalar(value)) => Fractions::of(&value)?,
                _ => {
                    return not_impl_err!(
                        "{}() with a fraction other than a constant is not supported on the embedded engine",
                        self.postgres_name()
                    );
                }
            },
        };
        let descending = args.order_bys.first().is_some_and(|sort| sort.options.descending);
        Ok(Box::new(OrderedSetAccumulator {
            kind: self.kind,
            fractions,
            descending,
            value_type: args.expr_fields[0].data_type().clone(),
            values: Vec::new(),
        }))
    }
}

/// The constant fraction argument.
#[derive(Debug)]
enum Fractions {
    /// `mode()` takes none.
    None,
    /// A NULL fraction: the result is NULL.
    Null,
    One(f64),
    /// An array of fractions (NULL elements give NULL elements).
    Many(Vec<Option<f64>>),
}

impl Fractions {
    fn of(value: &ScalarValue) -> Result<Fractions> {
        let check = |fraction: f64| {
            if (0.0..=1.0).contains(&fraction) {
                Ok(fraction)
            } else {
                exec_err!("percentile value {fraction} is not between 0 and 1")
            }
        };
        match value {
            ScalarValue::Float64(None) => Ok(Fractions::Null),
            ScalarValue::Float64(Some(f)) => Ok(Fractions::One(check(*f)?)),
            ScalarValue::List(list) if list.is_null(0) => Ok(Fractions::Null),
            ScalarValue::List(list) => {
                let values = list.value(0);
                let Some(values) = values.as_primitive_opt::<datafusion::arrow::datatypes::Float64Type>() else {
                    return exec_err!("percentile fractions must be double precision");
                };
                Ok(Fractions::Many(values.iter().map(|v| v.map(check).transpose()).collect::<Result<_>>()?))
            }
            other => exec_err!("unexpected percentile fraction {other:?}"),
        }
    }
}

#[derive(Debug)]
struct OrderedSetAccumulator {
    kind: Kind,
    fractions: Fractions,
    descending: bool,
    value_type: DataType,
    /// The group's input batches, unsorted (NULLs removed when taken together).
    values: Vec<ArrayRef>,
}

impl OrderedSetAccumulator {
    /// The group's non-NULL values, in no particular order.
    fn present(&self) -> Result<ArrayRef> {
        let parts: Vec<&dyn Array> = self.values.iter().map(|a| a.as_ref()).collect();
        let all = if parts.is_empty() {
            datafusion::arrow::array::new_empty_array(&self.value_type)
        } else {
            concat(&parts)?
        };
        Ok(filter(&all, &is_not_null(&all)?)?)
    }

    /// The non-NULL values in the group's order.
    fn sorted(&self) -> Result<ArrayRef> {
        let present = self.present()?;
        let options = SortOptions { descending: self.descending, nulls_first: false };
        let order = sort_to_indices(&present, Some(options), None)?;
        Ok(take(&present, &order, None)?)
    }

    /// One fraction's result over the sorted values.
    fn at(&self, sorted: &ArrayRef, fraction: f64) -> Result<ScalarValue> {
        let n = sorted.len();
        if n == 0 {
            return ScalarValue::try_from(self.result_element_type());
        }
        match self.kind {
            Kind::Cont => {
                let Some(values) = sorted.as_primitive_opt::<datafusion::arrow::datatypes::Float64Type>() else {
                    return exec_err!("percentile_cont over values that are not double precision");
                };
                let position = fraction * (n - 1) as f64;
                let (first, second) = (position.floor(), position.ceil());
                let low = values.value(first as usize);
                if first == second {
                    return Ok(ScalarValue::Float64(Some(low)));
                }
                let high = values.value(second as usize);
                Ok(ScalarValue::Float64(Some(low + (high - low) * (position - first))))
            }
            Kind::Disc => {
                let row = ((fraction * n as f64).ceil() as usize).clamp(1, n);
                ScalarValue::try_from_array(sorted, row - 1)
            }
            Kind::Mode => {
                let same = make_comparator(sorted, sorted, SortOptions::default())?;
                let (mut best, mut best_count, mut run_start) = (0, 0, 0);
                for index in 1..=n {
                    if index == n || same(run_start, index).is_ne() {
                        if index - run_start > best_count {
                            (best, best_count) = (run_start, index - run_start);
                        }
                        run_start = index;
                    }
                }
                ScalarValue::try_from_array(sorted, best)
            }
        }
    }

    fn result_element_type(&self) -> &DataType {
        if self.kind == Kind::Cont { &DataType::Float64 } else { &self.value_type }
    }
}

impl Accumulator for OrderedSetAccumulator {
    fn update_batch(&mut self, values: &[ArrayRef]) -> Result<()> {
        if let Some(column) = values.first()
            && column.len() > column.null_count()
        {
            self.values.push(column.clone());
        }
        Ok(())
    }

    fn merge_batch(&mut self, states: &[ArrayRef]) -> Result<()> {
        let Some(lists) = states.first().and_then(|s| s.as_list_opt::<i32>()) else {
            return exec_err!("unexpected ordered-set aggregate state");
        };
        for list in lists.iter().flatten() {
            self.values.push(list);
        }
        Ok(())
    }

    fn state(&mut self) -> Result<Vec<ScalarValue>> {
        // Sorted once, when the merged group is evaluated.
        let values = self.present()?;
        let list = ListArray::new(
            Arc::new(Field::new_list_field(self.value_type.clone(), true)),
            OffsetBuffer::from_lengths([values.len()]),
            values,
            None,
        );
        Ok(vec![ScalarValue::List(Arc::new(list))])
    }

    fn evaluate(&mut self) -> Result<ScalarValue> {
        let sorted = self.sorted()?;
        match &self.fractions {
            Fractions::None => self.at(&sorted, 0.0),
            Fractions::Null => ScalarValue::try_from(self.result_element_type()),
            Fractions::One(fraction) => self.at(&sorted, *fraction),
            Fractions::Many(fractions) => {
                let element = self.result_element_type().clone();
                let values = fractions
                    .iter()
                    .map(|fraction| match fraction {
                        Some(fraction) => self.at(&sorted, *fraction),
                        None => ScalarValue::try_from(&element),
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok(ScalarValue::List(ScalarValue::new_list_nullable(&values, &element)))
            }
        }
    }

    fn size(&self) -> usize {
        std::mem::size_of_val(self) + self.values.iter().map(|a| a.get_array_memory_size()).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::arrow::array::{Float64Array, Int32Array, StringArray};

    fn accumulator(kind: Kind, fractions: Fractions, descending: bool, value_type: DataType) -> OrderedSetAccumulator {
        OrderedSetAccumulator { kind, fractions, descending, value_type, values: Vec::new() }
    }

    #[test]
    fn percentile_cont_interpolates_in_double_precision_as_postgres() {
        let mut acc = accumulator(Kind::Cont, Fractions::One(0.25), false, DataType::Float64);
        let values: ArrayRef = Arc::new(Float64Array::from(vec![Some(10.0), None, Some(1.0), Some(4.0), Some(2.5)]));
        acc.update_batch(&[values]).unwrap();
        // Sorted 1, 2.5, 4, 10; position 0.75 → 1 + (2.5 - 1) * 0.75.
        assert_eq!(acc.evaluate().unwrap(), ScalarValue::Float64(Some(1.0 + 1.5 * 0.75)));
        acc.descending = true;
        // Sorted 10, 4, 2.5, 1 → 10 + (4 - 10) * 0.75.
        assert_eq!(acc.evaluate().unwrap(), ScalarValue::Float64(Some(10.0 - 6.0 * 0.75)));
    }

    #[test]
    fn percentile_disc_takes_the_first_value_at_or_past_the_fraction() {
        let values: ArrayRef = Arc::new(Int32Array::from(vec![5, 1, 3, 2, 4]));
        let fractions = Fractions::Many(vec![Some(0.0), Some(0.2), Some(0.21), None, Some(1.0)]);
        let mut acc = accumulator(Kind::Disc, fractions, false, DataType::Int32);
        acc.update_batch(&[values]).unwrap();
        let expected = [Some(1), Some(1), Some(2), None, Some(5)].map(ScalarValue::Int32);
        assert_eq!(
            acc.evaluate().unwrap(),
            ScalarValue::List(ScalarValue::new_list_nullable(&expected, &DataType::Int32))
        );
    }

    #[test]
    fn mode_prefers_the_first_value_in_order_among_ties_and_merges_states() {
        let mut left = accumulator(Kind::Mode, Fractions::None, false, DataType::Utf8);
        left.update_batch(&[Arc::new(StringArray::from(vec![Some("b"), Some("c"), None, Some("c")]))]).unwrap();
        let mut right = accumulator(Kind::Mode, Fractions::None, false, DataType::Utf8);
        right.update_batch(&[Arc::new(StringArray::from(vec!["b", "a"]))]).unwrap();
        let state = right.state().unwrap()[0].to_array().unwrap();
        left.merge_batch(&[state]).unwrap();
        assert_eq!(left.evaluate().unwrap(), ScalarValue::Utf8(Some("b".into())));
        left.descending = true;
        assert_eq!(left.evaluate().unwrap(), ScalarValue::Utf8(Some("c".into())));
    }

    #[test]
    fn empty_groups_and_bad_fractions() {
        let mut acc = accumulator(Kind::Cont, Fractions::One(0.5), false, DataType::Float64);
        assert_eq!(acc.evaluate().unwrap(), ScalarValue::Float64(None));
        assert!(Fractions::of(&ScalarValue::Float64(Some(1.5))).is_err());
        assert!(matches!(Fractions::of(&ScalarValue::Float64(None)).unwrap(), Fractions::Null));
    }
}
