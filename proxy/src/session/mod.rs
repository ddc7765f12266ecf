//! A client session after startup: the simple and extended query protocols, transaction state,
//! prepared statements and portals, cancellation and statement timeouts. The statements the
//! session answers itself (SET, savepoints, SQL PREPARE/EXECUTE, cursors) are in `commands.rs`.
//!
//! Every statement goes through the same path: `rewrite::plan` (parse, validate, rewrite) → the
//! connector prepares it → rows stream from the connector into DataRows. Errors become
//! ErrorResponses; only a broken connection ends the session.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use connectors::datafusion::arrow::array::{ArrayRef, StringArray};
use connectors::datafusion::arrow::datatypes::{DataType, Field, Schema};
use connectors::datafusion::arrow::record_batch::RecordBatch;
use connectors::datafusion::execution::SendableRecordBatchStream;
use connectors::datafusion::physical_plan::stream::RecordBatchStreamAdapter;
use connectors::datafusion::scalar::ScalarValue;
use connectors::{Connector, PreparedQuery};
use futures::StreamExt;
use package::PackageVersion;
use package::PgType;
use pgwire::messages::data::{NoData, ParameterDescription};
use pgwire::messages::extendedquery::{
    Bind, BindComplete, Close, CloseComplete, Describe, Execute, Parse, ParseComplete, PortalSuspended,
};
use pgwire::messages::response::{CommandComplete, EmptyQueryResponse, ReadyForQuery, TransactionStatus};
use pgwire::messages::{PgWireBackendMessage, PgWireFrontendMessage};
use rewrite::{Planned, Rewritten, SessionCommand, SessionInfo, Target};

use crate::encode::{self, BatchEncoder, Format, OutputSettings, ResultColumn};
use crate::errors::{PgError, code};
use crate::metrics::{Reads, SessionGauge, StatementKind, UsageTally, VersionMetrics};
use crate::params;
use crate::settings::{SERVER_VERSION, Settings};
use crate::shared::CancelKey;
use crate::wire::{ClientSocket, Wire};

mod commands;

/// Transaction state, as ReadyForQuery reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Txn {
    Idle,
    Block,
    Failed,
}

/// A parsed, validated and planned statement (named or unnamed).
struct Prepared {
    kind: Kind,
    /// The type OID announced for each parameter.
    param_oids: Vec<u32>,
    /// The backend's type for each parameter (what values are converted to).
    param_types: Vec<Option<DataType>>,
}

enum Kind {
    Empty,
    Query {
        backend: Arc<dyn PreparedQuery>,
        columns: Vec<ResultColumn>,
        /// A constant `pg_sleep` in the query, checked against the timeout at every run.
        sleep_ms: u64,
        /// The package columns it reads; `None` for a catalog query.
        reads: Option<Reads>,
    },
    Explain {
        analyze: bool,
        query: Box<Rewritten>,
    },
    Session(SessionCommand),
    /// `DECLARE name CURSOR FOR query`: the query is prepared with the DECLARE, and its
    /// parameters are bound when the DECLARE is (drivers send `DECLARE … FOR … $1`).
    Declare {
        name: String,
        hold: bool,
        binary: bool,
        query: Arc<Prepared>,
    },
}

/// A bound statement, possibly part-way through its result.
struct Portal {
    statement: Arc<Prepared>,
    params: Vec<ScalarValue>,
    formats: Vec<i16>,
    state: PortalState,
    /// A `WITH HOLD` cursor: survives the end of its transaction.
    hold: bool,
}

enum PortalState {
    Ready,
    Running(Running),
    Done,
}

/// A result being streamed: the batch stream and the position inside the current batch.
struct Running {
    columns: Vec<ResultColumn>,
    stream: SendableRecordBatchStream,
    current: Option<(BatchEncoder, usize, usize)>,
    tag: &'static str,
    /// Rows and DataRow bytes sent so far (over every Execute of a portal), for the package's
    /// result limits and metrics.
    rows_total: u64,
    bytes_total: u64,
    kind: StatementKind,
    reads: Option<Reads>,
}

impl Running {
    fn new(
        columns: Vec<ResultColumn>,
        stream: SendableRecordBatchStream,
        tag: &'static str,
        kind: StatementKind,
        reads: Option<Reads>,
    ) -> Running {
        Running { columns, stream, current: None, tag, rows_total: 0, bytes_total: 0, kind, reads }
    }
}

/// What executing a statement produced.
enum Outcome {
    Rows(Running),
    Command(String),
    Empty,
    /// Already answered in full (a `FETCH` from a cursor).
    Answered,
}

/// One client session.
pub struct Session<S> {
    wire: Wire<S>,
    package: Arc<PackageVersion>,
    connector: Arc<dyn Connector>,
    target: Target,
    info: SessionInfo,
    settings: Settings,
    /// Output settings derived from `settings`; `None` after anything may have changed them.
    output: Option<Arc<OutputSettings>>,
    txn: Txn,
    statements: HashMap<String, Arc<Prepared>>,
    portals: HashMap<String, Portal>,
    /// Savepoints of the open transaction block, oldest first, with the settings they saw.
    savepoints: Vec<(String, Settings)>,
    cancel: CancelKey,
    shared: Arc<crate::shared::Shared>,
    metrics: Arc<VersionMetrics>,
    /// Columns read since the tally last merged into `metrics`.
    usage: UsageTally,
    /// When the statement being served began (its Query or Execute message).
    started: std::time::Instant,
    /// Turns true when the server drains for shutdown.
    drain: tokio::sync::watch::Receiver<bool>,
    /// True while an operator has paused this version's backend (`PAUSE`).
    paused: tokio::sync::watch::Receiver<bool>,
    _counted: SessionGauge,
}

/// What `version()` answers: a Postgres version first (drivers parse it), then packwire's.
pub fn version_string() -> String {
    format!(
        "PostgreSQL {SERVER_VERSION} (packwire {}) on {}-linux, compiled by rustc",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::ARCH
    )
}

