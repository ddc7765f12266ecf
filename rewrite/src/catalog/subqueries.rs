//! Subqueries the catalog engine plans only in another form: `ARRAY(subquery)` as an
//! aggregate, correlated scalar subqueries through `pg_single_value`, with conditions on an outer
//! column that equals an inner one read from the inner one.

use std::collections::HashSet;
use std::ops::ControlFlow;

use sqlparser::ast::{
    BinaryOperator, Expr, Function, FunctionArguments, Ident, ObjectName, Query, Select, SelectItem, SetExpr,
    TableFactor, VisitMut, VisitorMut,
};

use crate::names::{normalize, normalize_object_name};

use super::*;

/// `(SELECT x FROM … WHERE outer.c = …)` → `(SELECT pg_single_value(x) FROM …)`: DataFusion
/// plans a correlated scalar subquery only when it aggregates, and [`SINGLE_VALUE`] is the
/// aggregate that answers as the subquery does (NULL, the one value, or Postgres' error 21000).
/// Subqueries that aggregate, group or limit are left as they are.
pub(super) fn single_row_subqueries(query: &mut Query) {
    struct Single;
    impl VisitorMut for Single {
        type Break = ();
        fn post_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
            let Expr::Subquery(query) = expr else { return ControlFlow::Continue(()) };
            if query.limit_clause.is_some() || query.fetch.is_some() {
                return ControlFlow::Continue(());
            }
            let SetExpr::Select(select) = query.body.as_mut() else { return ControlFlow::Continue(()) };
            if has_aggregate(select) || select.distinct.is_some() {
                return ControlFlow::Continue(());
            }
            let [SelectItem::UnnamedExpr(item) | SelectItem::ExprWithAlias { expr: item, .. }] =
                select.projection.as_mut_slice()
            else {
                return ControlFlow::Continue(());
            };
            *item = crate::dialect::function_call(SINGLE_VALUE, vec![item.clone()]);
            substitute_correlated(select);
            // The order of at most one row does not matter.
            query.order_by = None;
            ControlFlow::Continue(())
        }
    }
    let _ = query.visit(&mut Single);
}

/// In a subquery filtered by `inner.x = outer.y`, other conditions on `outer.y` may read
/// `inner.x` instead (they are equal on every row the filter keeps): psql's
/// `c.oid = a.attcollation AND … AND a.attcollation <> t.typcollation` becomes decorrelatable,
/// since DataFusion pulls up only equalities with the outer query.
pub(super) fn substitute_correlated(select: &mut Select) {
    let inner: HashSet<String> = select
        .from
        .iter()
        .flat_map(|from| std::iter::once(&from.relation).chain(from.joins.iter().map(|j| &j.relation)))
        .filter_map(|factor| match factor {
            TableFactor::Table { alias: Some(alias), .. } | TableFactor::Derived { alias: Some(alias), .. } => {
                Some(normalize(&alias.name))
            }
            TableFactor::Table { name, .. } => normalize_object_name(name).last().cloned(),
            _ => None,
        })
        .collect();
    let qualifier = |expr: &Expr| match expr {
        Expr::CompoundIdentifier(parts) if parts.len() == 2 => Some(normalize(&parts[0])),
        _ => None,
    };
    let Some(selection) = select.selection.take() else { return };
    let mut conjuncts = Vec::new();
    split_and(selection, &mut conjuncts);
    // outer column → the inner column it equals.
    let mut equal: Vec<(Expr, Expr)> = Vec::new();
    for conjunct in &conjuncts {
        if let Expr::BinaryOp { left, op: BinaryOperator::Eq, right } = conjunct
            && let (Some(l), Some(r)) = (qualifier(left), qualifier(right))
        {
            match (inner.contains(&l), inner.contains(&r)) {
                (true, false) => equal.push(((**right).clone(), (**left).clone())),
                (false, true) => equal.push(((**left).clone(), (**right).clone())),
                _ => {}
            }
        }
    }
    for conjunct in &mut conjuncts {
        let is_equality = matches!(conjunct, Expr::BinaryOp { op: BinaryOperator::Eq, left, right }
            if equal.iter().any(|(outer, inner)| (**left == *outer && **right == *inner) || (**left == *inner && **right == *outer)));
        if is_equality {
            continue;
        }
        let _ = sqlparser::ast::visit_expressions_mut(conjunct, |expr| {
            if let Some((_, inner)) = equal.iter().find(|(outer, _)| outer == expr) {
                *expr = inner.clone();
            }
            ControlFlow::<()>::Continue(())
        });
    }
    select.selection = conjuncts.into_iter().reduce(|a, b| Expr::BinaryOp {
        left: Box::new(a),
        op: BinaryOperator::And,
        right: Box::new(b),
    });
}

pub(super) fn split_and(expr: Expr, out: &mut Vec<Expr>) {
    match expr {
        Expr::BinaryOp { left, op: BinaryOperator::And, right } => {
            split_and(*left, out);
            split_and(*right, out);
        }
        Expr::Nested(inner) if matches!(inner.as_ref(), Expr::BinaryOp { op: BinaryOperator::And, .. }) => {
            split_and(*inner, out)
        }
        other => out.push(other),
    }
}

/// `ARRAY(SELECT e FROM …)` → `(SELECT coalesce(array_agg(e), …) FROM …)`: the engine has no
/// array subqueries; an aggregate over the same rows gives the same array (in the subquery's
/// order when it has one).
pub(super) fn array_of_subquery(query: &Query) -> Expr {
    let mut query = query.clone();
    let order_by = query.order_by.take();
    if let SetExpr::Select(select) = query.body.as_mut()
        && select.projection.len() == 1
        && let Some(SelectItem::UnnamedExpr(item) | SelectItem::ExprWithAlias { expr: item, .. }) =
            select.projection.first().cloned()
    {
        let mut aggregate = crate::dialect::function_call("array_agg", vec![item]);
        if let (Expr::Function(function), Some(order_by)) = (&mut aggregate, order_by)
            && let FunctionArguments::List(list) = &mut function.args
            && let sqlparser::ast::OrderByKind::Expressions(items) = order_by.kind
        {
            list.clauses.push(sqlparser::ast::FunctionArgumentClause::OrderBy(items));
        }
        select.projection = vec![SelectItem::UnnamedExpr(aggregate)];
        return Expr::Subquery(Box::new(query));
    }
    // Anything else (several columns, set operations) is not an array Postgres would build
    // either way; leave it for the engine to reject.
    Expr::Function(Function {
        name: ObjectName::from(vec![Ident::new("array")]),
        uses_odbc_syntax: false,
        parameters: FunctionArguments::None,
        args: FunctionArguments::Subquery(Box::new(query)),
        filter: None,
        null_treatment: None,
        over: None,
        within_group: Vec::new(),
    })
}
