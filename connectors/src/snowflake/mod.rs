//! The Snowflake connector: statements in Snowflake's dialect run through packwire's own REST
//! client (`client.rs`; key-pair JWTs in `jwt.rs`), results stream back chunk by chunk and are
//! converted to the Postgres types of the result (`decode.rs`).
//!
//! Snowflake's own result types are not Postgres' (every integer is a `NUMBER(38,0)`), so each
//! statement comes with its twin for the embedded engine (`Query::typing`), planned here over
//! empty tables of the version: its result schema is what the client is told and what every
//! Snowflake column is converted to, exactly or with an error; its parameter types are how
//! client values are bound. Cancel, timeouts and clients that leave mid-result drop the stream,
//! which sends an abort-request for the statement.

mod client;
pub mod decode;
pub mod introspect;
pub mod jwt;

use std::io::Cursor;
use std::sync::Arc;

use async_trait::async_trait;
use base64::Engine;
use datafusion::arrow::datatypes::{DataType, SchemaRef};
use datafusion::arrow::ipc::reader::StreamReader;
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::catalog::MemTable;
use datafusion::common::TableReference;
use datafusion::execution::SendableRecordBatchStream;
use datafusion::physical_plan::stream::RecordBatchStreamAdapter;
use datafusion::scalar::ScalarValue;
use futures::StreamExt;
use package::{PackageVersion, PgType, Source};
use serde_json::{Value, json};
use sqlparser::ast::{DataType as SqlType, Expr, Statement, Value as SqlValue, VisitMut, VisitorMut};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub use client::Client;
use client::QueryData;

use crate::embedded::{EmbeddedEngine, postgres_context};
use crate::error::{ConnectorError, ErrorKind};
use crate::{Connector, PreparedQuery, Query, QuerySettings};

/// The schema the typing engine registers tables in (rewrite's `DATAFUSION_SCHEMA`).
const TYPING_SCHEMA: &str = "public";

/// A Snowflake source serving one package version.
pub struct SnowflakeConnector {
    client: Arc<Client>,
    /// Physical names of columns whose values Snowflake holds or computes differently from
    /// Postgres (see [`unfaithful`]): statements that name them are refused.
    unfaithful_columns: std::collections::HashSet<String>,
    /// The exact numeric type of each column name (physical or logical) that has one type in
    /// the version.
    number_columns: std::collections::HashMap<String, SqlType>,
    /// The embedded engine over empty tables of the version: result and parameter types.
    typing: EmbeddedEngine,
    /// Statements running at once on this source (the manifest's `pool_size`).
    permits: Arc<Semaphore>,
}

impl SnowflakeConnector {
    /// A connector for a Snowflake version; nothing is sent until the first statement (so a
    /// source that is down only fails the queries that need it).
    pub fn new(version: &PackageVersion) -> Result<SnowflakeConnector, ConnectorError> {
        let Source::Snowflake { pool_size, .. } = &version.source else {
            return Err(ConnectorError::new(ErrorKind::Internal, "not a snowflake source"));
        };
        let ctx = postgres_context(TYPING_SCHEMA)?;
        for table in &version.tables {
            let fields: Vec<_> =
                table.columns.iter().map(|c| crate::types::field(&c.physical, c.ty, c.nullable)).collect();
            let schema = SchemaRef::new(datafusion::arrow::datatypes::Schema::new(fields));
            let empty = MemTable::try_new(schema, vec![vec![]])?;
            ctx.register_table(TableReference::partial(TYPING_SCHEMA, table.physical.as_str()), Arc::new(empty))?;
        }
        let unfaithful_columns = version
            .tables
            .iter()
            .flat_map(|t| &t.columns)
            .filter(|c| unfaithful(c.ty))
            .map(|c| c.physical.clone())
            .collect();
        let mut number_columns = std::collections::HashMap::new();
        let mut ambiguous = std::collections::HashSet::new();
        for column in version.tables.iter().flat_map(|t| &t.columns) {
            let Some(number) = number_type(column.ty) else { continue };
            // Logical names too: a table with renamed columns is read through a subquery
            // presenting them under their logical names.
            for name in [&column.physical, &column.name] {
                if number_columns.insert(name.clone(), number.clone()).is_some_and(|old| old != number) {
                    ambiguous.insert(name.clone());
                }
            }
        }
        number_columns.retain(|name, _| !ambiguous.contains(name));
        Ok(SnowflakeConnector {
            unfaithful_columns,
            number_columns,
            client: Arc::new(Client::new(&version.source)?),
            typing: EmbeddedEngine::over(ctx),
            permits: Arc::new(Semaphore::new(*pool_size)),
        })
    }
}

