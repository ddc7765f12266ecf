//! What the connector checks and changes in a Snowflake statement before sending it: columns
//! whose declared type Snowflake holds or computes differently are refused, `SUM` over an exact
//! column or of an exact result column is summed in its Postgres type, and `$n` parameters
//! become Snowflake's `:n`.

use std::collections::{HashMap, HashSet};

use datafusion::arrow::datatypes::SchemaRef;
use package::{PackageVersion, PgType};
use sqlparser::ast::{DataType as SqlType, Expr, Statement, Value as SqlValue, VisitMut, VisitorMut};

use super::quotients::refusal;
use crate::error::{ConnectorError, ErrorKind};

/// The checks and changes for one version.
pub(super) struct Adjustments {
    /// Physical names of columns of an [`unfaithful`] type: statements that name them are refused.
    unfaithful_columns: HashSet<String>,
    /// The exact numeric type of each column name (physical or logical) that has one type in
    /// the version.
    number_columns: HashMap<String, SqlType>,
    /// `date` and `timestamp` columns, by names that have one type in the version.
    temporal_columns: HashMap<String, PgType>,
    /// `text`, `varchar`, `boolean` and `date` columns, by names that have one type in the
    /// version: the columns cast to text that Snowflake writes as Postgres does.
    textual_columns: HashMap<String, PgType>,
}

impl Adjustments {
    pub(super) fn new(version: &PackageVersion) -> Adjustments {
        let unfaithful_columns = version
            .tables
            .iter()
            .flat_map(|t| &t.columns)
            .filter(|c| unfaithful(c.ty))
            .map(|c| c.physical.clone())
            .collect();
        let number_columns = columns_by_name(version, number_type);
        let temporal_columns =
            columns_by_name(version, |ty| matches!(ty, PgType::Date | PgType::Timestamp).then_some(ty));
        let textual_columns = columns_by_name(version, |ty| {
            matches!(ty, PgType::Text | PgType::Varchar(_) | PgType::Bool | PgType::Date).then_some(ty)
        });
        Adjustments { unfaithful_columns, number_columns, temporal_columns, textual_columns }
    }

    /// Multiplies out comparisons with an average subquery ([`compare_averages`]).
    pub(super) fn compare_averages(&self, statement: &mut Statement) {
        compare_averages(statement, &self.number_columns);
    }

    /// The SQL text sent for `statement` (whose result has `schema`) and the highest parameter
    /// number it uses, or the refusal.
    pub(super) fn sql(&self, mut statement: Statement, schema: &SchemaRef) -> Result<(String, usize), ConnectorError> {
        check_columns(&statement, &self.unfaithful_columns, schema)?;
        check_extracts(&statement, &self.temporal_columns)?;
        check_rounds(&statement, &self.number_columns)?;
        exact_number_casts(&mut statement, &self.number_columns)?;
        text_casts(&mut statement, &self.number_columns, &self.textual_columns)?;
        sums_in_exact_types(&mut statement, &self.number_columns);
        sums_of_result_columns(&mut statement, schema);
        dates_truncated_as_timestamptz(&mut statement, &self.temporal_columns);
        let placeholders = snowflake_placeholders(&mut statement);
        Ok((statement.to_string(), placeholders))
    }
}

/// What `kind` says of each column's declared type, by the column's physical and logical names
/// (a table with renamed columns is read through a subquery presenting its logical names);
/// names whose columns differ are left out.
fn columns_by_name<T: Clone + PartialEq>(
    version: &PackageVersion,
    kind: impl Fn(PgType) -> Option<T>,
) -> HashMap<String, T> {
    let mut columns = HashMap::new();
    let mut ambiguous = HashSet::new();
    for column in version.tables.iter().flat_map(|t| &t.columns) {
        let Some(value) = kind(column.ty) else { continue };
        for name in [&column.physical, &column.name] {
            if columns.insert(name.clone(), value.clone()).is_some_and(|old| old != value) {
                ambiguous.insert(name.clone());
            }
        }
    }
    columns.retain(|name, _| !ambiguous.contains(name));
    columns
}

/// The last part of a column reference.
fn column_name(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Identifier(ident) => Some(&ident.value),
        Expr::CompoundIdentifier(parts) => parts.last().map(|p| p.value.as_str()),
        _ => None,
    }
}

/// `EXTRACT` is sent only of a `date` or `timestamp` column (the time of day only of a
/// `timestamp`): Snowflake reads a `timestamptz` in its own offset, and other arguments' types
/// are not known here.
fn check_extracts(statement: &Statement, temporal: &HashMap<String, PgType>) -> Result<(), ConnectorError> {
    use sqlparser::ast::DateTimeField as F;
    let refused = sqlparser::ast::visit_expressions(statement, |expr| {
        let Expr::Extract { field, expr: argument, .. } = expr else { return std::ops::ControlFlow::Continue(()) };
        let ty = column_name(argument).and_then(|name| temporal.get(name));
        let time_of_day = match field {
            F::Hour | F::Hours | F::Minute | F::Minutes | F::Second | F::Seconds => true,
            F::Custom(name) => ["SECOND", "NANOSECOND"].contains(&name.value.as_str()),
            _ => false,
        };
        match ty {
            Some(PgType::Timestamp) => std::ops::ControlFlow::Continue(()),
            Some(_) if !time_of_day => std::ops::ControlFlow::Continue(()),
            _ => std::ops::ControlFlow::Break(field.to_string()),
        }
    });
    match refused {
        std::ops::ControlFlow::Break(field) => {
            Err(refusal(format!("EXTRACT({field} FROM …) of other than a date or timestamp column")))
        }
        std::ops::ControlFlow::Continue(()) => Ok(()),
    }
}

