//! The Postgres connector: a bounded pool of tokio-postgres connections per source. Statements
//! are prepared server-side (cached per connection), client values are bound as parameters
//! (never spliced into SQL), and rows stream back as Arrow batches as they arrive.
//!
//! Values stay exact: numerics travel as their decimal text (any precision), timestamps,
//! intervals and the other scalar types as their exact Arrow equivalents, arrays as the backend's
//! binary array (Arrow binary tagged with the array type; the wire encoder writes it through in
//! binary and renders Postgres' text form). Types packwire cannot carry exactly yet (ranges,
//! geometric types, arrays of those, …) are refused with 0A000 at prepare time, as are array
//! parameters.
//! A stream dropped before its end (client gone, cancel, timeout) cancels the backend query.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use async_trait::async_trait;
use datafusion::arrow::array::{
    ArrayBuilder, ArrayRef, BinaryBuilder, BooleanBuilder, Date32Builder, Float32Builder, Float64Builder, Int16Builder,
    Int32Builder, Int64Builder, IntervalMonthDayNanoBuilder, StringBuilder, Time64MicrosecondBuilder,
    TimestampMicrosecondBuilder,
};
use datafusion::arrow::datatypes::{DataType, Field, IntervalMonthDayNano, Schema, SchemaRef, TimeUnit};
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::execution::SendableRecordBatchStream;
use datafusion::physical_plan::stream::RecordBatchStreamAdapter;
use datafusion::scalar::ScalarValue;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use futures::{Stream, StreamExt};
use package::{BackendTls, PackageVersion, PgType, Source};
use sqlparser::ast::Statement;
use tokio_postgres::NoTls;
use tokio_postgres::types::{FromSql, IsNull, Kind, ToSql, Type};

use crate::error::{ConnectorError, ErrorKind};
use crate::types::PG_TYPE_METADATA;
use crate::{Connector, PreparedQuery, Query, QuerySettings, pgbinary};

/// Most server-side prepared statements kept per backend connection; beyond it the connection's
/// cache is emptied (its statements are closed), so unique query texts cannot grow it forever.
const STATEMENTS_PER_CONNECTION: usize = 512;

/// Rows per Arrow batch: small enough to stream promptly, large enough to amortize.
const BATCH_ROWS: usize = 1024;
/// Days and microseconds between the Unix epoch and Postgres' (2000-01-01).
const PG_EPOCH_DAYS: i32 = 10_957;
const PG_EPOCH_MICROS: i64 = 946_684_800_000_000;

/// How a source's connections are made and pooled.
#[derive(Debug, Clone)]
pub struct PoolSettings {
    pub max_size: usize,
    pub connect_timeout: std::time::Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings { max_size: 16, connect_timeout: std::time::Duration::from_secs(5) }
    }
}

/// A Postgres source serving one package version.
pub struct PostgresConnector {
    pool: Pool,
    statements: Arc<StatementBound>,
    settings: Arc<ConnectionSettings>,
    names: Arc<LogicalNames>,
}

