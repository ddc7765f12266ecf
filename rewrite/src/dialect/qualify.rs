//! Row-limiting clauses a target lacks, written with a ranking window in `QUALIFY`:
//! `DISTINCT ON` (→ `row_number() … = 1`) and `FETCH FIRST n ROWS WITH TIES` (→ `rank() … <= n`),
//! plus the plain `FETCH FIRST n ROWS ONLY` → `LIMIT n`.

use sqlparser::ast::{
    BinaryOperator, Distinct, Expr, LimitClause, OrderByExpr, OrderByKind, Query, Select, SelectItem, SetExpr, Value,
    WindowSpec, WindowType,
};

use super::function_call;

/// A sort or partition key as the window must spell it: a key naming a select-list item (by
/// position or output name, as in Postgres' `ORDER BY`) stands for that item's expression.
/// `None` for a position that names no expression (out of range, or a wildcard).
fn window_key(select: &Select, key: &Expr) -> Option<Expr> {
    let item_expr = |item: &SelectItem| match item {
        SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. } => Some(expr.clone()),
        _ => None,
    };
    match key {
        Expr::Value(value) => match &value.value {
            Value::Number(number, _) => number
                .parse::<usize>()
                .ok()
                .and_then(|p| p.checked_sub(1))
                .and_then(|i| select.projection.get(i))
                .and_then(item_expr),
            _ => Some(key.clone()),
        },
        Expr::Identifier(ident) => Some(
            select
                .projection
                .iter()
                .find(|item| {
                    matches!(item, SelectItem::ExprWithAlias { alias, .. }
                        if crate::names::normalize(alias) == crate::names::normalize(ident))
                })
                .and_then(item_expr)
                .unwrap_or_else(|| key.clone()),
        ),
        other => Some(other.clone()),
    }
}

/// The query's `ORDER BY` items with their keys as the window spells them.
fn window_order(select: &Select, order_by: Option<&sqlparser::ast::OrderBy>) -> Option<Vec<OrderByExpr>> {
    let Some(order_by) = order_by else { return Some(Vec::new()) };
    let OrderByKind::Expressions(items) = &order_by.kind else { return None };
    items.iter().map(|item| Some(OrderByExpr { expr: window_key(select, &item.expr)?, ..item.clone() })).collect()
}

/// `name() OVER (PARTITION BY partition ORDER BY order) op bound`, added to the select's
/// `QUALIFY` condition.
fn qualify_ranked(
    select: &mut Select,
    name: &str,
    partition: Vec<Expr>,
    order: Vec<OrderByExpr>,
    op: BinaryOperator,
    bound: Expr,
) {
    let mut ranking = function_call(name, vec![]);
    if let Expr::Function(function) = &mut ranking {
        function.over = Some(WindowType::WindowSpec(WindowSpec {
            window_name: None,
            partition_by: partition,
            order_by: order,
            window_frame: None,
        }));
    }
    let condition = Expr::BinaryOp { left: Box::new(ranking), op, right: Box::new(bound) };
    select.qualify = Some(match select.qualify.take() {
        Some(existing) => {
            Expr::BinaryOp { left: Box::new(existing), op: BinaryOperator::And, right: Box::new(condition) }
        }
        None => condition,
    });
}

/// `SELECT DISTINCT ON (k…) … ORDER BY o…` → `SELECT … QUALIFY row_number() OVER (PARTITION BY
/// k… ORDER BY o…) = 1 ORDER BY o…`: the first row of each group in the query's order, the row
/// Postgres keeps. As Postgres requires, the leftmost `ORDER BY` keys must be the `DISTINCT ON`
/// keys; anything else is refused.
pub(super) fn distinct_on_as_qualify(query: &mut Query) -> Result<(), &'static str> {
    let Query { body, order_by, .. } = query;
    let SetExpr::Select(select) = body.as_mut() else { return Ok(()) };
    let Some(Distinct::On(keys)) = &select.distinct else { return Ok(()) };
    let refused = "DISTINCT ON with keys other than select-list expressions and ORDER BY's leftmost keys";
    let partition: Vec<Expr> = keys.iter().map(|key| window_key(select, key)).collect::<Option<_>>().ok_or(refused)?;
    let order = window_order(select, order_by.as_ref()).ok_or(refused)?;
    let leftmost: Vec<&Expr> = order.iter().take(partition.len()).map(|item| &item.expr).collect();
    if order_by.is_some() && (leftmost.len() < partition.len() || !partition.iter().all(|k| leftmost.contains(&k))) {
        return Err(refused);
    }
    let one = Expr::value(Value::Number("1".into(), false));
    qualify_ranked(select, "row_number", partition, order, BinaryOperator::Eq, one);
    select.distinct = None;
    Ok(())
}

/// `FETCH FIRST n ROWS ONLY` → `LIMIT n` (no count: one row), keeping any `OFFSET`;
/// `FETCH FIRST n ROWS WITH TIES` → see [`ties_as_qualify`].
pub(super) fn fetch_as_limit(query: &mut Query) -> Result<(), &'static str> {
    let Some(fetch) = query.fetch.take() else { return Ok(()) };
    if fetch.percent {
        return Err("FETCH … PERCENT");
    }
    let count = fetch.quantity.unwrap_or_else(|| Expr::value(Value::Number("1".into(), false)));
    if fetch.with_ties {
        return ties_as_qualify(query, count);
    }
    query.limit_clause = match query.limit_clause.take() {
        None => Some(LimitClause::LimitOffset { limit: Some(count), offset: None, limit_by: vec![] }),
        Some(LimitClause::LimitOffset { limit: None, offset, limit_by }) => {
            Some(LimitClause::LimitOffset { limit: Some(count), offset, limit_by })
        }
        Some(_) => return Err("FETCH together with LIMIT"),
    };
    Ok(())
}

/// `SELECT … ORDER BY o… FETCH FIRST n ROWS WITH TIES` → `SELECT … QUALIFY rank() OVER (ORDER
/// BY o…) <= n ORDER BY o…`: the first n rows and every row that sorts equal to the last of them,
/// Postgres' rows. Only for a count that is a number (Postgres reads a NULL count as no limit)
/// and a plain SELECT without `DISTINCT` or `OFFSET` (the rank counts the rows before those).
fn ties_as_qualify(query: &mut Query, count: Expr) -> Result<(), &'static str> {
    let refused = "FETCH … WITH TIES other than a constant count on a SELECT without DISTINCT or OFFSET";
    let is_number = matches!(&count, Expr::Value(v) if matches!(v.value, Value::Number(..)));
    let Query { body, order_by, limit_clause, .. } = query;
    let SetExpr::Select(select) = body.as_mut() else { return Err(refused) };
    if !is_number || limit_clause.is_some() || select.distinct.is_some() {
        return Err(refused);
    }
    // Postgres requires the ORDER BY (its own error when missing).
    let order = window_order(select, order_by.as_ref()).filter(|order| !order.is_empty()).ok_or(refused)?;
    qualify_ranked(select, "rank", vec![], order, BinaryOperator::LtEq, count);
    Ok(())
}