/// Casts to integers and numerics are sent only of exact numbers ([`exact_scale`]) and of
/// string literals that are plain integers: Snowflake rounds those half away from zero as
/// Postgres does, but floats otherwise (Postgres rounds them half to even) and it reads text
/// such as `'4.5'` as a number where Postgres refuses it. `numeric` without a scale keeps each
/// value's scale in Postgres: it is sent as `NUMBER(38,s)` with the exact number's scale.
fn exact_number_casts(statement: &mut Statement, columns: &HashMap<String, SqlType>) -> Result<(), ConnectorError> {
    let refused = sqlparser::ast::visit_expressions_mut(statement, |expr| {
        let Expr::Cast { expr: value, data_type, .. } = expr else { return std::ops::ControlFlow::Continue(()) };
        let numeric = matches!(data_type, SqlType::Numeric(_) | SqlType::Decimal(_) | SqlType::Dec(_));
        if !is_integer_type(data_type) && !numeric {
            return std::ops::ControlFlow::Continue(());
        }
        let integer_text = |text: &str| {
            let text = text.trim_matches(' ');
            let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        };
        let unconstrained = is_unconstrained_numeric(data_type);
        let scale = match (exact_scale(value, columns), value.as_ref()) {
            (Some(scale), _) => scale,
            (None, Expr::Value(v)) if matches!(&v.value, SqlValue::SingleQuotedString(t) if integer_text(t)) => 0,
            // A parameter cast to an integer or numeric(p,s) is bound as a value of that type
            // (read and checked by packwire, never as text by Snowflake).
            (None, Expr::Value(v)) if matches!(v.value, SqlValue::Placeholder(_)) && !unconstrained => {
                return std::ops::ControlFlow::Continue(());
            }
            _ => return std::ops::ControlFlow::Break(data_type.to_string()),
        };
        if unconstrained {
            // NUMBER(38,0) is Snowflake's INTEGER, which the emulator reads as a 64-bit BIGINT
            // (overflowing where Snowflake and Postgres do not); 37 digits hold any bigint.
            *data_type = sqlparser_number(if scale == 0 { 37 } else { 38 }, scale);
        }
        std::ops::ControlFlow::Continue(())
    });
    match refused {
        std::ops::ControlFlow::Break(to) => {
            Err(refusal(format!("casting other than an exact number or an integer literal to {to}")))
        }
        std::ops::ControlFlow::Continue(()) => Ok(()),
    }
}

/// Casts to `text` (or `varchar` without a length) are sent only of values Snowflake writes as
/// Postgres does: NULL, parameters, string constants, number literals without an exponent
/// (their digits as written), integer and `numeric(p,s)` columns (the declared scale's digits,
/// as Postgres keeps it), and `text`, `varchar` and `boolean` (`true`/`false`) columns. A `date`
/// column is written with `TO_CHAR(d, 'YYYY-MM-DD')`, Postgres' ISO form, whatever the account's
/// `DATE_OUTPUT_FORMAT`. Anything else (floats, timestamps, computed values) is refused.
fn text_casts(
    statement: &mut Statement,
    numbers: &HashMap<String, SqlType>,
    textual: &HashMap<String, PgType>,
) -> Result<(), ConnectorError> {
    use sqlparser::ast::UnaryOperator;
    /// A number literal without an exponent.
    fn plain_number(value: &Expr) -> bool {
        matches!(value, Expr::Value(v) if matches!(&v.value, SqlValue::Number(text, _) if !text.contains(['e', 'E'])))
    }
    fn written_alike(value: &Expr, numbers: &HashMap<String, SqlType>, textual: &HashMap<String, PgType>) -> bool {
        match value {
            Expr::Value(v) => {
                plain_number(value)
                    || matches!(v.value, SqlValue::Null | SqlValue::SingleQuotedString(_) | SqlValue::Placeholder(_))
            }
            Expr::UnaryOp { op: UnaryOperator::Minus, expr } => plain_number(expr),
            Expr::Nested(inner) => written_alike(inner, numbers, textual),
            column => column_name(column).is_some_and(|name| {
                numbers.contains_key(name)
                    || matches!(textual.get(name), Some(PgType::Text | PgType::Varchar(_) | PgType::Bool))
            }),
        }
    }
    let refused = sqlparser::ast::visit_expressions_mut(statement, |expr| {
        let Expr::Cast { expr: value, data_type, .. } = expr else { return std::ops::ControlFlow::Continue(()) };
        match data_type {
            SqlType::Text | SqlType::Varchar(None) | SqlType::CharacterVarying(None) => {}
            SqlType::Varchar(Some(_)) | SqlType::CharacterVarying(Some(_)) => {
                return std::ops::ControlFlow::Break(format!("casting to {data_type}"));
            }
            _ => return std::ops::ControlFlow::Continue(()),
        }
        if written_alike(value, numbers, textual) {
            return std::ops::ControlFlow::Continue(());
        }
        if column_name(value).and_then(|name| textual.get(name)) == Some(&PgType::Date) {
            let date = std::mem::replace(value.as_mut(), Expr::Value(SqlValue::Null.into()));
            let format = Expr::Value(SqlValue::SingleQuotedString("YYYY-MM-DD".into()).into());
            *expr = super::quotients::call("TO_CHAR", vec![date, format], false);
            return std::ops::ControlFlow::Continue(());
        }
        std::ops::ControlFlow::Break(format!(
            "casting a value other than a literal or a text, boolean, date or exact number column to {data_type}"
        ))
    });
    match refused {
        std::ops::ControlFlow::Break(what) => Err(refusal(what)),
        std::ops::ControlFlow::Continue(()) => Ok(()),
    }
}

