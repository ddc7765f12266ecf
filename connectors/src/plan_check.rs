//! Postgres semantics the embedded engine can only enforce once types are known: the rewrite
//! (which never sees types) translates a statement, DataFusion plans it, and this module walks
//! the plan before it runs. It refuses (0A000) what DataFusion would answer differently from
//! Postgres, and adjusts what it can (`char(n)` comparisons, `jsonb` comparisons, …: [`adjust`]).
//!
//! - **Numerics of different scales merged into one column.** A Postgres `numeric` keeps each
//!   value's scale (`coalesce(1, 2.5)` is `1`), an Arrow decimal has one scale per column
//!   (`1.0`). `CASE`, `COALESCE`, `NULLIF`, `GREATEST`/`LEAST`, `UNION` and `VALUES` whose
//!   branches are integers and decimals of different scales are refused where the scale can
//!   show; where only the value matters (comparisons, sorting, `avg`/`count`, `round`,
//!   division, casts to a fixed type) they run. How each column is used is followed from the
//!   result columns down through the plan (a merge in a subquery whose column is only compared
//!   outside runs); a `sum` shows the largest scale it summed, so its arguments count as shown
//!   when the sum is.
//! - **Types DataFusion orders by representation.** Intervals compare field by field in Arrow
//!   (`1 day` > `25 hours`), by total length in Postgres (`1 day` = `24 hours`); `jsonb` is text
//!   here and would compare as text; `json` has no ordering in Postgres at all. Comparing,
//!   sorting, grouping or deduplicating them is refused.
//! - **Numeric quotients and averages inside expressions** are carried at DataFusion's fixed
//!   scale (16 decimals), where Postgres rounds each value at its own scale first: they may be
//!   rounded, compared or sorted, but not used in further arithmetic that shows or sums them.
//! - **Transcendental functions of numerics.** `power`/`exp`/`ln`/`log`/`sqrt`/`cbrt` of a
//!   `numeric` are computed exactly as `numeric` in Postgres (`exp(1.0)` = 2.7182818284590452),
//!   in `double precision` by DataFusion: refused; integer and float arguments run.
//! - **Statistics over exact numbers.** `stddev`/`variance` and their kin are `numeric` in
//!   Postgres unless their argument is a float; DataFusion computes them in floats: only float
//!   arguments are allowed.
//! - **`jsonb` is text here**: a function or operator that would read a `jsonb` value as text
//!   (`upper(j)`, `j || 'x'`, `coalesce(j, …)`) is refused; packwire's `jsonb` functions and the
//!   casts to text take it. Comparisons of `jsonb` values become comparisons of `pg_jsonb_cmp`
//!   and `ORDER BY` one sorts by `pg_jsonb_sort_key` (see [`adjust`]).
//! - **Arrays** (Arrow lists) are not sorted or compared (Postgres' element order with NULLs
//!   differs; grouping and `DISTINCT`, which need only equality, run), lists of `varchar`/`char(n)` values are refused (they would be `text[]`),
//!   and `array_to_string` takes integer and text elements only.
//! - **`char(n)` ignores trailing blanks** when compared in Postgres: comparisons and `IN` lists
//!   over a `char(n)` value compare it without them (and literals compared with it likewise),
//!   `length` does not count them and `||` drops them. `length(bytea)` counts bytes, and
//!   `ceil`/`floor` of a numeric have scale 0 (see [`adjust`]).

use datafusion::arrow::datatypes::{DataType, Field};
use datafusion::common::tree_node::{Transformed, TreeNode, TreeNodeRecursion};
use datafusion::common::{Column, DFSchema, JoinType, Result};
use datafusion::logical_expr::expr::{
    AggregateFunction, Case, Cast, InList, Placeholder, ScalarFunction, TryCast, WindowFunction,
};
use datafusion::logical_expr::expr_rewriter::NamePreserver;
use datafusion::logical_expr::{BinaryExpr, Distinct, Expr, ExprSchemable, LogicalPlan, Operator};
use package::PgType;

use crate::error::{ConnectorError, ErrorKind};
use crate::types::declared_type;

/// A planned statement made ready to run: `jsonb` comparisons written as comparisons of
/// `pg_jsonb_cmp`, `ceil`/`floor` of numerics given scale 0, then checked ([`check`]), then
/// `char(n)` comparisons adjusted.
pub fn adjust(plan: LogicalPlan) -> Result<LogicalPlan, ConnectorError> {
    let plan = jsonb_comparisons(plan)?;
    let plan = interval_comparisons(plan)?;
    let plan = integral_rounding(plan)?;
    let plan = array_membership(plan)?;
    check(&plan)?;
    char_comparisons(plan)
}

/// Refuses a plan whose answer on DataFusion would differ from Postgres' (see the module header).
pub fn check(plan: &LogicalPlan) -> Result<(), ConnectorError> {
    check_plan(plan, &vec![Use::Shown; plan.schema().fields().len()])
}

/// Where an expression's value goes, from the least to the most demanding.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Use {
    /// Into something that rounds or compares it (`round`, casts, comparisons, sort keys): a
    /// numeric quotient's value to DataFusion's 16 decimals is enough there.
    Rounded,
    /// Into something that uses its exact value but not its scale (an average, a predicate).
    ValueOnly,
    /// Into text (`array_to_string`): its scale shows, its declared type does not.
    Printed,
    /// Into a result column, where its scale shows.
    Shown,
}

/// How the columns of a node's inputs are used by the node's expressions: each column use
/// seen while checking them raises that column's demand.
struct InputUses<'p> {
    inputs: Vec<(&'p DFSchema, Vec<Use>)>,
}

impl<'p> InputUses<'p> {
    /// Every input column starts with `base` (the least demand unless passed through).
    fn new(node: &'p LogicalPlan, base: Use) -> Self {
        let inputs = node.inputs().into_iter().map(|i| (i.schema().as_ref(), vec![base; i.schema().fields().len()]));
        InputUses { inputs: inputs.collect() }
    }

    fn note(&mut self, column: &Column, use_: Use) {
        for (schema, uses) in &mut self.inputs {
            if let Ok(index) = schema.index_of_column(column) {
                uses[index] = uses[index].max(use_);
                return;
            }
        }
    }

    /// The output column `index` is input column `index` of input `input` (pass-through nodes).
    fn pass(&mut self, input: usize, index: usize, use_: Use) {
        if let Some(slot) = self.inputs.get_mut(input).and_then(|(_, uses)| uses.get_mut(index)) {
            *slot = (*slot).max(use_);
        }
    }
}

fn use_of(uses: &[Use], index: usize) -> Use {
    uses.get(index).copied().unwrap_or(Use::Shown)
}

