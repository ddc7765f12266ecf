//! The wire boundary for errors: every typed error of the pipeline becomes a Postgres
//! ErrorResponse here, and only here, with its SQLSTATE, message, detail, hint and position.

use connectors::{ConnectorError, ErrorKind};
use package::ResolveError;
use pgwire::messages::response::{ErrorResponse, NoticeResponse};
use rewrite::RewriteError;

/// SQLSTATEs packwire emits itself (backend SQLSTATEs pass through unchanged).
pub mod code {
    pub const SYNTAX_ERROR: &str = "42601";
    pub const UNDEFINED_TABLE: &str = "42P01";
    pub const UNDEFINED_COLUMN: &str = "42703";
    pub const AMBIGUOUS_COLUMN: &str = "42702";
    pub const UNDEFINED_FUNCTION: &str = "42883";
    pub const UNDEFINED_OBJECT: &str = "42704";
    pub const DATATYPE_MISMATCH: &str = "42804";
    pub const INSUFFICIENT_PRIVILEGE: &str = "42501";
    pub const DUPLICATE_PREPARED_STATEMENT: &str = "42P05";
    pub const READ_ONLY_SQL_TRANSACTION: &str = "25006";
    pub const IN_FAILED_SQL_TRANSACTION: &str = "25P02";
    pub const FEATURE_NOT_SUPPORTED: &str = "0A000";
    pub const INVALID_CATALOG_NAME: &str = "3D000";
    pub const INVALID_SQL_STATEMENT_NAME: &str = "26000";
    pub const INVALID_CURSOR_NAME: &str = "34000";
    pub const PROTOCOL_VIOLATION: &str = "08P01";
    pub const CONNECTION_FAILURE: &str = "08006";
    pub const INVALID_PARAMETER_VALUE: &str = "22023";
    pub const INVALID_TEXT_REPRESENTATION: &str = "22P02";
    pub const INVALID_BINARY_REPRESENTATION: &str = "22P03";
    pub const NUMERIC_VALUE_OUT_OF_RANGE: &str = "22003";
    pub const DIVISION_BY_ZERO: &str = "22012";
    pub const CANT_CHANGE_RUNTIME_PARAM: &str = "55P02";
    pub const QUERY_CANCELED: &str = "57014";
    pub const INVALID_AUTHORIZATION: &str = "28000";
    pub const INVALID_PASSWORD: &str = "28P01";
    pub const TOO_MANY_CONNECTIONS: &str = "53300";
    pub const IDLE_SESSION_TIMEOUT: &str = "57P05";
    pub const ADMIN_SHUTDOWN: &str = "57P01";
    pub const DEPRECATED_FEATURE: &str = "01P01";
    pub const CONFIG_FILE_ERROR: &str = "F0000";
    pub const IDLE_IN_TRANSACTION_TIMEOUT: &str = "25P03";
    pub const PROGRAM_LIMIT_EXCEEDED: &str = "54000";
    pub const STATEMENT_TOO_COMPLEX: &str = "54001";
    pub const OUT_OF_MEMORY: &str = "53200";
    pub const INTERNAL_ERROR: &str = "XX000";
    pub const ACTIVE_SQL_TRANSACTION: &str = "25001";
    pub const NO_ACTIVE_SQL_TRANSACTION: &str = "25P01";
    pub const INVALID_SAVEPOINT: &str = "3B001";
    pub const DUPLICATE_CURSOR: &str = "42P03";
}

/// A Postgres error or notice ready for the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgError {
    /// `ERROR`, `FATAL` or, for notices, `WARNING`/`NOTICE`.
    pub severity: &'static str,
    pub code: String,
    pub message: String,
    pub detail: Option<String>,
    pub hint: Option<String>,
    /// 1-based character position into the statement text; 0 = none.
    pub position: usize,
}

impl PgError {
    /// An ERROR with a code and message.
    pub fn new(code: &str, message: impl Into<String>) -> PgError {
        PgError {
            severity: "ERROR",
            code: code.to_string(),
            message: message.into(),
            detail: None,
            hint: None,
            position: 0,
        }
    }

    /// A FATAL error: the connection ends after it is sent.
    pub fn fatal(code: &str, message: impl Into<String>) -> PgError {
        PgError { severity: "FATAL", ..PgError::new(code, message) }
    }

