//! Quotients Snowflake cannot compute as Postgres does, computed by the connector instead.
//!
//! Postgres divides numerics at a scale that depends on the values (`select_div_scale`: at
//! least 16 significant digits, rounded half away from zero) and its `avg` of exact numbers is
//! that division of the sum by the count; Snowflake divides at a fixed scale (the emulator in
//! doubles). So a result column that is `avg(x)` or `a / b` is sent as its two operands —
//! `sum(x)` and `count(x)`, or `a` and `b` — and divided here with the embedded engine's `/`
//! ([`crate::pgfunctions::divide`]) in the operand types the typing twin gives them (integers
//! divide as integers, floats as floats, anything numeric exactly).
//!
//! Each numerator takes its column's place and the denominators follow the last column, so
//! positional references (`GROUP BY 1`) keep their meaning. A quotient column that the
//! statement refers to by name or position, or under `DISTINCT`, is not split, and an average
//! or a division left anywhere (inside an expression, a condition, an `ORDER BY`, a subquery) is
//! refused: its value would be Snowflake's.

use std::collections::HashMap;
use std::ops::ControlFlow;

use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, AsArray, Decimal128Array};
use datafusion::arrow::datatypes::{DataType, SchemaRef};
use datafusion::arrow::record_batch::{RecordBatch, RecordBatchOptions};
use sqlparser::ast::{
    BinaryOperator, DuplicateTreatment, Expr, Function, FunctionArg, FunctionArgExpr, FunctionArguments, GroupByExpr,
    Ident, ObjectName, Query, SelectItem, SetExpr, Statement, Value,
};

use crate::error::{ConnectorError, ErrorKind};

/// A result column computed from two sent columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Quotient {
    /// The result column; its numerator is sent in its place.
    pub column: usize,
    /// The sent column of its denominator.
    pub denominator: usize,
    /// For `round(quotient[, places])`, the places (0 without).
    pub places: Option<i64>,
}

/// Which result columns are quotients of which sent columns.
#[derive(Debug)]
pub(super) struct Quotients {
    quotients: Vec<Quotient>,
    /// The result.
    result: SchemaRef,
}

/// A statement with its quotient columns split into operands, and its typing twin split alike
/// (whose result types are the operands' types).
pub(super) struct Split {
    pub statement: Statement,
    pub typing: Statement,
    pub quotients: Vec<Quotient>,
}

impl Quotients {
    /// The division of each quotient's columns of `wire` (the sent statement's columns in the
    /// operands' types) into `result`, or the refusal when a quotient would not have its
    /// result's type.
    pub(super) fn new(quotients: Vec<Quotient>, wire: &SchemaRef, result: SchemaRef) -> Result<Self, ConnectorError> {
        for &Quotient { column, denominator, places } in &quotients {
            let (Some(field), Some(numerator), Some(denominator)) =
                (result.fields().get(column), wire.fields().get(column), wire.fields().get(denominator))
            else {
                return Err(ConnectorError::new(ErrorKind::Internal, "quotient columns out of range"));
            };
            let refused = || {
                let (name, left, right) = (field.name(), numerator.data_type(), denominator.data_type());
                refusal(format!("column \"{name}\", a quotient of {left} by {right},"))
            };
            // Only numbers: Snowflake has no intervals to return (a copy holds them as text).
            if !numerator.data_type().is_numeric() || !denominator.data_type().is_numeric() {
                return Err(refused());
            }
            let text = field.data_type() == &DataType::Utf8 || places.is_some();
            let dividend = numerator_type(numerator.data_type(), text);
            let divided = crate::pgfunctions::divide_type(&dividend, denominator.data_type(), text).ok();
            // A rounded quotient is the quotient's numeric text rounded into the result's decimal.
            let expected = match places {
                Some(_) if matches!(field.data_type(), DataType::Decimal128(..)) => Some(&DataType::Utf8),
                Some(_) => None,
                None => Some(field.data_type()),
            };
            if divided.is_none() || divided.as_ref() != expected {
                return Err(refused());
            }
        }
        Ok(Quotients { quotients, result })
    }