impl<S: ClientSocket> Session<S> {
    pub fn new(
        wire: Wire<S>,
        user: String,
        package: Arc<PackageVersion>,
        connector: Arc<dyn Connector>,
        settings: Settings,
        cancel: CancelKey,
        shared: Arc<crate::shared::Shared>,
    ) -> Session<S> {
        let info = SessionInfo { database: package.id(), user, version: version_string() };
        let metrics = shared.metrics.version(&package);
        let usage = UsageTally::new(settings.get("application_name").unwrap_or_default());
        Session {
            _counted: metrics.session(),
            metrics,
            usage,
            started: std::time::Instant::now(),
            drain: shared.drain_signal(),
            paused: shared.pause_gate(&package.id()).subscribe(),
            wire,
            target: Target::for_source(&package.source),
            package,
            connector,
            info,
            settings,
            output: None,
            txn: Txn::Idle,
            statements: HashMap::new(),
            portals: HashMap::new(),
            savepoints: Vec::new(),
            cancel,
            shared,
        }
    }

    /// Serves the session until the client terminates or the connection breaks.
    pub async fn run(mut self) -> std::io::Result<()> {
        self.ready();
        self.wire.flush().await?;
        // After an error in the extended protocol, messages are skipped until Sync.
        let mut skipping = false;
        loop {
            self.wire.release_idle_buffers();
            let idle_ms = self.settings.idle_timeout_ms(self.txn != Txn::Idle);
            let waited = {
                let next = self.wire.read();
                let drain = &mut self.drain;
                tokio::select! {
                    read = within(idle_ms, next) => read,
                    // Between statements a draining server ends the session (as Postgres' fast
                    // shutdown does); a running statement finishes first.
                    _ = drain.wait_for(|draining| *draining) => Err(Interrupted::Shutdown),
                }
            };
            let read = match waited {
                Ok(read) => read,
                Err(Interrupted::IdleTimeout) => {
                    self.wire.send_error(&idle_timeout(self.txn != Txn::Idle));
                    return self.wire.flush().await;
                }
                Err(Interrupted::Shutdown) => {
                    let error =
                        PgError::fatal(code::ADMIN_SHUTDOWN, "terminating connection due to administrator command")
                            .with_hint("packwire is shutting down; reconnect to another replica or after the restart.");
                    self.wire.send_error(&error);
                    return self.wire.flush().await;
                }
            };
            let message = match read {
                Ok(Some(message)) => message,
                Ok(None) => return Ok(()),
                Err(error) => {
                    self.wire.send_error(&error);
                    return self.wire.flush().await;
                }
            };
            if skipping && !matches!(message, PgWireFrontendMessage::Sync(_) | PgWireFrontendMessage::Terminate(_)) {
                continue;
            }
            // A Query or Execute makes the session active until it is answered.
            let _active = matches!(message, PgWireFrontendMessage::Query(_) | PgWireFrontendMessage::Execute(_))
                .then(|| self.metrics.active());
            // The futures of statements are boxed: a session waiting for its next message then
            // holds only its own state, not room for the largest statement's.
            let result = match message {
                PgWireFrontendMessage::Query(query) => {
                    Box::pin(self.simple_query(&query.query)).await?;
                    continue;
                }
                PgWireFrontendMessage::Parse(parse) => Box::pin(self.parse(parse)).await,
                PgWireFrontendMessage::Bind(bind) => self.bind(bind),
                PgWireFrontendMessage::Describe(describe) => self.describe(describe),
                PgWireFrontendMessage::Execute(execute) => Box::pin(self.execute(execute)).await,
                PgWireFrontendMessage::Close(close) => {
                    self.close(close);
                    Ok(())
                }
                PgWireFrontendMessage::Flush(_) => {
                    self.wire.flush().await?;
                    Ok(())
                }
                PgWireFrontendMessage::Sync(_) => {
                    skipping = false;
                    self.sync();
                    self.wire.flush().await?;
                    Ok(())
                }
                PgWireFrontendMessage::Terminate(_) => return Ok(()),
                PgWireFrontendMessage::CopyData(_)
                | PgWireFrontendMessage::CopyDone(_)
                | PgWireFrontendMessage::CopyFail(_) => {
                    // No COPY is ever started; stray copy messages are ignored as Postgres does.
                    Ok(())
                }
                other => Err(PgError::fatal(code::PROTOCOL_VIOLATION, format!("unexpected message {other:?}"))),
            };
            if let Err(error) = result {
                let fatal = error.is_fatal();
                self.fail(&error);
                if fatal {
                    return self.wire.flush().await;
                }
                skipping = true;
                // As Postgres, the error goes out at once: a client that sent Parse and Flush
                // (asyncpg) waits for it before it sends the Sync the skipping waits for.
                self.wire.flush().await?;
            }
            self.wire.flush_if_full().await?
        }
    }

    /// Refuses statement texts over the server's `max_statement_length`.
    fn check_length(&self, text: &str) -> Result<(), PgError> {
        let limit = self.shared.front.limits.max_statement_length;
        if text.len() > limit {
            return Err(PgError::new(
                code::PROGRAM_LIMIT_EXCEEDED,
                format!("statement is too long ({} bytes; the limit is {limit})", text.len()),
            ));
        }
        Ok(())
    }

    fn ready(&mut self) {
        let status = match self.txn {
            Txn::Idle => TransactionStatus::Idle,
            Txn::Block => TransactionStatus::Transaction,
            Txn::Failed => TransactionStatus::Error,
        };
        self.wire.send(PgWireBackendMessage::ReadyForQuery(ReadyForQuery::new(status)));
    }

    /// Sends an error and marks an open transaction failed.
    fn fail(&mut self, error: &PgError) {
        tracing::info!(
            package = %self.info.database,
            user = %self.info.user,
            application = %self.usage.application(),
            sqlstate = %error.code,
            ms = self.started.elapsed().as_millis() as u64,
            error = %error.message,
            "statement failed"
        );
        self.metrics.error(&error.code);
        self.wire.send_error(error);
        if self.txn == Txn::Block {
            self.txn = Txn::Failed;
        }
    }

    /// How statements run and values are written for the current settings; computed once per
    /// change of settings.
    fn output_settings(&mut self) -> Arc<OutputSettings> {
        let settings = &self.settings;
        self.output
            .get_or_insert_with(|| {
                let (time_zone, name) = match settings.get("timezone").and_then(|tz| Some((tz.parse().ok()?, tz))) {
                    Some((time_zone, name)) => (time_zone, name.to_string()),
                    None => ("UTC".parse().expect("UTC is a valid time zone"), "UTC".to_string()),
                };
                let query =
                    connectors::QuerySettings { time_zone: name, extra_float_digits: settings.extra_float_digits() };
                Arc::new(OutputSettings {
                    extra_float_digits: settings.extra_float_digits(),
                    time_zone,
                    query,
                    statement_timeout_ms: settings.statement_timeout_ms(),
                })
            })
            .clone()
    }

