//! Session statements (SET/SHOW/RESET, transaction control, DISCARD) recognized from the AST.
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
        Statement::Discard { .. } => SessionCommand::Discard,
        _ => return Ok(None),
    };
    Ok(Some(command))
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