    /// The result batch of a batch of the sent columns.
    pub(super) fn divide(&self, batch: &RecordBatch) -> Result<RecordBatch, ConnectorError> {
        let mut columns: Vec<_> = batch.columns().iter().take(self.result.fields().len()).cloned().collect();
        for &Quotient { column, denominator, places } in &self.quotients {
            let (Some(numerator), Some(denominator)) = (columns.get(column), batch.columns().get(denominator)) else {
                return Err(ConnectorError::new(ErrorKind::Internal, "quotient columns out of range"));
            };
            let result_type = self.result.field(column).data_type();
            let text = result_type == &DataType::Utf8 || places.is_some();
            let numerator = datafusion::arrow::compute::cast(numerator, &numerator_type(numerator.data_type(), text))?;
            let quotient = crate::pgfunctions::divide(&numerator, denominator, text)?;
            columns[column] = match places {
                Some(places) => rounded(&quotient, places, result_type)?,
                None => quotient,
            };
        }
        let options = RecordBatchOptions::new().with_row_count(Some(batch.num_rows()));
        Ok(RecordBatch::try_new_with_options(self.result.clone(), columns, &options)?)
    }
}

/// Numeric texts rounded as Postgres' `round(numeric, places)` into a decimal type.
fn rounded(texts: &ArrayRef, places: i64, data_type: &DataType) -> Result<ArrayRef, ConnectorError> {
    let DataType::Decimal128(precision, scale) = data_type else {
        return Err(ConnectorError::new(ErrorKind::Internal, "a rounded quotient is a decimal"));
    };
    let values = texts
        .as_string::<i32>()
        .iter()
        .map(|text| text.map(|t| crate::pgfunctions::round_numeric_text(t, places)).transpose())
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Arc::new(Decimal128Array::from(values).with_precision_and_scale(*precision, *scale)?))
}

/// The type a numerator is divided in: an integer sum divided into a numeric average is a
/// numeric (Postgres' `avg` of integers), any other its own.
fn numerator_type(data_type: &DataType, numeric_result: bool) -> DataType {
    if numeric_result && data_type.is_integer() { DataType::Decimal128(38, 0) } else { data_type.clone() }
}

/// 0A000 for `what` on Snowflake.
pub(super) fn refusal(what: String) -> ConnectorError {
    ConnectorError::new(ErrorKind::FeatureNotSupported, format!("{what} is not supported on Snowflake"))
}

/// Splits the quotient columns of `statement` (Snowflake's dialect) and of `typing` (the
/// embedded engine's: `pg_avg(x)` and `pg_div(a, b)`). `None` when there are none to split.
pub(super) fn split(statement: &Statement, typing: &Statement) -> Option<Split> {
    let (Statement::Query(query), Statement::Query(typing_query)) = (statement, typing) else { return None };
    let (SetExpr::Select(select), SetExpr::Select(typing_select)) = (query.body.as_ref(), typing_query.body.as_ref())
    else {
        return None;
    };
    if select.distinct.is_some() || select.projection.len() != typing_select.projection.len() {
        return None;
    }
    let mut statement = statement.clone();
    let mut typing = typing.clone();
    let (Statement::Query(query), Statement::Query(typing_query)) = (&mut statement, &mut typing) else { return None };
    drop_undeciding_order_keys(query);
    let referenced = referenced_columns(query);
    let (SetExpr::Select(select), SetExpr::Select(typing_select)) = (query.body.as_mut(), typing_query.body.as_mut())
    else {
        return None;
    };
    let columns = select.projection.len();
    let mut quotients = Vec::new();
    for index in 0..columns {
        let alias = match &select.projection[index] {
            SelectItem::ExprWithAlias { alias, .. } => Some(alias.value.to_ascii_lowercase()),
            _ => None,
        };
        if referenced.refers_to(index + 1, alias.as_deref(), &select.projection[index]) {
            continue;
        }
        let (Some(expr), Some(typing_expr)) =
            (item_expr(&select.projection[index]), item_expr(&typing_select.projection[index]))
        else {
            continue;
        };
        let (Some((numerator, denominator, places)), Some((typing_numerator, typing_denominator, typing_places))) =
            (operands(expr), typing_operands(typing_expr))
        else {
            continue;
        };
        if places != typing_places {
            continue;
        }
        // The engine wants distinct column names (an average's sum may repeat another column).
        let name = |part: &str| Ident::with_quote('"', format!("{part} of quotient {}", index + 1));
        replace_item_expr(&mut select.projection[index], numerator);
        if let SelectItem::UnnamedExpr(_) = &typing_select.projection[index] {
            typing_select.projection[index] =
                SelectItem::ExprWithAlias { expr: typing_numerator, alias: name("numerator") };
        } else {
            replace_item_expr(&mut typing_select.projection[index], typing_numerator);
        }
        select.projection.push(SelectItem::UnnamedExpr(denominator));
        typing_select
            .projection
            .push(SelectItem::ExprWithAlias { expr: typing_denominator, alias: name("denominator") });
        quotients.push(Quotient { column: index, denominator: columns + quotients.len(), places });
    }
    (!quotients.is_empty()).then_some(Split { statement, typing, quotients })
}