    // ---- simple query protocol ----

    async fn simple_query(&mut self, text: &str) -> std::io::Result<()> {
        self.started = std::time::Instant::now();
        if let Err(error) = self.check_length(text) {
            self.fail(&error);
            return self.end_simple_query().await;
        }
        if let Some(prepared) = self.cached_statement(text, &[]) {
            self.shared.metrics.cache_hits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let outcome = match prepared {
                Ok(prepared) if !prepared.param_types.is_empty() => {
                    Err(PgError::new("42P02", "there is no parameter $1"))
                }
                Ok(prepared) => self.start(&prepared, Vec::new(), &[]).await,
                Err(error) => Err(error),
            };
            self.finish_simple_statement(outcome).await?;
            return self.end_simple_query().await;
        }
        // Only a target that keeps literals verbatim can reuse a plan for other literals.
        let fingerprint = (self.target == Target::Postgres).then(|| rewrite::fingerprint::fingerprint(text)).flatten();
        if let Some(fingerprint) = &fingerprint
            && let Some(outcome) = self.run_from_template(fingerprint).await
        {
            self.shared.metrics.cache_hits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            self.finish_simple_statement(outcome).await?;
            return self.end_simple_query().await;
        }
        self.shared.metrics.cache_misses.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        match rewrite::parse(text) {
            Err(error) => self.fail(&PgError::from(error)),
            Ok(statements) if statements.is_empty() => {
                self.wire.send(PgWireBackendMessage::EmptyQueryResponse(EmptyQueryResponse::new()));
            }
            Ok(statements)
                if statements.len() > 1
                    && let Some(error) = self.first_refusal(&statements, text) =>
            {
                self.fail(&error);
            }
            Ok(statements) => {
                let cacheable = statements.len() == 1;
                let fingerprint = fingerprint.filter(|_| cacheable);
                for statement in statements {
                    self.started = std::time::Instant::now();
                    // Boxed, as preparing in Parse: planning holds statements and plans of
                    // several KiB across awaits, room no cached run and no idle session needs.
                    let outcome =
                        Box::pin(self.run_simple_statement(statement, text, cacheable, fingerprint.as_ref())).await;
                    if !self.finish_simple_statement(outcome).await? {
                        break;
                    }
                }
            }
        }
        self.end_simple_query().await
    }

    /// The first statement of a multi-statement query string that validation refuses: such a
    /// string runs not at all, so a refused statement cannot ride behind an accepted one.
    fn first_refusal(&self, statements: &[sqlparser::ast::Statement], text: &str) -> Option<PgError> {
        statements.iter().find_map(|statement| {
            rewrite::plan(statement.clone(), text, &self.package, self.target, &self.info).err().map(PgError::from)
        })
    }

    /// Sends one simple-protocol statement's result; `Ok(false)` when it failed (the rest of
    /// the query string is skipped).
    async fn finish_simple_statement(&mut self, outcome: Result<Outcome, PgError>) -> std::io::Result<bool> {
        let result = match outcome {
            Ok(Outcome::Rows(mut running)) => {
                let description = encode::row_description(&running.columns);
                self.wire.send(PgWireBackendMessage::RowDescription(description));
                self.stream_rows(&mut running, 0).await.map(|(_, sent)| self.complete(&running, sent))
            }
            Ok(Outcome::Command(tag)) => {
                self.wire.send(PgWireBackendMessage::CommandComplete(CommandComplete::new(tag)));
                self.observe(StatementKind::Command, 0, 0, None);
                Ok(())
            }
            Ok(Outcome::Empty | Outcome::Answered) => Ok(()),
            Err(error) => Err(error),
        };
        if let Err(error) = result {
            if error.code == code::CONNECTION_FAILURE && error.is_fatal() {
                return Err(std::io::Error::other(error.message));
            }
            self.fail(&error);
            return Ok(false);
        }
        self.wire.flush_if_full().await?;
        Ok(true)
    }

    async fn end_simple_query(&mut self) -> std::io::Result<()> {
        if self.txn == Txn::Idle {
            self.portals.retain(|_, portal| portal.hold);
        }
        self.ready();
        self.wire.flush().await
    }

    /// A prepared statement from the statement cache, skipping parse, validation, rewrite and
    /// backend planning. `None` on a miss.
    fn cached_statement(&self, text: &str, client_oids: &[u32]) -> Option<Result<Prepared, PgError>> {
        let key = cache_key(text, client_oids);
        let cached = self.shared.cached(&self.info.database, &self.info.user, &key)?;
        if self.txn == Txn::Failed {
            return Some(Err(aborted_transaction()));
        }
        let kind = Kind::Query {
            backend: cached.backend.clone(),
            columns: cached.columns.clone(),
            sleep_ms: 0,
            reads: cached.reads.clone(),
        };
        Some(Ok(with_parameters(kind, cached.param_types.clone(), &cached.param_announced, client_oids)))
    }

    /// Runs a simple query from the template planned for its fingerprint, skipping parse,
    /// validation and rewrite. `None` when there is no template or the text's fixed literals
    /// differ from it.
    async fn run_from_template(
        &mut self,
        fingerprint: &rewrite::fingerprint::Fingerprint,
    ) -> Option<Result<Outcome, PgError>> {
        let template = self.shared.template(&self.info.database, &self.info.user, &fingerprint.key)?;
        let sql = template.fill(fingerprint)?;
        if self.txn == Txn::Failed {
            return Some(Err(aborted_transaction()));
        }
        if let Err(error) = self.wait_while_paused().await {
            return Some(Err(error));
        }
        let connector = self.connector.clone();
        let settings = self.output_settings();
        let outcome = async {
            let stream = self.cancellable(connector.run_sql(&sql, &settings.query)).await??;
            let columns = encode::describe(&template.columns, &stream.schema())?;
            let reads = Some(Reads(template.columns_read.clone()));
            Ok(Outcome::Rows(Running::new(columns, stream, "SELECT", StatementKind::Query, reads)))
        };
        Some(outcome.await)
    }