/// Declared types whose values Snowflake holds or computes differently from Postgres: `char(n)`
/// (no blank padding semantics), `real` (Snowflake's FLOAT is a double), `json`/`jsonb`
/// (VARIANT compares, orders and prints its own way), and the types Snowflake has none of
/// (intervals, arrays), which a copy holds as text.
fn unfaithful(ty: PgType) -> bool {
    matches!(ty, PgType::Char(_) | PgType::Float4 | PgType::Json | PgType::Jsonb | PgType::Interval | PgType::Array(_))
}

/// Refuses a statement that names a column of an [`unfaithful`] type or returns one (`*`).
fn check_columns(
    statement: &Statement,
    columns: &std::collections::HashSet<String>,
    schema: &SchemaRef,
) -> Result<(), ConnectorError> {
    let refuse = |name: &str| {
        ConnectorError::new(
            ErrorKind::FeatureNotSupported,
            format!(
                "column \"{name}\" has a type Snowflake does not compute as Postgres does (char, real, json, jsonb, interval, arrays)"
            ),
        )
    };
    for field in schema.fields() {
        if crate::types::declared_type(field).is_some_and(unfaithful) {
            return Err(refuse(field.name()));
        }
    }
    if columns.is_empty() {
        return Ok(());
    }
    let mut named = None;
    let _ = sqlparser::ast::visit_expressions(statement, |expr| {
        let idents: &[sqlparser::ast::Ident] = match expr {
            Expr::Identifier(ident) => std::slice::from_ref(ident),
            Expr::CompoundIdentifier(parts) => parts,
            _ => &[],
        };
        match idents.last().filter(|i| columns.contains(&i.value)) {
            Some(ident) => {
                named = Some(ident.value.clone());
                std::ops::ControlFlow::Break(())
            }
            None => std::ops::ControlFlow::Continue(()),
        }
    });
    match named {
        Some(name) => Err(refuse(&name)),
        None => Ok(()),
    }
}