/// Checks `plan`, whose output columns are used as `uses` says, then its inputs with the uses
/// its expressions make of their columns.
fn check_plan(plan: &LogicalPlan, uses: &[Use]) -> Result<(), ConnectorError> {
    let empty = DFSchema::empty();
    let input_schema = plan.inputs().first().map(|p| p.schema().as_ref()).unwrap_or(&empty);
    let mut inputs = InputUses::new(plan, Use::Rounded);
    let pass_through = |inputs: &mut InputUses<'_>| {
        for (index, use_) in uses.iter().enumerate() {
            inputs.pass(0, index, *use_);
        }
    };
    match plan {
        LogicalPlan::Projection(p) => {
            for (index, expr) in p.expr.iter().enumerate() {
                check_expr(expr, input_schema, use_of(uses, index), &mut inputs)?;
            }
        }
        LogicalPlan::Filter(f) => {
            pass_through(&mut inputs);
            check_expr(&f.predicate, input_schema, Use::ValueOnly, &mut inputs)?;
        }
        LogicalPlan::Sort(s) => {
            pass_through(&mut inputs);
            for sort in &s.expr {
                ordered_by_value(&sort.expr, input_schema, "ORDER BY")?;
                check_expr(&sort.expr, input_schema, Use::Rounded, &mut inputs)?;
            }
        }
        LogicalPlan::Limit(_) | LogicalPlan::SubqueryAlias(_) | LogicalPlan::Repartition(_) => {
            pass_through(&mut inputs)
        }
        LogicalPlan::Distinct(Distinct::All(input)) => {
            input.schema().fields().iter().try_for_each(|f| equal_by_value(f, "DISTINCT"))?;
            pass_through(&mut inputs);
        }
        LogicalPlan::Distinct(Distinct::On(on)) => {
            for expr in &on.on_expr {
                ordered_by_value(expr, input_schema, "DISTINCT ON")?;
                check_expr(expr, input_schema, Use::Rounded, &mut inputs)?;
            }
            for (index, expr) in on.select_expr.iter().enumerate() {
                check_expr(expr, input_schema, use_of(uses, index), &mut inputs)?;
            }
            for sort in on.sort_expr.iter().flatten() {
                check_expr(&sort.expr, input_schema, Use::Rounded, &mut inputs)?;
            }
        }
        LogicalPlan::Aggregate(a) => {
            for (index, group) in a.group_expr.iter().enumerate() {
                if let Some(field) = field_of(group, input_schema) {
                    equal_by_value(&field, "GROUP BY")?;
                }
                check_expr(group, input_schema, use_of(uses, index), &mut inputs)?;
            }
            let groups = a.group_expr.len();
            for (index, aggregate) in a.aggr_expr.iter().enumerate() {
                check_expr(aggregate, input_schema, use_of(uses, groups + index), &mut inputs)?;
            }
        }
        LogicalPlan::Window(w) => {
            let passed = input_schema.fields().len();
            for (index, use_) in uses.iter().take(passed).enumerate() {
                inputs.pass(0, index, *use_);
            }
            for (index, expr) in w.window_expr.iter().enumerate() {
                check_expr(expr, input_schema, use_of(uses, passed + index), &mut inputs)?;
            }
        }
        LogicalPlan::Join(j) => {
            let left = j.left.schema().fields().len();
            let (left_uses, right_uses) = match j.join_type {
                JoinType::LeftSemi | JoinType::LeftAnti | JoinType::LeftMark => (uses, &[][..]),
                JoinType::RightSemi | JoinType::RightAnti | JoinType::RightMark => (&[][..], uses),
                _ => uses.split_at(left.min(uses.len())),
            };
            left_uses.iter().enumerate().for_each(|(index, use_)| inputs.pass(0, index, *use_));
            right_uses.iter().enumerate().for_each(|(index, use_)| inputs.pass(1, index, *use_));
            for (l, r) in &j.on {
                ordered_by_value(l, j.left.schema(), "joining on")?;
                ordered_by_value(r, j.right.schema(), "joining on")?;
                check_expr(l, j.left.schema(), Use::Rounded, &mut inputs)?;
                check_expr(r, j.right.schema(), Use::Rounded, &mut inputs)?;
            }
            if let Some(filter) = &j.filter {
                let both = j.left.schema().join(j.right.schema())?;
                check_expr(filter, &both, Use::ValueOnly, &mut inputs)?;
            }
        }
        LogicalPlan::Union(u) => {
            for (column, use_) in uses.iter().enumerate() {
                let types: Vec<DataType> = u
                    .inputs
                    .iter()
                    .filter_map(|input| input.schema().fields().get(column).map(|f| f.data_type().clone()))
                    .collect();
                if *use_ >= Use::Printed && mixed_scales(&types) {
                    return Err(mixed_scales_refusal("UNION of integers and numerics of different scales"));
                }
                for input in 0..u.inputs.len() {
                    inputs.pass(input, column, *use_);
                }
            }
        }
        LogicalPlan::Values(v) => {
            for (column, field) in v.schema.fields().iter().enumerate() {
                let types: Vec<DataType> = v
                    .values
                    .iter()
                    .filter_map(|row| row.get(column))
                    .filter_map(|e| uncoerced(e, field.data_type()).get_type(&empty).ok())
                    .collect();
                if use_of(uses, column) >= Use::Printed && mixed_scales(&types) {
                    return Err(mixed_scales_refusal("VALUES mixing integers and numerics of different scales"));
                }
            }
            for row in &v.values {
                for (column, expr) in row.iter().enumerate() {
                    check_expr(expr, &empty, use_of(uses, column), &mut inputs)?;
                }
            }
        }
        LogicalPlan::TableScan(_) | LogicalPlan::EmptyRelation(_) => {}
        // Anything else: its inputs' columns are taken as shown.
        _ => inputs = InputUses::new(plan, Use::Shown),
    }
    for (input, (_, uses)) in plan.inputs().into_iter().zip(inputs.inputs) {
        check_plan(input, &uses)?;
    }
    Ok(())
}

/// The refusal of a merge of numerics of different scales, with the way out.
fn mixed_scales_refusal(what: impl std::fmt::Display) -> ConnectorError {
    let mut error = not_supported(what);
    error.message.push_str(
        " (Postgres keeps each value's scale, the engine one per column): write the literals with the \
         column's scale, e.g. coalesce(sum(price), 0.00)",
    );
    error
}

/// Scalar functions DataFusion answers differently for some argument types. Only the functions
/// named here have their argument typed.
fn argument_type_refusal(name: &str, args: &[Expr], schema: &DFSchema) -> Result<(), ConnectorError> {
    let refusal = match name {
        // Postgres computes these exactly in `numeric` for a numeric argument (`exp(1.0)` is
        // 2.7182818284590452); DataFusion in `double precision`.
        "power" | "pow" | "exp" | "ln" | "log" | "log10" | "log2" | "sqrt" | "cbrt" => args
            .iter()
            .any(|arg| matches!(arg.get_type(schema), Ok(DataType::Decimal128(..) | DataType::Decimal256(..))))
            .then(|| format!("{name}() of a numeric (computed exactly as numeric in Postgres)")),
        // DataFusion writes the elements with its own text forms (`true`, floats, decimals);
        // Postgres' are the same only for integers and text.
        "array_to_string" => match first_argument_type(args, schema) {
            Some(DataType::List(element) | DataType::LargeList(element))
                if element.data_type().is_integer()
                    || matches!(
                        element.data_type(),
                        DataType::Utf8 | DataType::Utf8View | DataType::LargeUtf8 | DataType::Null
                    ) =>
            {
                None
            }
            _ => Some("array_to_string() of an array of other elements than integers and text".to_string()),
        },
        _ => None,
    };
    refusal.map_or(Ok(()), |what| Err(not_supported(what)))
}

