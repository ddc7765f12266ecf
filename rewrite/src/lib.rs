//! The statement pipeline, pure: parse → classify → resolve and validate against the pinned
//! package version → rewrite to the target. No I/O, no async, deterministic: everything it needs
//! is passed in, which makes it cheap to test with golden files and safe to fuzz.

pub mod array_text;
pub mod catalog;
mod declared;
pub mod dialect;
pub mod error;
pub mod fingerprint;
pub mod fuzzing;
pub mod names;
pub mod parse;
mod resolve;
pub mod session;
mod syntax_gaps;
pub mod target;

use package::PackageVersion;
use sqlparser::ast::Statement;

pub use error::RewriteError;
pub use parse::parse;
pub use resolve::{LOGICAL_SCHEMA, OutputColumn};
pub use session::SessionCommand;
pub use target::Target;

/// What the session knows that statements may ask about (`current_user`, `version()`, …).
#[derive(Debug, Clone)]
pub struct SessionInfo {
    /// The resolved `name@version` the client is connected to.
    pub database: String,
    pub user: String,
    /// What `version()` answers.
    pub version: String,
}

impl SessionInfo {
    /// Whether a database qualifier in a three-part name refers to this session's database.
    pub fn database_matches(&self, name: &str) -> bool {
        name == self.database || self.database.split('@').next() == Some(name)
    }
}

/// A validated query rewritten for its target.
#[derive(Debug, Clone)]
pub struct Rewritten {
    /// The target statement (an AST the embedded engine can plan without re-parsing).
    pub statement: Statement,
    /// The same statement as target SQL text.
    pub sql: String,
    /// Result columns with their Postgres names and declared types where known.
    pub columns: Vec<OutputColumn>,
    /// Logical tables read.
    pub tables: Vec<String>,
    /// Package columns read, as (logical table, column), sorted: what usage accounting counts
    /// (shared, so every run of a cached plan counts the same list).
    pub columns_read: std::sync::Arc<[(String, String)]>,
    /// For targets whose result types do not follow Postgres' rules (Snowflake: every integer
    /// is a `NUMBER(38,0)`), the same query written for the embedded engine, which planned over
    /// empty tables of the version gives each result column and parameter its Postgres type.
    pub typing: Option<Statement>,
    /// The longest `pg_sleep` the statement asks for, in milliseconds (0 = none). The session
    /// refuses a sleep that would outlast its statement timeout, and never caches such a plan.
    pub sleep_ms: u64,
    /// By parameter number − 1: the type a parameter is written cast to (`$1::int`), which
    /// Postgres gives the parameter itself; what a backend that infers no type for it announces.
    pub param_casts: Vec<Option<package::PgType>>,
}

/// What a statement turned out to be.
#[derive(Debug, Clone)]
pub enum Planned {
    /// A read of package data.
    Query(Rewritten),
    /// `EXPLAIN [ANALYZE] query`.
    Explain { analyze: bool, query: Rewritten },
    /// A statement the session answers itself.
    Session(SessionCommand),
    /// A catalog query, rewritten for the catalog engine (answered from the manifest, never by
    /// the backend), with the types its parameters are written cast to (as in
    /// [`Rewritten::param_casts`], read before the catalog's own casts replace them).
    Catalog { statement: Statement, param_casts: Vec<Option<package::PgType>> },
}

/// Plans one parsed statement of `text` for `package` on `target`.
pub fn plan(
    statement: Statement,
    text: &str,
    package: &PackageVersion,
    target: Target,
    session: &SessionInfo,
) -> Result<Planned, RewriteError> {
    plan_declared(statement, text, package, target, session, &[])
}

/// [`plan`] for a statement whose parameters the client declared types for in Parse
/// (`declared[n - 1]` for `$n`, `None` where it left the type open). On a Postgres target a
/// package query types those parameters as Postgres does, as if they were cast to their
/// declared types. The other targets type parameters from their context (checked by the
/// connectors, which refuse a value they cannot bind exactly): a cast there would bring the
/// engine's casting rules, not Postgres', so a declared type is only announced to the client.
pub fn plan_declared(
    statement: Statement,
    text: &str,
    package: &PackageVersion,
    target: Target,
    session: &SessionInfo,
    declared: &[Option<package::PgType>],
) -> Result<Planned, RewriteError> {
    if let Some(command) = session::session_command(&statement)? {
        return Ok(Planned::Session(command));
    }
    if catalog::is_catalog_statement(&statement, |name| package.table(name).is_some()) {
        let param_casts = parameter_casts(&statement);
        let mut statement = statement;
        catalog::for_catalog_engine(&mut statement)?;
        return Ok(Planned::Catalog { statement, param_casts });
    }
    match statement {
        Statement::Query(mut query) => {
            declared::apply(&mut query, declared, target);
            Ok(Planned::Query(rewrite_query(*query, text, package, target, session)?))
        }
        Statement::Explain { statement, analyze, .. } => match *statement {
            Statement::Query(mut query) => {
                declared::apply(&mut query, declared, target);
                Ok(Planned::Explain { analyze, query: rewrite_query(*query, text, package, target, session)? })
            }
            other => Err(refusal(&other)),
        },
        other => Err(refusal(&other)),
    }
}

