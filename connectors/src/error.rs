//! Connector errors, classified by kind so the proxy can map them to SQLSTATEs at the wire.

use datafusion::arrow::error::ArrowError;
use datafusion::error::DataFusionError;

/// What went wrong, in terms the proxy maps to a SQLSTATE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    UndefinedFunction,
    DatatypeMismatch,
    DivisionByZero,
    NumericOutOfRange,
    InvalidTextRepresentation,
    /// A function argument out of its domain (`date_trunc('fortnight', …)`).
    InvalidParameterValue,
    FeatureNotSupported,
    ResourcesExhausted,
    Unavailable,
    Cancelled,
    Internal,
    /// An error the backend reported, with its own SQLSTATE (passed through unchanged).
    Backend(String),
}

/// An error from a backend, with a message fit for the client.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct ConnectorError {
    pub kind: ErrorKind,
    pub message: String,
}

impl ConnectorError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ConnectorError { kind, message: message.into() }
    }
}

impl From<DataFusionError> for ConnectorError {
    fn from(error: DataFusionError) -> Self {
        let error = error.find_root();
        // Errors of connectors that stream through DataFusion's stream adapter keep their kind.
        if let DataFusionError::External(inner) = error
            && let Some(connector) = inner.downcast_ref::<ConnectorError>()
        {
            return connector.clone();
        }
        let kind = match error {
            DataFusionError::ArrowError(arrow, _) => return ConnectorError::from_arrow(arrow),
            DataFusionError::NotImplemented(_) => ErrorKind::FeatureNotSupported,
            DataFusionError::ResourcesExhausted(_) => ErrorKind::ResourcesExhausted,
            DataFusionError::Plan(_) | DataFusionError::SchemaError(_, _) => {
                let message = error.to_string();
                // A function's own refusal while its argument types were checked (e.g. `pg_sum`
                // of a `real`) reaches here wrapped in a planning error: it stays a refusal.
                const REFUSAL: &str = "This feature is not implemented: ";
                if let Some((_, refusal)) = message.split_once(REFUSAL) {
                    let refusal = refusal.split(" No function matches").next().unwrap_or(refusal);
                    return ConnectorError::new(ErrorKind::FeatureNotSupported, refusal.trim().trim_end_matches('.'));
                }
                if message.contains("Invalid function") || message.contains("No function matches") {
                    ErrorKind::UndefinedFunction
                } else {
                    ErrorKind::DatatypeMismatch
                }
            }
            DataFusionError::Execution(message) if message.contains("Divide by zero") => ErrorKind::DivisionByZero,
            _ => ErrorKind::Internal,
        };
        ConnectorError { kind, message: clean_message(&error.strip_backtrace()) }
    }
}

impl From<ArrowError> for ConnectorError {
    fn from(error: ArrowError) -> Self {
        ConnectorError::from_arrow(&error)
    }
}

impl ConnectorError {
    fn from_arrow(error: &ArrowError) -> Self {
        let kind = match error {
            ArrowError::DivideByZero => ErrorKind::DivisionByZero,
            ArrowError::ArithmeticOverflow(_) | ArrowError::ComputeError(_)
                if error.to_string().contains("overflow") =>
            {
                ErrorKind::NumericOutOfRange
            }
            ArrowError::CastError(_) | ArrowError::ParseError(_) => ErrorKind::InvalidTextRepresentation,
            ArrowError::MemoryError(_) => ErrorKind::ResourcesExhausted,
            _ => ErrorKind::Internal,
        };
        let message = match error {
            ArrowError::DivideByZero => "division by zero".to_string(),
            other => clean_message(&other.to_string()),
        };
        ConnectorError { kind, message }
    }
}

/// DataFusion prefixes messages with its error category; clients want the message itself.
fn clean_message(message: &str) -> String {
    let mut text = message.trim();
    for prefix in ["Error during planning: ", "Execution error: ", "This feature is not implemented: ", "Arrow error: "]
    {
        text = text.strip_prefix(prefix).unwrap_or(text);
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_function_refusal_inside_a_planning_error_stays_a_refusal() {
        let error = DataFusionError::Plan(
            "Function 'pg_sum' user-defined coercion failed with: This feature is not implemented: sum(Float32) is \
             not supported on the embedded engine. No function matches the given name and argument types \
             'pg_sum(Float32)'."
                .into(),
        );
        let error = ConnectorError::from(error);
        assert_eq!(error.kind, ErrorKind::FeatureNotSupported);
        assert_eq!(error.message, "sum(Float32) is not supported on the embedded engine");
        let other = ConnectorError::from(DataFusionError::Plan("No function matches 'f(Int32)'".into()));
        assert_eq!(other.kind, ErrorKind::UndefinedFunction);
    }
}