impl PostgresConnector {
    /// Builds the pool; no connection is made until the first statement (so a source that is
    /// down at start only fails the queries that need it, and recovers by itself).
    pub fn new(version: &PackageVersion, settings: &PoolSettings) -> Result<PostgresConnector, ConnectorError> {
        let Source::Postgres { url, password, tls, .. } = &version.source else {
            return Err(ConnectorError::new(ErrorKind::Internal, "not a postgres source"));
        };
        let mut config: tokio_postgres::Config = url.parse().map_err(|e| {
            ConnectorError::new(ErrorKind::Unavailable, format!("{}: bad source url: {e}", version.id()))
        })?;
        if let Some(secret) = password {
            let value = secret
                .resolve()
                .map_err(|e| ConnectorError::new(ErrorKind::Unavailable, format!("{}: {e}", version.id())))?;
            config.password(value);
        }
        config.application_name(format!("packwire {}", version.id()));
        // Fresh connections start with the settings `ConnectionSettings` assumes for them.
        let options = match config.get_options() {
            Some(options) => format!("{options} {DEFAULT_SETTINGS_OPTIONS}"),
            None => DEFAULT_SETTINGS_OPTIONS.to_string(),
        };
        config.options(options);
        config.connect_timeout(settings.connect_timeout);
        let manager_config = ManagerConfig { recycling_method: RecyclingMethod::Fast };
        let manager = match tls {
            BackendTls::Disable => Manager::from_config(config, NoTls, manager_config),
            BackendTls::Require | BackendTls::VerifyFull { .. } => {
                config.ssl_mode(tokio_postgres::config::SslMode::Require);
                let rustls = tls_config(tls)
                    .map_err(|e| ConnectorError::new(ErrorKind::Unavailable, format!("{}: {e}", version.id())))?;
                Manager::from_config(config, tokio_postgres_rustls::MakeRustlsConnect::new(rustls), manager_config)
            }
        };
        let pool = Pool::builder(manager)
            .max_size(settings.max_size)
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .create_timeout(Some(settings.connect_timeout))
            .wait_timeout(Some(settings.connect_timeout * 6))
            .build()
            .map_err(|e| ConnectorError::new(ErrorKind::Internal, e.to_string()))?;
        Ok(PostgresConnector {
            pool,
            statements: Arc::default(),
            settings: Arc::default(),
            names: Arc::new(LogicalNames::of(version)),
        })
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, ConnectorError> {
        checkout(&self.pool).await
    }
}

/// A pooled connection, or the error a query that needed it gets (08006 when unreachable).
async fn checkout(pool: &Pool) -> Result<deadpool_postgres::Object, ConnectorError> {
    pool.get().await.map_err(|error| match error {
        deadpool_postgres::PoolError::Backend(e) => backend_error(e),
        deadpool_postgres::PoolError::Timeout(_) => {
            ConnectorError::new(ErrorKind::Unavailable, "the package's database is not reachable (timed out)")
        }
        other => {
            ConnectorError::new(ErrorKind::Unavailable, format!("the package's database is not reachable: {other}"))
        }
    })
}

/// Keeps each connection's prepared-statement cache under [`STATEMENTS_PER_CONNECTION`].
/// deadpool counts a cache's size by walking it, so the size is looked at only every
/// [`STATEMENT_BOUND_EVERY`]-th use; a connection may briefly hold that many more statements.
#[derive(Default)]
struct StatementBound {
    uses: std::sync::atomic::AtomicUsize,
}

const STATEMENT_BOUND_EVERY: usize = 64;

impl StatementBound {
    fn bound(&self, client: &deadpool_postgres::Object) {
        let uses = self.uses.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if uses.is_multiple_of(STATEMENT_BOUND_EVERY) && client.statement_cache.size() >= STATEMENTS_PER_CONNECTION {
            client.statement_cache.clear();
        }
    }
}

/// The settings each pooled connection has, so a statement runs with its session's
/// (`SET TimeZone` / `extra_float_digits` only when the connection's differ). Connections
/// start with the defaults (startup options) and are listed here only while set otherwise. A
/// connection is known by its statement cache (one per connection, alive as long as it) and its
/// creation time, so a new connection never inherits a closed one's entry; entries of
/// connections closed while set otherwise stay behind (a few bytes each, only after backend
/// restarts).
#[derive(Default)]
struct ConnectionSettings {
    changed: std::sync::Mutex<HashMap<(usize, std::time::Instant), QuerySettings>>,
}

/// The startup options that give a fresh connection `QuerySettings::default()`.
const DEFAULT_SETTINGS_OPTIONS: &str = "-c TimeZone=UTC -c extra_float_digits=1";

impl ConnectionSettings {
    async fn apply(
        &self,
        client: &deadpool_postgres::Object,
        settings: &QuerySettings,
    ) -> Result<(), tokio_postgres::Error> {
        let key = (Arc::as_ptr(&client.statement_cache) as usize, deadpool_postgres::Object::metrics(client).created);
        let default = settings.is_default();
        {
            let changed = self.changed.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            match changed.get(&key) {
                Some(current) if current == settings => return Ok(()),
                None if default => return Ok(()),
                _ => {}
            }
        }
        let zone = settings.time_zone.replace('\'', "''");
        let digits = settings.extra_float_digits;
        client.batch_execute(&format!("SET TimeZone TO '{zone}'; SET extra_float_digits TO {digits}")).await?;
        let mut changed = self.changed.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if default {
            changed.remove(&key);
        } else {
            changed.insert(key, settings.clone());
        }
        Ok(())
    }
}

/// The rustls client configuration for a TLS mode (ring provider).
fn tls_config(tls: &BackendTls) -> Result<rustls::ClientConfig, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?;
    let config = match tls {
        BackendTls::VerifyFull { ca_file } => {
            let pem = std::fs::read(ca_file).map_err(|e| format!("ca_file {}: {e}", ca_file.display()))?;
            let mut roots = rustls::RootCertStore::empty();
            for certificate in rustls_pemfile::certs(&mut pem.as_slice()) {
                roots.add(certificate.map_err(|e| format!("ca_file: {e}"))?).map_err(|e| format!("ca_file: {e}"))?;
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        }
        _ => {
            builder.dangerous().with_custom_certificate_verifier(Arc::new(EncryptOnly(provider))).with_no_client_auth()
        }
    };
    Ok(config)
}

/// `tls = "require"`: encrypt, but do not check the server's certificate (as libpq's
/// `sslmode=require`); signatures are still verified so the handshake itself is sound.
#[derive(Debug)]
struct EncryptOnly(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Rewrites physical table and column names in backend error messages to the package's logical
/// ones, so a message names what the client wrote. Postgres names a relation quoted or bare
/// (`relation "s.t" does not exist`, `permission denied for table t`) and a column quoted or
/// qualified (`column "c" does not exist`, `column t.c does not exist`); each form is replaced
/// as a whole word, a bare column name only when it maps to one logical name in the version.
#[derive(Debug, Default)]
struct LogicalNames {
    /// (as the backend writes it, as the client should read it), longest first.
    pairs: Vec<(String, String)>,
}

impl LogicalNames {
    fn of(version: &PackageVersion) -> LogicalNames {
        let Source::Postgres { schema, .. } = &version.source else {
            return LogicalNames::default();
        };
        let mut pairs = Vec::new();
        let mut columns: HashMap<&str, Option<&str>> = HashMap::new();
        for table in &version.tables {
            let physical_schema = table.physical_schema.as_deref().unwrap_or(schema);
            pairs.push((format!("{physical_schema}.{}", table.physical), table.name.clone()));
            if table.physical != table.name {
                pairs.push((table.physical.clone(), table.name.clone()));
            }
            for column in &table.columns {
                if column.physical != column.name || table.physical != table.name {
                    pairs.push((
                        format!("{}.{}", table.physical, column.physical),
                        format!("{}.{}", table.name, column.name),
                    ));
                }
                let entry = columns.entry(column.physical.as_str()).or_insert(Some(column.name.as_str()));
                if *entry != Some(column.name.as_str()) {
                    *entry = None;
                }
            }
        }
        for (physical, logical) in columns {
            if let Some(logical) = logical.filter(|logical| *logical != physical) {
                pairs.push((format!("\"{physical}\""), format!("\"{logical}\"")));
            }
        }
        pairs.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        LogicalNames { pairs }
    }

    /// A backend error, with physical names in its message translated.
    fn translate(&self, mut error: ConnectorError) -> ConnectorError {
        if matches!(error.kind, ErrorKind::Backend(_)) {
            for (physical, logical) in &self.pairs {
                if error.message.contains(physical.as_str()) {
                    error.message = replace_words(&error.message, physical, logical);
                }
            }
        }
        error
    }
}

/// Replaces `from` in `text` where it is not part of a longer identifier.
fn replace_words(text: &str, from: &str, to: &str) -> String {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + from.len()..].chars().next();
        let whole = !before.is_some_and(is_word) && !after.is_some_and(is_word);
        out.push_str(&rest[..at]);
        out.push_str(if whole { to } else { from });
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

/// Maps a tokio-postgres error: backend SQLSTATEs pass through; a lost connection is 08006.
pub fn backend_error(error: tokio_postgres::Error) -> ConnectorError {
    if let Some(db) = error.as_db_error() {
        let mut message = db.message().to_string();
        if let Some(detail) = db.detail() {
            message = format!("{message} ({detail})");
        }
        return ConnectorError::new(ErrorKind::Backend(db.code().code().to_string()), message);
    }
    let mut text = error.to_string();
    if let Some(source) = std::error::Error::source(&error) {
        text = format!("{text}: {source}");
    }
    let io = std::error::Error::source(&error).is_some_and(|source| source.is::<std::io::Error>());
    if error.is_closed() || io || text.contains("connect") || text.contains("timed out") {
        return ConnectorError::new(ErrorKind::Unavailable, format!("the package's database is not reachable: {text}"));
    }
    ConnectorError::new(ErrorKind::Internal, text)
}

#[async_trait]
impl Connector for PostgresConnector {
    fn pool_status(&self) -> Option<crate::PoolStatus> {
        let status = self.pool.status();
        Some(crate::PoolStatus { open: status.size, idle: status.available, max: status.max_size })
    }

    async fn prepare(&self, query: Query<'_>) -> Result<Arc<dyn PreparedQuery>, ConnectorError> {
        let sql = query.statement.to_string();
        let client = self.client().await?;
        self.statements.bound(&client);
        let names = &self.names;
        let prepared = client.prepare_cached(&sql).await.map_err(|e| names.translate(backend_error(e)))?;
        let schema = schema_of(prepared.columns())?;
        let param_types = prepared.params().iter().map(param_type).collect();
        let param_pg_types = prepared.params().iter().map(|ty| PgType::from_oid(ty.oid())).collect();
        Ok(Arc::new(PostgresQuery {
            pool: self.pool.clone(),
            statements: self.statements.clone(),
            settings: self.settings.clone(),
            names: self.names.clone(),
            sql,
            schema,
            param_types,
            param_pg_types,
        }))
    }

    async fn run(
        &self,
        query: Query<'_>,
        settings: &QuerySettings,
    ) -> Result<(Option<Arc<dyn PreparedQuery>>, SendableRecordBatchStream), ConnectorError> {
        Ok((None, self.run_sql(&query.statement.to_string(), settings).await?))
    }

    /// One round trip: Parse, Bind, Describe, Execute and Sync of an unnamed statement are sent
    /// together, and the result's shape is read from its first row. Nothing is kept on the
    /// backend, so unique statement texts (literals inlined by the client) cost it nothing.
    async fn run_sql(&self, sql: &str, settings: &QuerySettings) -> Result<SendableRecordBatchStream, ConnectorError> {
        let client = self.client().await?;
        let no_params = std::iter::empty::<(&(dyn ToSql + Sync), Type)>();
        let names = &self.names;
        let failed = |e| names.translate(backend_error(e));
        self.settings.apply(&client, settings).await.map_err(failed)?;
        let guard = CancelOnDrop(Some(&client));
        let mut rows = Box::pin(client.query_typed_raw(sql, no_params).await.map_err(failed)?);
        let first = rows.next().await.transpose().map_err(failed)?;
        let schema = match &first {
            Some(row) => schema_of(row.columns())?,
            // tokio-postgres keeps an empty result's description to itself: ask for it again.
            None => schema_of(client.prepare(sql).await.map_err(failed)?.columns())?,
        };
        guard.disarm();
        let columns: Vec<Type> =
            first.as_ref().map(|row| row.columns().iter().map(|c| c.type_().clone()).collect()).unwrap_or_default();
        // An empty result has already ended: nothing is left to cancel.
        let done = first.is_none();
        let stream = RowBatches {
            rows,
            first,
            schema: schema.clone(),
            columns,
            armed: !done,
            done,
            names: self.names.clone(),
            _client: client,
        };
        Ok(Box::pin(RecordBatchStreamAdapter::new(schema, stream)))
    }

    async fn explain(&self, statement: &Statement, analyze: bool) -> Result<Vec<String>, ConnectorError> {
        let client = self.client().await?;
        let prefix = if analyze { "EXPLAIN ANALYZE " } else { "EXPLAIN " };
        let rows = client
            .query(&format!("{prefix}{statement}"), &[])
            .await
            .map_err(|e| self.names.translate(backend_error(e)))?;
        Ok(rows.iter().filter_map(|row| row.try_get::<_, String>(0).ok()).collect())
    }
}

struct PostgresQuery {
    pool: Pool,
    statements: Arc<StatementBound>,
    settings: Arc<ConnectionSettings>,
    names: Arc<LogicalNames>,
    sql: String,
    schema: SchemaRef,
    param_types: Vec<Option<DataType>>,
    param_pg_types: Vec<Option<PgType>>,
}

#[async_trait]
impl PreparedQuery for PostgresQuery {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    fn param_types(&self) -> &[Option<DataType>] {
        &self.param_types
    }

    fn param_pg_types(&self) -> &[Option<PgType>] {
        &self.param_pg_types
    }

    async fn execute(
        &self,
        params: Vec<ScalarValue>,
        settings: &QuerySettings,
    ) -> Result<SendableRecordBatchStream, ConnectorError> {
        let client = checkout(&self.pool).await?;
        self.statements.bound(&client);
        let failed = |e| self.names.translate(backend_error(e));
        self.settings.apply(&client, settings).await.map_err(failed)?;
        let statement = client.prepare_cached(&self.sql).await.map_err(failed)?;
        let params: Vec<Param> = params.into_iter().map(Param).collect();
        // Postgres holds BindComplete back until the statement produces output, so query_raw
        // itself can wait for the whole statement: if this future is dropped meanwhile (cancel,
        // timeout, client gone), the guard cancels the backend query.
        let guard = CancelOnDrop(Some(&client));
        let rows = client.query_raw(&statement, params.iter()).await.map_err(failed)?;
        guard.disarm();
        let columns: Vec<Type> = statement.columns().iter().map(|c| c.type_().clone()).collect();
        let stream = RowBatches {
            rows: Box::pin(rows),
            first: None,
            schema: self.schema.clone(),
            columns,
            armed: true,
            done: false,
            names: self.names.clone(),
            _client: client,
        };
        Ok(Box::pin(RecordBatchStreamAdapter::new(self.schema.clone(), stream)))
    }
}

/// Rows → Arrow batches. Holds the pooled connection until the stream ends or is dropped; a
/// drop before the end cancels the backend query first.
struct RowBatches {
    rows: Pin<Box<tokio_postgres::RowStream>>,
    /// A row already read (to learn the result's shape), delivered before the others.
    first: Option<tokio_postgres::Row>,
    schema: SchemaRef,
    columns: Vec<Type>,
    /// The backend query may still be running: dropping the stream cancels it.
    armed: bool,
    /// The row stream has ended: it must not be polled again.
    done: bool,
    names: Arc<LogicalNames>,
    _client: deadpool_postgres::Object,
}

impl Drop for RowBatches {
    fn drop(&mut self) {
        if self.armed {
            cancel_in_background(self._client.cancel_token());
        }
    }
}

/// Cancels the backend query of its connection when dropped while still armed. The cancel
/// token is made only then: it copies the connection's settings, work no finished query needs.
struct CancelOnDrop<'a>(Option<&'a deadpool_postgres::Object>);

impl CancelOnDrop<'_> {
    /// The query has answered: nothing to cancel any more.
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for CancelOnDrop<'_> {
    fn drop(&mut self) {
        if let Some(client) = self.0 {
            cancel_in_background(client.cancel_token());
        }
    }
}