    /// Plans and runs one statement of a simple query. A query goes to the connector in one
    /// step (for Postgres: one round trip, nothing prepared); it is cached when the connector
    /// hands back a prepared form.
    async fn run_simple_statement(
        &mut self,
        statement: sqlparser::ast::Statement,
        text: &str,
        cacheable: bool,
        fingerprint: Option<&rewrite::fingerprint::Fingerprint>,
    ) -> Result<Outcome, PgError> {
        let opaque = fingerprint.map(|_| rewrite::fingerprint::opaque_literals(&statement));
        let kind = match self.plan(statement, text, &[])? {
            Planned::Query(query) => {
                // A sleep is checked against the timeout at every run: never reuse its plan.
                let cacheable = cacheable && query.sleep_ms == 0;
                if cacheable
                    && let (Some(fingerprint), Some(opaque)) = (fingerprint, &opaque)
                    && let Some(template) =
                        rewrite::fingerprint::Template::build(opaque, &query, fingerprint, self.target)
                {
                    let (database, user) = (&self.info.database, &self.info.user);
                    self.shared.remember_template(database, user, &fingerprint.key, Arc::new(template));
                }
                self.wait_while_paused().await?;
                let connector = self.connector.clone();
                let settings = self.output_settings();
                let (backend, stream) =
                    self.cancellable(connector.run(backend_query(&query), &settings.query)).await??;
                let columns = encode::describe(&query.columns, &stream.schema())?;
                let reads = Some(Reads(query.columns_read.clone()));
                if let Some(backend) = backend
                    && cacheable
                {
                    let announced = announced_types(backend.param_pg_types(), &query.param_casts);
                    self.cache(text, backend, &columns, reads.clone(), &announced);
                }
                return Ok(Outcome::Rows(Running::new(columns, stream, "SELECT", StatementKind::Query, reads)));
            }
            Planned::Explain { analyze, query } => Kind::Explain { analyze, query: Box::new(query) },
            Planned::Session(SessionCommand::Fetch { name, count }) => {
                self.fetch(&name, count, None).await?;
                return Ok(Outcome::Answered);
            }
            Planned::Session(SessionCommand::DeclareCursor { name, query, hold, binary }) => {
                let (kind, _) = self.prepare_cursor(name, *query, hold, binary, &[]).await?;
                kind
            }
            Planned::Session(command) => Kind::Session(command),
            Planned::Catalog { statement, param_casts } => {
                let (backend, columns) = self.prepare_catalog(&statement, text, cacheable, &param_casts).await?;
                let param_types = backend.param_types().to_vec();
                return self
                    .start(
                        &with_parameters(
                            Kind::Query { backend, columns, sleep_ms: 0, reads: None },
                            param_types,
                            &[],
                            &[],
                        ),
                        Vec::new(),
                        &[],
                    )
                    .await;
            }
        };
        self.start(&with_parameters(kind, Vec::new(), &[], &[]), Vec::new(), &[]).await
    }

    // ---- planning ----

    /// Validates and rewrites one parsed statement (refused in a failed
    /// transaction unless it ends it).
    /// `declared`: the parameter types the client declared in Parse (see [`declared_types`]).
    fn plan(
        &self,
        statement: sqlparser::ast::Statement,
        text: &str,
        declared: &[Option<PgType>],
    ) -> Result<Planned, PgError> {
        if self.txn == Txn::Failed && !ends_transaction(&statement) {
            return Err(aborted_transaction());
        }
        let planned = rewrite::plan_declared(statement, text, &self.package, self.target, &self.info, declared)?;
        if let Planned::Query(query) | Planned::Explain { query, .. } = &planned {
            self.check_sleep(query.sleep_ms)?;
        }
        Ok(planned)
    }

    /// Waits while an operator has paused this version's backend (`PAUSE` in the admin
    /// console); a cancel or the statement timeout ends the wait.
    async fn wait_while_paused(&mut self) -> Result<(), PgError> {
        if !*self.paused.borrow() {
            return Ok(());
        }
        let mut gate = self.paused.clone();
        self.cancellable(async move {
            let _ = gate.wait_for(|paused| !*paused).await;
        })
        .await
    }

    /// Refuses a `pg_sleep` that could outlast the statement timeout (or any, without one): a
    /// sleeping statement holds a pooled backend connection.
    fn check_sleep(&self, sleep_ms: u64) -> Result<(), PgError> {
        let timeout_ms = self.settings.statement_timeout_ms();
        if sleep_ms > 0 && (timeout_ms == 0 || sleep_ms > timeout_ms) {
            return Err(PgError::new(
                code::INSUFFICIENT_PRIVILEGE,
                format!("pg_sleep of {sleep_ms} ms would outlast the statement timeout ({timeout_ms} ms)"),
            )
            .with_hint("Set statement_timeout to at least the sleep, or do not sleep."));
        }
        Ok(())
    }

    fn cache(
        &self,
        text: &str,
        backend: Arc<dyn PreparedQuery>,
        columns: &[ResultColumn],
        reads: Option<Reads>,
        param_announced: &[Option<PgType>],
    ) {
        let cached = crate::shared::CachedQuery {
            param_types: backend.param_types().to_vec(),
            param_announced: param_announced.to_vec(),
            backend,
            columns: columns.to_vec(),
            reads,
        };
        self.shared.cache(&self.info.database, &self.info.user, text, Arc::new(cached));
    }