/// Functions that take `jsonb` values as `jsonb` (the rest would see their text): packwire's
/// `jsonb` functions and the casts to text. (`coalesce` would pass the text on, but its result
/// would no longer be known as `jsonb`.)
fn takes_jsonb(name: &str) -> bool {
    name.starts_with("pg_jsonb") || name.starts_with("jsonb_") || matches!(name, "to_jsonb" | "pg_output" | "pg_text")
}

fn is_jsonb_expr(expr: &Expr, schema: &DFSchema) -> bool {
    field_of(expr, schema).is_some_and(|f| crate::pgfunctions::json::is_jsonb(&f))
}

/// Refuses a function that would read a `jsonb` argument as text (Postgres has no such
/// function for `jsonb`, or one that reads it as `jsonb`).
fn jsonb_argument_refusal(name: &str, args: &[Expr], schema: &DFSchema) -> Result<(), ConnectorError> {
    if !takes_jsonb(name) && args.iter().any(|arg| is_jsonb_expr(arg, schema)) {
        return Err(not_supported(format!("{name}() of a jsonb value")));
    }
    Ok(())
}

/// How functions that read an array without passing on its type use it: `array_to_string`
/// prints the elements (their scale shows), `cardinality` and `array_length` count them.
fn array_reader_use(name: &str) -> Option<Use> {
    match name {
        "array_to_string" => Some(Use::Printed),
        "cardinality" | "array_length" => Some(Use::Rounded),
        _ => None,
    }
}

/// Arrays of `varchar` or `char(n)` values are `varchar[]`/`bpchar[]` in Postgres; the
/// engine's lists do not keep the element's declared type (they would be `text[]`): refused
/// where the array's type shows (a result column, an element taken out of it).
fn array_type_refusal(name: &str, args: &[Expr], schema: &DFSchema) -> Result<(), ConnectorError> {
    if !matches!(name, "make_array" | "array_agg") {
        return Ok(());
    }
    let declared = |arg: &Expr| field_of(arg, schema).and_then(|f| declared_type(&f));
    if args.iter().any(|arg| matches!(declared(arg), Some(PgType::Varchar(_) | PgType::Char(_)))) {
        return Err(not_supported(format!("{name}() of varchar or char values (an array of text here)")));
    }
    Ok(())
}

/// The type of a call's first argument, if it can be typed.
fn first_argument_type(args: &[Expr], schema: &DFSchema) -> Option<DataType> {
    args.first().and_then(|arg| arg.get_type(schema).ok())
}

/// DataFusion's statistics (computed in `double precision`) answer as Postgres' only for a
/// float argument; over integers and numerics Postgres computes an exact `numeric`.
fn float_statistic(name: &str, args: &[Expr], schema: &DFSchema) -> Result<(), ConnectorError> {
    if !matches!(name, "stddev" | "stddev_pop" | "var" | "var_pop") {
        return Ok(());
    }
    match first_argument_type(args, schema) {
        Some(DataType::Float32 | DataType::Float64) | None => Ok(()),
        Some(_) => Err(not_supported(format!(
            "{name}() over an integer or numeric argument (numeric in Postgres, double precision here)"
        ))),
    }
}

fn not_supported(what: impl std::fmt::Display) -> ConnectorError {
    ConnectorError::new(ErrorKind::FeatureNotSupported, format!("{what} is not supported on the embedded engine"))
}

/// A `VALUES` item as written: the planner casts each item to its column's common type.
fn uncoerced<'e>(expr: &'e Expr, column_type: &DataType) -> &'e Expr {
    match expr {
        Expr::Cast(cast) if cast.field.data_type() == column_type => &cast.expr,
        other => other,
    }
}

fn field_of(expr: &Expr, schema: &DFSchema) -> Option<Field> {
    expr.to_field(schema).ok().map(|(_, field)| field.as_ref().clone())
}

/// Refuses using `expr` as a key that compares values (sorting, grouping, joining) when
/// DataFusion would compare its representation instead.
fn ordered_by_value(expr: &Expr, schema: &DFSchema, context: &str) -> Result<(), ConnectorError> {
    match field_of(expr, schema) {
        Some(field) => ordered_field(&field, context),
        None => Ok(()),
    }
}

/// Refuses deduplicating or grouping by a field DataFusion would compare by representation.
/// Arrays may be: Postgres' array equality is element by element with two NULL elements equal,
/// as DataFusion compares lists (only their order differs, see [`ordered_field`]).
fn equal_by_value(field: &Field, context: &str) -> Result<(), ConnectorError> {
    match field.data_type() {
        DataType::List(element) | DataType::LargeList(element) => ordered_field(element, context),
        _ => ordered_field(field, context),
    }
}

fn ordered_field(field: &Field, context: &str) -> Result<(), ConnectorError> {
    if matches!(field.data_type(), DataType::Interval(_)) {
        return Err(not_supported(format!("{context} an interval")));
    }
    // Postgres orders arrays element by element with NULL elements last; not checked here.
    if matches!(field.data_type(), DataType::List(_) | DataType::LargeList(_)) {
        return Err(not_supported(format!("{context} an array")));
    }
    match declared_type(field) {
        Some(PgType::Jsonb) => Err(not_supported(format!("{context} a jsonb value"))),
        Some(PgType::Json) => Err(not_supported(format!("{context} a json value"))),
        _ => Ok(()),
    }
}

/// The scale an exact numeric type gives its values (integers 0), `None` for other types.
fn exact_scale(data_type: &DataType) -> Option<i8> {
    match data_type {
        t if t.is_integer() => Some(0),
        DataType::Decimal32(_, s)
        | DataType::Decimal64(_, s)
        | DataType::Decimal128(_, s)
        | DataType::Decimal256(_, s) => Some(*s),
        _ => None,
    }
}

/// Whether merging values of these types into one column would give some of them a scale they
/// do not have in Postgres: all exact numerics (NULLs aside), not all of one scale.
fn mixed_scales(types: &[DataType]) -> bool {
    let mut scales = types.iter().filter(|t| !t.is_null()).map(exact_scale);
    let Some(Some(first)) = scales.next() else { return false };
    let mut mixed = false;
    for scale in scales {
        match scale {
            None => return false,
            Some(s) if s != first => mixed = true,
            Some(_) => {}
        }
    }
    mixed
}

/// Aggregates whose result depends only on the values of their arguments, not on their scale
/// (an average's scale is at least 16, more than any argument's).
const VALUE_AGGREGATES: &[&str] = &["avg", "pg_avg", "pg_avg_decimal", "count"];
/// Aggregates whose result has the largest scale of the values they sum.
const SUM_AGGREGATES: &[&str] = &["sum", "pg_sum"];
/// Functions whose result depends only on the value of their arguments: rounding, and
/// division (whose result scale is at least 16, more than any operand's).
const VALUE_FUNCTIONS: &[&str] =
    &["pg_round", "pg_int2", "pg_int4", "pg_int8", "ceil", "floor", "pg_div", "pg_div_decimal"];
/// Functions that pass their arguments' values (and scales) on.
const PASS_THROUGH_FUNCTIONS: &[&str] = &["abs", "pg_numeric"];
/// Functions that merge their arguments into one result column.
const MERGING_FUNCTIONS: &[&str] = &["coalesce", "nullif", "greatest", "least", "make_array"];