fn cancel_in_background(token: tokio_postgres::CancelToken) {
    if let Ok(handle) = tokio::runtime::Handle::try_current() {
        handle.spawn(async move {
            let _ = token.cancel_query(NoTls).await;
        });
    }
}

impl Stream for RowBatches {
    type Item = datafusion::error::Result<RecordBatch>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.done {
            return Poll::Ready(None);
        }
        let mut builders: Option<Vec<Box<dyn ArrayBuilder>>> = None;
        let mut count = 0;
        loop {
            let next = match this.first.take() {
                Some(row) => Poll::Ready(Some(Ok(row))),
                None => this.rows.poll_next_unpin(cx),
            };
            match next {
                Poll::Ready(Some(Ok(row))) => {
                    let builders = builders.get_or_insert_with(|| this.columns.iter().map(builder_for).collect());
                    for (index, ty) in this.columns.iter().enumerate() {
                        let raw = row.try_get::<_, Option<RawValue>>(index).map_err(|e| external(e.to_string()))?;
                        append(builders[index].as_mut(), ty, raw.map(|r| r.0)).map_err(external)?;
                    }
                    count += 1;
                    if count == BATCH_ROWS {
                        return Poll::Ready(Some(finish(&this.schema, builders)));
                    }
                }
                Poll::Ready(Some(Err(error))) => {
                    this.armed = false;
                    this.done = true;
                    let error = this.names.translate(backend_error(error));
                    return Poll::Ready(Some(Err(datafusion::error::DataFusionError::External(Box::new(error)))));
                }
                Poll::Ready(None) => {
                    this.armed = false;
                    this.done = true;
                    return match builders.as_mut() {
                        Some(builders) if count > 0 => Poll::Ready(Some(finish(&this.schema, builders))),
                        _ => Poll::Ready(None),
                    };
                }
                Poll::Pending => {
                    return match builders.as_mut() {
                        Some(builders) if count > 0 => Poll::Ready(Some(finish(&this.schema, builders))),
                        _ => Poll::Pending,
                    };
                }
            }
        }
    }
}