    /// Plans one statement and, for queries, prepares it on the backend.
    async fn prepare_statement(
        &mut self,
        statement: sqlparser::ast::Statement,
        text: &str,
        client_oids: &[u32],
        cacheable: bool,
    ) -> Result<Prepared, PgError> {
        let mut announced = Vec::new();
        let declared = declared_types(client_oids);
        // The plan depends on the declared types: they are part of its cache key.
        let key = cache_key(text, client_oids);
        let (kind, param_types) = match self.plan(statement, text, &declared)? {
            Planned::Query(query) => {
                let backend = self.connector.prepare(backend_query(&query)).await?;
                let columns = encode::describe(&query.columns, &backend.schema())?;
                let param_types = backend.param_types().to_vec();
                let reads = Some(Reads(query.columns_read.clone()));
                announced = announced_types(backend.param_pg_types(), &query.param_casts);
                if cacheable && query.sleep_ms == 0 {
                    self.cache(&key, backend.clone(), &columns, reads.clone(), &announced);
                }
                (Kind::Query { backend, columns, sleep_ms: query.sleep_ms, reads }, param_types)
            }
            Planned::Explain { analyze, query } => (Kind::Explain { analyze, query: Box::new(query) }, Vec::new()),
            Planned::Session(SessionCommand::DeclareCursor { name, query, hold, binary }) => {
                self.prepare_cursor(name, *query, hold, binary, client_oids).await?
            }
            Planned::Session(command) => (Kind::Session(command), Vec::new()),
            Planned::Catalog { statement, param_casts } => {
                let (backend, columns) = self.prepare_catalog(&statement, &key, cacheable, &param_casts).await?;
                let param_types = backend.param_types().to_vec();
                announced = param_casts;
                (Kind::Query { backend, columns, sleep_ms: 0, reads: None }, param_types)
            }
        };
        Ok(with_parameters(kind, param_types, &announced, client_oids))
    }

    /// Prepares a catalog query on the version's catalog engine (never the backend), cached
    /// under `key` (its text, see [`cache_key`]); `announced`: its parameters' types, cached
    /// with it.
    async fn prepare_catalog(
        &mut self,
        statement: &sqlparser::ast::Statement,
        key: &str,
        cacheable: bool,
        announced: &[Option<PgType>],
    ) -> Result<(Arc<dyn PreparedQuery>, Vec<ResultColumn>), PgError> {
        rewrite::catalog::check_relations(statement, crate::catalog::has_relation)?;
        let catalog = self.shared.catalog(&self.package, &self.info.user)?;
        let mut statement = statement.clone();
        let own = {
            let settings = &self.settings;
            let session = rewrite::catalog::SessionValues {
                lookup: &|name| settings.get(name),
                all: &|| settings.all(),
                pid: self.cancel.pid,
            };
            rewrite::catalog::inline_session_values(&mut statement, &session)?
        };
        let backend = catalog.prepare((&statement).into()).await?;
        let mut columns = encode::describe_schema(&backend.schema());
        for column in &mut columns {
            column.name = rewrite::catalog::result_name(&column.name).to_string();
        }
        if cacheable && !own {
            self.cache(key, backend.clone(), &columns, None, announced);
        }
        Ok((backend, columns))
    }

    /// Starts executing a prepared statement with bound values.
    async fn start(
        &mut self,
        prepared: &Prepared,
        params: Vec<ScalarValue>,
        formats: &[i16],
    ) -> Result<Outcome, PgError> {
        match &prepared.kind {
            Kind::Empty => Ok(Outcome::Empty),
            Kind::Query { backend, columns, sleep_ms, reads } => {
                // The session may have changed its timeout since the statement was prepared.
                self.check_sleep(*sleep_ms)?;
                if reads.is_some() {
                    self.wait_while_paused().await?;
                }
                let columns = encode::with_formats(columns, formats)?;
                let settings = self.output_settings();
                let stream = self.cancellable(backend.execute(params, &settings.query)).await??;
                let kind = if reads.is_some() { StatementKind::Query } else { StatementKind::Catalog };
                Ok(Outcome::Rows(Running::new(columns, stream, "SELECT", kind, reads.clone())))
            }
            Kind::Explain { analyze, query } => {
                let mut lines = vec![
                    format!("packwire: {} served by {}", self.package.id(), self.package.source.kind()),
                    format!("backend statement: {}", query.sql),
                ];
                let connector = self.connector.clone();
                let plan = self.cancellable(connector.explain(&query.statement, *analyze)).await??;
                lines.extend(plan);
                let columns = encode::with_formats(&encode::text_columns(&["QUERY PLAN"]), formats)?;
                let rows: Vec<Vec<String>> = lines.into_iter().map(|l| vec![l]).collect();
                Ok(Outcome::Rows(Running::new(
                    columns,
                    text_stream(&["QUERY PLAN"], rows)?,
                    "EXPLAIN",
                    StatementKind::Command,
                    None,
                )))
            }
            Kind::Declare { name, hold, binary, query } => {
                if self.txn == Txn::Idle && !hold {
                    return Err(PgError::new(
                        code::NO_ACTIVE_SQL_TRANSACTION,
                        "DECLARE CURSOR can only be used in transaction blocks",
                    ));
                }
                if self.portals.contains_key(name) {
                    return Err(PgError::new(code::DUPLICATE_CURSOR, format!("cursor \"{name}\" already exists")));
                }
                let formats = if *binary { vec![1] } else { Vec::new() };
                let portal =
                    Portal { statement: query.clone(), params, formats, state: PortalState::Ready, hold: *hold };
                self.portals.insert(name.clone(), portal);
                Ok(Outcome::Command("DECLARE CURSOR".into()))
            }
            // Boxed: EXECUTE and FETCH start statements themselves.
            Kind::Session(command) => Box::pin(self.session_command(command.clone(), formats)).await,
        }
    }

    /// Runs `future` unless the client cancels it or the statement timeout expires first.
    async fn cancellable<T>(&mut self, future: impl std::future::Future<Output = T>) -> Result<T, PgError> {
        let timeout_ms = self.output_settings().statement_timeout_ms;
        self.cancel.signal.borrow_and_update();
        let signal = &mut self.cancel.signal;
        let wire = &self.wire;
        tokio::select! {
            value = future => Ok(value),
            _ = signal.changed() => Err(canceled_by_user()),
            _ = sleep_ms(timeout_ms) => Err(canceled_by_timeout()),
            _ = wire.closed() => Err(client_gone()),
        }
    }

