//! Selects over relations packwire's catalog never has rows in return no rows whatever they
//! compute: they become empty selects of the same columns, which the engine always plans. Likewise
//! `CASE` branches under a condition no catalog row meets are dropped.

use std::collections::HashSet;
use std::ops::ControlFlow;

use sqlparser::ast::{
    BinaryOperator, Expr, Ident, Query, Select, SelectItem, SetExpr, TableFactor, Value, VisitMut, VisitorMut,
};

use crate::names::{column_name, normalize, normalize_object_name};

use super::*;

/// A select that inner-joins a relation of [`EMPTY_RELATIONS`] and computes no aggregate returns
/// no rows whatever its expressions compute: its select list becomes typed NULLs under the same
/// names and its filter `false`, so expressions the engine cannot plan (correlated table
/// functions, `pg_get_triggerdef`, …) never reach it.
pub(super) fn empty_selects(query: &mut Query) {
    struct Empties;
    impl VisitorMut for Empties {
        type Break = ();
        fn post_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
            if simplify_body(&mut query.body) {
                // No rows: their order is moot (and may name columns the empty select dropped).
                query.order_by = None;
            }
            ControlFlow::Continue(())
        }
    }
    /// Empties what returns no rows; true when the whole body is such a select.
    fn simplify_body(body: &mut SetExpr) -> bool {
        match body {
            SetExpr::Select(select) => {
                let no_input = reads_empty_relation(select)
                    || calls_empty_table_function(select)
                    || select.selection.as_ref().is_some_and(is_impossible);
                // Grouped by keys, no input is no groups; an ungrouped aggregate is one row.
                let empty = no_input && (grouped_by_keys(select) || !has_aggregate(select));
                if empty {
                    empty_select(select);
                }
                empty
            }
            SetExpr::SetOperation { left, right, .. } => {
                simplify_body(left);
                simplify_body(right);
                false
            }
            _ => false,
        }
    }
    let _ = query.visit(&mut Empties);
}

/// `CASE WHEN t.typtype = 'd' THEN … END`: a branch under a condition on a kind the catalog
/// never has ([`KIND_COLUMNS`]) is dropped, so what it computes (clients' correlated and
/// recursive lookups of a domain's base type or a composite type's attributes, as asyncpg's
/// type introspection has) never reaches the engine. No branch left: the `ELSE` value.
pub(super) fn impossible_branches(query: &mut Query) {
    let _ = sqlparser::ast::visit_expressions_mut(query, |expr| {
        if let Expr::Case { operand: None, conditions, else_result, .. } = expr {
            conditions.retain(|when| !is_impossible(&when.condition));
            if conditions.is_empty() {
                *expr = else_result.as_deref().cloned().unwrap_or(Expr::Value(Value::Null.into()));
            }
        }
        ControlFlow::<()>::Continue(())
    });
}

/// `kind = 'x'` (qualified or not, the constant on either side) for a kind column of
/// [`KIND_COLUMNS`] and a kind the catalog has no rows of; or an `AND` with such a side.
fn is_impossible(condition: &Expr) -> bool {
    match condition {
        Expr::Nested(inner) => is_impossible(inner),
        Expr::BinaryOp { left, op: BinaryOperator::And, right } => is_impossible(left) || is_impossible(right),
        Expr::BinaryOp { left, op: BinaryOperator::Eq, right } => {
            let kinds = |e: &Expr| {
                let column = match e {
                    Expr::Identifier(ident) => normalize(ident),
                    Expr::CompoundIdentifier(parts) => parts.last().map(normalize).unwrap_or_default(),
                    _ => return None,
                };
                KIND_COLUMNS.iter().find(|(name, _)| *name == column).map(|(_, kinds)| *kinds)
            };
            let absent = |e: &Expr, kinds: &[char]| {
                matches!(e, Expr::Value(v) if matches!(&v.value, Value::SingleQuotedString(k)
                    if !kinds.iter().any(|kind| k.chars().eq([*kind]))))
            };
            kinds(left).is_some_and(|kinds| absent(right, kinds))
                || kinds(right).is_some_and(|kinds| absent(left, kinds))
        }
        _ => false,
    }
}