fn external(message: String) -> datafusion::error::DataFusionError {
    datafusion::error::DataFusionError::External(Box::new(ConnectorError::new(ErrorKind::Internal, message)))
}

fn finish(schema: &SchemaRef, builders: &mut [Box<dyn ArrayBuilder>]) -> datafusion::error::Result<RecordBatch> {
    let columns: Vec<ArrayRef> = builders.iter_mut().map(|b| b.finish()).collect();
    Ok(RecordBatch::try_new(schema.clone(), columns)?)
}

/// The raw binary bytes of any value.
struct RawValue<'a>(&'a [u8]);

impl<'a> FromSql<'a> for RawValue<'a> {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(RawValue(raw))
    }
    fn accepts(_: &Type) -> bool {
        true
    }
}

/// The Arrow schema of a backend result, each field tagged with the Postgres type the client
/// sees; 0A000 for a column of a type packwire cannot return.
fn schema_of(columns: &[tokio_postgres::Column]) -> Result<SchemaRef, ConnectorError> {
    let fields = columns
        .iter()
        .map(|column| {
            let (data_type, pg) = arrow_for(column.type_()).ok_or_else(|| {
                ConnectorError::new(
                    ErrorKind::FeatureNotSupported,
                    format!(
                        "result column \"{}\" has type {}, which packwire cannot return yet",
                        column.name(),
                        column.type_()
                    ),
                )
            })?;
            Ok(Field::new(column.name(), data_type, true)
                .with_metadata(HashMap::from([(PG_TYPE_METADATA.to_string(), pg.to_string())])))
        })
        .collect::<Result<Vec<_>, ConnectorError>>()?;
    Ok(Arc::new(Schema::new(fields)))
}