    /// Streams rows of a running result: up to `max_rows` (0 = all). Returns whether the result
    /// is exhausted and how many rows were sent; the caller sends what ends the batch
    /// (CommandComplete, PortalSuspended).
    async fn stream_rows(&mut self, running: &mut Running, max_rows: usize) -> Result<(bool, usize), PgError> {
        let output = self.output_settings();
        let deadline = match output.statement_timeout_ms {
            0 => None,
            ms => Some(tokio::time::Instant::now() + Duration::from_millis(ms)),
        };
        self.cancel.signal.borrow_and_update();
        let limits = self.package.result_limits;
        let mut sent = 0usize;
        loop {
            if let Some((encoder, rows, next)) = &mut running.current {
                while *next < *rows {
                    if max_rows > 0 && sent == max_rows {
                        return Ok((false, sent));
                    }
                    if limits.max_rows > 0 && running.rows_total == limits.max_rows {
                        return Err(result_too_large(&self.info.database, "max_rows", limits.max_rows));
                    }
                    let before = self.wire.buffer().len();
                    encoder.encode_row(*next, self.wire.buffer())?;
                    running.rows_total += 1;
                    running.bytes_total += (self.wire.buffer().len() - before) as u64;
                    if limits.max_bytes > 0 && running.bytes_total > limits.max_bytes {
                        // The row that crossed the limit is not sent.
                        self.wire.buffer().truncate(before);
                        return Err(result_too_large(&self.info.database, "max_result_bytes", limits.max_bytes));
                    }
                    *next += 1;
                    sent += 1;
                    if let Err(error) = self.wire.flush_if_full().await {
                        return Err(PgError::fatal(code::CONNECTION_FAILURE, error.to_string()));
                    }
                }
                running.current = None;
            }
            let signal = &mut self.cancel.signal;
            let wire = &self.wire;
            let next = tokio::select! {
                batch = running.stream.next() => batch,
                _ = signal.changed() => return Err(canceled_by_user()),
                _ = sleep_until(deadline) => return Err(canceled_by_timeout()),
                // Dropping the stream cancels the backend query.
                _ = wire.closed() => return Err(client_gone()),
            };
            match next {
                None => break,
                Some(Err(error)) => return Err(PgError::from(connectors::ConnectorError::from(error))),
                Some(Ok(batch)) => {
                    if batch.num_rows() > 0 {
                        let encoder = BatchEncoder::new(&batch, &running.columns, output.clone())?;
                        running.current = Some((encoder, batch.num_rows(), 0));
                    }
                }
            }
        }
        Ok((true, sent))
    }

    /// The CommandComplete of a finished result.
    /// Ends a result with its CommandComplete and records the statement.
    fn complete(&mut self, running: &Running, sent: usize) {
        let tag = if running.tag == "SELECT" { format!("SELECT {sent}") } else { running.tag.to_string() };
        self.wire.send(PgWireBackendMessage::CommandComplete(CommandComplete::new(tag)));
        self.observe(running.kind, running.rows_total, running.bytes_total, running.reads.as_ref());
    }

    /// Records a statement that completed: metrics, usage, and the slow-statement log.
    fn observe(&mut self, kind: StatementKind, rows: u64, bytes: u64, reads: Option<&Reads>) {
        let elapsed = self.started.elapsed();
        self.metrics.record(kind, elapsed, rows, bytes);
        if let Some(reads) = reads {
            self.usage.count(reads, &self.metrics);
        }
        let slow = self.shared.front.limits.slow_statement;
        if !slow.is_zero() && elapsed >= slow {
            // What was read, never the statement's literals or its rows.
            let tables: std::collections::BTreeSet<&str> =
                reads.iter().flat_map(|r| r.0.iter().map(|(table, _)| table.as_str())).collect();
            tracing::warn!(
                package = %self.info.database,
                user = %self.info.user,
                application = %self.usage.application(),
                kind = kind.as_str(),
                ms = elapsed.as_millis() as u64,
                rows,
                bytes,
                tables = ?tables,
                "slow statement"
            );
        }
    }

    // ---- extended query protocol ----

    async fn parse(&mut self, parse: Parse) -> Result<(), PgError> {
        self.check_length(&parse.query)?;
        let name = parse.name.unwrap_or_default();
        if !name.is_empty() && self.statements.contains_key(&name) {
            return Err(PgError::new(
                code::DUPLICATE_PREPARED_STATEMENT,
                format!("prepared statement \"{name}\" already exists"),
            ));
        }
        if let Some(prepared) = self.cached_statement(&parse.query, &parse.type_oids) {
            self.shared.metrics.cache_hits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            self.statements.insert(name, Arc::new(prepared?));
            self.wire.send(PgWireBackendMessage::ParseComplete(ParseComplete::new()));
            return Ok(());
        }
        self.shared.metrics.cache_misses.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut statements = rewrite::parse(&parse.query)?;
        let prepared = match statements.len() {
            0 => Prepared {
                kind: Kind::Empty,
                param_oids: parse.type_oids.clone(),
                param_types: vec![None; parse.type_oids.len()],
            },
            1 => Box::pin(self.prepare_statement(statements.remove(0), &parse.query, &parse.type_oids, true)).await?,
            _ => {
                return Err(PgError::new(
                    code::SYNTAX_ERROR,
                    "cannot insert multiple commands into a prepared statement",
                ));
            }
        };
        self.statements.insert(name, Arc::new(prepared));
        self.wire.send(PgWireBackendMessage::ParseComplete(ParseComplete::new()));
        Ok(())
    }

    fn bind(&mut self, bind: Bind) -> Result<(), PgError> {
        let statement_name = bind.statement_name.unwrap_or_default();
        let statement = self.statements.get(&statement_name).cloned().ok_or_else(|| {
            PgError::new(
                code::INVALID_SQL_STATEMENT_NAME,
                format!("prepared statement \"{statement_name}\" does not exist"),
            )
        })?;
        if bind.parameters.len() != statement.param_oids.len() {
            return Err(PgError::new(
                code::PROTOCOL_VIOLATION,
                format!(
                    "bind message supplies {} parameters, but prepared statement \"{statement_name}\" requires {}",
                    bind.parameters.len(),
                    statement.param_oids.len()
                ),
            ));
        }
        if bind.parameter_format_codes.len() > 1 && bind.parameter_format_codes.len() != bind.parameters.len() {
            return Err(PgError::new(code::PROTOCOL_VIOLATION, "bind message has a wrong number of parameter formats"));
        }
        let params = bind
            .parameters
            .iter()
            .enumerate()
            .map(|(i, value)| {
                let format = Format::pick(&bind.parameter_format_codes, i)?;
                params::decode(i, value.as_deref(), format, statement.param_oids[i], statement.param_types[i].as_ref())
            })
            .collect::<Result<Vec<_>, _>>()?;
        if let Kind::Query { columns, .. } = &statement.kind {
            encode::check_formats(columns.len(), &bind.result_column_format_codes)?;
        }
        let portal_name = bind.portal_name.unwrap_or_default();
        self.portals.insert(
            portal_name,
            Portal {
                statement,
                params,
                formats: bind.result_column_format_codes,
                state: PortalState::Ready,
                hold: false,
            },
        );
        self.wire.send(PgWireBackendMessage::BindComplete(BindComplete::new()));
        Ok(())
    }

