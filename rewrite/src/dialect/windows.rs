//! Windows that refine a named window (`WINDOW w AS (PARTITION BY a)` … `OVER (w ORDER BY b)`),
//! written out in full for targets that only take a named window as it is (`OVER w`).
//!
//! Postgres' rules (`transformWindowDefinitions`): the refining window takes the named window's
//! `PARTITION BY` (it may not have its own) and its `ORDER BY` (it may add one only if the named
//! window has none), keeps its own frame, and may not copy a named window that has a frame. A
//! reference that breaks a rule is left as written, so the target refuses it.
//!
//! Targets without a `WINDOW` clause (Snowflake) get every reference written out: `OVER w` takes
//! the named window as it is, frame included.

use std::ops::ControlFlow;

use sqlparser::ast::{Expr, NamedWindowExpr, OrderBy, Query, Select, VisitMut, VisitorMut, WindowSpec, WindowType};

use crate::names::normalize;

/// Writes out every refinement of a named window in `select`: the `WINDOW` clause's own
/// definitions and the `OVER (w …)` of the window functions in this select (not in its subqueries,
/// whose names are their own).
pub(super) fn inline_refinements(select: &mut Select) {
    let Some(resolved) = resolve_definitions(select) else { return };
    let mut inliner = Inliner { resolved: &resolved, depth: 0, references_too: false, unresolved: false };
    inliner.rewrite(select, None);
}

/// Writes every window the functions of `select` (and of `order_by`, its query's `ORDER BY`)
/// name out in full — `OVER w` and `OVER (w …)` alike — and drops the `WINDOW` clause, unless a
/// reference could not be resolved (then the target refuses the clause).
pub(super) fn inline_named_windows(select: &mut Select, order_by: Option<&mut OrderBy>) {
    let Some(resolved) = resolve_definitions(select) else { return };
    let mut inliner = Inliner { resolved: &resolved, depth: 0, references_too: true, unresolved: false };
    inliner.rewrite(select, order_by);
    if !inliner.unresolved {
        select.named_window.clear();
    }
}

/// The `WINDOW` clause of `select` with each definition written out in full (its own
/// definitions refined, too), or `None` when there is none or one breaks Postgres' rules.
fn resolve_definitions(select: &mut Select) -> Option<Vec<(String, WindowSpec)>> {
    if select.named_window.is_empty() {
        return None;
    }
    let mut resolved: Vec<(String, WindowSpec)> = Vec::new();
    for definition in &mut select.named_window {
        let spec = match &definition.1 {
            NamedWindowExpr::NamedWindow(other) => lookup(&resolved, &normalize(other)).cloned(),
            NamedWindowExpr::WindowSpec(spec) => refined(spec, &resolved),
        };
        let spec = spec?;
        definition.1 = NamedWindowExpr::WindowSpec(spec.clone());
        resolved.push((normalize(&definition.0), spec));
    }
    Some(resolved)
}

fn lookup<'r>(resolved: &'r [(String, WindowSpec)], name: &str) -> Option<&'r WindowSpec> {
    resolved.iter().rev().find(|(defined, _)| defined == name).map(|(_, spec)| spec)
}

/// `spec` with the named window it refines written in, or `None` when Postgres would refuse the
/// refinement (or the name is not defined here).
fn refined(spec: &WindowSpec, resolved: &[(String, WindowSpec)]) -> Option<WindowSpec> {
    let Some(name) = &spec.window_name else { return Some(spec.clone()) };
    let base = lookup(resolved, &normalize(name))?;
    if base.window_frame.is_some()
        || !spec.partition_by.is_empty()
        || (!base.order_by.is_empty() && !spec.order_by.is_empty())
    {
        return None;
    }
    Some(WindowSpec {
        window_name: None,
        partition_by: base.partition_by.clone(),
        order_by: if spec.order_by.is_empty() { base.order_by.clone() } else { spec.order_by.clone() },
        window_frame: spec.window_frame.clone(),
    })
}

/// Rewrites `OVER (w …)` (and with `references_too`, `OVER w`) of this select's window
/// functions; `depth` counts the subqueries entered; `unresolved` records a reference left as is.
struct Inliner<'r> {
    resolved: &'r [(String, WindowSpec)],
    depth: usize,
    references_too: bool,
    unresolved: bool,
}

impl Inliner<'_> {
    /// The window functions of the select list, `QUALIFY` and the query's `ORDER BY`.
    fn rewrite(&mut self, select: &mut Select, order_by: Option<&mut OrderBy>) {
        for item in &mut select.projection {
            let _ = item.visit(self);
        }
        if let Some(qualify) = &mut select.qualify {
            let _ = qualify.visit(self);
        }
        if let Some(order_by) = order_by {
            let _ = order_by.visit(self);
        }
    }
}

impl VisitorMut for Inliner<'_> {
    type Break = ();

    fn pre_visit_query(&mut self, _query: &mut Query) -> ControlFlow<()> {
        self.depth += 1;
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _query: &mut Query) -> ControlFlow<()> {
        self.depth -= 1;
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
        let Expr::Function(function) = expr else { return ControlFlow::Continue(()) };
        if self.depth > 0 {
            return ControlFlow::Continue(());
        }
        match &mut function.over {
            Some(WindowType::WindowSpec(spec)) if spec.window_name.is_some() => match refined(spec, self.resolved) {
                Some(full) => *spec = full,
                None => self.unresolved = true,
            },
            Some(WindowType::NamedWindow(name)) if self.references_too => {
                match lookup(self.resolved, &normalize(name)) {
                    Some(spec) => function.over = Some(WindowType::WindowSpec(spec.clone())),
                    None => self.unresolved = true,
                }
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }
}

#[cfg(test)]
mod tests {
    use sqlparser::ast::{SetExpr, Statement};

    use super::inline_refinements;

    fn inlined(sql: &str) -> String {
        let mut statements =
            sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::PostgreSqlDialect {}, sql).unwrap();
        let Statement::Query(query) = &mut statements[0] else { panic!("a query") };
        let SetExpr::Select(select) = query.body.as_mut() else { panic!("a select") };
        inline_refinements(select);
        statements[0].to_string()
    }

    #[test]
    fn writes_refinements_out() {
        assert_eq!(
            inlined("SELECT sum(x) OVER (w ORDER BY y), count(*) OVER w FROM t WINDOW w AS (PARTITION BY z)"),
            "SELECT sum(x) OVER (PARTITION BY z ORDER BY y), count(*) OVER w FROM t WINDOW w AS (PARTITION BY z)"
        );
        assert_eq!(
            inlined("SELECT rank() OVER w2 FROM t WINDOW w1 AS (PARTITION BY z), w2 AS (w1 ORDER BY y)"),
            "SELECT rank() OVER w2 FROM t WINDOW w1 AS (PARTITION BY z), w2 AS (PARTITION BY z ORDER BY y)"
        );
    }

    #[test]
    fn leaves_what_postgres_refuses_and_subqueries_alone() {
        let framed = "SELECT sum(x) OVER (w ORDER BY y) FROM t WINDOW w AS (PARTITION BY z ROWS UNBOUNDED PRECEDING)";
        assert_eq!(inlined(framed), framed);
        let both_ordered = "SELECT sum(x) OVER (w ORDER BY y) FROM t WINDOW w AS (ORDER BY z)";
        assert_eq!(inlined(both_ordered), both_ordered);
        let nested = "SELECT (SELECT sum(x) OVER (w ORDER BY y) FROM u WINDOW w AS (PARTITION BY v)) FROM t WINDOW w AS (PARTITION BY z)";
        assert_eq!(inlined(nested), nested);
    }
}