/// A numeric quotient or average inside an expression is carried at DataFusion's fixed scale
/// (16 decimals); Postgres rounds each value at its own scale (up to 20 decimals and more for
/// small values) before the next operation, so only rounding and comparing it are exact enough.
fn inexact_quotient(expr: &Expr, schema: &DFSchema, what: &str) -> Result<(), ConnectorError> {
    match expr.get_type(schema) {
        Ok(DataType::Decimal128(..) | DataType::Decimal256(..)) => {
            Err(not_supported(format!("{what} used in further arithmetic (other than round())")))
        }
        _ => Ok(()),
    }
}

fn is_comparison(op: &Operator) -> bool {
    matches!(
        op,
        Operator::Eq
            | Operator::NotEq
            | Operator::Lt
            | Operator::LtEq
            | Operator::Gt
            | Operator::GtEq
            | Operator::IsDistinctFrom
            | Operator::IsNotDistinctFrom
    )
}

fn check_all<'e>(
    exprs: impl IntoIterator<Item = &'e Expr>,
    schema: &DFSchema,
    use_: Use,
    inputs: &mut InputUses<'_>,
) -> Result<(), ConnectorError> {
    exprs.into_iter().try_for_each(|e| check_expr(e, schema, use_, inputs))
}

fn types<'e>(exprs: impl IntoIterator<Item = &'e Expr>, schema: &DFSchema) -> Vec<DataType> {
    exprs.into_iter().filter_map(|e| e.get_type(schema).ok()).collect()
}

/// Checks one expression used as `use_`, noting how it uses the input columns it reads.
fn check_expr(expr: &Expr, schema: &DFSchema, use_: Use, inputs: &mut InputUses<'_>) -> Result<(), ConnectorError> {
    match expr {
        Expr::Alias(alias) => check_expr(&alias.expr, schema, use_, inputs),
        Expr::Column(column) => {
            inputs.note(column, use_);
            Ok(())
        }
        Expr::BinaryExpr(BinaryExpr { left, op, right }) => {
            if !is_comparison(op) && !matches!(op, Operator::And | Operator::Or) {
                for operand in [left.as_ref(), right.as_ref()] {
                    if is_jsonb_expr(operand, schema) {
                        return Err(not_supported(format!("the {op} operator on a jsonb value")));
                    }
                }
            }
            let child_use = if is_comparison(op) {
                ordered_by_value(left, schema, "comparing")?;
                ordered_by_value(right, schema, "comparing")?;
                Use::Rounded
            } else if matches!(op, Operator::And | Operator::Or) {
                Use::Rounded
            } else {
                use_
            };
            check_all([left.as_ref(), right.as_ref()], schema, child_use, inputs)
        }
        Expr::Case(Case { expr: operand, when_then_expr, else_expr }) => {
            let results = || when_then_expr.iter().map(|(_, then)| then.as_ref()).chain(else_expr.as_deref());
            if use_ >= Use::Printed && mixed_scales(&types(results(), schema)) {
                return Err(mixed_scales_refusal("CASE mixing integers and numerics of different scales"));
            }
            if let Some(operand) = operand {
                ordered_by_value(operand, schema, "comparing")?;
                check_expr(operand, schema, Use::Rounded, inputs)?;
            }
            check_all(when_then_expr.iter().map(|(when, _)| when.as_ref()), schema, Use::ValueOnly, inputs)?;
            check_all(results(), schema, use_, inputs)
        }
        Expr::ScalarFunction(ScalarFunction { func, args }) => {
            let name = func.name();
            if name == "pg_div_decimal" && use_ != Use::Rounded {
                inexact_quotient(expr, schema, "a numeric quotient")?;
            }
            argument_type_refusal(name, args, schema)?;
            jsonb_argument_refusal(name, args, schema)?;
            if use_ == Use::Shown {
                array_type_refusal(name, args, schema)?;
            }
            if name == "pg_jsonb_numeric" && use_ < Use::Printed {
                return Err(not_supported(
                    "a jsonb number cast to numeric used in an expression (the engine's numerics have one scale \
                     per column)",
                ));
            }
            if MERGING_FUNCTIONS.contains(&name) {
                if use_ >= Use::Printed && mixed_scales(&types(args, schema)) {
                    return Err(mixed_scales_refusal(format!(
                        "{}() mixing integers and numerics of different scales",
                        name.to_uppercase()
                    )));
                }
                // `coalesce` and `make_array` (ARRAY[…]) only pass values on; the others compare.
                if !matches!(name, "coalesce" | "make_array") {
                    args.iter().try_for_each(|a| ordered_by_value(a, schema, "comparing"))?;
                }
                check_all(args, schema, use_, inputs)
            } else if VALUE_FUNCTIONS.contains(&name) {
                let args_use = if name.starts_with("pg_div") { Use::ValueOnly } else { Use::Rounded };
                check_all(args, schema, args_use, inputs)
            } else if PASS_THROUGH_FUNCTIONS.contains(&name) {
                check_all(args, schema, use_, inputs)
            } else if let Some(args_use) = array_reader_use(name) {
                check_all(args, schema, args_use, inputs)
            } else {
                check_all(args, schema, Use::Shown, inputs)
            }
        }
        Expr::AggregateFunction(AggregateFunction { func, params }) => {
            let name = func.name();
            if name == "pg_avg_decimal" && use_ != Use::Rounded {
                inexact_quotient(expr, schema, "a numeric average")?;
            }
            float_statistic(name, &params.args, schema)?;
            if use_ == Use::Shown {
                array_type_refusal(name, &params.args, schema)?;
            }
            if params.distinct || matches!(name, "min" | "max") {
                params.args.iter().try_for_each(|a| ordered_by_value(a, schema, &format!("{name}() over")))?;
            }
            check_all(&params.args, schema, aggregate_argument_use(name, use_), inputs)?;
            check_all(params.filter.as_deref(), schema, Use::ValueOnly, inputs)?;
            check_all(params.order_by.iter().map(|s| &s.expr), schema, Use::Rounded, inputs)
        }
        Expr::WindowFunction(window) => {
            let WindowFunction { fun, params } = window.as_ref();
            let name = fun.name();
            if name == "pg_avg_decimal" && use_ != Use::Rounded {
                inexact_quotient(expr, schema, "a numeric average")?;
            }
            float_statistic(name, &params.args, schema)?;
            let keys = || params.partition_by.iter().chain(params.order_by.iter().map(|s| &s.expr));
            for key in keys() {
                ordered_by_value(key, schema, "a window over")?;
            }
            check_all(&params.args, schema, aggregate_argument_use(name, use_), inputs)?;
            check_all(keys(), schema, Use::Rounded, inputs)
        }
        Expr::Cast(cast) => {
            // Postgres reads many spellings of dates and times that Arrow does not (and some
            // the other way round): only literals, which the rewrite has put in the one form
            // both read alike, are converted from text.
            let temporal =
                matches!(cast.field.data_type(), DataType::Date32 | DataType::Timestamp(..) | DataType::Time64(_));
            let from_text =
                matches!(cast.expr.get_type(schema), Ok(DataType::Utf8 | DataType::Utf8View | DataType::LargeUtf8));
            if temporal && from_text && !matches!(cast.expr.as_ref(), Expr::Literal(..)) {
                return Err(not_supported(format!("casting text to {} other than a literal", cast.field.data_type())));
            }
            let keeps_scale =
                matches!(cast.field.data_type(), DataType::Utf8 | DataType::Utf8View | DataType::LargeUtf8);
            check_expr(&cast.expr, schema, if keeps_scale { use_ } else { Use::Rounded }, inputs)
        }
        Expr::TryCast(cast) => check_expr(&cast.expr, schema, Use::Shown, inputs),
        Expr::ScalarSubquery(subquery) => check_plan(&subquery.subquery, &[use_]),
        Expr::Exists(exists) => {
            let columns = exists.subquery.subquery.schema().fields().len();
            check_plan(&exists.subquery.subquery, &vec![Use::Rounded; columns])
        }
        Expr::InSubquery(in_subquery) => {
            ordered_by_value(&in_subquery.expr, schema, "comparing")?;
            check_expr(&in_subquery.expr, schema, Use::Rounded, inputs)?;
            check_plan(&in_subquery.subquery.subquery, &[Use::Rounded])
        }
        Expr::InList(InList { expr: item, list, .. }) => {
            ordered_by_value(item, schema, "comparing")?;
            check_all(std::iter::once(item.as_ref()).chain(list), schema, Use::Rounded, inputs)
        }
        Expr::Between(between) => {
            ordered_by_value(&between.expr, schema, "comparing")?;
            let parts = [between.expr.as_ref(), between.low.as_ref(), between.high.as_ref()];
            check_all(parts, schema, Use::Rounded, inputs)
        }
        // Predicates: their operands' values matter, not their scales. Anything else is
        // checked with its operands taken as shown.
        _ => {
            let predicate = matches!(
                expr,
                Expr::Not(_)
                    | Expr::IsNull(_)
                    | Expr::IsNotNull(_)
                    | Expr::IsTrue(_)
                    | Expr::IsFalse(_)
                    | Expr::IsUnknown(_)
                    | Expr::IsNotTrue(_)
                    | Expr::IsNotFalse(_)
                    | Expr::IsNotUnknown(_)
                    | Expr::Like(_)
                    | Expr::SimilarTo(_)
            );
            let children_use = if predicate { Use::ValueOnly } else { Use::Shown };
            let mut result = Ok(());
            let _ = expr.apply_children(|child| {
                result = check_expr(child, schema, children_use, inputs);
                Ok(if result.is_err() { TreeNodeRecursion::Stop } else { TreeNodeRecursion::Continue })
            });
            result
        }
    }
}