/// Refuses a statement with an average or a division left in it.
pub(super) fn refuse_left_over(statement: &Statement) -> Result<(), ConnectorError> {
    let found = sqlparser::ast::visit_expressions(statement, |expr| match expr {
        Expr::BinaryOp { op: BinaryOperator::Divide, .. } => ControlFlow::Break("division"),
        Expr::Function(function) if is_named(function, "avg") => ControlFlow::Break("avg()"),
        _ => ControlFlow::Continue(()),
    });
    match found {
        ControlFlow::Break(what) => Err(refusal(format!("{what} other than as a whole result column"))),
        ControlFlow::Continue(()) => Ok(()),
    }
}

/// In a grouped query whose `ORDER BY` has ordered by every grouping expression before it names
/// a quotient column, that key decides nothing (there is one row per group): it is dropped, as
/// Snowflake cannot sort by the quotient Postgres computes.
fn drop_undeciding_order_keys(query: &mut Query) {
    let Query { body, order_by, .. } = query;
    let (SetExpr::Select(select), Some(order_by)) = (body.as_ref(), order_by.as_mut()) else { return };
    let sqlparser::ast::OrderByKind::Expressions(keys) = &mut order_by.kind else { return };
    let GroupByExpr::Expressions(groups, modifiers) = &select.group_by else { return };
    if groups.is_empty() || !modifiers.is_empty() || select.distinct.is_some() {
        return;
    }
    // What a key names: a select-list item (by position, or by alias, which in `ORDER BY` wins
    // over an input column) or itself. A grouping expression is read by position only (in
    // `GROUP BY` an input column wins over an alias; such a key is simply never matched).
    let named = |expr: &'_ Expr, by_alias: bool| -> Expr {
        let item = match expr {
            Expr::Value(value) => match &value.value {
                Value::Number(number, _) => {
                    number.parse::<usize>().ok().and_then(|p| p.checked_sub(1)).and_then(|i| select.projection.get(i))
                }
                _ => None,
            },
            Expr::Identifier(ident) if by_alias => select.projection.iter().find(|item| {
                matches!(item, SelectItem::ExprWithAlias { alias, .. } if alias.value.eq_ignore_ascii_case(&ident.value))
            }),
            _ => None,
        };
        item.and_then(item_expr).unwrap_or(expr).clone()
    };
    let groups: Vec<Expr> = groups.iter().map(|g| named(g, false)).collect();
    let mut ordered: Vec<Expr> = Vec::new();
    keys.retain(|key| {
        let target = named(&key.expr, true);
        if groups.iter().all(|g| ordered.contains(g)) && operands(&target).is_some() {
            return false;
        }
        ordered.push(target);
        true
    });
}

/// Result columns a statement may refer to outside their select-list item: by position in
/// `GROUP BY` and `ORDER BY`, by name anywhere (Snowflake resolves select-list aliases in the
/// other items, `WHERE`, `GROUP BY`, `HAVING`, `QUALIFY` and `ORDER BY`), counted as
/// unqualified identifiers (lower case) in the whole query.
#[derive(Default)]
struct Referenced {
    positions: Vec<usize>,
    names: HashMap<String, usize>,
}

