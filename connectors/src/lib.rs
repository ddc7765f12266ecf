//! Backends behind one trait. A connector plans a rewritten statement (already validated and in
//! its target's dialect), describes its result as an Arrow schema, and executes it as a stream
//! of record batches. Connectors never see logical names or client SQL.

pub mod embedded;
pub mod error;
pub mod generate;
pub mod pgbinary;
pub mod pgfunctions;
pub mod pgjson;
pub mod pgtext;
pub mod plan_check;
pub mod postgres;
pub mod snowflake;
pub mod types;

use std::sync::Arc;

use async_trait::async_trait;
use datafusion::arrow::datatypes::{DataType, SchemaRef};
use datafusion::execution::SendableRecordBatchStream;
use datafusion::scalar::ScalarValue;
use sqlparser::ast::Statement;

pub use datafusion;
pub use error::{ConnectorError, ErrorKind};

/// The session settings a statement's meaning depends on, applied by the backend that runs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuerySettings {
    /// The session's `TimeZone` (an IANA name): how `timestamptz` values are truncated, cast to
    /// dates, and how literals without an offset are read.
    pub time_zone: String,
    /// The session's `extra_float_digits`: how floats converted to text are written.
    pub extra_float_digits: i32,
}

impl QuerySettings {
    /// Whether these are the defaults (checked per statement, without building them).
    pub fn is_default(&self) -> bool {
        self.time_zone == "UTC" && self.extra_float_digits == 1
    }
}

impl Default for QuerySettings {
    fn default() -> Self {
        QuerySettings { time_zone: "UTC".into(), extra_float_digits: 1 }
    }
}

/// A statement as a connector receives it.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    /// The statement in the connector's dialect.
    pub statement: &'a Statement,
    /// For backends whose result types do not follow Postgres' rules (Snowflake), the same
    /// statement for the embedded engine: planned over empty tables of the version, it gives
    /// the result columns and parameters their Postgres types.
    pub typing: Option<&'a Statement>,
}

impl<'a> From<&'a Statement> for Query<'a> {
    fn from(statement: &'a Statement) -> Self {
        Query { statement, typing: None }
    }
}

/// A statement planned by a backend: its result shape and parameter types, ready to run any
/// number of times with different parameter values.
#[async_trait]
pub trait PreparedQuery: Send + Sync {
    /// The result columns, with `pg_type` field metadata where the type is a declared one.
    fn schema(&self) -> SchemaRef;
    /// The type of each `$n` parameter, in order; `None` where the backend could not infer one.
    fn param_types(&self) -> &[Option<DataType>];
    /// The Postgres type the backend itself gives each parameter, where it has one (a Postgres
    /// source: a `numeric` parameter travels as text but is announced to clients as `numeric`).
    fn param_pg_types(&self) -> &[Option<package::PgType>] {
        &[]
    }
    /// Runs the statement. `params` must have the types of [`PreparedQuery::param_types`].
    async fn execute(
        &self,
        params: Vec<ScalarValue>,
        settings: &QuerySettings,
    ) -> Result<SendableRecordBatchStream, ConnectorError>;
}

/// One backend serving one package version.
#[async_trait]
pub trait Connector: Send + Sync {
    /// Plans a statement in the connector's dialect.
    async fn prepare(&self, query: Query<'_>) -> Result<Arc<dyn PreparedQuery>, ConnectorError>;
    /// Runs a statement once, without parameters (the simple query protocol). Returns the
    /// stream of results and, when running it produced a prepared form worth caching for the
    /// next identical statement, that too. The default plans and executes; a connector whose
    /// planning costs a backend round trip does both in one.
    async fn run(
        &self,
        query: Query<'_>,
        settings: &QuerySettings,
    ) -> Result<(Option<Arc<dyn PreparedQuery>>, SendableRecordBatchStream), ConnectorError> {
        let prepared = self.prepare(query).await?;
        if !prepared.param_types().is_empty() {
            return Err(ConnectorError::new(ErrorKind::Backend("42P02".into()), "there is no parameter $1"));
        }
        let stream = prepared.execute(Vec::new(), settings).await?;
        Ok((Some(prepared), stream))
    }
    /// Runs target SQL text once, without parameters: a statement already planned for this
    /// connector and rebuilt as text (a fingerprint template filled with new literals, see
    /// `rewrite::fingerprint`). The default parses the text back and runs it as [`Connector::run`].
    async fn run_sql(&self, sql: &str, settings: &QuerySettings) -> Result<SendableRecordBatchStream, ConnectorError> {
        let dialect = sqlparser::dialect::PostgreSqlDialect {};
        let mut statements = sqlparser::parser::Parser::parse_sql(&dialect, sql)
            .map_err(|e| ConnectorError::new(ErrorKind::Internal, format!("planned SQL does not parse: {e}")))?;
        if statements.len() != 1 {
            return Err(ConnectorError::new(ErrorKind::Internal, "planned SQL is not one statement"));
        }
        Ok(self.run((&statements.remove(0)).into(), settings).await?.1)
    }
    /// The backend's plan for a statement, one line per row.
    async fn explain(&self, statement: &Statement, analyze: bool) -> Result<Vec<String>, ConnectorError>;
    /// The occupancy of the connector's backend connection pool, if it has one.
    fn pool_status(&self) -> Option<PoolStatus> {
        None
    }
}

/// A backend connection pool's occupancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStatus {
    /// Connections open (in use or idle).
    pub open: usize,
    /// Open connections waiting for a statement.
    pub idle: usize,
    /// The most the pool opens.
    pub max: usize,
}