/// How an aggregate (or window aggregate) uses its arguments when its result is used as `use_`.
fn aggregate_argument_use(name: &str, use_: Use) -> Use {
    if VALUE_AGGREGATES.contains(&name) {
        Use::ValueOnly
    } else if SUM_AGGREGATES.contains(&name) {
        // A sum shows the largest scale among the values it summed.
        if use_ >= Use::Printed { use_ } else { Use::ValueOnly }
    } else if matches!(name, "min" | "max" | "first_value" | "last_value" | "lag" | "lead" | "nth_value") {
        use_
    } else {
        Use::Shown
    }
}

/// The schema a node's expressions are typed against: its input's, or (joins, leaves) its own.
fn expression_schema(node: &LogicalPlan) -> datafusion::common::DFSchemaRef {
    match node.inputs().as_slice() {
        [single] => single.schema().clone(),
        _ => node.schema().clone(),
    }
}

/// Whether a session time zone is UTC, where instants and wall-clock times coincide.
pub fn is_utc(zone: &str) -> bool {
    matches!(
        zone.to_ascii_uppercase().as_str(),
        "UTC" | "ETC/UTC" | "GMT" | "ETC/GMT" | "Z" | "+00:00" | "ZULU" | "UCT"
    )
}

/// Functions that treat a `timestamptz` argument as an instant (or in the session's zone).
const ZONE_NEUTRAL_FUNCTIONS: &[&str] = &[
    "coalesce",
    "nullif",
    "greatest",
    "least",
    "pg_date_trunc",
    "pg_text",
    "pg_output",
    "pg_at_time_zone",
    "pg_age",
    "pg_varchar",
    "pg_bpchar",
    "pg_eq_any",
];

/// Refuses, for a session whose time zone is not UTC, what the embedded engine would compute
/// on UTC's wall clock where Postgres uses the session's: a `timestamptz` converted to or from
/// a date, a timestamp or text (string literals compared with one included), its fields
/// (`extract`, `date_part`, `to_char`, …), and interval arithmetic on it (a day is not always
/// 24 hours on a wall clock). Comparing, sorting and aggregating instants and `date_trunc`
/// are exact in any zone.
pub fn check_time_zone(plan: &LogicalPlan) -> Result<(), ConnectorError> {
    let mut refusal = None;
    let _ = plan.apply_with_subqueries(|node| {
        let schema = expression_schema(node);
        let _ = node.apply_expressions(|expr| {
            expr.apply(|e| {
                refusal = zone_dependent(e, &schema)
                    .map(|what| not_supported(format!("{what} in a session whose TimeZone is not UTC")));
                Ok(if refusal.is_some() { TreeNodeRecursion::Stop } else { TreeNodeRecursion::Continue })
            })
        });
        Ok(if refusal.is_some() { TreeNodeRecursion::Stop } else { TreeNodeRecursion::Continue })
    });
    refusal.map_or(Ok(()), Err)
}

fn zone_dependent(expr: &Expr, schema: &DFSchema) -> Option<&'static str> {
    let zoned = |e: &Expr| matches!(e.get_type(schema), Ok(DataType::Timestamp(_, Some(_))));
    let wall_clock = |e: &Expr| {
        matches!(
            e.get_type(schema),
            Ok(DataType::Utf8
                | DataType::Utf8View
                | DataType::LargeUtf8
                | DataType::Date32
                | DataType::Timestamp(_, None))
        )
    };
    match expr {
        Expr::Cast(Cast { expr: source, field }) | Expr::TryCast(TryCast { expr: source, field }) => {
            let to_zoned = matches!(field.data_type(), DataType::Timestamp(_, Some(_)));
            let from_null = matches!(source.get_type(schema), Ok(DataType::Null));
            (zoned(source) != to_zoned && !from_null).then_some("converting a timestamptz")
        }
        Expr::BinaryExpr(BinaryExpr { left, right, .. }) => {
            let interval = |e: &Expr| matches!(e.get_type(schema), Ok(DataType::Interval(_)));
            if (zoned(left) && (interval(right) || wall_clock(right)))
                || (zoned(right) && (interval(left) || wall_clock(left)))
            {
                Some("timestamptz arithmetic or comparison with a date, timestamp, text or interval")
            } else {
                None
            }
        }
        // `x::timestamptz` (see the rewrite): text and wall-clock times are read in UTC here.
        Expr::ScalarFunction(ScalarFunction { func, args }) if func.name() == "arrow_cast" => {
            (zoned(expr) && !args.first().is_some_and(zoned)).then_some("converting to a timestamptz")
        }
        Expr::ScalarFunction(ScalarFunction { func, args }) => (!ZONE_NEUTRAL_FUNCTIONS.contains(&func.name())
            && args.iter().any(zoned))
        .then_some("a function of a timestamptz"),
        _ => None,
    }
}