/// Whether `ty` is an array type.
fn is_array(ty: &Type) -> bool {
    matches!(ty.kind(), Kind::Array(_))
}

/// The Arrow type a parameter of Postgres type `ty` is bound from: a supported array as a list
/// of its element's type; none for types packwire does not know.
fn param_type(ty: &Type) -> Option<DataType> {
    match ty.kind() {
        Kind::Array(element) if PgType::array_from_oid(ty.oid()).is_some() => {
            let (element_type, _) = arrow_for(element)?;
            Some(DataType::List(std::sync::Arc::new(Field::new_list_field(element_type, true))))
        }
        _ if is_array(ty) => None,
        _ => arrow_for(ty).map(|(data_type, _)| data_type),
    }
}

/// The Arrow type a Postgres result type travels as, and the Postgres type the client sees.
/// Arrays travel as their binary form, when their element is a type packwire returns as-is
/// (so the elements' OIDs inside the value are the ones the client is told).
fn arrow_for(ty: &Type) -> Option<(DataType, PgType)> {
    if is_array(ty) {
        return PgType::array_from_oid(ty.oid()).map(|array| (DataType::Binary, array));
    }
    Some(match *ty {
        Type::BOOL => (DataType::Boolean, PgType::Bool),
        Type::INT2 => (DataType::Int16, PgType::Int2),
        Type::INT4 => (DataType::Int32, PgType::Int4),
        Type::INT8 => (DataType::Int64, PgType::Int8),
        Type::OID => (DataType::Int64, PgType::Int8),
        Type::FLOAT4 => (DataType::Float32, PgType::Float4),
        Type::FLOAT8 => (DataType::Float64, PgType::Float8),
        Type::NUMERIC => (DataType::Utf8, PgType::Numeric(None)),
        Type::TEXT | Type::NAME | Type::CHAR | Type::UNKNOWN | Type::VOID => (DataType::Utf8, PgType::Text),
        Type::VARCHAR => (DataType::Utf8, PgType::Varchar(None)),
        Type::BPCHAR => (DataType::Utf8, PgType::Char(1)),
        Type::UUID => (DataType::Utf8, PgType::Uuid),
        Type::JSON => (DataType::Utf8, PgType::Json),
        Type::JSONB => (DataType::Utf8, PgType::Jsonb),
        Type::BYTEA => (DataType::Binary, PgType::Bytea),
        Type::DATE => (DataType::Date32, PgType::Date),
        Type::TIME => (DataType::Time64(TimeUnit::Microsecond), PgType::Time),
        Type::TIMESTAMP => (DataType::Timestamp(TimeUnit::Microsecond, None), PgType::Timestamp),
        Type::TIMESTAMPTZ => (DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())), PgType::Timestamptz),
        Type::INTERVAL => {
            (DataType::Interval(datafusion::arrow::datatypes::IntervalUnit::MonthDayNano), PgType::Interval)
        }
        _ => return None,
    })
}