impl Referenced {
    /// Whether a column named `alias` at `position` (from 1) is referred to other than by
    /// identifiers inside its own item (`item`).
    fn refers_to(&self, position: usize, alias: Option<&str>, item: &SelectItem) -> bool {
        if self.positions.contains(&position) {
            return true;
        }
        let Some(alias) = alias else { return false };
        let own = identifier_counts(item).get(alias).copied().unwrap_or(0);
        self.names.get(alias).copied().unwrap_or(0) > own
    }
}

fn referenced_columns(query: &Query) -> Referenced {
    let mut referenced = Referenced { positions: Vec::new(), names: identifier_counts(query) };
    let SetExpr::Select(select) = query.body.as_ref() else { return referenced };
    let mut positional: Vec<&Expr> = Vec::new();
    if let GroupByExpr::Expressions(exprs, _) = &select.group_by {
        positional.extend(exprs.iter());
    }
    if let Some(order_by) = &query.order_by
        && let sqlparser::ast::OrderByKind::Expressions(exprs) = &order_by.kind
    {
        positional.extend(exprs.iter().map(|e| &e.expr));
    }
    for expr in positional {
        if let Expr::Value(value) = expr
            && let Value::Number(number, _) = &value.value
            && let Ok(position) = number.parse()
        {
            referenced.positions.push(position);
        }
    }
    referenced
}

/// How often each unqualified identifier (lower case) occurs in a syntax tree.
fn identifier_counts<V: sqlparser::ast::Visit>(node: &V) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    let _ = sqlparser::ast::visit_expressions(node, |expr| {
        if let Expr::Identifier(ident) = expr {
            *counts.entry(ident.value.to_ascii_lowercase()).or_insert(0) += 1;
        }
        ControlFlow::<()>::Continue(())
    });
    counts
}

/// The expression of a select-list item (not a wildcard), without parentheses.
fn item_expr(item: &SelectItem) -> Option<&Expr> {
    let (SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. }) = item else { return None };
    Some(unnested_ref(expr))
}

/// Puts `expr` in place of a select-list item's expression, keeping its alias.
fn replace_item_expr(item: &mut SelectItem, expr: Expr) {
    if let SelectItem::UnnamedExpr(old) | SelectItem::ExprWithAlias { expr: old, .. } = item {
        *old = expr;
    }
}

/// `avg([DISTINCT] x)` → `sum([DISTINCT] x)`, `count([DISTINCT] x)`; `a / b` → `a`, `b`; and
/// the places of `round(quotient[, places])`.
fn operands(expr: &Expr) -> Option<(Expr, Expr, Option<i64>)> {
    if let Some((inner, places)) = rounding(expr, "round") {
        let (numerator, denominator, None) = operands(inner)? else { return None };
        return Some((numerator, denominator, Some(places)));
    }
    match expr {
        Expr::BinaryOp { left, op: BinaryOperator::Divide, right } => Some((*left.clone(), *right.clone(), None)),
        Expr::Function(function) if is_named(function, "avg") => {
            let (argument, distinct) = single_argument(function)?;
            Some((call("sum", vec![argument.clone()], distinct), call("count", vec![argument.clone()], distinct), None))
        }
        _ => None,
    }
}

/// `name(x)` → `x`, 0 and `name(x, n)` → `x`, `n` for an integer literal `n` (or its negation).
pub(super) fn rounding<'e>(expr: &'e Expr, name: &str) -> Option<(&'e Expr, i64)> {
    let Expr::Function(function) = expr else { return None };
    if !is_named(function, name) || function.over.is_some() || function.filter.is_some() {
        return None;
    }
    let FunctionArguments::List(list) = &function.args else { return None };
    match list.args.as_slice() {
        [FunctionArg::Unnamed(FunctionArgExpr::Expr(inner))] => Some((unnested_ref(inner), 0)),
        [FunctionArg::Unnamed(FunctionArgExpr::Expr(inner)), FunctionArg::Unnamed(FunctionArgExpr::Expr(places))] => {
            let (places, sign) = match places {
                Expr::UnaryOp { op: sqlparser::ast::UnaryOperator::Minus, expr } => (expr.as_ref(), -1),
                other => (other, 1),
            };
            let Expr::Value(value) = places else { return None };
            let Value::Number(number, _) = &value.value else { return None };
            Some((unnested_ref(inner), sign * number.parse::<i64>().ok()?))
        }
        _ => None,
    }
}