/// Compares `char(n)` values as Postgres does, without their trailing blanks: each comparison
/// or `IN` list with a `char(n)` operand compares `rtrim` of it, and of the literals it meets;
/// `length` of one counts it without them, and `||` concatenates it without them.
/// (`length(bytea)`, which counts bytes, is `octet_length` here too.)
fn char_comparisons(plan: LogicalPlan) -> Result<LogicalPlan, ConnectorError> {
    rewrite_expressions(plan, |expr, schema, _| expr.transform_up(|e| trim_char_comparison(e, schema)))
}

/// Rewrites each expression of every node of `plan` (subqueries included) with `rewrite`, given
/// the schema the expression is typed against and whether it is a sort key; each keeps its
/// output name, and every node has its schema derived again (a rewrite may change a result
/// type, which the nodes above must see).
fn rewrite_expressions(
    plan: LogicalPlan,
    rewrite: impl Fn(Expr, &DFSchema, bool) -> Result<Transformed<Expr>>,
) -> Result<LogicalPlan, ConnectorError> {
    let transformed = plan.transform_up_with_subqueries(|node| {
        let schema = expression_schema(&node);
        let names = NamePreserver::new(&node);
        let sort = matches!(node, LogicalPlan::Sort(_));
        let mapped = node.map_expressions(|e| {
            let name = names.save(&e);
            Ok(rewrite(e, &schema, sort)?.update_data(|e| name.restore(e)))
        })?;
        // Every node, not only a changed one: a node above a changed one (a subquery's alias, an
        // outer projection) holds a copy of the types below it.
        mapped.map_data(|node| node.recompute_schema())
    });
    Ok(transformed?.data)
}

/// Compares `jsonb` values as Postgres does (numbers by value, objects regardless of how they
/// were written): `a op b` with a `jsonb` operand and a `jsonb` or string-literal other one is
/// `pg_jsonb_cmp(a, b) op 0`, and `ORDER BY j` sorts by `pg_jsonb_sort_key(j)`. (`IS [NOT]
/// DISTINCT FROM`, grouping and deduplicating stay refused by [`check`].)
fn jsonb_comparisons(plan: LogicalPlan) -> Result<LogicalPlan, ConnectorError> {
    let compare = crate::pgfunctions::json::compare_function();
    let sort_key = crate::pgfunctions::json::sort_key_function();
    rewrite_expressions(plan, |expr, schema, sort| {
        let rewritten = expr.transform_up(|e| compare_jsonb(e, schema, &compare))?;
        if sort && is_jsonb_expr(&rewritten.data, schema) {
            let key = ScalarFunction::new_udf(sort_key.clone(), vec![rewritten.data]);
            return Ok(Transformed::yes(Expr::ScalarFunction(key)));
        }
        Ok(rewritten)
    })
}

fn compare_jsonb(
    expr: Expr,
    schema: &DFSchema,
    compare: &std::sync::Arc<datafusion::logical_expr::ScalarUDF>,
) -> Result<Transformed<Expr>> {
    let jsonb_or_literal =
        |e: &Expr| is_jsonb_expr(e, schema) || matches!(e, Expr::Literal(datafusion::scalar::ScalarValue::Utf8(_), _));
    match expr {
        Expr::BinaryExpr(BinaryExpr { left, op, right })
            if is_comparison(&op)
                && !matches!(op, Operator::IsDistinctFrom | Operator::IsNotDistinctFrom)
                && (is_jsonb_expr(&left, schema) || is_jsonb_expr(&right, schema))
                && jsonb_or_literal(&left)
                && jsonb_or_literal(&right) =>
        {
            let call = Expr::ScalarFunction(ScalarFunction::new_udf(compare.clone(), vec![*left, *right]));
            let zero = Expr::Literal(datafusion::scalar::ScalarValue::Int32(Some(0)), None);
            Ok(Transformed::yes(Expr::BinaryExpr(BinaryExpr { left: Box::new(call), op, right: Box::new(zero) })))
        }
        other => Ok(Transformed::no(other)),
    }
}

/// Compares intervals as Postgres does, by length with a month of 30 days (`1 day` =
/// `24 hours`, `1 mon` = `30 days`): in comparisons, `BETWEEN` and `IN` lists of intervals each
/// operand becomes `pg_interval_key(operand)`, and `ORDER BY i` sorts by `pg_interval_key(i)`.
/// (Grouping, deduplicating, `min`/`max` and window keys stay refused by [`check`]: Postgres
/// treats `1 day` and `24 hours` as one value there but shows whichever it met first.)
fn interval_comparisons(plan: LogicalPlan) -> Result<LogicalPlan, ConnectorError> {
    let key_function = crate::pgfunctions::PgIntervalKey::function();
    let key = |e: Expr| Expr::ScalarFunction(ScalarFunction::new_udf(key_function.clone(), vec![e]));
    rewrite_expressions(plan, |expr, schema, sort| {
        let is_interval = |e: &Expr| matches!(e.get_type(schema), Ok(DataType::Interval(_)));
        let rewritten = expr.transform_up(|e| match e {
            Expr::BinaryExpr(BinaryExpr { left, op, right })
                if is_comparison(&op) && is_interval(&left) && is_interval(&right) =>
            {
                Ok(Transformed::yes(Expr::BinaryExpr(BinaryExpr {
                    left: Box::new(key(*left)),
                    op,
                    right: Box::new(key(*right)),
                })))
            }
            Expr::Between(between) if is_interval(&between.expr) => {
                let datafusion::logical_expr::Between { expr, negated, low, high } = between;
                Ok(Transformed::yes(Expr::Between(datafusion::logical_expr::Between {
                    expr: Box::new(key(*expr)),
                    negated,
                    low: Box::new(key(*low)),
                    high: Box::new(key(*high)),
                })))
            }
            Expr::InList(in_list) if is_interval(&in_list.expr) => {
                let datafusion::logical_expr::expr::InList { expr, list, negated } = in_list;
                Ok(Transformed::yes(Expr::InList(datafusion::logical_expr::expr::InList {
                    expr: Box::new(key(*expr)),
                    list: list.into_iter().map(key).collect(),
                    negated,
                })))
            }
            other => Ok(Transformed::no(other)),
        })?;
        if sort && is_interval(&rewritten.data) {
            return Ok(Transformed::yes(key(rewritten.data)));
        }
        Ok(rewritten)
    })
}