fn builder_for(ty: &Type) -> Box<dyn ArrayBuilder> {
    match *ty {
        Type::BOOL => Box::new(BooleanBuilder::new()),
        Type::INT2 => Box::new(Int16Builder::new()),
        Type::INT4 => Box::new(Int32Builder::new()),
        Type::INT8 | Type::OID => Box::new(Int64Builder::new()),
        Type::FLOAT4 => Box::new(Float32Builder::new()),
        Type::FLOAT8 => Box::new(Float64Builder::new()),
        Type::BYTEA => Box::new(BinaryBuilder::new()),
        Type::DATE => Box::new(Date32Builder::new()),
        Type::TIME => Box::new(Time64MicrosecondBuilder::new()),
        Type::TIMESTAMP => Box::new(TimestampMicrosecondBuilder::new()),
        Type::TIMESTAMPTZ => Box::new(TimestampMicrosecondBuilder::new().with_timezone("UTC")),
        Type::INTERVAL => Box::new(IntervalMonthDayNanoBuilder::new()),
        _ if is_array(ty) => Box::new(BinaryBuilder::new()),
        _ => Box::new(StringBuilder::new()),
    }
}

macro_rules! push {
    ($builder:expr, $ty:ty, $value:expr) => {{
        let builder = $builder.as_any_mut().downcast_mut::<$ty>().ok_or("builder type mismatch")?;
        match $value {
            Some(v) => builder.append_value(v),
            None => builder.append_null(),
        }
    }};
}

fn fixed<const N: usize>(raw: &[u8]) -> Result<[u8; N], String> {
    raw.try_into().map_err(|_| format!("expected {N} bytes, got {}", raw.len()))
}

/// Postgres timestamps count from 2000-01-01, Arrow's from 1970; `±infinity` (the extreme values)
/// stay the extreme values.
fn from_pg_micros(micros: i64) -> i64 {
    match micros {
        i64::MAX | i64::MIN => micros,
        _ => micros.saturating_add(PG_EPOCH_MICROS),
    }
}

/// As [`from_pg_micros`], for dates.
fn from_pg_days(days: i32) -> i32 {
    match days {
        i32::MAX | i32::MIN => days,
        _ => days.saturating_add(PG_EPOCH_DAYS),
    }
}

/// Appends one binary value (or NULL) of Postgres type `ty` to its builder.
fn append(builder: &mut dyn ArrayBuilder, ty: &Type, raw: Option<&[u8]>) -> Result<(), String> {
    match *ty {
        Type::BOOL => push!(builder, BooleanBuilder, raw.map(|r| r.first().copied().unwrap_or(0) != 0)),
        Type::INT2 => push!(builder, Int16Builder, raw.map(|r| fixed::<2>(r).map(i16::from_be_bytes)).transpose()?),
        Type::INT4 => push!(builder, Int32Builder, raw.map(|r| fixed::<4>(r).map(i32::from_be_bytes)).transpose()?),
        Type::INT8 => push!(builder, Int64Builder, raw.map(|r| fixed::<8>(r).map(i64::from_be_bytes)).transpose()?),
        Type::OID => push!(
            builder,
            Int64Builder,
            raw.map(|r| fixed::<4>(r).map(|b| i64::from(u32::from_be_bytes(b)))).transpose()?
        ),
        Type::FLOAT4 => push!(builder, Float32Builder, raw.map(|r| fixed::<4>(r).map(f32::from_be_bytes)).transpose()?),
        Type::FLOAT8 => push!(builder, Float64Builder, raw.map(|r| fixed::<8>(r).map(f64::from_be_bytes)).transpose()?),
        Type::BYTEA => push!(builder, BinaryBuilder, raw),
        Type::DATE => push!(
            builder,
            Date32Builder,
            raw.map(|r| fixed::<4>(r).map(|b| from_pg_days(i32::from_be_bytes(b)))).transpose()?
        ),
        Type::TIME => {
            push!(builder, Time64MicrosecondBuilder, raw.map(|r| fixed::<8>(r).map(i64::from_be_bytes)).transpose()?)
        }
        Type::TIMESTAMP => push!(
            builder,
            TimestampMicrosecondBuilder,
            raw.map(|r| fixed::<8>(r).map(|b| from_pg_micros(i64::from_be_bytes(b)))).transpose()?
        ),
        Type::TIMESTAMPTZ => push!(
            builder,
            TimestampMicrosecondBuilder,
            raw.map(|r| fixed::<8>(r).map(|b| from_pg_micros(i64::from_be_bytes(b)))).transpose()?
        ),
        Type::INTERVAL => push!(
            builder,
            IntervalMonthDayNanoBuilder,
            raw.map(|r| -> Result<IntervalMonthDayNano, String> {
                let b = fixed::<16>(r)?;
                let micros = i64::from_be_bytes(b[0..8].try_into().map_err(|_| "interval")?);
                let days = i32::from_be_bytes(b[8..12].try_into().map_err(|_| "interval")?);
                let months = i32::from_be_bytes(b[12..16].try_into().map_err(|_| "interval")?);
                Ok(IntervalMonthDayNano::new(months, days, micros.saturating_mul(1000)))
            })
            .transpose()?
        ),
        Type::NUMERIC => push!(
            builder,
            StringBuilder,
            raw.map(|r| pgbinary::numeric_to_text(r).ok_or("malformed numeric from the backend")).transpose()?
        ),
        Type::UUID => push!(
            builder,
            StringBuilder,
            raw.map(|r| pgbinary::uuid_to_text(r).ok_or("malformed uuid from the backend")).transpose()?
        ),
        Type::JSONB => push!(
            builder,
            StringBuilder,
            raw.map(|r| r
                .split_first()
                .map(|(_, text)| String::from_utf8_lossy(text).into_owned())
                .unwrap_or_default())
        ),
        // Arrays stay in their binary form (checked after the scalar types, off their path).
        _ if is_array(ty) => push!(builder, BinaryBuilder, raw),
        _ => push!(builder, StringBuilder, raw.map(|r| String::from_utf8_lossy(r).into_owned())),
    }
    Ok(())
}

