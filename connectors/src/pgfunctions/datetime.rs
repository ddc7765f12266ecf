//! Postgres' date arithmetic on the embedded engine, as an expression planner (DataFusion asks
//! it first how to plan `a - b` / `a + b`, with the operands' types known):
//!
//! - `date - date` is an `integer` number of days in Postgres, a bigint in DataFusion;
//! - `date ± interval` is a `timestamp` in Postgres (midnight of the date, moved by the
//!   interval), a date in DataFusion.
//!
//! Every other combination is planned as DataFusion plans it.

use datafusion::arrow::datatypes::{DataType, TimeUnit};
use datafusion::common::{DFSchema, Result};
use datafusion::logical_expr::planner::{ExprPlanner, PlannerResult, RawBinaryExpr};
use datafusion::logical_expr::{BinaryExpr, Expr, ExprSchemable, Operator, cast};
use sqlparser::ast::BinaryOperator;

/// Plans date arithmetic with Postgres' result types.
#[derive(Debug)]
pub struct PgDateArithmetic;

impl ExprPlanner for PgDateArithmetic {
    fn plan_binary_op(&self, expr: RawBinaryExpr, schema: &DFSchema) -> Result<PlannerResult<RawBinaryExpr>> {
        let operator = match expr.op {
            BinaryOperator::Minus => Operator::Minus,
            BinaryOperator::Plus => Operator::Plus,
            _ => return Ok(PlannerResult::Original(expr)),
        };
        let (left_type, right_type) = (expr.left.get_type(schema)?, expr.right.get_type(schema)?);
        let binary =
            |left: Expr, right: Expr| Expr::BinaryExpr(BinaryExpr::new(Box::new(left), operator, Box::new(right)));
        let timestamp = DataType::Timestamp(TimeUnit::Microsecond, None);
        Ok(match (&left_type, &right_type, operator) {
            (DataType::Date32, DataType::Date32, Operator::Minus) => {
                PlannerResult::Planned(cast(binary(expr.left, expr.right), DataType::Int32))
            }
            (DataType::Date32, DataType::Interval(_), _) => {
                PlannerResult::Planned(binary(cast(expr.left, timestamp), expr.right))
            }
            (DataType::Interval(_), DataType::Date32, Operator::Plus) => {
                PlannerResult::Planned(binary(expr.left, cast(expr.right, timestamp)))
            }
            _ => PlannerResult::Original(expr),
        })
    }
}
