//! Values that belong to the session, written into a catalog statement before it runs:
//! `current_setting`, `pg_backend_pid()`, and `pg_settings` as a table of the session's settings.

use std::ops::ControlFlow;

use sqlparser::ast::{
    Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Ident, Statement, TableFactor, Value, VisitMut, VisitorMut,
};

use crate::error::RewriteError;
use crate::names::normalize_object_name;

use super::*;

/// The session's view of its settings, for [`inline_session_values`].
pub struct SessionValues<'a> {
    /// The value of one parameter (`None` when unknown).
    pub lookup: &'a dyn Fn(&str) -> Option<String>,
    /// Every parameter: (name, value, description).
    pub all: &'a dyn Fn() -> Vec<[String; 3]>,
    /// The session's process id (`pg_backend_pid()`).
    pub pid: i32,
}

/// Writes the session's values into a catalog statement: `current_setting('name'[, missing_ok])`
/// becomes the setting's text (an unknown name is 42704 unless missing_ok), `pg_backend_pid()`
/// the session's process id, and `pg_settings` a table of the session's current settings.
/// Returns whether anything was written, in which case the statement is the session's own and
/// must not be shared through a cache.
pub fn inline_session_values(statement: &mut Statement, session: &SessionValues<'_>) -> Result<bool, RewriteError> {
    let mut inlined = inline_settings_table(statement, session);
    let lookup = session.lookup;
    let pid = session.pid;
    let mut error = None;
    let _ = sqlparser::ast::visit_expressions_mut(statement, |expr| {
        let Expr::Function(function) = expr else { return ControlFlow::Continue(()) };
        let name = function_name(&function.name);
        if !SESSION_FUNCTIONS.contains(&name.as_str()) {
            return ControlFlow::Continue(());
        }
        let args: Vec<&Expr> = match &function.args {
            FunctionArguments::List(list) => list
                .args
                .iter()
                .filter_map(|arg| match arg {
                    FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Some(e),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let value = match (name.as_str(), args.as_slice()) {
            ("pg_backend_pid", []) => Expr::Value(Value::Number(pid.to_string(), false).into()),
            ("current_setting", [setting, rest @ ..]) if rest.len() <= 1 => {
                let Some(setting) = string_literal(setting) else {
                    error = Some(RewriteError::unsupported("current_setting() of a non-constant name", 0));
                    return ControlFlow::Break(());
                };
                let missing_ok = matches!(rest.first(), Some(Expr::Value(v)) if v.value == Value::Boolean(true));
                match lookup(&setting) {
                    Some(value) => Expr::Value(Value::SingleQuotedString(value).into()),
                    None if missing_ok => Expr::Value(Value::Null.into()),
                    None => {
                        error = Some(RewriteError::UndefinedObject {
                            message: format!("unrecognized configuration parameter \"{setting}\""),
                        });
                        return ControlFlow::Break(());
                    }
                }
            }
            _ => return ControlFlow::Continue(()),
        };
        *expr = value;
        inlined = true;
        ControlFlow::Continue(())
    });
    match error {
        Some(error) => Err(error),
        None => Ok(inlined),
    }
}

/// `pg_settings` → a derived table of the session's settings with `pg_settings`' columns.
pub(super) fn inline_settings_table(statement: &mut Statement, session: &SessionValues<'_>) -> bool {
    struct Settings<'s, 'a> {
        session: &'s SessionValues<'a>,
        replaced: bool,
    }
    impl VisitorMut for Settings<'_, '_> {
        type Break = ();
        fn pre_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
            let TableFactor::Table { name, alias, args: None, .. } = factor else { return ControlFlow::Continue(()) };
            let parts = normalize_object_name(name);
            if !matches!(
                parts.iter().map(String::as_str).collect::<Vec<_>>().as_slice(),
                ["pg_settings"] | ["pg_catalog", "pg_settings"]
            ) {
                return ControlFlow::Continue(());
            }
            let quote = |text: &str| format!("'{}'", text.replace('\'', "''"));
            let rows: Vec<String> = (self.session.all)()
                .iter()
                .map(|[name, value, description]| {
                    format!(
                        "({}, {}, NULL, 'Client Connection Defaults', {}, NULL, 'user', 'string', 'session', NULL, \
                         NULL, NULL, NULL, NULL, NULL, NULL, false)",
                        quote(&name.to_lowercase()),
                        quote(value),
                        quote(description)
                    )
                })
                .collect();
            let sql = format!(
                "SELECT * FROM (VALUES {}) AS s(name, setting, unit, category, short_desc, extra_desc, context, \
                 vartype, source, min_val, max_val, enumvals, boot_val, reset_val, sourcefile, sourceline, \
                 pending_restart)",
                rows.join(", ")
            );
            let Ok(Some(Statement::Query(subquery))) = crate::parse::parse(&sql).map(|mut s| s.pop()) else {
                return ControlFlow::Continue(());
            };
            let alias = alias.clone().or_else(|| {
                Some(sqlparser::ast::TableAlias {
                    explicit: true,
                    name: Ident::new("pg_settings"),
                    columns: Vec::new(),
                    at: None,
                })
            });
            *factor = TableFactor::Derived { lateral: false, subquery, alias, sample: None };
            self.replaced = true;
            ControlFlow::Continue(())
        }
    }
    let mut visitor = Settings { session, replaced: false };
    let _ = statement.visit(&mut visitor);
    visitor.replaced
}

pub(super) fn string_literal(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(s) | Value::EscapedStringLiteral(s) => Some(s.clone()),
            _ => None,
        },
        Expr::Cast { expr, .. } | Expr::Nested(expr) => string_literal(expr),
        _ => None,
    }
}