    fn describe(&mut self, describe: Describe) -> Result<(), PgError> {
        let name = describe.name.unwrap_or_default();
        let (statement, formats, describe_params) = if describe.target_type == b'S' {
            let statement = self.statements.get(&name).cloned().ok_or_else(|| {
                PgError::new(code::INVALID_SQL_STATEMENT_NAME, format!("prepared statement \"{name}\" does not exist"))
            })?;
            (statement, Vec::new(), true)
        } else {
            let portal = self
                .portals
                .get(&name)
                .ok_or_else(|| PgError::new(code::INVALID_CURSOR_NAME, format!("portal \"{name}\" does not exist")))?;
            (portal.statement.clone(), portal.formats.clone(), false)
        };
        if describe_params {
            self.wire.send(PgWireBackendMessage::ParameterDescription(ParameterDescription::new(
                statement.param_oids.clone(),
            )));
        }
        let columns = match &statement.kind {
            Kind::Query { columns, .. } => Some(encode::with_formats(columns, &formats)?),
            Kind::Explain { .. } => Some(encode::with_formats(&encode::text_columns(&["QUERY PLAN"]), &formats)?),
            Kind::Session(SessionCommand::Show { name }) => {
                let names = if name == "all" {
                    vec!["name".to_string(), "setting".to_string(), "description".to_string()]
                } else {
                    vec![Settings::display_name(name)]
                };
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                Some(encode::with_formats(&encode::text_columns(&names), &formats)?)
            }
            // A FETCH describes as the rows of its cursor (psycopg's binary server cursors ask).
            Kind::Session(SessionCommand::Fetch { name, .. }) => match self.portals.get(name) {
                Some(Portal { statement, .. }) => match &statement.kind {
                    Kind::Query { columns, .. } => Some(encode::with_formats(columns, &formats)?),
                    _ => None,
                },
                None => None,
            },
            Kind::Session(SessionCommand::SetConfig { .. }) => {
                Some(encode::with_formats(&encode::text_columns(&["set_config"]), &formats)?)
            }
            Kind::Session(_) | Kind::Declare { .. } | Kind::Empty => None,
        };
        match columns {
            Some(columns) => self.wire.send(PgWireBackendMessage::RowDescription(encode::row_description(&columns))),
            None => self.wire.send(PgWireBackendMessage::NoData(NoData::new())),
        }
        Ok(())
    }

    async fn execute(&mut self, execute: Execute) -> Result<(), PgError> {
        self.started = std::time::Instant::now();
        let name = execute.name.unwrap_or_default();
        let max_rows = usize::try_from(execute.max_rows).unwrap_or(0);
        let mut portal = self
            .portals
            .remove(&name)
            .ok_or_else(|| PgError::new(code::INVALID_CURSOR_NAME, format!("portal \"{name}\" does not exist")))?;
        let result = self.run_portal(&mut portal, max_rows).await;
        // A portal survives until Sync/Close/transaction end, even after an error or completion.
        if result.is_err() {
            portal.state = PortalState::Done;
        }
        self.portals.insert(name, portal);
        result
    }

    async fn run_portal(&mut self, portal: &mut Portal, max_rows: usize) -> Result<(), PgError> {
        if matches!(portal.state, PortalState::Ready) {
            if self.txn == Txn::Failed
                && !matches!(portal.statement.kind, Kind::Session(SessionCommand::Commit | SessionCommand::Rollback))
            {
                return Err(aborted_transaction());
            }
            let statement = portal.statement.clone();
            let params = std::mem::take(&mut portal.params);
            match self.start(&statement, params, &portal.formats).await? {
                Outcome::Rows(running) => portal.state = PortalState::Running(running),
                Outcome::Command(tag) => {
                    self.wire.send(PgWireBackendMessage::CommandComplete(CommandComplete::new(tag)));
                    self.observe(StatementKind::Command, 0, 0, None);
                    portal.state = PortalState::Done;
                    return Ok(());
                }
                Outcome::Empty => {
                    self.wire.send(PgWireBackendMessage::EmptyQueryResponse(EmptyQueryResponse::new()));
                    portal.state = PortalState::Done;
                    return Ok(());
                }
                Outcome::Answered => {
                    portal.state = PortalState::Done;
                    return Ok(());
                }
            }
        }
        match &mut portal.state {
            PortalState::Running(running) => {
                let (done, sent) = self.stream_rows(running, max_rows).await?;
                if done {
                    self.complete(running, sent);
                    portal.state = PortalState::Done;
                } else {
                    self.wire.send(PgWireBackendMessage::PortalSuspended(PortalSuspended::new()));
                }
                Ok(())
            }
            PortalState::Done => {
                // Postgres answers a re-executed, exhausted portal with an empty completion.
                let tag = match &portal.statement.kind {
                    Kind::Query { .. } => "SELECT 0",
                    _ => "",
                };
                self.wire.send(PgWireBackendMessage::CommandComplete(CommandComplete::new(tag.to_string())));
                Ok(())
            }
            PortalState::Ready => Ok(()),
        }
    }

    fn close(&mut self, close: Close) {
        let name = close.name.unwrap_or_default();
        if close.target_type == b'S' {
            self.statements.remove(&name);
        } else {
            self.portals.remove(&name);
        }
        self.wire.send(PgWireBackendMessage::CloseComplete(CloseComplete::new()));
    }

    fn sync(&mut self) {
        // Outside a transaction block, Sync ends the implicit transaction and its portals.
        if self.txn == Txn::Idle {
            self.portals.retain(|_, portal| portal.hold);
        }
        self.ready();
    }
}

impl<S> Drop for Session<S> {
    fn drop(&mut self) {
        self.usage.merge(&self.metrics);
    }
}

/// The Postgres type each parameter is announced as where one is known: the backend's own (a
/// Postgres source infers as Postgres does), else the type the statement casts it to (`$1::int`:
/// Postgres gives the parameter the cast's type, and the embedded engine infers none).
fn announced_types(backend: &[Option<PgType>], casts: &[Option<PgType>]) -> Vec<Option<PgType>> {
    (0..backend.len().max(casts.len()))
        .map(|i| backend.get(i).copied().flatten().or_else(|| casts.get(i).copied().flatten()))
        .collect()
}