pub(super) fn reads_empty_relation(select: &Select) -> bool {
    use sqlparser::ast::JoinOperator;
    let empty = |factor: &TableFactor| match factor {
        TableFactor::Table { name, args: None, .. } => match normalize_object_name(name).as_slice() {
            [schema, table] => schema == CATALOG_SCHEMA && EMPTY_RELATIONS.contains(&table.as_str()),
            [table] => EMPTY_RELATIONS.contains(&table.as_str()),
            _ => false,
        },
        _ => false,
    };
    select.from.iter().any(|from| {
        empty(&from.relation)
            || from.joins.iter().any(|join| {
                matches!(
                    join.join_operator,
                    JoinOperator::Inner(_) | JoinOperator::Join(_) | JoinOperator::CrossJoin(_)
                ) && empty(&join.relation)
            })
    })
}

/// `SELECT pg_partition_ancestors(x)`: a set-returning call in the select list that returns no
/// rows makes the select return none.
pub(super) fn calls_empty_table_function(select: &Select) -> bool {
    sqlparser::ast::visit_expressions(&select.projection, |expr| match expr {
        Expr::Function(f) if EMPTY_TABLE_FUNCTIONS.contains(&function_name(&f.name).as_str()) => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    })
    .is_break()
}

/// `GROUP BY a, b` (not `()`, `ROLLUP`, `CUBE` or `GROUPING SETS`, which may hold the empty
/// grouping set: one row even without input).
fn grouped_by_keys(select: &Select) -> bool {
    matches!(&select.group_by, sqlparser::ast::GroupByExpr::Expressions(keys, modifiers)
        if !keys.is_empty()
            && modifiers.is_empty()
            && !keys.iter().any(|k| matches!(k, Expr::Rollup(_) | Expr::Cube(_) | Expr::GroupingSets(_) | Expr::Tuple(_))))
}

/// Whether a select aggregates (subqueries in its select list aggregate for themselves).
pub(super) fn has_aggregate(select: &Select) -> bool {
    let grouped = !matches!(&select.group_by, sqlparser::ast::GroupByExpr::Expressions(keys, _) if keys.is_empty());
    let mut own = select.projection.clone();
    let _ = sqlparser::ast::visit_expressions_mut(&mut own, |expr| {
        if matches!(expr, Expr::Subquery(_) | Expr::Exists { .. } | Expr::InSubquery { .. }) {
            *expr = Expr::Value(Value::Null.into());
        }
        ControlFlow::<()>::Continue(())
    });
    grouped
        || select.having.is_some()
        || sqlparser::ast::visit_expressions(&own, |expr| match expr {
            Expr::Function(f) if f.over.is_none() && AGGREGATES.contains(&function_name(&f.name).as_str()) => {
                ControlFlow::Break(())
            }
            _ => ControlFlow::Continue(()),
        })
        .is_break()
}

pub(super) fn empty_select(select: &mut Select) {
    let mut seen = HashSet::new();
    for (index, item) in select.projection.iter_mut().enumerate() {
        let (name, expr) = match item {
            SelectItem::UnnamedExpr(expr) => (column_name(expr), expr),
            SelectItem::ExprWithAlias { alias, expr } => (normalize(alias), expr),
            _ => continue,
        };
        let name = Ident::with_quote('"', unique_name(&mut seen, name, index));
        let keep = matches!(expr, Expr::Identifier(_) | Expr::CompoundIdentifier(_) | Expr::Value(_));
        if !keep {
            *expr = Expr::Value(Value::Null.into());
        }
        *item = SelectItem::ExprWithAlias { expr: expr.clone(), alias: name };
    }
    select.selection = Some(Expr::Value(Value::Boolean(false).into()));
    select.group_by = sqlparser::ast::GroupByExpr::Expressions(Vec::new(), Vec::new());
    select.having = None;
}