fn unnested_ref(mut expr: &Expr) -> &Expr {
    while let Expr::Nested(inner) = expr {
        expr = inner;
    }
    expr
}

/// The typing twin's `pg_avg(x)` → `pg_sum(x)`, `count(x)` (with the same `FILTER`);
/// `pg_div(a, b)` → `a`, `b`; `pg_round(q, n)` of those (as `pg_avg_decimal`, `pg_div_decimal`)
/// → the same with the places.
fn typing_operands(expr: &Expr) -> Option<(Expr, Expr, Option<i64>)> {
    if let Some((inner, places)) = rounding(expr, "pg_round") {
        let Expr::Function(function) = inner else { return None };
        let (numerator, denominator) = typing_quotient(function, "pg_avg_decimal", "pg_div_decimal")?;
        return Some((numerator, denominator, Some(places)));
    }
    let Expr::Function(function) = expr else { return None };
    let (numerator, denominator) = typing_quotient(function, "pg_avg", "pg_div")?;
    Some((numerator, denominator, None))
}

fn typing_quotient(function: &Function, avg: &str, div: &str) -> Option<(Expr, Expr)> {
    if function.over.is_some() {
        return None;
    }
    if is_named(function, avg) {
        let renamed = |name: &str| {
            let mut call = function.clone();
            call.name = ObjectName::from(vec![Ident::new(name)]);
            Expr::Function(call)
        };
        return Some((renamed("pg_sum"), renamed("count")));
    }
    if !is_named(function, div) {
        return None;
    }
    let FunctionArguments::List(list) = &function.args else { return None };
    match list.args.as_slice() {
        [FunctionArg::Unnamed(FunctionArgExpr::Expr(left)), FunctionArg::Unnamed(FunctionArgExpr::Expr(right))] => {
            Some((left.clone(), right.clone()))
        }
        _ => None,
    }
}

pub(super) fn is_named(function: &Function, name: &str) -> bool {
    function.name.0.len() == 1 && function.name.to_string().eq_ignore_ascii_case(name)
}

/// The one plain argument of an aggregate without `OVER`, `FILTER` or `WITHIN GROUP`, and
/// whether it is `DISTINCT`.
pub(super) fn single_argument(function: &Function) -> Option<(&Expr, bool)> {
    if function.over.is_some() || function.filter.is_some() || !function.within_group.is_empty() {
        return None;
    }
    let FunctionArguments::List(list) = &function.args else { return None };
    if !list.clauses.is_empty() {
        return None;
    }
    match list.args.as_slice() {
        [FunctionArg::Unnamed(FunctionArgExpr::Expr(argument))] => {
            Some((argument, matches!(list.duplicate_treatment, Some(DuplicateTreatment::Distinct))))
        }
        _ => None,
    }
}

