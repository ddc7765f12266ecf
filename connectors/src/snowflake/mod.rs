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
mod ipc;
pub mod json_rows;
pub mod jwt;
mod quotients;
mod statement;

use std::sync::Arc;

use async_trait::async_trait;
use base64::Engine;
use datafusion::arrow::datatypes::{DataType, SchemaRef};
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::catalog::MemTable;
use datafusion::common::TableReference;
use datafusion::execution::SendableRecordBatchStream;
use datafusion::physical_plan::stream::RecordBatchStreamAdapter;
use datafusion::scalar::ScalarValue;
use futures::StreamExt;
use package::{PackageVersion, Source};
use serde_json::{Value, json};
use sqlparser::ast::Statement;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub use client::Client;
use client::QueryData;
use quotients::Quotients;
use statement::Adjustments;

use crate::embedded::{EmbeddedEngine, postgres_context};
use crate::error::{ConnectorError, ErrorKind};
use crate::{Connector, PreparedQuery, Query, QuerySettings};

/// The schema the typing engine registers tables in (rewrite's `DATAFUSION_SCHEMA`).
const TYPING_SCHEMA: &str = "public";

/// A Snowflake source serving one package version.
pub struct SnowflakeConnector {
    client: Arc<Client>,
    /// What is checked and changed in each statement before it is sent.
    adjustments: Adjustments,
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
        Ok(SnowflakeConnector {
            adjustments: Adjustments::new(version),
            client: Arc::new(Client::new(&version.source)?),
            typing: EmbeddedEngine::over(ctx),
            permits: Arc::new(Semaphore::new(*pool_size)),
        })
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
        let (mut statement, wire, quotients) = match quotients::split(query.statement, typing) {
            Some(split) => {
                let wire = self.typing.result_schema(&split.typing).await?;
                let quotients = Quotients::new(split.quotients, &wire, typed.schema())?;
                (split.statement, wire, Some(Arc::new(quotients)))
            }
            None => (query.statement.clone(), typed.schema(), None),
        };
        self.adjustments.compare_averages(&mut statement);
        quotients::refuse_left_over(&statement)?;
        let (sql, placeholders) = self.adjustments.sql(statement, &wire)?;
        if placeholders > typed.param_types().len() {
            return Err(ConnectorError::new(ErrorKind::Internal, "parameters of the two plans differ"));
        }
        Ok(Arc::new(SnowflakeQuery {
            client: self.client.clone(),
            permits: self.permits.clone(),
            sql,
            schema: typed.schema(),
            wire,
            quotients,
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

struct SnowflakeQuery {
    client: Arc<Client>,
    permits: Arc<Semaphore>,
    sql: String,
    /// The result.
    schema: SchemaRef,
    /// The columns Snowflake is asked for, in the types they are decoded to: the result's, or
    /// with quotient columns split into their operands (`quotients`).
    wire: SchemaRef,
    quotients: Option<Arc<Quotients>>,
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
        if data.rowtype.len() != self.wire.fields().len() {
            return Err(ConnectorError::new(
                ErrorKind::Internal,
                format!(
                    "Snowflake returned {} columns where {} were planned",
                    data.rowtype.len(),
                    self.wire.fields().len()
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
            wire: self.wire.clone(),
            quotients: self.quotients.clone(),
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
    wire: SchemaRef,
    quotients: Option<Arc<Quotients>>,
}

impl Rows {
    async fn next(&mut self) -> Result<Option<RecordBatch>, ConnectorError> {
        loop {
            if let Some(batch) = self.pending.pop_front() {
                let batch = convert(&batch, &self.data, &self.wire)?;
                return match &self.quotients {
                    Some(quotients) => quotients.divide(&batch).map(Some),
                    None => Ok(Some(batch)),
                };
            }
            let Some(chunk) = self.data.chunks.get(self.next_chunk).cloned() else {
                self.guard.request_id = None;
                return Ok(None);
            };
            self.next_chunk += 1;
            let bytes = self.client.chunk(&chunk, &self.data).await?;
            self.pending = chunk_batches(&bytes, &self.data)?.into();
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
        Some("json") => match &data.rowset {
            None => Ok(Vec::new()),
            Some(rowset) => Ok(vec![json_rows::batch(rowset, &data.rowtype)?]),
        },
        Some(other) => Err(ConnectorError::new(
            ErrorKind::FeatureNotSupported,
            format!("Snowflake answered in {other} format; packwire reads Arrow and JSON results"),
        )),
    }
}

/// The batches of a downloaded result chunk, in the response's format.
fn chunk_batches(bytes: &[u8], data: &QueryData) -> Result<Vec<RecordBatch>, ConnectorError> {
    match data.query_result_format.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("json") => Ok(vec![json_rows::chunk(bytes, &data.rowtype)?]),
        _ => read_ipc(bytes),
    }
}

fn read_ipc(bytes: &[u8]) -> Result<Vec<RecordBatch>, ConnectorError> {
    ipc::read_stream(bytes)
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