/// A bound parameter: an Arrow scalar written in the binary format of the statement's type.
#[derive(Debug)]
struct Param(ScalarValue);

impl ToSql for Param {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        use bytes::BufMut;
        if self.0.is_null() {
            return Ok(IsNull::Yes);
        }
        match (&self.0, ty) {
            (ScalarValue::Boolean(Some(v)), _) => out.put_u8(u8::from(*v)),
            (ScalarValue::Int16(Some(v)), _) => out.put_i16(*v),
            (ScalarValue::Int32(Some(v)), &Type::OID) => out.put_u32(u32::try_from(*v)?),
            (ScalarValue::Int32(Some(v)), _) => out.put_i32(*v),
            (ScalarValue::Int64(Some(v)), &Type::OID) => out.put_u32(u32::try_from(*v)?),
            (ScalarValue::Int64(Some(v)), _) => out.put_i64(*v),
            (ScalarValue::Float32(Some(v)), _) => out.put_f32(*v),
            (ScalarValue::Float64(Some(v)), _) => out.put_f64(*v),
            (ScalarValue::Utf8(Some(v)) | ScalarValue::LargeUtf8(Some(v)) | ScalarValue::Utf8View(Some(v)), t) => {
                match *t {
                    Type::NUMERIC => out.put_slice(&pgbinary::numeric_from_text(v).ok_or("invalid numeric")?),
                    Type::JSONB => {
                        out.put_u8(1);
                        out.put_slice(v.as_bytes());
                    }
                    Type::UUID => {
                        let hex: String = v.chars().filter(|c| *c != '-').collect();
                        if hex.len() != 32 {
                            return Err("invalid uuid".into());
                        }
                        for i in (0..32).step_by(2) {
                            out.put_u8(u8::from_str_radix(&hex[i..i + 2], 16)?);
                        }
                    }
                    _ => out.put_slice(v.as_bytes()),
                }
            }
            (ScalarValue::Binary(Some(v)), _) => out.put_slice(v),
            (ScalarValue::List(list), ty) => write_array(list.value(0), ty, out)?,
            (ScalarValue::Date32(Some(v)), _) => out.put_i32(v - PG_EPOCH_DAYS),
            (ScalarValue::Time64Microsecond(Some(v)), _) => out.put_i64(*v),
            (ScalarValue::TimestampMicrosecond(Some(v), _), _) => out.put_i64(v - PG_EPOCH_MICROS),
            (ScalarValue::IntervalMonthDayNano(Some(v)), _) => {
                out.put_i64(v.nanoseconds / 1000);
                out.put_i32(v.days);
                out.put_i32(v.months);
            }
            (other, ty) => return Err(format!("cannot bind {other:?} as {ty}").into()),
        }
        Ok(IsNull::No)
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    tokio_postgres::types::to_sql_checked!();
}