/// `name(arguments…)`, `DISTINCT` when asked.
pub(super) fn call(name: &str, arguments: Vec<Expr>, distinct: bool) -> Expr {
    Expr::Function(Function {
        name: ObjectName::from(vec![Ident::new(name)]),
        uses_odbc_syntax: false,
        parameters: FunctionArguments::None,
        args: FunctionArguments::List(sqlparser::ast::FunctionArgumentList {
            duplicate_treatment: distinct.then_some(DuplicateTreatment::Distinct),
            args: arguments.into_iter().map(|a| FunctionArg::Unnamed(FunctionArgExpr::Expr(a))).collect(),
            clauses: vec![],
        }),
        filter: None,
        null_treatment: None,
        over: None,
        within_group: vec![],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(sql: &str) -> Statement {
        sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::PostgreSqlDialect {}, sql).unwrap().remove(0)
    }

    /// The statement sent, the typing twin and the quotient pairs.
    type SplitTexts = (String, String, Vec<(usize, usize)>);

    fn split_texts(sql: &str, typing: &str) -> Option<SplitTexts> {
        split(&parse(sql), &parse(typing)).map(|s| {
            let pairs = s.quotients.iter().map(|q| (q.column, q.denominator)).collect();
            (s.statement.to_string(), s.typing.to_string(), pairs)
        })
    }

    #[test]
    fn averages_and_divisions_in_the_select_list_are_sent_as_operands() {
        let (sent, typing, pairs) = split_texts(
            "SELECT k, avg(x) AS a, 100.00 * sum(y) / sum(z), avg(DISTINCT x), round(avg(x), 2) FROM t GROUP BY 1",
            "SELECT k, pg_avg(x) AS a, pg_div(100.00 * pg_sum(y), pg_sum(z)), \
             pg_div(pg_numeric(pg_sum(DISTINCT x)), NULLIF(count(DISTINCT x), 0)), \
             pg_round(pg_avg_decimal(x), 2) FROM t GROUP BY 1",
        )
        .unwrap();
        assert_eq!(
            sent,
            "SELECT k, sum(x) AS a, 100.00 * sum(y), sum(DISTINCT x), sum(x), count(x), sum(z), count(DISTINCT x), \
             count(x) FROM t GROUP BY 1"
        );
        assert_eq!(
            typing,
            "SELECT k, pg_sum(x) AS a, 100.00 * pg_sum(y) AS \"numerator of quotient 3\", \
             pg_numeric(pg_sum(DISTINCT x)) AS \"numerator of quotient 4\", \
             pg_sum(x) AS \"numerator of quotient 5\", count(x) AS \"denominator of quotient 2\", \
             pg_sum(z) AS \"denominator of quotient 3\", NULLIF(count(DISTINCT x), 0) AS \"denominator of quotient 4\", \
             count(x) AS \"denominator of quotient 5\" FROM t GROUP BY 1"
        );
        assert_eq!(pairs, vec![(1, 5), (2, 6), (3, 7), (4, 8)]);
        refuse_left_over(&parse(&sent)).unwrap();
    }

    #[test]
    fn order_keys_after_every_grouping_key_are_dropped_when_quotients() {
        let (sent, _, pairs) = split_texts(
            "SELECT date_trunc('year', d), k, avg(x) AS a, count(*) FROM t GROUP BY date_trunc('year', d), 2 \
             ORDER BY 1, k, 3, a, 4 LIMIT 5",
            "SELECT pg_date_trunc('year', d), k, pg_avg(x) AS a, count(*) FROM t GROUP BY pg_date_trunc('year', d), 2 \
             ORDER BY 1, k, 3, a, 4 LIMIT 5",
        )
        .unwrap();
        assert_eq!(
            sent,
            "SELECT date_trunc('year', d), k, sum(x) AS a, count(*), count(x) FROM t GROUP BY date_trunc('year', d), 2 \
             ORDER BY 1, k, 4 LIMIT 5"
        );
        assert_eq!(pairs, vec![(2, 4)]);
        // GROUP BY k is the input column k, not the alias k: the quotient still decides.
        assert!(
            split_texts(
                "SELECT a AS k, avg(x) FROM t GROUP BY k ORDER BY 1, 2",
                "SELECT a AS k, pg_avg(x) FROM t GROUP BY k ORDER BY 1, 2"
            )
            .is_none()
        );
        // Before the last grouping key, the quotient decides the order: not split.
        assert!(
            split_texts(
                "SELECT k, j, avg(x) FROM t GROUP BY k, j ORDER BY 1, 3, 2",
                "SELECT k, j, pg_avg(x) FROM t GROUP BY k, j ORDER BY 1, 3, 2"
            )
            .is_none()
        );
    }

    #[test]
    fn quotients_referred_to_elsewhere_or_nested_are_left_and_refused() {
        for (sql, typing) in [
            ("SELECT avg(x) AS a FROM t ORDER BY a", "SELECT pg_avg(x) AS a FROM t ORDER BY a"),
            ("SELECT avg(x) FROM t ORDER BY 1", "SELECT pg_avg(x) FROM t ORDER BY 1"),
            ("SELECT a / b AS q, q + 1 FROM t", "SELECT pg_div(a, b) AS q, q + 1 FROM t"),
            ("SELECT DISTINCT a / b FROM t", "SELECT DISTINCT pg_div(a, b) FROM t"),
            ("SELECT round(a / b, c) FROM t", "SELECT pg_round(pg_div_decimal(a, b), c) FROM t"),
            ("SELECT avg(x) OVER () FROM t", "SELECT pg_avg(x) OVER () FROM t"),
        ] {
            assert!(split_texts(sql, typing).is_none(), "{sql}");
            let error = refuse_left_over(&parse(sql)).unwrap_err();
            assert_eq!(error.kind, ErrorKind::FeatureNotSupported);
        }
        let (sent, _, _) = split_texts(
            "SELECT avg(x) + 1, a / b FROM t WHERE x > (SELECT avg(y) FROM u)",
            "SELECT pg_avg_decimal(x) + 1, pg_div(a, b) FROM t WHERE x > (SELECT pg_avg_decimal(y) FROM u)",
        )
        .unwrap();
        assert_eq!(sent, "SELECT avg(x) + 1, a, b FROM t WHERE x > (SELECT avg(y) FROM u)");
        assert!(refuse_left_over(&parse(&sent)).unwrap_err().message.contains("avg()"));
    }

    #[test]
    fn operands_are_divided_as_postgres_divides() {
        use std::sync::Arc;

        use datafusion::arrow::array::{ArrayRef, AsArray, Decimal128Array, Int32Array, Int64Array};
        use datafusion::arrow::datatypes::{Field, Schema};

        let wire = SchemaRef::new(Schema::new(vec![
            Field::new("a", DataType::Decimal128(38, 2), true),
            Field::new("n", DataType::Int32, true),
            Field::new("c", DataType::Int64, true),
            Field::new("d", DataType::Int32, true),
        ]));
        let result = SchemaRef::new(Schema::new(vec![
            Field::new("a", DataType::Utf8, true),
            Field::new("n", DataType::Int32, true),
        ]));
        let quotient = |column, denominator| Quotient { column, denominator, places: None };
        let quotients = Quotients::new(vec![quotient(0, 2), quotient(1, 3)], &wire, result.clone()).unwrap();
        let columns: Vec<ArrayRef> = vec![
            Arc::new(Decimal128Array::from(vec![Some(1735), None]).with_precision_and_scale(38, 2).unwrap()),
            Arc::new(Int32Array::from(vec![Some(-7), Some(1)])),
            Arc::new(Int64Array::from(vec![Some(2), Some(0)])),
            Arc::new(Int32Array::from(vec![Some(2), None])),
        ];
        let batch = quotients.divide(&RecordBatch::try_new(wire.clone(), columns.clone()).unwrap()).unwrap();
        assert_eq!(batch.column(0).as_string::<i32>().value(0), "8.6750000000000000");
        assert!(batch.column(0).is_null(1));
        assert_eq!(batch.column(1).as_primitive::<datafusion::arrow::datatypes::Int32Type>().value(0), -3);
        // A quotient whose operands would not give the result's type is refused.
        let floats = SchemaRef::new(Schema::new(vec![
            Field::new("a", DataType::Float64, true),
            Field::new("n", DataType::Int32, true),
            Field::new("c", DataType::Int64, true),
            Field::new("d", DataType::Int32, true),
        ]));
        assert_eq!(
            Quotients::new(vec![quotient(0, 2)], &floats, result).unwrap_err().kind,
            ErrorKind::FeatureNotSupported
        );
        // round(quotient, 2) rounds the quotient's numeric text into the result's decimal.
        let rounded = SchemaRef::new(Schema::new(vec![
            Field::new("a", DataType::Decimal128(38, 2), true),
            Field::new("n", DataType::Int32, true),
        ]));
        let quotients =
            Quotients::new(vec![Quotient { column: 0, denominator: 2, places: Some(2) }], &wire, rounded).unwrap();
        let batch = quotients.divide(&RecordBatch::try_new(wire.clone(), columns.clone()).unwrap()).unwrap();
        assert_eq!(batch.column(0).as_primitive::<datafusion::arrow::datatypes::Decimal128Type>().value(0), 868);
    }
}