/// `ceil`/`floor` of a `numeric` is a whole number with scale 0 in Postgres (`ceil(2.1)` is
/// `3`); DataFusion keeps the argument's scale (`3.0`): the result is cast to scale 0 (one more
/// integer digit, for `ceil(9.9)` = `10`). Of a `real`, Postgres computes in `double precision`
/// (there is no `floor(real)`); DataFusion keeps `real`: the argument is widened first.
fn integral_rounding(plan: LogicalPlan) -> Result<LogicalPlan, ConnectorError> {
    rewrite_expressions(plan, |expr, schema, _| {
        expr.transform_up(|e| match &e {
            Expr::ScalarFunction(ScalarFunction { func, args })
                if matches!(func.name(), "ceil" | "floor") && args.len() == 1 =>
            {
                match args[0].get_type(schema) {
                    Ok(DataType::Decimal128(precision, scale)) if scale > 0 => {
                        let digits = (i16::from(precision) - i16::from(scale) + 1).clamp(1, 38) as u8;
                        let integral = DataType::Decimal128(digits, 0);
                        Ok(Transformed::yes(Expr::Cast(Cast::new(Box::new(e), integral))))
                    }
                    Ok(DataType::Float32) => {
                        let widened = Expr::Cast(Cast::new(Box::new(args[0].clone()), DataType::Float64));
                        Ok(Transformed::yes(Expr::ScalarFunction(ScalarFunction::new_udf(func.clone(), vec![widened]))))
                    }
                    _ => Ok(Transformed::no(e)),
                }
            }
            _ => Ok(Transformed::no(e)),
        })
    })
}

/// `x = ANY (array)` over an array value (a parameter, a column, a function's result), which
/// DataFusion plans as `array_has(array, x)` (false where Postgres answers NULL), becomes
/// `pg_eq_any(x, array)`. A parameter array takes the type of arrays of `x`, as Postgres infers
/// it; a `char(n)` `x` is compared without its trailing blanks. Values DataFusion compares by
/// representation (intervals, `jsonb`, arrays) and elements of another kind than `x` (text
/// against numbers, dates against timestamps) are refused.
fn array_membership(plan: LogicalPlan) -> Result<LogicalPlan, ConnectorError> {
    // Most plans have none: they skip the rewrite (which derives every node's schema again).
    let mut found = false;
    plan.apply_with_subqueries(|node| {
        node.apply_expressions(|e| {
            e.apply(|e| {
                found = matches!(e, Expr::ScalarFunction(f) if f.func.name() == "array_has");
                Ok(if found { TreeNodeRecursion::Stop } else { TreeNodeRecursion::Continue })
            })
        })
    })?;
    if !found {
        return Ok(plan);
    }
    let eq_any = crate::pgfunctions::eq_any_function();
    rewrite_expressions(plan, |expr, schema, _| {
        expr.transform_up(|e| match e {
            Expr::ScalarFunction(ScalarFunction { func, args }) if func.name() == "array_has" => {
                match <[Expr; 2]>::try_from(args) {
                    Ok([array, value]) => eq_any_call(value, array, schema, &eq_any)
                        .map(Transformed::yes)
                        .map_err(|e| datafusion::error::DataFusionError::External(Box::new(e))),
                    Err(args) => Ok(Transformed::no(Expr::ScalarFunction(ScalarFunction { func, args }))),
                }
            }
            other => Ok(Transformed::no(other)),
        })
    })
}

fn eq_any_call(
    value: Expr,
    array: Expr,
    schema: &DFSchema,
    eq_any: &std::sync::Arc<datafusion::logical_expr::ScalarUDF>,
) -> Result<Expr, ConnectorError> {
    if let Some(field) = field_of(&value, schema) {
        ordered_field(&field, "= ANY of")?;
    }
    let value_type = value.get_type(schema)?;
    let (array, parameter) = match array {
        Expr::Placeholder(Placeholder { id, field: None }) => {
            let list = DataType::List(std::sync::Arc::new(Field::new_list_field(value_type, true)));
            let field = std::sync::Arc::new(Field::new(&id, list, true));
            (Expr::Placeholder(Placeholder { id, field: Some(field) }), true)
        }
        array => {
            if let Ok(DataType::List(element) | DataType::LargeList(element) | DataType::FixedSizeList(element, _)) =
                array.get_type(schema)
                && !same_kind(&value_type, element.data_type())
            {
                return Err(not_supported(format!("= ANY of a {value_type} over an array of {}", element.data_type())));
            }
            (array, false)
        }
    };
    let char_value = is_char(&value, schema);
    let mut args = vec![if char_value { rtrim(value) } else { value }, array];
    if char_value && parameter {
        args.push(Expr::Literal(datafusion::scalar::ScalarValue::Boolean(Some(true)), None));
    }
    Ok(Expr::ScalarFunction(ScalarFunction::new_udf(eq_any.clone(), args)))
}

/// Whether values of the two types compare as Postgres compares them once brought to a common
/// type: the same type, numbers with numbers, strings with strings, anything with NULL.
fn same_kind(a: &DataType, b: &DataType) -> bool {
    let string = |t: &DataType| matches!(t, DataType::Utf8 | DataType::Utf8View | DataType::LargeUtf8);
    a == b || b == &DataType::Null || (a.is_numeric() && b.is_numeric()) || (string(a) && string(b))
}

fn is_char(expr: &Expr, schema: &DFSchema) -> bool {
    field_of(expr, schema).and_then(|f| declared_type(&f)).is_some_and(|t| matches!(t, PgType::Char(_)))
}

fn rtrim(expr: Expr) -> Expr {
    datafusion::functions::string::expr_fn::rtrim(vec![expr])
}

