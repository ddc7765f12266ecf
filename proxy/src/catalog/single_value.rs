//! `pg_single_value(x)`: the value of a scalar subquery as an aggregate — NULL over no rows, the
//! value over one, and Postgres' error 21000 over more. The catalog rewrite wraps correlated
//! scalar subqueries in it because DataFusion plans those only when they aggregate; the error
//! keeps them from silently picking one of several rows.

use std::sync::Arc;

use connectors::datafusion::arrow::array::{Array, ArrayRef, AsArray};
use connectors::datafusion::arrow::datatypes::{DataType, Field, FieldRef};
use connectors::datafusion::common::{DataFusionError, Result, ScalarValue};
use connectors::datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use connectors::datafusion::logical_expr::{Accumulator, AggregateUDF, AggregateUDFImpl, Signature, Volatility};
use connectors::error::{ConnectorError, ErrorKind};

/// The aggregate, ready to register.
pub fn single_value() -> AggregateUDF {
    AggregateUDF::from(SingleValue { signature: Signature::any(1, Volatility::Immutable) })
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct SingleValue {
    signature: Signature,
}

impl AggregateUDFImpl for SingleValue {
    fn name(&self) -> &str {
        rewrite::catalog::SINGLE_VALUE
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        Ok(arg_types.first().cloned().unwrap_or(DataType::Null))
    }

    fn state_fields(&self, args: StateFieldsArgs) -> Result<Vec<FieldRef>> {
        let value = args.input_fields.first().map_or(DataType::Null, |f| f.data_type().clone());
        Ok(vec![
            Arc::new(Field::new(format!("{}[value]", args.name), value, true)),
            Arc::new(Field::new(format!("{}[rows]", args.name), DataType::UInt64, false)),
        ])
    }

    fn accumulator(&self, args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        let value = ScalarValue::try_from(args.return_field.data_type())?;
        Ok(Box::new(SingleValueAccumulator { value, rows: 0 }))
    }
}

#[derive(Debug)]
struct SingleValueAccumulator {
    value: ScalarValue,
    rows: u64,
}

impl SingleValueAccumulator {
    fn add(&mut self, rows: u64, value: impl FnOnce() -> Result<ScalarValue>) -> Result<()> {
        if rows == 0 {
            return Ok(());
        }
        self.rows += rows;
        if self.rows > 1 {
            return Err(DataFusionError::External(Box::new(ConnectorError::new(
                ErrorKind::Backend("21000".into()),
                "more than one row returned by a subquery used as an expression",
            ))));
        }
        self.value = value()?;
        Ok(())
    }
}

impl Accumulator for SingleValueAccumulator {
    fn update_batch(&mut self, values: &[ArrayRef]) -> Result<()> {
        let Some(column) = values.first() else { return Ok(()) };
        for row in 0..column.len() {
            self.add(1, || ScalarValue::try_from_array(column, row))?;
        }
        Ok(())
    }

    fn merge_batch(&mut self, states: &[ArrayRef]) -> Result<()> {
        let (Some(values), Some(rows)) = (
            states.first(),
            states.get(1).and_then(|r| r.as_primitive_opt::<connectors::datafusion::arrow::datatypes::UInt64Type>()),
        ) else {
            return Ok(());
        };
        for row in 0..rows.len() {
            self.add(rows.value(row), || ScalarValue::try_from_array(values, row))?;
        }
        Ok(())
    }

    fn state(&mut self) -> Result<Vec<ScalarValue>> {
        Ok(vec![self.value.clone(), ScalarValue::UInt64(Some(self.rows))])
    }

    fn evaluate(&mut self) -> Result<ScalarValue> {
        Ok(self.value.clone())
    }

    fn size(&self) -> usize {
        std::mem::size_of_val(self) + self.value.size()
    }
}