/// A prepared statement with its parameters, as many as the backend found or the client
/// declared: the type each is announced as (ParameterDescription) and the Arrow type its value
/// is decoded to for the backend. The client's declared type wins, then
/// the `announced` type (see [`announced_types`]), then the one the backend's Arrow type names,
/// else text. Drivers that send binary values (asyncpg) encode by the announced type.
fn with_parameters(
    kind: Kind,
    backend_types: Vec<Option<DataType>>,
    announced: &[Option<PgType>],
    client_oids: &[u32],
) -> Prepared {
    let count = backend_types.len().max(client_oids.len());
    let param_types: Vec<Option<DataType>> = (0..count).map(|i| backend_types.get(i).cloned().flatten()).collect();
    let param_oids = (0..count)
        .map(|i| match (client_oids.get(i).copied().unwrap_or(0), announced.get(i).copied().flatten()) {
            (0, Some(ty)) => ty.oid(),
            (client_oid, _) => params::announced_type(client_oid, param_types[i].as_ref()),
        })
        .collect();
    Prepared { kind, param_oids, param_types }
}

/// The parameter types a client declared in Parse that a statement is planned with: every
/// known scalar type (an OID of 0 or `unknown` leaves the type open). Array parameters are
/// typed by the values bound to them (see `params`), so their declared types are left out.
fn declared_types(client_oids: &[u32]) -> Vec<Option<PgType>> {
    client_oids.iter().map(|&oid| declared_type(oid)).collect()
}

/// The type one declared OID plans its parameter with (see [`declared_types`]).
fn declared_type(oid: u32) -> Option<PgType> {
    const UNKNOWN: u32 = 705;
    PgType::from_oid(oid).filter(|ty| oid != UNKNOWN && !matches!(ty, PgType::Array(_)))
}

/// The statement-cache key of a statement text planned with the client's declared parameter
/// types: the text itself when none is declared (no allocation on the lookup of every Parse),
/// else the text with the declared types' OIDs after a NUL (which no statement text contains).
fn cache_key<'a>(text: &'a str, client_oids: &[u32]) -> std::borrow::Cow<'a, str> {
    if client_oids.iter().all(|&oid| declared_type(oid).is_none()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let oids: Vec<String> =
        client_oids.iter().map(|&oid| declared_type(oid).map_or(0, |ty| ty.oid()).to_string()).collect();
    std::borrow::Cow::Owned(format!("{text}\0{}", oids.join(",")))
}

/// Whether a statement may run in a failed transaction (it ends it).
fn ends_transaction(statement: &sqlparser::ast::Statement) -> bool {
    matches!(statement, sqlparser::ast::Statement::Commit { .. } | sqlparser::ast::Statement::Rollback { .. })
}

/// 25P02: statements other than the one ending it are refused in a failed transaction.
fn aborted_transaction() -> PgError {
    PgError::new(
        code::IN_FAILED_SQL_TRANSACTION,
        "current transaction is aborted, commands ignored until end of transaction block",
    )
}

fn canceled_by_user() -> PgError {
    PgError::new(code::QUERY_CANCELED, "canceling statement due to user request")
}

/// The client went away while its statement ran: ends the session (the stream is dropped,
/// which cancels the backend query).
fn client_gone() -> PgError {
    PgError::fatal(code::CONNECTION_FAILURE, "the client closed the connection")
}

/// A result over one of the package version's limits: an error, so no client mistakes the rows
/// it already got for the whole answer.
fn result_too_large(package: &str, limit: &str, value: u64) -> PgError {
    PgError::new(code::PROGRAM_LIMIT_EXCEEDED, format!("the result exceeds {limit} = {value} of package {package}"))
        .with_hint("Narrow the query (WHERE, LIMIT) or fetch it in pages with a cursor.")
}

/// Why a session stopped waiting for its client's next message.
enum Interrupted {
    IdleTimeout,
    Shutdown,
}

/// `future`, unless `ms` (0 = forever) pass first.
async fn within<T>(ms: u64, future: impl std::future::Future<Output = T>) -> Result<T, Interrupted> {
    if ms == 0 {
        return Ok(future.await);
    }
    tokio::time::timeout(Duration::from_millis(ms), future).await.map_err(|_| Interrupted::IdleTimeout)
}

/// The FATAL error of a session that waited too long for its client.
fn idle_timeout(in_transaction: bool) -> PgError {
    if in_transaction {
        PgError::fatal(code::IDLE_IN_TRANSACTION_TIMEOUT, "terminating connection due to idle-in-transaction timeout")
    } else {
        PgError::fatal(code::IDLE_SESSION_TIMEOUT, "terminating connection due to idle-session timeout")
    }
}

fn canceled_by_timeout() -> PgError {
    PgError::new(code::QUERY_CANCELED, "canceling statement due to statement timeout")
}

async fn sleep_ms(ms: u64) {
    if ms == 0 {
        std::future::pending::<()>().await;
    }
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

async fn sleep_until(deadline: Option<tokio::time::Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending::<()>().await,
    }
}

/// A one-batch stream of text rows (SHOW, EXPLAIN).
fn text_stream(names: &[&str], rows: Vec<Vec<String>>) -> Result<SendableRecordBatchStream, PgError> {
    let schema = Arc::new(Schema::new(names.iter().map(|n| Field::new(*n, DataType::Utf8, true)).collect::<Vec<_>>()));
    let columns: Vec<ArrayRef> = (0..names.len())
        .map(|i| Arc::new(rows.iter().map(|r| r.get(i).cloned()).collect::<StringArray>()) as ArrayRef)
        .collect();
    let batch =
        RecordBatch::try_new(schema.clone(), columns).map_err(|e| PgError::new(code::INTERNAL_ERROR, e.to_string()))?;
    Ok(Box::pin(RecordBatchStreamAdapter::new(schema, futures::stream::iter(vec![Ok(batch)]))))
}

/// What a connector is given of a rewritten query.
pub(crate) fn backend_query(query: &rewrite::Rewritten) -> connectors::Query<'_> {
    connectors::Query { statement: &query.statement, typing: query.typing.as_ref() }
}