fn trim_char_comparison(expr: Expr, schema: &DFSchema) -> Result<Transformed<Expr>> {
    let trim_if = |e: Expr, yes: bool| if yes { rtrim(e) } else { e };
    match expr {
        Expr::BinaryExpr(BinaryExpr { left, op, right })
            if is_comparison(&op) && (is_char(&left, schema) || is_char(&right, schema)) =>
        {
            let trim_left = is_char(&left, schema) || matches!(*left, Expr::Literal(..));
            let trim_right = is_char(&right, schema) || matches!(*right, Expr::Literal(..));
            Ok(Transformed::yes(Expr::BinaryExpr(BinaryExpr {
                left: Box::new(trim_if(*left, trim_left)),
                op,
                right: Box::new(trim_if(*right, trim_right)),
            })))
        }
        // `||` reads a `char(n)` as text, which drops its trailing blanks (`concat()` writes it
        // with its output function, which keeps them).
        Expr::BinaryExpr(BinaryExpr { left, op: Operator::StringConcat, right })
            if is_char(&left, schema) || is_char(&right, schema) =>
        {
            let (trim_left, trim_right) = (is_char(&left, schema), is_char(&right, schema));
            Ok(Transformed::yes(Expr::BinaryExpr(BinaryExpr {
                left: Box::new(trim_if(*left, trim_left)),
                op: Operator::StringConcat,
                right: Box::new(trim_if(*right, trim_right)),
            })))
        }
        // `length(bytea)` counts bytes (DataFusion would read them as UTF-8 text).
        Expr::ScalarFunction(ScalarFunction { func, args })
            if func.name() == "character_length"
                && matches!(
                    args.first().and_then(|a| a.get_type(schema).ok()),
                    Some(DataType::Binary | DataType::LargeBinary | DataType::BinaryView)
                ) =>
        {
            let octets = std::sync::Arc::new(datafusion::logical_expr::ScalarUDF::from(
                crate::pgfunctions::PgOctetLength::new(),
            ));
            Ok(Transformed::yes(Expr::ScalarFunction(ScalarFunction::new_udf(octets, args))))
        }
        // `length(char(n))` does not count the trailing blanks either.
        Expr::ScalarFunction(ScalarFunction { func, args })
            if matches!(func.name(), "character_length" | "length" | "char_length")
                && args.first().is_some_and(|a| is_char(a, schema)) =>
        {
            let args = args.into_iter().enumerate().map(|(i, a)| if i == 0 { rtrim(a) } else { a }).collect();
            Ok(Transformed::yes(Expr::ScalarFunction(ScalarFunction { func, args })))
        }
        Expr::InList(InList { expr: item, list, negated }) if is_char(&item, schema) => {
            let list = list.into_iter().map(|e| {
                let trim = matches!(e, Expr::Literal(..)) || is_char(&e, schema);
                trim_if(e, trim)
            });
            Ok(Transformed::yes(Expr::InList(InList { expr: Box::new(rtrim(*item)), list: list.collect(), negated })))
        }
        other => Ok(Transformed::no(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn verdict(sql: &str) -> Result<(), String> {
        let ctx = datafusion::prelude::SessionContext::new();
        let plan = ctx.state().create_logical_plan(sql).await.map_err(|e| e.to_string())?;
        check(&plan).map_err(|e| e.message)
    }

    const MIXED: &str = "CASE WHEN random() < 2 THEN 1 ELSE CAST('2.5' AS DECIMAL(2,1)) END";

    #[tokio::test]
    async fn mixed_scales_are_refused_only_where_they_show() {
        let shown = verdict(&format!("SELECT {MIXED} AS v")).await;
        assert!(shown.unwrap_err().contains("CASE mixing integers and numerics"));
        let coalesce = verdict("SELECT coalesce(1, CAST('2.5' AS DECIMAL(2,1)))").await;
        let coalesce = coalesce.unwrap_err();
        assert!(coalesce.contains("COALESCE() mixing") && coalesce.contains("0.00"), "{coalesce}");
        // Only compared, rounded or averaged: the scale never shows.
        assert_eq!(verdict(&format!("SELECT 1 WHERE {MIXED} > 0")).await, Ok(()));
        assert_eq!(verdict(&format!("SELECT avg({MIXED})")).await, Ok(()));
        // Followed through subqueries: shown above …
        let above = verdict(&format!("SELECT v FROM (SELECT {MIXED} AS v) AS t WHERE v > 0")).await;
        assert!(above.is_err());
        // … or only compared there.
        assert_eq!(verdict(&format!("SELECT count(*) FROM (SELECT {MIXED} AS v) AS t WHERE v > 0")).await, Ok(()));
        // A shown sum shows the largest scale it summed.
        assert!(verdict(&format!("SELECT sum({MIXED})")).await.is_err());
        assert_eq!(verdict(&format!("SELECT sum({MIXED}) > 1")).await, Ok(()));
        let union = verdict("SELECT 1 AS v UNION ALL SELECT CAST('2.5' AS DECIMAL(2,1))").await;
        assert!(union.unwrap_err().contains("UNION"));
    }

    #[tokio::test]
    async fn math_of_numerics_is_refused_where_postgres_computes_it_exactly() {
        // (packwire writes decimal literals as decimals, as these casts do.)
        let decimal = |text: &str| format!("CAST({text} AS DECIMAL(3,1))");
        for sql in [
            format!("SELECT exp({})", decimal("1.0")),
            format!("SELECT power({}, {})", decimal("2.0"), decimal("0.5")),
            format!("SELECT sqrt({})", decimal("16.0")),
        ] {
            assert!(verdict(&sql).await.unwrap_err().contains("of a numeric"), "{sql}");
        }
        // Integers and floats are double precision in both.
        assert_eq!(verdict("SELECT power(2, 10), sqrt(2), exp(CAST(1 AS DOUBLE))").await, Ok(()));
    }

    #[tokio::test]
    async fn intervals_are_not_ordered_by_their_fields() {
        let sql = "SELECT i FROM (VALUES (INTERVAL '1 day'), (INTERVAL '25 hours')) AS t(i) ORDER BY i";
        assert!(verdict(sql).await.unwrap_err().contains("ORDER BY an interval"));
        let sql = "SELECT max(i) FROM (VALUES (INTERVAL '1 day')) AS t(i)";
        assert!(verdict(sql).await.unwrap_err().contains("max() over an interval"));
        assert_eq!(verdict("SELECT i FROM (VALUES (INTERVAL '1 day')) AS t(i)").await, Ok(()));
    }

    /// The first column (text) of the rows `sql` gives once adjusted as every statement is.
    async fn adjusted_labels(sql: &str) -> Vec<String> {
        let ctx = datafusion::prelude::SessionContext::new();
        let plan = ctx.state().create_logical_plan(sql).await.unwrap();
        let plan = adjust(plan).unwrap();
        let batches = ctx.execute_logical_plan(plan).await.unwrap().collect().await.unwrap();
        let mut labels = Vec::new();
        for batch in &batches {
            let column = datafusion::arrow::array::AsArray::as_string::<i32>(batch.column(0));
            labels.extend(column.iter().map(|v| v.unwrap_or("NULL").to_string()));
        }
        labels
    }

    #[tokio::test]
    async fn intervals_compare_and_sort_by_length_once_adjusted() {
        let values = "(VALUES ('day', INTERVAL '1 day'), ('23h', INTERVAL '23 hours'), ('25h', INTERVAL '25 hours'), \
                      ('month', INTERVAL '1 month')) AS t(label, i)";
        let sorted = adjusted_labels(&format!("SELECT label FROM {values} ORDER BY i DESC")).await;
        assert_eq!(sorted, ["month", "25h", "day", "23h"]);
        let equal = adjusted_labels(&format!("SELECT label FROM {values} WHERE i = INTERVAL '24 hours'")).await;
        assert_eq!(equal, ["day"]);
        let within = format!(
            "SELECT label FROM {values} WHERE i BETWEEN INTERVAL '24 hours' AND INTERVAL '30 days' \
             AND i NOT IN (INTERVAL '1500 minutes') ORDER BY label"
        );
        assert_eq!(adjusted_labels(&within).await, ["day", "month"]);
    }

    #[tokio::test]
    async fn a_changed_result_type_reaches_the_statement_schema() {
        let ctx = datafusion::prelude::SessionContext::new();
        let sql = "SELECT c FROM (SELECT ceil(CAST('2.1' AS DECIMAL(2,1))) AS c) AS s ORDER BY c";
        let plan = ctx.state().create_logical_plan(sql).await.unwrap();
        let adjusted = adjust(plan).unwrap();
        assert_eq!(adjusted.schema().field(0).data_type(), &DataType::Decimal128(2, 0));
    }

    #[test]
    fn scales_mix_only_among_exact_numerics() {
        let int = DataType::Int32;
        let dec1 = DataType::Decimal128(10, 1);
        let dec2 = DataType::Decimal128(12, 2);
        assert!(mixed_scales(&[int.clone(), dec1.clone()]));
        assert!(mixed_scales(&[dec1.clone(), DataType::Null, dec2.clone()]));
        assert!(!mixed_scales(&[dec2.clone(), DataType::Decimal128(38, 2)]));
        assert!(!mixed_scales(&[int.clone(), DataType::Int64, DataType::Null]));
        assert!(!mixed_scales(&[int, DataType::Float64]));
        assert!(!mixed_scales(&[DataType::Utf8, DataType::Utf8]));
    }
}