/// HTTPS with rustls on the ring provider (the one the rest of packwire uses) and the
/// platform's certificate roots.
fn http_client() -> Result<reqwest::Client, ConnectorError> {
    let failed = |e: String| ConnectorError::new(ErrorKind::Internal, format!("TLS setup for Snowflake: {e}"));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = rustls_platform_verifier::Verifier::new(provider.clone()).map_err(|e| failed(e.to_string()))?;
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| failed(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .connect_timeout(std::time::Duration::from_secs(10))
        .pool_idle_timeout(std::time::Duration::from_secs(60))
        .build()
        .map_err(|e| failed(e.to_string()))
}

#[async_trait]
impl Connector for SnowflakeConnector {
    async fn prepare(&self, query: Query<'_>) -> Result<Arc<dyn PreparedQuery>, ConnectorError> {
        let typing = query
            .typing
            .ok_or_else(|| ConnectorError::new(ErrorKind::Internal, "a Snowflake statement needs its typing twin"))?;
        let typed = self.typing.prepare(typing.into()).await?;
        check_columns(query.statement, &self.unfaithful_columns, &typed.schema())?;
        let mut statement = query.statement.clone();
        sums_over_declared_types(&mut statement, &self.number_columns);
        let placeholders = snowflake_placeholders(&mut statement);
        if placeholders > typed.param_types().len() {
            return Err(ConnectorError::new(ErrorKind::Internal, "parameters of the two plans differ"));
        }
        Ok(Arc::new(SnowflakeQuery {
            client: self.client.clone(),
            permits: self.permits.clone(),
            sql: statement.to_string(),
            schema: typed.schema(),
            param_types: typed.param_types().to_vec(),
        }))
    }

    async fn explain(&self, statement: &Statement, _analyze: bool) -> Result<Vec<String>, ConnectorError> {
        // Snowflake's EXPLAIN returns a table of operations; its text form is enough here.
        let sql = format!("EXPLAIN USING TEXT {statement}");
        let request_id = uuid::Uuid::new_v4().to_string();
        let data = self.client.query(&sql, None, json!({}), &request_id).await?;
        let batches = first_batches(&data)?;
        let mut lines = Vec::new();
        for batch in &batches {
            let text = datafusion::arrow::compute::cast(batch.column(0), &DataType::Utf8)?;
            if let Some(text) = text.as_any().downcast_ref::<datafusion::arrow::array::StringArray>() {
                lines.extend(text.iter().flatten().flat_map(|t| t.lines().map(str::to_string).collect::<Vec<_>>()));
            }
        }
        Ok(lines)
    }
}

/// The Snowflake NUMBER a declared exact numeric type is (`None` for the other types).
fn number_type(ty: PgType) -> Option<SqlType> {
    match ty {
        PgType::Int2 => Some(sqlparser_number(5, 0)),
        PgType::Int4 => Some(sqlparser_number(10, 0)),
        PgType::Int8 => Some(sqlparser_number(19, 0)),
        PgType::Numeric(Some((p, s))) if s >= 0 => Some(sqlparser_number(u64::from(p), i64::from(s))),
        _ => None,
    }
}

fn sqlparser_number(precision: u64, scale: i64) -> SqlType {
    SqlType::Numeric(sqlparser::ast::ExactNumberInfo::PrecisionAndScale(precision, scale))
}

/// `SUM(col)` of an exact numeric column → `SUM(CAST(col AS NUMBER(p,s)))` with the column's
/// declared type: the same value on Snowflake (the column holds that type), and it keeps
/// engines that sum untyped input as doubles (the fakesnow emulator) on exact arithmetic.
fn sums_over_declared_types(statement: &mut Statement, columns: &std::collections::HashMap<String, SqlType>) {
    let _ = sqlparser::ast::visit_expressions_mut(statement, |expr| {
        if let Expr::Function(function) = expr
            && function.name.to_string().eq_ignore_ascii_case("sum")
            && let sqlparser::ast::FunctionArguments::List(list) = &mut function.args
            && list.args.len() == 1
            && let sqlparser::ast::FunctionArg::Unnamed(sqlparser::ast::FunctionArgExpr::Expr(arg)) = &mut list.args[0]
        {
            let name = match &*arg {
                Expr::Identifier(ident) => Some(&ident.value),
                Expr::CompoundIdentifier(parts) => parts.last().map(|p| &p.value),
                _ => None,
            };
            if let Some(data_type) = name.and_then(|n| columns.get(n)) {
                let column = std::mem::replace(arg, Expr::Value(SqlValue::Null.into()));
                *arg = Expr::Cast {
                    kind: sqlparser::ast::CastKind::Cast,
                    expr: Box::new(column),
                    data_type: data_type.clone(),
                    array: false,
                    format: None,
                };
            }
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
}

/// `$n` parameters become Snowflake's numbered binds `:n`. Returns the highest number used.
fn snowflake_placeholders(statement: &mut Statement) -> usize {
    struct Placeholders(usize);
    impl VisitorMut for Placeholders {
        type Break = ();
        fn pre_visit_expr(&mut self, expr: &mut Expr) -> std::ops::ControlFlow<()> {
            if let Expr::Value(value) = expr
                && let SqlValue::Placeholder(name) = &mut value.value
                && let Some(number) = name.strip_prefix('$').and_then(|n| n.parse::<usize>().ok())
            {
                self.0 = self.0.max(number);
                *name = format!(":{number}");
            }
            std::ops::ControlFlow::Continue(())
        }
    }
    let mut visitor = Placeholders(0);
    let _ = statement.visit(&mut visitor);
    visitor.0
}

struct SnowflakeQuery {
    client: Arc<Client>,
    permits: Arc<Semaphore>,
    sql: String,
    schema: SchemaRef,
    param_types: Vec<Option<DataType>>,
}

#[async_trait]
impl PreparedQuery for SnowflakeQuery {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    fn param_types(&self) -> &[Option<DataType>] {
        &self.param_types
    }

    async fn execute(
        &self,
        params: Vec<ScalarValue>,
        settings: &QuerySettings,
    ) -> Result<SendableRecordBatchStream, ConnectorError> {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ConnectorError::new(ErrorKind::Unavailable, "the Snowflake source is shutting down"))?;
        let bindings = if params.is_empty() {
            None
        } else {
            let mut map = serde_json::Map::new();
            for (index, value) in params.iter().enumerate() {
                map.insert((index + 1).to_string(), binding(value)?);
            }
            Some(Value::Object(map))
        };
        let parameters = json!({ "TIMEZONE": settings.time_zone });
        let request_id = uuid::Uuid::new_v4().to_string();
        let mut guard = AbortOnDrop { client: self.client.clone(), request_id: Some(request_id.clone()) };
        let data = self.client.query(&self.sql, bindings, parameters, &request_id).await?;
        if data.rowtype.len() != self.schema.fields().len() {
            return Err(ConnectorError::new(
                ErrorKind::Internal,
                format!(
                    "Snowflake returned {} columns where {} were planned",
                    data.rowtype.len(),
                    self.schema.fields().len()
                ),
            ));
        }
        let first = first_batches(&data)?;
        if data.chunks.is_empty() {
            guard.request_id = None;
        }
        let state = Rows {
            client: self.client.clone(),
            data,
            pending: first.into(),
            next_chunk: 0,
            guard,
            _permit: permit,
            schema: self.schema.clone(),
        };
        let stream = futures::stream::unfold(state, |mut state| async move {
            match state.next().await {
                Ok(Some(batch)) => Some((Ok(batch), state)),
                Ok(None) => None,
                Err(e) => Some((Err(datafusion::error::DataFusionError::External(Box::new(e))), state)),
            }
        });
        Ok(Box::pin(RecordBatchStreamAdapter::new(self.schema.clone(), stream.fuse())))
    }
}

/// A result being read: batches of the chunk in hand, then the chunks still to download (one
/// at a time, so memory holds one chunk).
struct Rows {
    client: Arc<Client>,
    data: QueryData,
    pending: std::collections::VecDeque<RecordBatch>,
    next_chunk: usize,
    guard: AbortOnDrop,
    _permit: OwnedSemaphorePermit,
    schema: SchemaRef,
}

impl Rows {
    async fn next(&mut self) -> Result<Option<RecordBatch>, ConnectorError> {
        loop {
            if let Some(batch) = self.pending.pop_front() {
                return convert(&batch, &self.data, &self.schema).map(Some);
            }
            let Some(chunk) = self.data.chunks.get(self.next_chunk).cloned() else {
                self.guard.request_id = None;
                return Ok(None);
            };
            self.next_chunk += 1;
            let bytes = self.client.chunk(&chunk, &self.data).await?;
            self.pending = read_ipc(&bytes)?.into();
        }
    }
}

/// Sends an abort-request for a statement whose result was not read to the end.
struct AbortOnDrop {
    client: Arc<Client>,
    request_id: Option<String>,
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(request_id) = self.request_id.take()
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            let client = self.client.clone();
            runtime.spawn(async move { client.abort(&request_id).await });
        }
    }
}

/// The batches of a response's first rowset.
fn first_batches(data: &QueryData) -> Result<Vec<RecordBatch>, ConnectorError> {
    match data.query_result_format.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("arrow") | None => match data.rowset_base64.as_deref() {
            None | Some("") => Ok(Vec::new()),
            Some(text) => {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(text)
                    .map_err(|e| ConnectorError::new(ErrorKind::Internal, format!("Snowflake rowset: {e}")))?;
                read_ipc(&bytes)
            }
        },
        Some(other) => Err(ConnectorError::new(
            ErrorKind::FeatureNotSupported,
            format!("Snowflake answered in {other} format; packwire reads Arrow results"),
        )),
    }
}

