//! Session statements (SET/SHOW/RESET, transaction control and savepoints, DISCARD) recognized
//! from the AST.
//! The proxy's session executes them; none of them reaches a backend.

use sqlparser::ast::{Expr, Set, Statement, UnaryOperator, Value};

use crate::error::RewriteError;
use crate::names::{normalize, normalize_object_name};

/// A statement the session answers itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionCommand {
    /// `SET [LOCAL] name TO value`; `value` is `None` for `DEFAULT`.
    Set {
        name: String,
        value: Option<String>,
        local: bool,
    },
    /// `SHOW name` (`all` for `SHOW ALL`).
    Show {
        name: String,
    },
    /// `RESET name`.
    Reset {
        name: String,
    },
    /// `RESET ALL`.
    ResetAll,
    Begin,
    Commit,
    Rollback,
    /// `SET TRANSACTION …` / `SET SESSION CHARACTERISTICS …`: every transaction is read-only
    /// and sees one consistent version, so the modes change nothing.
    SetTransaction,
    /// `DISCARD ALL` and friends.
    Discard,
    /// `SAVEPOINT name`.
    Savepoint(String),
    /// `RELEASE [SAVEPOINT] name`.
    Release(String),
    /// `ROLLBACK [WORK] TO [SAVEPOINT] name`.
    RollbackTo(String),
    /// `PREPARE name [(types)] AS statement`: the session plans the statement under that name
    /// (the namespace of protocol-level prepared statements). `types` are OIDs (0 = unspecified).
    Prepare {
        name: String,
        types: Vec<u32>,
        statement: Box<Statement>,
    },
    /// `EXECUTE name [(values)]`, the values as text (`None` = NULL).
    Execute {
        name: String,
        params: Vec<Option<String>>,
    },
    /// `DEALLOCATE [PREPARE] name | ALL` (`None` = all).
    Deallocate(Option<String>),
    /// `DECLARE name [BINARY] [NO SCROLL] CURSOR [WITH HOLD] FOR query`: a portal by that name.
    DeclareCursor {
        name: String,
        query: Box<Statement>,
        hold: bool,
        binary: bool,
    },
    /// `FETCH [FORWARD] [n | ALL | NEXT] [FROM | IN] name`; `count` `None` = all remaining rows.
    Fetch {
        name: String,
        count: Option<u64>,
    },
    /// `CLOSE name | ALL` (`None` = all).
    CloseCursor(Option<String>),
    /// `SELECT set_config('name', 'value', is_local)`: a SET that answers with the new value.
    SetConfig {
        name: String,
        value: String,
        local: bool,
    },
}

/// Canonical names for parameters with several spellings.
pub fn canonical_parameter(name: &str) -> String {
    let lowered = name.trim().to_lowercase();
    match lowered.as_str() {
        "time zone" | "time_zone" => "timezone".into(),
        "transaction isolation level" => "transaction_isolation".into(),
        "session authorization" => "session_authorization".into(),
        "names" => "client_encoding".into(),
        _ => lowered,
    }
}