fn rewrite_query(
    mut query: sqlparser::ast::Query,
    text: &str,
    package: &PackageVersion,
    target: Target,
    session: &SessionInfo,
) -> Result<Rewritten, RewriteError> {
    let typing = match target {
        Target::Snowflake => Some(rewrite_query(query.clone(), text, package, Target::DataFusion, session)?.statement),
        Target::DataFusion | Target::Postgres => None,
    };
    let mut resolver = resolve::Resolver {
        package,
        target,
        session,
        text,
        tables_read: Default::default(),
        columns_read: Default::default(),
    };
    let param_casts = parameter_casts(&query);
    let columns = resolver.resolve_query(&mut query)?;
    let tables = resolver.tables_read.into_iter().collect();
    let mut columns_read: Vec<(String, String)> = resolver
        .columns_read
        .into_iter()
        .map(|(table, column)| {
            let table = &package.tables[table];
            (table.name.clone(), table.columns[column].name.clone())
        })
        .collect();
    columns_read.sort();
    let columns_read = columns_read.into();
    let mut statement = Statement::Query(Box::new(query));
    dialect::translate(&mut statement, target)?;
    if let Statement::Query(query) = &mut statement {
        exact_result_columns(query, target);
    }
    let sleep_ms = sleep_ms(&statement)?;
    Ok(Rewritten {
        sql: statement.to_string(),
        statement,
        columns,
        tables,
        columns_read,
        typing,
        sleep_ms,
        param_casts,
    })
}

