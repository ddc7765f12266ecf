//! Typed errors of the statement pipeline. Each variant is one Postgres error class; the proxy maps
//! them to SQLSTATEs once, at the wire boundary (`proxy/src/errors.rs`).

/// Why a statement was not planned. `position` is Postgres' 1-based character offset into the
/// whole query string (0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RewriteError {
    /// The text does not parse (42601).
    #[error("{message}")]
    Syntax { message: String, detail: Option<String>, position: usize },
    /// A relation that the pinned version does not have (42P01).
    #[error("{message}")]
    UndefinedTable { message: String, hint: Option<String>, position: usize },
    /// A column that no visible relation has (42703).
    #[error("{message}")]
    UndefinedColumn { message: String, hint: Option<String>, position: usize },
    /// A column name that more than one visible relation has (42702).
    #[error("column reference \"{name}\" is ambiguous")]
    AmbiguousColumn { name: String, hint: String, position: usize },
    /// A write, DDL or lock: a package is a read interface (25006).
    #[error("cannot execute {what} in a read-only transaction")]
    ReadOnly { what: String },
    /// Something a package client may never do (42501).
    #[error("{message}")]
    NotAllowed { message: String, hint: Option<String> },
    /// A function Postgres does not have, or packwire does not pass on (42883).
    #[error("{message}")]
    UndefinedFunction { message: String, hint: Option<String> },
    /// A configuration parameter, type or other named object that does not exist (42704).
    #[error("{message}")]
    UndefinedObject { message: String },
    /// A construct packwire or the target cannot express faithfully (0A000).
    #[error("{message}")]
    Unsupported { message: String, position: usize },
    /// Nested deeper than packwire parses (54001, statement_too_complex).
    #[error("{message}")]
    TooComplex { message: String },
    /// A construct that is invalid where it appears (42601 in Postgres, e.g. `SELECT *` without FROM).
    #[error("{message}")]
    Invalid { message: String, position: usize },
}

impl RewriteError {
    /// The error's position, if it has one.
    pub fn position(&self) -> usize {
        match self {
            RewriteError::Syntax { position, .. }
            | RewriteError::UndefinedTable { position, .. }
            | RewriteError::UndefinedColumn { position, .. }
            | RewriteError::AmbiguousColumn { position, .. }
            | RewriteError::Unsupported { position, .. }
            | RewriteError::Invalid { position, .. } => *position,
            RewriteError::ReadOnly { .. }
            | RewriteError::TooComplex { .. }
            | RewriteError::NotAllowed { .. }
            | RewriteError::UndefinedFunction { .. }
            | RewriteError::UndefinedObject { .. } => 0,
        }
    }

    /// A hint for the client, if there is one.
    pub fn hint(&self) -> Option<&str> {
        match self {
            RewriteError::UndefinedTable { hint, .. }
            | RewriteError::UndefinedColumn { hint, .. }
            | RewriteError::NotAllowed { hint, .. }
            | RewriteError::UndefinedFunction { hint, .. } => hint.as_deref(),
            RewriteError::AmbiguousColumn { hint, .. } => Some(hint),
            _ => None,
        }
    }

    /// A detail line for the client, if there is one.
    pub fn detail(&self) -> Option<&str> {
        match self {
            RewriteError::Syntax { detail, .. } => detail.as_deref(),
            _ => None,
        }
    }

    pub(crate) fn unsupported(what: impl std::fmt::Display, position: usize) -> RewriteError {
        RewriteError::Unsupported { message: format!("{what} is not supported by packwire"), position }
    }
}