/// Recognizes a session statement; `Ok(None)` when the statement is not one.
pub fn session_command(statement: &Statement) -> Result<Option<SessionCommand>, RewriteError> {
    let command = match statement {
        Statement::Set(set) => match set {
            Set::SingleAssignment { scope, variable, values, .. } => {
                let name = canonical_parameter(&normalize_object_name(variable).join("."));
                let local = matches!(scope, Some(sqlparser::ast::ContextModifier::Local));
                let value = set_value(values)?;
                SessionCommand::Set { name, value, local }
            }
            Set::SetTimeZone { local, value } => SessionCommand::Set {
                name: "timezone".into(),
                value: set_value(std::slice::from_ref(value))?,
                local: *local,
            },
            Set::SetNames { charset_name, .. } => SessionCommand::Set {
                name: "client_encoding".into(),
                value: Some(charset_name.value.clone()),
                local: false,
            },
            Set::SetNamesDefault {} => {
                SessionCommand::Set { name: "client_encoding".into(), value: None, local: false }
            }
            Set::SetTransaction { .. } | Set::SetSessionParam(_) => SessionCommand::SetTransaction,
            Set::SetRole { .. } => {
                return Err(RewriteError::NotAllowed {
                    message: "permission denied to set role".into(),
                    hint: Some("packwire runs every statement as the package's own backend role.".into()),
                });
            }
            Set::SetSessionAuthorization(_) => {
                return Err(RewriteError::NotAllowed {
                    message: "permission denied to set session authorization".into(),
                    hint: None,
                });
            }
            other => return Err(RewriteError::unsupported(format!("`{other}`"), 0)),
        },
        Statement::ShowVariable { variable } => {
            // `SHOW a.b` and `SHOW TIME ZONE` both arrive as word lists: the known multi-word
            // forms are spelled with spaces, everything else is a dotted name.
            let words: Vec<String> = variable.iter().map(normalize).collect();
            let spaced = words.join(" ");
            let name =
                if matches!(spaced.as_str(), "time zone" | "transaction isolation level" | "session authorization") {
                    spaced
                } else {
                    words.join(".")
                };
            SessionCommand::Show { name: canonical_parameter(&name) }
        }
        Statement::Reset(reset) => match &reset.reset {
            sqlparser::ast::Reset::ALL => SessionCommand::ResetAll,
            sqlparser::ast::Reset::ConfigurationParameter(name) => {
                SessionCommand::Reset { name: canonical_parameter(&normalize_object_name(name).join(".")) }
            }
        },
        Statement::StartTransaction { statements, .. } if statements.is_empty() => SessionCommand::Begin,
        Statement::Commit { chain: false, .. } => SessionCommand::Commit,
        Statement::Rollback { chain: false, savepoint: None } => SessionCommand::Rollback,
        Statement::Rollback { chain: false, savepoint: Some(name) } => SessionCommand::RollbackTo(normalize(name)),
        Statement::Savepoint { name } => SessionCommand::Savepoint(normalize(name)),
        Statement::ReleaseSavepoint { name } => SessionCommand::Release(normalize(name)),
        Statement::Discard { .. } => SessionCommand::Discard,
        Statement::Query(query) => match set_config(query) {
            Some(command) => command,
            None => return Ok(None),
        },
        Statement::Prepare { name, data_types, statement } => {
            let types = data_types
                .iter()
                .map(|t| {
                    package::PgType::parse(&t.to_string()).map(|t| t.oid()).map_err(|e| RewriteError::unsupported(e, 0))
                })
                .collect::<Result<Vec<_>, _>>()?;
            SessionCommand::Prepare { name: normalize(name), types, statement: statement.clone() }
        }
        Statement::Execute { name: Some(name), parameters, immediate: false, into, using, .. }
            if into.is_empty() && using.is_empty() =>
        {
            let params = parameters.iter().map(parameter_text).collect::<Result<Vec<_>, _>>()?;
            SessionCommand::Execute { name: normalize_object_name(name).join("."), params }
        }
        Statement::Deallocate { name, .. } => {
            let all = name.quote_style.is_none() && name.value.eq_ignore_ascii_case("all");
            SessionCommand::Deallocate((!all).then(|| normalize(name)))
        }
        Statement::Declare { stmts } => match stmts.as_slice() {
            [declare] if matches!(declare.declare_type, Some(sqlparser::ast::DeclareType::Cursor)) => {
                let (Some(query), [name]) = (&declare.for_query, declare.names.as_slice()) else {
                    return Err(RewriteError::unsupported("this form of DECLARE", 0));
                };
                if declare.scroll == Some(true) {
                    return Err(RewriteError::unsupported("SCROLL cursors (cursors only move forward)", 0));
                }
                SessionCommand::DeclareCursor {
                    name: normalize(name),
                    query: Box::new(Statement::Query(query.clone())),
                    hold: declare.hold == Some(true),
                    binary: declare.binary == Some(true),
                }
            }
            _ => return Err(RewriteError::unsupported("DECLARE other than one cursor", 0)),
        },
        Statement::Fetch { name, direction, into: None, .. } => {
            use sqlparser::ast::FetchDirection;
            let count = |limit: &sqlparser::ast::ValueWithSpan| match &limit.value {
                Value::Number(n, _) => n.parse::<u64>().map_err(|_| RewriteError::unsupported(format!("FETCH {n}"), 0)),
                other => Err(RewriteError::unsupported(format!("FETCH {other}"), 0)),
            };
            let count = match direction {
                FetchDirection::Count { limit } | FetchDirection::Forward { limit: Some(limit) } => Some(count(limit)?),
                FetchDirection::Next | FetchDirection::Forward { limit: None } => Some(1),
                FetchDirection::All | FetchDirection::ForwardAll => None,
                other => {
                    return Err(RewriteError::unsupported(format!("FETCH {other} (cursors only move forward)"), 0));
                }
            };
            SessionCommand::Fetch { name: normalize(name), count }
        }
        Statement::Close { cursor } => match cursor {
            sqlparser::ast::CloseCursor::All => SessionCommand::CloseCursor(None),
            sqlparser::ast::CloseCursor::Specific { name } => SessionCommand::CloseCursor(Some(normalize(name))),
        },
        _ => return Ok(None),
    };
    Ok(Some(command))
}