/// A one-dimensional array in Postgres' binary form: dimensions, a NULL flag, the element OID,
/// length and lower bound, then each element as its length (−1 for NULL) and binary value.
fn write_array(
    elements: datafusion::arrow::array::ArrayRef,
    ty: &Type,
    out: &mut bytes::BytesMut,
) -> Result<(), Box<dyn std::error::Error + Sync + Send>> {
    use bytes::BufMut;
    let Kind::Array(element_type) = ty.kind() else { return Err(format!("cannot bind an array as {ty}").into()) };
    let length = i32::try_from(elements.len())?;
    out.put_i32(i32::from(length > 0));
    out.put_i32(i32::from(elements.null_count() > 0));
    out.put_u32(element_type.oid());
    if length > 0 {
        out.put_i32(length);
        out.put_i32(1);
    }
    for index in 0..elements.len() {
        let element = ScalarValue::try_from_array(&elements, index)?;
        if element.is_null() {
            out.put_i32(-1);
            continue;
        }
        let at = out.len();
        out.put_i32(0);
        Param(element).to_sql(element_type, out)?;
        let size = i32::try_from(out.len() - at - 4)?;
        out[at..at + 4].copy_from_slice(&size.to_be_bytes());
    }
    Ok(())
}

/// A table found by [`introspect`]: name, description, primary key and columns
/// (name, `format_type` spelling, nullable, description).
#[derive(Debug, Clone)]
pub struct IntrospectedTable {
    pub name: String,
    pub description: Option<String>,
    pub primary_key: Vec<String>,
    pub columns: Vec<(String, String, bool, Option<String>)>,
}

/// Reads the tables (and views) of `schema` from a live database's catalog, optionally only
/// `only` of them, in name order.
pub async fn introspect(
    client: &tokio_postgres::Client,
    schema: &str,
    only: &[String],
) -> Result<Vec<IntrospectedTable>, ConnectorError> {
    let columns = client
        .query(
            "SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
                    col_description(c.oid, a.attnum), obj_description(c.oid, 'pg_class')
             FROM pg_catalog.pg_attribute a
             JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY c.relname, a.attnum",
            &[&schema],
        )
        .await
        .map_err(backend_error)?;
    let keys = client
        .query(
            "SELECT c.relname::text, a.attname::text
             FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey::int2[])
             WHERE i.indisprimary AND n.nspname = $1
             ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)",
            &[&schema],
        )
        .await
        .map_err(backend_error)?;
    let mut tables: Vec<IntrospectedTable> = Vec::new();
    for row in &columns {
        let table: String = row.get(0);
        if !only.is_empty() && !only.contains(&table) {
            continue;
        }
        if tables.last().is_none_or(|t| t.name != table) {
            tables.push(IntrospectedTable {
                name: table.clone(),
                description: row.get(5),
                primary_key: keys.iter().filter(|k| k.get::<_, String>(0) == table).map(|k| k.get(1)).collect(),
                columns: Vec::new(),
            });
        }
        if let Some(current) = tables.last_mut() {
            current.columns.push((row.get(1), row.get(2), row.get(3), row.get(4)));
        }
    }
    if let Some(missing) = only.iter().find(|name| !tables.iter().any(|t| &t.name == *name)) {
        return Err(ConnectorError::new(
            ErrorKind::Backend("42P01".into()),
            format!("table \"{schema}.{missing}\" does not exist"),
        ));
    }
    Ok(tables)
}

/// Connects one client (no pool) for tooling: introspection, checks.
pub async fn connect_once(url: &str, password: Option<&str>) -> Result<tokio_postgres::Client, ConnectorError> {
    let mut config: tokio_postgres::Config =
        url.parse().map_err(|e| ConnectorError::new(ErrorKind::Unavailable, format!("bad url: {e}")))?;
    if let Some(password) = password {
        config.password(password);
    }
    let (client, connection) = config.connect(NoTls).await.map_err(backend_error)?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(client)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_messages_name_logical_tables_and_columns() {
        let manifest = r#"
[package]
name = "shop"
version = "1.0.0"
[source]
kind = "postgres"
url = "postgres://app@db/shop"
schema = "sales"
[[tables]]
name = "orders"
physical = "orders_v2"
columns = [
  { name = "amount", type = "integer", physical = "amt" },
  { name = "id", type = "integer", physical = "key" },
]
[[tables]]
name = "customers"
columns = [{ name = "id", type = "integer" }]
"#;
        let version = PackageVersion::from_toml(manifest, std::path::Path::new("/reg/shop.toml")).unwrap();
        let names = LogicalNames::of(&version);
        let backend = |message: &str| ConnectorError::new(ErrorKind::Backend("42703".into()), message);
        let translated = names.translate(backend("column \"amt\" of relation \"sales.orders_v2\" is bad"));
        assert_eq!(translated.message, "column \"amount\" of relation \"orders\" is bad");
        assert_eq!(
            names.translate(backend("permission denied for table orders_v2")).message,
            "permission denied for table orders"
        );
        assert_eq!(
            names.translate(backend("column orders_v2.amt does not exist")).message,
            "column orders.amount does not exist"
        );
        // Parts of longer identifiers stay as they are.
        assert_eq!(names.translate(backend("relation \"orders_v22\"")).message, "relation \"orders_v22\"");
        // "key" is `id` in orders and `id` is `id` in customers: only the former renames it.
        assert_eq!(names.translate(backend("column \"key\"")).message, "column \"id\"");
        let ours = ConnectorError::new(ErrorKind::Internal, "\"amt\"");
        assert_eq!(names.translate(ours).message, "\"amt\"");
    }
}