/// `date_trunc(unit, d)` of a `date` (a column or a literal) → `CAST(date_trunc(unit, d) AS
/// TIMESTAMP_TZ)`: Postgres truncates the date as a `timestamptz` at midnight in the session's
/// zone and returns one; Snowflake returns a `DATE`, which that cast reads in the session's
/// zone (its `TIMEZONE`, set from the client's).
fn dates_truncated_as_timestamptz(statement: &mut Statement, temporal: &HashMap<String, PgType>) {
    use sqlparser::ast::{FunctionArg, FunctionArgExpr, FunctionArguments};
    let _ = sqlparser::ast::visit_expressions_mut(statement, |expr| {
        if let Expr::Function(function) = &*expr
            && super::quotients::is_named(function, "date_trunc")
            && let FunctionArguments::List(list) = &function.args
            && let [_, FunctionArg::Unnamed(FunctionArgExpr::Expr(value))] = list.args.as_slice()
        {
            let date = match value {
                Expr::TypedString(typed) => typed.data_type == SqlType::Date,
                other => column_name(other).and_then(|name| temporal.get(name)) == Some(&PgType::Date),
            };
            if date {
                let truncated = std::mem::replace(expr, Expr::Value(SqlValue::Null.into()));
                *expr = cast(
                    truncated,
                    SqlType::Custom(
                        sqlparser::ast::ObjectName::from(vec![sqlparser::ast::Ident::new("TIMESTAMP_TZ")]),
                        vec![],
                    ),
                );
            }
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
}

/// `round(x[, n])` is sent only of an exact number `x` ([`exact_scale`]) with a constant `n`:
/// Snowflake rounds those half away from zero as Postgres does, but floats otherwise (Postgres
/// rounds them half to even). A rounded quotient result column is the connector's (`quotients`).
fn check_rounds(statement: &Statement, columns: &HashMap<String, SqlType>) -> Result<(), ConnectorError> {
    let refused = sqlparser::ast::visit_expressions(statement, |expr| {
        let Expr::Function(function) = expr else { return std::ops::ControlFlow::Continue(()) };
        if !super::quotients::is_named(function, "round") {
            return std::ops::ControlFlow::Continue(());
        }
        match super::quotients::rounding(expr, "round") {
            Some((value, _)) if exact_scale(value, columns).is_some() => std::ops::ControlFlow::Continue(()),
            _ => std::ops::ControlFlow::Break(()),
        }
    });
    match refused {
        std::ops::ControlFlow::Break(()) => {
            Err(refusal("round() of other than an exact number or a quotient result column".into()))
        }
        std::ops::ControlFlow::Continue(()) => Ok(()),
    }
}

/// Declared types whose values Snowflake holds or computes differently from Postgres: `char(n)`
/// (no blank padding semantics), `real` (Snowflake's FLOAT is a double), `json`/`jsonb`
/// (VARIANT compares, orders and prints its own way), and the types Snowflake has none of
/// (intervals, arrays), which a copy holds as text.
fn unfaithful(ty: PgType) -> bool {
    matches!(ty, PgType::Char(_) | PgType::Float4 | PgType::Json | PgType::Jsonb | PgType::Interval | PgType::Array(_))
}

/// Refuses a statement that names a column of an [`unfaithful`] type or returns one (`*`, or a
/// computed interval).
fn check_columns(statement: &Statement, columns: &HashSet<String>, schema: &SchemaRef) -> Result<(), ConnectorError> {
    let refuse = |name: &str| {
        ConnectorError::new(
            ErrorKind::FeatureNotSupported,
            format!(
                "column \"{name}\" has a type Snowflake does not compute as Postgres does (char, real, json, jsonb, interval, arrays)"
            ),
        )
    };
    for field in schema.fields() {
        // A computed interval too: Snowflake has no interval values to return.
        let interval = matches!(field.data_type(), datafusion::arrow::datatypes::DataType::Interval(_));
        if interval || crate::types::declared_type(field).is_some_and(unfaithful) {
            return Err(refuse(field.name()));
        }
    }
    if columns.is_empty() {
        return Ok(());
    }
    let mut named = None;
    let _ = sqlparser::ast::visit_expressions(statement, |expr| {
        let idents: &[sqlparser::ast::Ident] = match expr {
            Expr::Identifier(ident) => std::slice::from_ref(ident),
            Expr::CompoundIdentifier(parts) => parts,
            _ => &[],
        };
        match idents.last().filter(|i| columns.contains(&i.value)) {
            Some(ident) => {
                named = Some(ident.value.clone());
                std::ops::ControlFlow::Break(())
            }
            None => std::ops::ControlFlow::Continue(()),
        }
    });
    match named {
        Some(name) => Err(refuse(&name)),
        None => Ok(()),
    }
}

/// The Snowflake NUMBER a declared exact numeric type is (`None` for the other types).
fn number_type(ty: PgType) -> Option<SqlType> {
    match ty {
        PgType::Int2 => Some(sqlparser_number(5, 0)),
        PgType::Int4 => Some(sqlparser_number(10, 0)),
        PgType::Int8 => Some(sqlparser_number(19, 0)),
        PgType::Numeric(Some((p, s))) if s >= 0 => Some(sqlparser_number(u64::from(p), i64::from(s))),
        _ => None,
    }
}

fn sqlparser_number(precision: u64, scale: i64) -> SqlType {
    SqlType::Numeric(sqlparser::ast::ExactNumberInfo::PrecisionAndScale(precision, scale))
}

/// `SUM(x)` of an exact numeric column → `SUM(CAST(x AS NUMBER(p,s)))` with the column's
/// declared type, and of arithmetic whose Postgres scale follows from its columns and literals
/// ([`exact_scale`]) → `SUM(CAST(x AS NUMBER(38,s)))`: the same value on Snowflake (which
/// computes that scale alike), and it keeps engines that sum untyped input as doubles (the
/// fakesnow emulator) on exact arithmetic.
fn sums_in_exact_types(statement: &mut Statement, columns: &HashMap<String, SqlType>) {
    let _ = sqlparser::ast::visit_expressions_mut(statement, |expr| {
        if let Some(arg) = sum_argument_mut(expr)
            && !matches!(arg, Expr::Cast { .. })
        {
            let data_type = match column_name(arg).and_then(|n| columns.get(n)) {
                Some(declared) => Some(declared.clone()),
                None => exact_scale(arg, columns).map(|scale| sqlparser_number(38, scale)),
            };
            if let Some(data_type) = data_type {
                let value = std::mem::replace(arg, Expr::Value(SqlValue::Null.into()));
                *arg = cast(value, data_type);
            }
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
}

/// `x < k * avg(y)` and `x < (SELECT k * avg(y) FROM …)` (any comparison, either way round;
/// `k` a number literal or absent) with `x` and `y` exact numbers → `x * count(y) < k * sum(y)`
/// and `x * (SELECT count(y) FROM …) < (SELECT k * sum(y) FROM …)`. Snowflake cannot compute
/// Postgres' average inside an expression (see `quotients`); multiplied out by the count
/// (positive whenever the average is not NULL; when it is, so is the sum) the comparison is
/// exact on both engines. Postgres compares with the average rounded to at least 16
/// significant digits, which decides differently only when the value equals that rounding and
/// not the average itself: impossible below 10^13 averaged rows.
fn compare_averages(statement: &mut Statement, columns: &HashMap<String, SqlType>) {
    use sqlparser::ast::BinaryOperator as Op;
    let _ = sqlparser::ast::visit_expressions_mut(statement, |expr| {
        if let Expr::BinaryOp { left, op: Op::Lt | Op::LtEq | Op::Gt | Op::GtEq | Op::Eq | Op::NotEq, right } = expr {
            let operands = |value: &Expr, average: &Expr| {
                exact_scale(value, columns)?;
                match average {
                    Expr::Subquery(query) => average_subquery_operands(query, columns),
                    other => average_operands(other, columns),
                }
            };
            let (value, average, (count, sum)) = if let Some(found) = operands(left, right) {
                (left, right, found)
            } else if let Some(found) = operands(right, left) {
                (right, left, found)
            } else {
                return std::ops::ControlFlow::Continue(());
            };
            let compared = std::mem::replace(value.as_mut(), Expr::Value(SqlValue::Null.into()));
            **value = Expr::BinaryOp {
                left: Box::new(Expr::Nested(Box::new(compared))),
                op: Op::Multiply,
                right: Box::new(count),
            };
            **average = sum;
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
}

/// For `[k *] avg(y)` (or `avg(y) * k`, no `OVER`/`FILTER`) over an exact `y`: `count(y)` and
/// `[k *] sum(y)`.
fn average_operands(expr: &Expr, columns: &HashMap<String, SqlType>) -> Option<(Expr, Expr)> {
    use sqlparser::ast::BinaryOperator as Op;
    let is_number = |e: &Expr| matches!(e, Expr::Value(v) if matches!(v.value, SqlValue::Number(..)));
    let (factor, average) = match expr {
        Expr::BinaryOp { left, op: Op::Multiply, right } if is_number(left) => (Some(left.as_ref()), right.as_ref()),
        Expr::BinaryOp { left, op: Op::Multiply, right } if is_number(right) => (Some(right.as_ref()), left.as_ref()),
        other => (None, other),
    };
    let Expr::Function(function) = average else { return None };
    if !super::quotients::is_named(function, "avg") {
        return None;
    }
    let (argument, distinct) = super::quotients::single_argument(function)?;
    exact_scale(argument, columns)?;
    let count = super::quotients::call("count", vec![argument.clone()], distinct);
    let mut sum = super::quotients::call("sum", vec![argument.clone()], distinct);
    if let Some(factor) = factor {
        sum = Expr::BinaryOp { left: Box::new(factor.clone()), op: Op::Multiply, right: Box::new(sum) };
    }
    Some((count, sum))
}

/// For `(SELECT [k *] avg(y) FROM …)` (one row: no grouping, DISTINCT or LIMIT): the same
/// subquery selecting `count(y)` and selecting `[k *] sum(y)`.
fn average_subquery_operands(
    query: &sqlparser::ast::Query,
    columns: &HashMap<String, SqlType>,
) -> Option<(Expr, Expr)> {
    use sqlparser::ast::{GroupByExpr, SelectItem, SetExpr};
    if query.order_by.is_some() || query.limit_clause.is_some() || query.fetch.is_some() {
        return None;
    }
    let SetExpr::Select(select) = query.body.as_ref() else { return None };
    let grouped = match &select.group_by {
        GroupByExpr::Expressions(exprs, modifiers) => !exprs.is_empty() || !modifiers.is_empty(),
        GroupByExpr::All(_) => true,
    };
    if grouped || select.distinct.is_some() || select.having.is_some() || select.qualify.is_some() {
        return None;
    }
    let [SelectItem::UnnamedExpr(item) | SelectItem::ExprWithAlias { expr: item, .. }] = select.projection.as_slice()
    else {
        return None;
    };
    let (count, sum) = average_operands(item, columns)?;
    let with_item = |expr: Expr| {
        let mut query = query.clone();
        if let SetExpr::Select(select) = query.body.as_mut() {
            select.projection = vec![SelectItem::UnnamedExpr(expr)];
        }
        Expr::Subquery(Box::new(query))
    };
    Some((with_item(count), with_item(sum)))
}

/// Whether a cast's type is one of the integer types.
fn is_integer_type(data_type: &SqlType) -> bool {
    matches!(
        data_type,
        SqlType::Int(_)
            | SqlType::Integer(_)
            | SqlType::BigInt(_)
            | SqlType::SmallInt(_)
            | SqlType::Int2(_)
            | SqlType::Int4(_)
            | SqlType::Int8(_)
    )
}

/// Whether a cast's type is `numeric` without precision and scale.
fn is_unconstrained_numeric(data_type: &SqlType) -> bool {
    use sqlparser::ast::ExactNumberInfo::None as Unconstrained;
    matches!(data_type, SqlType::Numeric(Unconstrained) | SqlType::Decimal(Unconstrained) | SqlType::Dec(Unconstrained))
}

/// Snowflake keeps a product's scale as the sum of its factors' only up to 12 digits.
const SNOWFLAKE_PRODUCT_SCALE: i64 = 12;

/// The scale Postgres gives an exact-number expression built from exact columns, number
/// literals, `+ - *`, `CASE` and casts to exact types, when Snowflake computes the same one.
/// `None` for anything else.
fn exact_scale(expr: &Expr, columns: &HashMap<String, SqlType>) -> Option<i64> {
    use sqlparser::ast::{BinaryOperator as Op, ExactNumberInfo as Info, UnaryOperator};
    let declared_scale = |data_type: &SqlType| match data_type {
        SqlType::Numeric(Info::PrecisionAndScale(_, scale)) | SqlType::Decimal(Info::PrecisionAndScale(_, scale)) => {
            Some(*scale)
        }
        integer if is_integer_type(integer) => Some(0),
        _ => None,
    };
    match expr {
        Expr::Identifier(_) | Expr::CompoundIdentifier(_) => columns.get(column_name(expr)?).and_then(declared_scale),
        Expr::Value(value) => match &value.value {
            SqlValue::Number(text, _) if !text.contains(['e', 'E']) => {
                Some(text.split_once('.').map_or(0, |(_, fraction)| fraction.len() as i64))
            }
            // A NULL (a CASE branch) has no scale of its own.
            SqlValue::Null => Some(0),
            _ => None,
        },
        Expr::Nested(inner) => exact_scale(inner, columns),
        Expr::UnaryOp { op: UnaryOperator::Minus | UnaryOperator::Plus, expr } => exact_scale(expr, columns),
        Expr::BinaryOp { left, op: Op::Plus | Op::Minus, right } => {
            Some(exact_scale(left, columns)?.max(exact_scale(right, columns)?))
        }
        Expr::BinaryOp { left, op: Op::Multiply, right } => {
            let scale = exact_scale(left, columns)? + exact_scale(right, columns)?;
            (scale <= SNOWFLAKE_PRODUCT_SCALE).then_some(scale)
        }
        // `numeric` without a scale keeps the value's.
        Expr::Cast { data_type, expr, .. } if is_unconstrained_numeric(data_type) => exact_scale(expr, columns),
        Expr::Cast { data_type, .. } => declared_scale(data_type),
        Expr::Case { conditions, else_result, .. } => {
            let results = conditions.iter().map(|c| &c.result).chain(else_result.as_deref());
            results.map(|r| exact_scale(r, columns)).try_fold(0, |scale, s| Some(scale.max(s?)))
        }
        _ => None,
    }
}

/// `SUM(expr)` that is a whole result column → `SUM(CAST(expr AS NUMBER(38,s)))`, `s` the scale
/// of the column's Postgres type (a sum of exact numbers keeps its input's scale, so the cast is
/// the identity on Snowflake) — done only when every other uncast `SUM` of the statement is such
/// a column, so no sum is left that an engine summing untyped input as doubles (the emulator)
/// could compute inexactly for a comparison.
fn sums_of_result_columns(statement: &mut Statement, schema: &SchemaRef) {
    let mut uncast = 0;
    let _ = sqlparser::ast::visit_expressions(statement, |expr| {
        if sum_argument(expr).is_some_and(|arg| !matches!(arg, Expr::Cast { .. })) {
            uncast += 1;
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
    if uncast == 0 {
        return;
    }
    let Statement::Query(query) = statement else { return };
    let sqlparser::ast::SetExpr::Select(select) = query.body.as_mut() else { return };
    if select.projection.len() != schema.fields().len() {
        return;
    }
    let mut casts = Vec::new();
    for (index, (item, field)) in select.projection.iter().zip(schema.fields()).enumerate() {
        let (sqlparser::ast::SelectItem::UnnamedExpr(expr) | sqlparser::ast::SelectItem::ExprWithAlias { expr, .. }) =
            item
        else {
            continue;
        };
        let scale = match field.data_type() {
            datafusion::arrow::datatypes::DataType::Decimal128(_, scale) if *scale >= 0 => i64::from(*scale),
            datafusion::arrow::datatypes::DataType::Int16
            | datafusion::arrow::datatypes::DataType::Int32
            | datafusion::arrow::datatypes::DataType::Int64 => 0,
            _ => continue,
        };
        if sum_argument(expr).is_some_and(|arg| !matches!(arg, Expr::Cast { .. })) {
            casts.push((index, scale));
        }
    }
    if casts.len() != uncast {
        return;
    }
    for (index, scale) in casts {
        if let Some(
            sqlparser::ast::SelectItem::UnnamedExpr(expr) | sqlparser::ast::SelectItem::ExprWithAlias { expr, .. },
        ) = select.projection.get_mut(index)
            && let Some(arg) = sum_argument_mut(expr)
        {
            let inner = std::mem::replace(arg, Expr::Value(SqlValue::Null.into()));
            *arg = cast(inner, sqlparser_number(38, scale));
        }
    }
}

/// The argument of `SUM(arg)` (with or without DISTINCT or OVER).
fn sum_argument(expr: &Expr) -> Option<&Expr> {
    let Expr::Function(function) = expr else { return None };
    let sqlparser::ast::FunctionArguments::List(list) = &function.args else { return None };
    match list.args.as_slice() {
        [sqlparser::ast::FunctionArg::Unnamed(sqlparser::ast::FunctionArgExpr::Expr(arg))]
            if function.name.to_string().eq_ignore_ascii_case("sum") =>
        {
            Some(arg)
        }
        _ => None,
    }
}

fn sum_argument_mut(expr: &mut Expr) -> Option<&mut Expr> {
    let Expr::Function(function) = expr else { return None };
    if !function.name.to_string().eq_ignore_ascii_case("sum") {
        return None;
    }
    let sqlparser::ast::FunctionArguments::List(list) = &mut function.args else { return None };
    match list.args.as_mut_slice() {
        [sqlparser::ast::FunctionArg::Unnamed(sqlparser::ast::FunctionArgExpr::Expr(arg))] => Some(arg),
        _ => None,
    }
}

fn cast(expr: Expr, data_type: SqlType) -> Expr {
    Expr::Cast { kind: sqlparser::ast::CastKind::Cast, expr: Box::new(expr), data_type, array: false, format: None }
}

/// `$n` parameters become Snowflake's numbered binds `:n`. Returns the highest number used.
fn snowflake_placeholders(statement: &mut Statement) -> usize {
    struct Placeholders(usize);
    impl VisitorMut for Placeholders {
        type Break = ();
        fn pre_visit_expr(&mut self, expr: &mut Expr) -> std::ops::ControlFlow<()> {
            if let Expr::Value(value) = expr
                && let SqlValue::Placeholder(name) = &mut value.value
                && let Some(number) = name.strip_prefix('$').and_then(|n| n.parse::<usize>().ok())
            {
                self.0 = self.0.max(number);
                *name = format!(":{number}");
            }
            std::ops::ControlFlow::Continue(())
        }
    }
    let mut visitor = Placeholders(0);
    let _ = statement.visit(&mut visitor);
    visitor.0
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const MANIFEST: &str = r#"
[package]
name = "shop"
version = "1.0.0"
[source]
kind = "snowflake"
account = "acme"
user = "APP"
password = "${P}"
database = "SHOP"
[[tables]]
name = "orders"
physical = "ORDERS"
columns = [
  { name = "id", type = "int4", physical = "ID" },
  { name = "total", type = "numeric(12,2)", physical = "TOTAL" },
  { name = "code", type = "char(3)", physical = "CODE" },
  { name = "placed", type = "date" },
  { name = "seen", type = "timestamp" },
  { name = "paid", type = "timestamptz" },
]
"#;

    fn sql(text: &str) -> Result<(String, usize), ConnectorError> {
        let version = PackageVersion::from_toml(MANIFEST, Path::new("/r/shop.toml")).unwrap();
        let statement =
            sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::PostgreSqlDialect {}, text).unwrap().remove(0);
        Adjustments::new(&version).sql(statement, &SchemaRef::new(datafusion::arrow::datatypes::Schema::empty()))
    }

    #[test]
    fn sums_of_exact_columns_keep_their_type_and_parameters_are_numbered_binds() {
        let (text, placeholders) =
            sql(r#"SELECT sum("TOTAL"), sum(o.total), sum("ID" + 1) FROM t AS o WHERE "ID" > $2"#).unwrap();
        assert_eq!(
            text,
            r#"SELECT sum(CAST("TOTAL" AS NUMERIC(12,2))), sum(CAST(o.total AS NUMERIC(12,2))), sum(CAST("ID" + 1 AS NUMERIC(38,0))) FROM t AS o WHERE "ID" > :2"#
        );
        assert_eq!(placeholders, 2);
    }

    #[test]
    fn sums_that_are_result_columns_are_summed_in_the_result_type() {
        use datafusion::arrow::datatypes::{DataType, Field, Schema};
        let version = PackageVersion::from_toml(MANIFEST, Path::new("/r/shop.toml")).unwrap();
        let adjust = |text: &str, types: Vec<DataType>| {
            let statement = sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::PostgreSqlDialect {}, text)
                .unwrap()
                .remove(0);
            let fields: Vec<Field> = types.into_iter().map(|t| Field::new("c", t, true)).collect();
            Adjustments::new(&version).sql(statement, &SchemaRef::new(Schema::new(fields))).unwrap().0
        };
        assert_eq!(
            adjust(
                r#"SELECT k, sum("TOTAL" * 2) AS r FROM t GROUP BY k"#,
                vec![DataType::Utf8, DataType::Decimal128(38, 2)]
            ),
            r#"SELECT k, sum(CAST("TOTAL" * 2 AS NUMERIC(38,2))) AS r FROM t GROUP BY k"#
        );
        // Another sum the result type says nothing about: nothing is cast.
        let having = r#"SELECT sum(k * 2) FROM t HAVING sum(k * 3) > 1"#;
        assert_eq!(adjust(having, vec![DataType::Decimal128(38, 2)]), having);
    }

    #[test]
    fn sums_of_exact_arithmetic_are_summed_at_postgres_scale() {
        let (text, _) = sql(
            r#"SELECT sum(CASE WHEN k THEN "TOTAL" * (1 - "TOTAL") ELSE 0 END), sum(-"ID" * 0.50), sum("TOTAL" * 1.0000000000001), sum("TOTAL" * 1e2) FROM t"#,
        )
        .unwrap();
        assert_eq!(
            text,
            r#"SELECT sum(CAST(CASE WHEN k THEN "TOTAL" * (1 - "TOTAL") ELSE 0 END AS NUMERIC(38,4))), sum(CAST(-"ID" * 0.50 AS NUMERIC(38,2))), sum("TOTAL" * 1.0000000000001), sum("TOTAL" * 1e2) FROM t"#
        );
    }

    #[test]
    fn comparisons_with_an_average_are_multiplied_out() {
        let version = PackageVersion::from_toml(MANIFEST, Path::new("/r/shop.toml")).unwrap();
        let adjust = |text: &str| {
            let mut statement = sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::PostgreSqlDialect {}, text)
                .unwrap()
                .remove(0);
            compare_averages(&mut statement, &Adjustments::new(&version).number_columns);
            statement.to_string()
        };
        assert_eq!(
            adjust(r#"SELECT 1 FROM t WHERE "TOTAL" < (SELECT 0.2 * avg("TOTAL") FROM t AS u WHERE u."ID" = t."ID")"#),
            r#"SELECT 1 FROM t WHERE ("TOTAL") * (SELECT count("TOTAL") FROM t AS u WHERE u."ID" = t."ID") < (SELECT 0.2 * sum("TOTAL") FROM t AS u WHERE u."ID" = t."ID")"#
        );
        assert_eq!(
            adjust(r#"SELECT 1 FROM t WHERE (SELECT avg(DISTINCT "ID") FROM t) >= "TOTAL""#),
            r#"SELECT 1 FROM t WHERE (SELECT sum(DISTINCT "ID") FROM t) >= ("TOTAL") * (SELECT count(DISTINCT "ID") FROM t)"#
        );
        assert_eq!(
            adjust(r#"SELECT k FROM t GROUP BY k HAVING avg("TOTAL") * 2 > 141500"#),
            r#"SELECT k FROM t GROUP BY k HAVING 2 * sum("TOTAL") > (141500) * count("TOTAL")"#
        );
        // Grouped, of an inexact value, or compared with one: left as they are (and refused).
        for kept in [
            r#"SELECT 1 FROM t WHERE "TOTAL" < (SELECT avg("TOTAL") FROM t GROUP BY "ID")"#,
            r#"SELECT 1 FROM t WHERE "TOTAL" < (SELECT avg(k) FROM t)"#,
            r#"SELECT 1 FROM t WHERE k < (SELECT avg("TOTAL") FROM t)"#,
            r#"SELECT 1 FROM t WHERE "TOTAL" < (SELECT avg("TOTAL") + 1 FROM t)"#,
        ] {
            assert_eq!(adjust(kept), kept);
        }
    }

    #[test]
    fn extract_is_sent_only_of_date_and_timestamp_columns() {
        let version = PackageVersion::from_toml(MANIFEST, Path::new("/r/shop.toml")).unwrap();
        let adjust = |text: &str| {
            let statement = sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::PostgreSqlDialect {}, text)
                .unwrap()
                .remove(0);
            Adjustments::new(&version).sql(statement, &SchemaRef::new(datafusion::arrow::datatypes::Schema::empty()))
        };
        adjust("SELECT EXTRACT(YEAR FROM placed), EXTRACT(HOUR FROM o.seen) FROM t AS o").unwrap();
        for refused in [
            "SELECT EXTRACT(HOUR FROM placed) FROM t",
            "SELECT EXTRACT(YEAR FROM paid) FROM t",
            "SELECT EXTRACT(YEAR FROM placed + 1) FROM t",
        ] {
            assert_eq!(adjust(refused).unwrap_err().kind, ErrorKind::FeatureNotSupported, "{refused}");
        }
    }

    #[test]
    fn casts_to_exact_types_are_sent_only_of_exact_numbers() {
        let (text, _) =
            sql(r#"SELECT CAST("TOTAL" AS NUMERIC), CAST("ID" * 1.5 AS INT), CAST(' -12 ' AS BIGINT), CAST(2.345 AS NUMERIC(10,2)), CAST("ID" AS NUMERIC) FROM t"#)
                .unwrap();
        assert_eq!(
            text,
            r#"SELECT CAST("TOTAL" AS NUMERIC(38,2)), CAST("ID" * 1.5 AS INT), CAST(' -12 ' AS BIGINT), CAST(2.345 AS NUMERIC(10,2)), CAST("ID" AS NUMERIC(37,0)) FROM t"#
        );
        sql("SELECT CAST($1 AS BIGINT), CAST($2 AS NUMERIC(10,2)) FROM t").unwrap();
        for refused in [
            "SELECT CAST($1 AS NUMERIC) FROM t",
            "SELECT CAST(CAST(2.5 AS DOUBLE PRECISION) AS INT) FROM t",
            "SELECT CAST('4.5' AS INT) FROM t",
            "SELECT CAST(k AS NUMERIC(10,2)) FROM t",
        ] {
            assert_eq!(sql(refused).unwrap_err().kind, ErrorKind::FeatureNotSupported, "{refused}");
        }
    }

    #[test]
    fn dates_are_truncated_as_timestamptz() {
        let (text, _) = sql(
            "SELECT date_trunc('year', placed), date_trunc('month', DATE '2024-02-29'), date_trunc('day', seen) FROM t",
        )
        .unwrap();
        assert_eq!(
            text,
            "SELECT CAST(date_trunc('year', placed) AS TIMESTAMP_TZ), CAST(date_trunc('month', DATE '2024-02-29') AS \
             TIMESTAMP_TZ), date_trunc('day', seen) FROM t"
        );
    }

    #[test]
    fn round_is_sent_only_of_exact_numbers_with_constant_places() {
        sql(r#"SELECT round("TOTAL", 1), round("TOTAL" * 2), round("ID", -1) FROM t"#).unwrap();
        for refused in [r#"SELECT round(k, 1) FROM t"#, r#"SELECT round("TOTAL", "ID") FROM t"#] {
            assert_eq!(sql(refused).unwrap_err().kind, ErrorKind::FeatureNotSupported, "{refused}");
        }
    }

    #[test]
    fn columns_snowflake_computes_differently_are_refused() {
        let error = sql(r#"SELECT "ID" FROM t WHERE "CODE" = 'ab'"#).unwrap_err();
        assert_eq!(error.kind, ErrorKind::FeatureNotSupported);
        assert!(error.message.contains("\"CODE\""), "{}", error.message);
        // A computed interval (Snowflake has no interval values).
        use datafusion::arrow::datatypes::{DataType, Field, IntervalUnit, Schema};
        let version = PackageVersion::from_toml(MANIFEST, Path::new("/r/shop.toml")).unwrap();
        let statement = sqlparser::parser::Parser::parse_sql(
            &sqlparser::dialect::PostgreSqlDialect {},
            r#"SELECT "SEEN" - "SEEN" AS d FROM t"#,
        )
        .unwrap()
        .remove(0);
        let schema =
            SchemaRef::new(Schema::new(vec![Field::new("d", DataType::Interval(IntervalUnit::MonthDayNano), true)]));
        let error = Adjustments::new(&version).sql(statement, &schema).unwrap_err();
        assert!(error.message.contains("\"d\""), "{}", error.message);
    }

    #[test]
    fn casts_to_text_are_sent_only_of_values_snowflake_writes_alike() {
        let (text, _) = sql(
            r#"SELECT 42::text, (-7)::text, 1.50::text, NULL::text, 'x'::text, "ID"::text, total::text, placed::text, $1::text FROM t"#,
        )
        .unwrap();
        assert_eq!(
            text,
            "SELECT 42::TEXT, (-7)::TEXT, 1.50::TEXT, NULL::TEXT, 'x'::TEXT, \"ID\"::TEXT, total::TEXT, \
             TO_CHAR(placed, 'YYYY-MM-DD'), :1::TEXT FROM t"
        );
        for refused in [
            "SELECT seen::text FROM t",
            "SELECT paid::text FROM t",
            "SELECT (total * 2)::text FROM t",
            "SELECT 1e3::text FROM t",
            "SELECT id::varchar(2) FROM t",
        ] {
            let error = sql(refused).unwrap_err();
            assert_eq!(error.kind, ErrorKind::FeatureNotSupported, "{refused}");
        }
    }
}