/// `SELECT [pg_catalog.]set_config('name', 'value', true|false)` and nothing else (the form
/// clients send at connect, e.g. pg_dump's `search_path`).
fn set_config(query: &sqlparser::ast::Query) -> Option<SessionCommand> {
    use sqlparser::ast::{FunctionArg, FunctionArgExpr, FunctionArguments, SelectItem, SetExpr};
    let SetExpr::Select(select) = query.body.as_ref() else { return None };
    if !select.from.is_empty() || select.selection.is_some() || query.with.is_some() || query.order_by.is_some() {
        return None;
    }
    let [SelectItem::UnnamedExpr(Expr::Function(function))] = select.projection.as_slice() else { return None };
    let name = normalize_object_name(&function.name);
    if !matches!(
        name.iter().map(String::as_str).collect::<Vec<_>>().as_slice(),
        ["set_config"] | ["pg_catalog", "set_config"]
    ) {
        return None;
    }
    let FunctionArguments::List(list) = &function.args else { return None };
    let values: Vec<&Expr> = list
        .args
        .iter()
        .filter_map(|arg| match arg {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Some(e),
            _ => None,
        })
        .collect();
    let text = |expr: &Expr| match expr {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(s) | Value::EscapedStringLiteral(s) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    };
    match values.as_slice() {
        [name, value, Expr::Value(local)] if list.args.len() == 3 => {
            let Value::Boolean(local) = local.value else { return None };
            Some(SessionCommand::SetConfig { name: canonical_parameter(&text(name)?), value: text(value)?, local })
        }
        _ => None,
    }
}

/// An `EXECUTE` argument as the text a client would bind (`None` for NULL). Only constants:
/// Postgres evaluates expressions here, packwire does not.
fn parameter_text(expr: &Expr) -> Result<Option<String>, RewriteError> {
    match expr {
        Expr::Value(v) => match &v.value {
            Value::Null => Ok(None),
            Value::Number(n, _) => Ok(Some(n.to_string())),
            Value::Boolean(b) => Ok(Some(b.to_string())),
            Value::SingleQuotedString(s)
            | Value::EscapedStringLiteral(s)
            | Value::DollarQuotedString(sqlparser::ast::DollarQuotedString { value: s, .. }) => Ok(Some(s.clone())),
            other => Err(RewriteError::unsupported(format!("EXECUTE argument {other}"), 0)),
        },
        Expr::UnaryOp { op: UnaryOperator::Minus, expr } => match parameter_text(expr)? {
            Some(text) => Ok(Some(format!("-{text}"))),
            None => Ok(None),
        },
        Expr::Cast { expr, .. } | Expr::Nested(expr) => parameter_text(expr),
        other => Err(RewriteError::unsupported(format!("EXECUTE argument {other} (only constants)"), 0)),
    }
}

/// The text of a SET value list (`DEFAULT` → `None`).
fn set_value(values: &[Expr]) -> Result<Option<String>, RewriteError> {
    let mut parts = Vec::with_capacity(values.len());
    for value in values {
        let text = match value {
            Expr::Value(v) => match &v.value {
                Value::SingleQuotedString(s)
                | Value::EscapedStringLiteral(s)
                | Value::DollarQuotedString(sqlparser::ast::DollarQuotedString { value: s, .. }) => s.clone(),
                Value::Number(n, _) => n.to_string(),
                Value::Boolean(b) => {
                    if *b {
                        "on".into()
                    } else {
                        "off".into()
                    }
                }
                other => other.to_string(),
            },
            Expr::Identifier(ident) if ident.quote_style.is_none() && ident.value.eq_ignore_ascii_case("default") => {
                return Ok(None);
            }
            Expr::Identifier(ident) => normalize(ident),
            Expr::UnaryOp { op: UnaryOperator::Minus, expr } => format!("-{}", expr),
            Expr::UnaryOp { op: UnaryOperator::Plus, expr } => expr.to_string(),
            other => other.to_string(),
        };
        parts.push(text);
    }
    Ok(Some(parts.join(", ")))
}