/// The type of each parameter written directly under a cast (`$1::int`, `CAST($2 AS date)`),
/// by parameter number − 1. A parameter cast to two types keeps the first.
fn parameter_casts(query: &impl sqlparser::ast::Visit) -> Vec<Option<package::PgType>> {
    use sqlparser::ast::{Expr, Value};
    let mut casts: Vec<Option<package::PgType>> = Vec::new();
    let _ = sqlparser::ast::visit_expressions(query, |expr| {
        if let Expr::Cast { expr: inner, data_type, array: false, format: None, .. } = expr
            && let Expr::Value(value) = inner.as_ref()
            && let Value::Placeholder(name) = &value.value
            && let Some(number) = declared::parameter_number(name)
            && let Ok(ty) = package::PgType::parse(&data_type.to_string().to_lowercase())
        {
            if casts.len() < number {
                casts.resize(number, None);
            }
            casts[number - 1].get_or_insert(ty);
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
    casts
}

/// The longest `pg_sleep(seconds)` in a statement, in milliseconds. Only a constant number of
/// seconds is accepted: a computed one could not be checked against the statement timeout.
fn sleep_ms(statement: &Statement) -> Result<u64, RewriteError> {
    use sqlparser::ast::{Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Value};
    let mut longest: Result<u64, RewriteError> = Ok(0);
    let _ = sqlparser::ast::visit_expressions(statement, |expr| {
        let Expr::Function(function) = expr else { return std::ops::ControlFlow::Continue(()) };
        let name = function.name.0.last().and_then(|p| p.as_ident()).map(|i| i.value.to_lowercase());
        if name.as_deref() != Some("pg_sleep") {
            return std::ops::ControlFlow::Continue(());
        }
        let seconds = match &function.args {
            FunctionArguments::List(list) => match list.args.as_slice() {
                [FunctionArg::Unnamed(FunctionArgExpr::Expr(Expr::Value(v)))] => match &v.value {
                    Value::Number(n, _) => n.parse::<f64>().ok(),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        match seconds {
            Some(s) if s.is_finite() => {
                let ms = (s.max(0.0) * 1000.0).ceil().min(u64::MAX as f64) as u64;
                if let Ok(current) = &mut longest {
                    *current = (*current).max(ms);
                }
                std::ops::ControlFlow::Continue(())
            }
            _ => {
                longest = Err(RewriteError::NotAllowed {
                    message: "pg_sleep takes only a constant number of seconds here".into(),
                    hint: Some("A sleep must be checked against the statement timeout before it runs.".into()),
                });
                std::ops::ControlFlow::Break(())
            }
        }
    });
    longest
}

/// Result columns that are exactly one mapped function (e.g. `avg(x)` on the embedded engine)
/// use the variant that renders Postgres' exact text; inside expressions the typed variant stays.
/// An ORDER BY item naming such a column (by position or name) sorts by the typed variant, so
/// numbers never sort as text.
fn exact_result_columns(query: &mut sqlparser::ast::Query, target: Target) {
    use sqlparser::ast::{Expr, OrderByKind, SelectItem, SetExpr, Value};
    let SetExpr::Select(select) = query.body.as_mut() else { return };
    let distinct = select.distinct.is_some();
    let grouped = !matches!(&select.group_by, sqlparser::ast::GroupByExpr::Expressions(keys, _) if keys.is_empty());
    let mut typed_columns: Vec<(usize, String, Expr)> = Vec::new();
    for (index, item) in select.projection.iter_mut().enumerate() {
        let name = match item {
            SelectItem::UnnamedExpr(expr) => names::column_name(expr),
            SelectItem::ExprWithAlias { alias, .. } => names::normalize(alias),
            _ => continue,
        };
        let (SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. }) = item else { continue };
        let mut expr = expr;
        while let Expr::Nested(inner) = expr {
            expr = inner;
        }
        let typed = expr.clone();
        let Expr::Function(function) = expr else { continue };
        let function_name = function.name.to_string();
        let Some((_, _, exact)) =
            target::RESULT_COLUMN_NAMES.iter().find(|(t, from, _)| *t == target && *from == function_name)
        else {
            continue;
        };
        typed_columns.push((index + 1, name, typed));
        function.name = sqlparser::ast::ObjectName::from(vec![sqlparser::ast::Ident::new(*exact)]);
    }
    let Some(OrderByKind::Expressions(items)) = query.order_by.as_mut().map(|o| &mut o.kind) else { return };
    for item in items {
        let referenced = match &item.expr {
            Expr::Identifier(ident) => {
                let name = names::normalize(ident);
                typed_columns.iter().find(|(_, column, _)| *column == name)
            }
            Expr::Value(v) => match &v.value {
                Value::Number(n, _) => {
                    let position = n.parse::<usize>().unwrap_or(0);
                    typed_columns.iter().find(|(index, _, _)| *index == position)
                }
                _ => None,
            },
            _ => None,
        };
        if let Some((position, _, typed)) = referenced {
            // A DISTINCT query may only sort by its columns, a grouped one by its keys and
            // aggregates: a typed form over plain columns becomes the column itself there.
            if distinct || (grouped && !has_aggregate(typed)) {
                // Sorting by the typed form is not allowed here: give the column back its typed form.
                if let SetExpr::Select(select) = query.body.as_mut()
                    && let Some(SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. }) =
                        select.projection.get_mut(position - 1)
                {
                    *expr = typed.clone();
                }
            } else {
                item.expr = typed.clone();
            }
        }
    }
}

/// Whether an expression calls an aggregate function (the ones result columns are mapped for).
fn has_aggregate(expr: &sqlparser::ast::Expr) -> bool {
    const AGGREGATES: &[&str] = &["count", "sum", "pg_sum", "avg", "pg_avg_decimal", "min", "max", "string_agg"];
    let mut found = false;
    let _ = sqlparser::ast::visit_expressions(expr, |e: &sqlparser::ast::Expr| {
        if let sqlparser::ast::Expr::Function(function) = e
            && AGGREGATES.contains(&function.name.to_string().to_lowercase().as_str())
        {
            found = true;
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
    found
}

/// Why a non-query statement is refused: writes and DDL are read-only violations; statements
/// that change privileges or run code are not allowed; anything else is unsupported.
fn refusal(statement: &Statement) -> RewriteError {
    let text = statement.to_string();
    let words: Vec<String> = text.split_whitespace().take(3).map(|w| w.to_uppercase()).collect();
    let first = words.first().map(String::as_str).unwrap_or("");
    match statement {
        Statement::Copy { to: false, .. } => RewriteError::ReadOnly { what: "COPY FROM".into() },
        Statement::Copy { target: sqlparser::ast::CopyTarget::Program { .. }, .. } => RewriteError::NotAllowed {
            message: "permission denied to COPY to or from an external program".into(),
            hint: None,
        },
        Statement::Call(_) => {
            RewriteError::NotAllowed { message: "permission denied to CALL procedures".into(), hint: None }
        }
        Statement::Grant { .. } | Statement::Revoke { .. } => {
            RewriteError::NotAllowed { message: format!("permission denied to {first}"), hint: None }
        }
        _ if matches!(first, "CREATE" | "ALTER" | "DROP") => {
            let mut what = words[..2.min(words.len())].join(" ");
            if words.get(1).is_some_and(|w| w == "OR" || w == "UNIQUE" || w == "TEMPORARY" || w == "TEMP") {
                what = words.join(" ");
            }
            RewriteError::ReadOnly { what }
        }
        _ if matches!(
            first,
            "INSERT"
                | "UPDATE"
                | "DELETE"
                | "MERGE"
                | "TRUNCATE"
                | "COMMENT"
                | "LOCK"
                | "VACUUM"
                | "ANALYZE"
                | "REFRESH"
                | "CLUSTER"
                | "REINDEX"
        ) =>
        {
            RewriteError::ReadOnly { what: first.to_string() }
        }
        _ => RewriteError::unsupported(format!("the statement `{}`", words.join(" ")), 0),
    }
}

#[cfg(test)]
mod tests;