    /// A WARNING notice.
    pub fn warning(code: &str, message: impl Into<String>) -> PgError {
        PgError { severity: "WARNING", ..PgError::new(code, message) }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> PgError {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> PgError {
        self.detail = Some(detail.into());
        self
    }

    /// Shifts the position by the offset of the statement inside a larger query string.
    pub fn offset_position(mut self, offset: usize) -> PgError {
        if self.position > 0 {
            self.position += offset;
        }
        self
    }

    pub fn is_fatal(&self) -> bool {
        self.severity == "FATAL"
    }

    fn fields(&self) -> Vec<(u8, String)> {
        let mut fields = vec![
            (b'S', self.severity.to_string()),
            (b'V', self.severity.to_string()),
            (b'C', self.code.clone()),
            (b'M', self.message.clone()),
        ];
        if let Some(detail) = &self.detail {
            fields.push((b'D', detail.clone()));
        }
        if let Some(hint) = &self.hint {
            fields.push((b'H', hint.clone()));
        }
        if self.position > 0 {
            fields.push((b'P', self.position.to_string()));
        }
        fields
    }

    /// The ErrorResponse message.
    pub fn to_error_response(&self) -> ErrorResponse {
        ErrorResponse::new(self.fields())
    }

    /// The NoticeResponse message.
    pub fn to_notice(&self) -> NoticeResponse {
        NoticeResponse::new(self.fields())
    }
}

impl From<RewriteError> for PgError {
    fn from(error: RewriteError) -> PgError {
        let code = match &error {
            RewriteError::Syntax { .. } | RewriteError::Invalid { .. } => code::SYNTAX_ERROR,
            RewriteError::TooComplex { .. } => code::STATEMENT_TOO_COMPLEX,
            RewriteError::UndefinedTable { .. } => code::UNDEFINED_TABLE,
            RewriteError::UndefinedColumn { .. } => code::UNDEFINED_COLUMN,
            RewriteError::AmbiguousColumn { .. } => code::AMBIGUOUS_COLUMN,
            RewriteError::ReadOnly { .. } => code::READ_ONLY_SQL_TRANSACTION,
            RewriteError::NotAllowed { .. } => code::INSUFFICIENT_PRIVILEGE,
            RewriteError::Unsupported { .. } => code::FEATURE_NOT_SUPPORTED,
            RewriteError::UndefinedFunction { .. } => code::UNDEFINED_FUNCTION,
            RewriteError::UndefinedObject { .. } => code::UNDEFINED_OBJECT,
        };
        PgError {
            severity: "ERROR",
            code: code.to_string(),
            message: error.to_string(),
            detail: error.detail().map(str::to_string),
            hint: error.hint().map(str::to_string),
            position: error.position(),
        }
    }
}

impl From<ConnectorError> for PgError {
    fn from(error: ConnectorError) -> PgError {
        let code = match &error.kind {
            ErrorKind::Backend(sqlstate) => return PgError::new(sqlstate, error.message),
            ErrorKind::UndefinedFunction => code::UNDEFINED_FUNCTION,
            ErrorKind::DatatypeMismatch => code::DATATYPE_MISMATCH,
            ErrorKind::DivisionByZero => code::DIVISION_BY_ZERO,
            ErrorKind::NumericOutOfRange => code::NUMERIC_VALUE_OUT_OF_RANGE,
            ErrorKind::InvalidTextRepresentation => code::INVALID_TEXT_REPRESENTATION,
            ErrorKind::InvalidParameterValue => code::INVALID_PARAMETER_VALUE,
            ErrorKind::FeatureNotSupported => code::FEATURE_NOT_SUPPORTED,
            ErrorKind::ResourcesExhausted => code::OUT_OF_MEMORY,
            ErrorKind::Unavailable => code::CONNECTION_FAILURE,
            ErrorKind::Cancelled => code::QUERY_CANCELED,
            ErrorKind::Internal => code::INTERNAL_ERROR,
        };
        PgError::new(code, error.message)
    }
}

impl From<ResolveError> for PgError {
    fn from(error: ResolveError) -> PgError {
        PgError::fatal(code::INVALID_CATALOG_NAME, error.to_string())
    }
}
