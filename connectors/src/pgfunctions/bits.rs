//! `pg_bitnot(x)`: Postgres' prefix `~` on `smallint`, `integer` and `bigint`, keeping the
//! operand's type (DataFusion has no bitwise NOT operator).

use std::sync::Arc;

use datafusion::arrow::array::{Array, AsArray};
use datafusion::arrow::compute::kernels::bitwise::bitwise_not;
use datafusion::arrow::datatypes::{DataType, Int16Type, Int32Type, Int64Type};
use datafusion::common::{Result, exec_err};
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility};

/// `~x` on an integer of any width.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct PgBitNot {
    signature: Signature,
}

impl PgBitNot {
    pub(super) fn new() -> Self {
        PgBitNot {
            signature: Signature::uniform(
                1,
                vec![DataType::Int16, DataType::Int32, DataType::Int64],
                Volatility::Immutable,
            ),
        }
    }
}

impl ScalarUDFImpl for PgBitNot {
    fn name(&self) -> &str {
        "pg_bitnot"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        match arg_types {
            [t @ (DataType::Int16 | DataType::Int32 | DataType::Int64)] => Ok(t.clone()),
            other => exec_err!("operator does not exist: ~ {other:?}"),
        }
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [value] = args.args.as_slice() else { return exec_err!("~ takes one operand") };
        let scalar = matches!(value, ColumnarValue::Scalar(_));
        let array = value.to_array(args.number_rows)?;
        let out: Arc<dyn Array> = match array.data_type() {
            DataType::Int16 => Arc::new(bitwise_not(array.as_primitive::<Int16Type>())?),
            DataType::Int32 => Arc::new(bitwise_not(array.as_primitive::<Int32Type>())?),
            DataType::Int64 => Arc::new(bitwise_not(array.as_primitive::<Int64Type>())?),
            other => return exec_err!("operator does not exist: ~ {other}"),
        };
        super::columnar(out, scalar)
    }
}