fn read_ipc(bytes: &[u8]) -> Result<Vec<RecordBatch>, ConnectorError> {
    let reader = StreamReader::try_new(Cursor::new(bytes), None)?;
    Ok(reader.collect::<Result<Vec<_>, _>>()?)
}

/// A Snowflake batch in the planned result types.
fn convert(batch: &RecordBatch, data: &QueryData, schema: &SchemaRef) -> Result<RecordBatch, ConnectorError> {
    let columns = batch
        .columns()
        .iter()
        .zip(&data.rowtype)
        .zip(schema.fields())
        .map(|((array, column), field)| decode::decode(array, column, field))
        .collect::<Result<Vec<_>, _>>()?;
    let options = datafusion::arrow::record_batch::RecordBatchOptions::new().with_row_count(Some(batch.num_rows()));
    Ok(RecordBatch::try_new_with_options(schema.clone(), columns, &options)?)
}

/// A client value as a Snowflake binding (`{"type", "value"}` with the value as text).
fn binding(value: &ScalarValue) -> Result<Value, ConnectorError> {
    if value.is_null() {
        return Ok(json!({ "type": "TEXT", "value": null }));
    }
    let (kind, text) = match value {
        ScalarValue::Int16(Some(v)) => ("FIXED", v.to_string()),
        ScalarValue::Int32(Some(v)) => ("FIXED", v.to_string()),
        ScalarValue::Int64(Some(v)) => ("FIXED", v.to_string()),
        ScalarValue::Float32(Some(v)) => ("REAL", v.to_string()),
        ScalarValue::Float64(Some(v)) => ("REAL", v.to_string()),
        // Exact: Snowflake reads the decimal text as a NUMBER.
        ScalarValue::Decimal128(Some(_), _, _) => ("TEXT", value.to_string()),
        ScalarValue::Boolean(Some(v)) => ("BOOLEAN", v.to_string()),
        ScalarValue::Utf8(Some(v)) | ScalarValue::LargeUtf8(Some(v)) | ScalarValue::Utf8View(Some(v)) => {
            ("TEXT", v.clone())
        }
        // Dates as milliseconds, times and timestamps as nanoseconds since the epoch/midnight.
        ScalarValue::Date32(Some(days)) => ("DATE", (i64::from(*days) * 86_400_000).to_string()),
        ScalarValue::Time64Microsecond(Some(us)) => ("TIME", (i128::from(*us) * 1000).to_string()),
        ScalarValue::TimestampMicrosecond(Some(us), None) => ("TIMESTAMP_NTZ", (i128::from(*us) * 1000).to_string()),
        ScalarValue::TimestampMicrosecond(Some(us), Some(_)) => {
            ("TIMESTAMP_TZ", format!("{} 1440", i128::from(*us) * 1000))
        }
        ScalarValue::Binary(Some(bytes)) => ("BINARY", bytes.iter().map(|b| format!("{b:02X}")).collect()),
        other => {
            return Err(ConnectorError::new(
                ErrorKind::FeatureNotSupported,
                format!("a {} parameter on a Snowflake source", other.data_type()),
            ));
        }
    };
    Ok(json!({ "type": kind, "value": text }))
}
