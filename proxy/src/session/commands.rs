//! The statements a session answers itself: SET/SHOW/RESET, transactions and savepoints,
//! `set_config`, and SQL-level prepared statements and cursors (`PREPARE`/`EXECUTE`/`DEALLOCATE`
//! on the protocol's named statements, `DECLARE`/`FETCH`/`CLOSE` on its portals).

use std::sync::Arc;

use connectors::datafusion::arrow::datatypes::DataType;
use pgwire::messages::PgWireBackendMessage;
use pgwire::messages::response::CommandComplete;
use pgwire::messages::startup::ParameterStatus;
use rewrite::SessionCommand;

use super::{Kind, Outcome, Portal, PortalState, Prepared, Running, Session, Txn, text_stream};
use crate::encode::{self, Format};
use crate::errors::{PgError, code};
use crate::metrics::StatementKind;
use crate::params;
use crate::settings::Settings;
use crate::wire::ClientSocket;

impl<S: ClientSocket> Session<S> {
    /// Prepares the query of `DECLARE name CURSOR FOR query`; the cursor's parameters are its.
    pub(super) async fn prepare_cursor(
        &mut self,
        name: String,
        query: sqlparser::ast::Statement,
        hold: bool,
        binary: bool,
        client_oids: &[u32],
    ) -> Result<(Kind, Vec<Option<DataType>>), PgError> {
        let text = query.to_string();
        // Boxed: a prepared statement's query may itself be planned here.
        let query = Box::pin(self.prepare_statement(query, &text, client_oids, true)).await?;
        if !matches!(query.kind, Kind::Query { .. }) {
            return Err(PgError::new(code::SYNTAX_ERROR, "DECLARE CURSOR can only be used with a query"));
        }
        let param_types = query.param_types.clone();
        Ok((Kind::Declare { name, hold, binary, query: Arc::new(query) }, param_types))
    }

    /// A named prepared statement (26000 when there is none).
    pub(super) fn named_statement(&self, name: &str) -> Result<Arc<Prepared>, PgError> {
        self.statements.get(name).cloned().ok_or_else(|| {
            PgError::new(code::INVALID_SQL_STATEMENT_NAME, format!("prepared statement \"{name}\" does not exist"))
        })
    }

    /// `FETCH count FROM name`: up to `count` rows (all when `None`) of a cursor, then
    /// `FETCH n`. `bound` is the extended protocol's result formats of the FETCH itself, which
    /// the rows take (the client described the cursor); the simple protocol (`None`) answers
    /// with a RowDescription and the cursor's own formats.
    pub(super) async fn fetch(&mut self, name: &str, count: Option<u64>, bound: Option<&[i16]>) -> Result<(), PgError> {
        let mut portal = self
            .portals
            .remove(name)
            .ok_or_else(|| PgError::new(code::INVALID_CURSOR_NAME, format!("cursor \"{name}\" does not exist")))?;
        let result = self.fetch_from(&mut portal, count, bound).await;
        if result.is_err() {
            portal.state = PortalState::Done;
        }
        self.portals.insert(name.to_string(), portal);
        result
    }

    async fn fetch_from(
        &mut self,
        portal: &mut Portal,
        count: Option<u64>,
        bound: Option<&[i16]>,
    ) -> Result<(), PgError> {
        if matches!(portal.state, PortalState::Ready) {
            let statement = portal.statement.clone();
            let params = std::mem::take(&mut portal.params);
            match self.start(&statement, params, &portal.formats).await? {
                Outcome::Rows(running) => portal.state = PortalState::Running(running),
                _ => return Err(PgError::new(code::INVALID_CURSOR_NAME, "cursor does not return rows")),
            }
        }
        match (&mut portal.state, bound) {
            (PortalState::Running(running), Some(formats)) => {
                running.columns = encode::with_formats(&running.columns, formats)?
            }
            (state, None) => {
                let columns = match (state, &portal.statement.kind) {
                    (PortalState::Running(running), _) => running.columns.clone(),
                    (_, Kind::Query { columns, .. }) => encode::with_formats(columns, &portal.formats)?,
                    _ => Vec::new(),
                };
                self.wire.send(PgWireBackendMessage::RowDescription(encode::row_description(&columns)));
            }
            _ => {}
        }
        let wanted = count.map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX));
        let sent = match &mut portal.state {
            PortalState::Running(running) if count != Some(0) => {
                let (done, sent) = self.stream_rows(running, wanted).await?;
                if done {
                    portal.state = PortalState::Done;
                }
                sent
            }
            _ => 0,
        };
        self.wire.send(PgWireBackendMessage::CommandComplete(CommandComplete::new(format!("FETCH {sent}"))));
        Ok(())
    }

    /// Runs a statement the session answers itself. `PREPARE`/`EXECUTE`/`DEALLOCATE` work on the
    /// protocol's named statements and `DECLARE`/`FETCH`/`CLOSE` on its portals, as in Postgres.
    pub(super) async fn session_command(
        &mut self,
        command: SessionCommand,
        formats: &[i16],
    ) -> Result<Outcome, PgError> {
        let outcome = self.run_session_command(command, formats).await;
        // Usage is counted per application_name, which a SET or a transaction's end may change.
        let application = self.settings.get("application_name").unwrap_or_default();
        self.usage.set_application(&application, &self.metrics);
        outcome
    }

    async fn run_session_command(&mut self, command: SessionCommand, formats: &[i16]) -> Result<Outcome, PgError> {
        self.output = None;
        let in_block = self.txn != Txn::Idle;
        match command {
            SessionCommand::Prepare { name, types, statement } => {
                if self.statements.contains_key(&name) {
                    return Err(PgError::new(
                        code::DUPLICATE_PREPARED_STATEMENT,
                        format!("prepared statement \"{name}\" already exists"),
                    ));
                }
                let text = statement.to_string();
                let prepared = self.prepare_statement(*statement, &text, &types, false).await?;
                self.statements.insert(name, Arc::new(prepared));
                Ok(Outcome::Command("PREPARE".into()))
            }
            SessionCommand::Execute { name, params } => {
                let prepared = self.named_statement(&name)?;
                if params.len() != prepared.param_oids.len() {
                    return Err(PgError::new(
                        code::SYNTAX_ERROR,
                        format!("wrong number of parameters for prepared statement \"{name}\""),
                    )
                    .with_detail(format!(
                        "Expected {} parameters but got {}.",
                        prepared.param_oids.len(),
                        params.len()
                    )));
                }
                let values = params
                    .iter()
                    .enumerate()
                    .map(|(i, value)| {
                        let bytes = value.as_deref().map(str::as_bytes);
                        params::decode(i, bytes, Format::Text, prepared.param_oids[i], prepared.param_types[i].as_ref())
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                if matches!(prepared.kind, Kind::Session(_)) {
                    return Err(PgError::new(
                        code::FEATURE_NOT_SUPPORTED,
                        "EXECUTE of a prepared session statement is not supported by packwire",
                    ));
                }
                self.start(&prepared, values, formats).await
            }
            SessionCommand::Deallocate(None) => {
                self.statements.retain(|name, _| name.is_empty());
                Ok(Outcome::Command("DEALLOCATE ALL".into()))
            }
            SessionCommand::Deallocate(Some(name)) => {
                self.named_statement(&name)?;
                self.statements.remove(&name);
                Ok(Outcome::Command("DEALLOCATE".into()))
            }
            // Planned into `Kind::Declare` (its query prepared) before it runs.
            SessionCommand::DeclareCursor { .. } => {
                Err(PgError::new(code::INTERNAL_ERROR, "DECLARE CURSOR reached the session unprepared"))
            }
            SessionCommand::Fetch { name, count } => {
                self.fetch(&name, count, Some(formats)).await?;
                Ok(Outcome::Answered)
            }
            SessionCommand::CloseCursor(None) => {
                self.portals.clear();
                Ok(Outcome::Command("CLOSE CURSOR ALL".into()))
            }
            SessionCommand::CloseCursor(Some(name)) => match self.portals.remove(&name) {
                Some(_) => Ok(Outcome::Command("CLOSE CURSOR".into())),
                None => Err(PgError::new(code::INVALID_CURSOR_NAME, format!("cursor \"{name}\" does not exist"))),
            },
            SessionCommand::Set { name, value, local } => {
                if let Some((name, value)) = self.settings.set(&name, value.as_deref(), local, in_block)? {
                    self.wire.send(PgWireBackendMessage::ParameterStatus(ParameterStatus::new(name, value)));
                }
                Ok(Outcome::Command("SET".into()))
            }
            SessionCommand::Reset { name } => {
                if let Some((name, value)) = self.settings.set(&name, None, false, in_block)? {
                    self.wire.send(PgWireBackendMessage::ParameterStatus(ParameterStatus::new(name, value)));
                }
                Ok(Outcome::Command("RESET".into()))
            }
            SessionCommand::ResetAll => {
                for (name, value) in self.settings.reset_all() {
                    self.wire.send(PgWireBackendMessage::ParameterStatus(ParameterStatus::new(name, value)));
                }
                Ok(Outcome::Command("RESET".into()))
            }
            SessionCommand::Show { name } => {
                let (names, rows): (Vec<String>, Vec<Vec<String>>) = if name == "all" {
                    (
                        vec!["name".into(), "setting".into(), "description".into()],
                        self.settings.all().into_iter().map(Vec::from).collect(),
                    )
                } else {
                    let value = self.settings.get(&name).ok_or_else(|| {
                        PgError::new(code::UNDEFINED_OBJECT, format!("unrecognized configuration parameter \"{name}\""))
                    })?;
                    (vec![Settings::display_name(&name)], vec![vec![value]])
                };
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                let columns = encode::with_formats(&encode::text_columns(&names), formats)?;
                Ok(Outcome::Rows(Running::new(
                    columns,
                    text_stream(&names, rows)?,
                    "SHOW",
                    StatementKind::Command,
                    None,
                )))
            }
            SessionCommand::Begin => {
                if self.txn != Txn::Idle {
                    self.wire.send_error(&PgError::warning(
                        code::ACTIVE_SQL_TRANSACTION,
                        "there is already a transaction in progress",
                    ));
                } else {
                    self.txn = Txn::Block;
                }
                Ok(Outcome::Command("BEGIN".into()))
            }
            SessionCommand::Commit | SessionCommand::Rollback => {
                let tag = match (&command, self.txn) {
                    (_, Txn::Idle) => {
                        self.wire.send_error(&PgError::warning(
                            code::NO_ACTIVE_SQL_TRANSACTION,
                            "there is no transaction in progress",
                        ));
                        if matches!(command, SessionCommand::Commit) { "COMMIT" } else { "ROLLBACK" }
                    }
                    (SessionCommand::Commit, Txn::Block) => "COMMIT",
                    _ => "ROLLBACK",
                };
                self.end_transaction();
                Ok(Outcome::Command(tag.into()))
            }
            SessionCommand::SetTransaction => Ok(Outcome::Command("SET".into())),
            SessionCommand::SetConfig { name, value, local } => {
                if let Some((name, value)) = self.settings.set(&name, Some(&value), local, in_block)? {
                    self.wire.send(PgWireBackendMessage::ParameterStatus(ParameterStatus::new(name, value)));
                }
                let value = self.settings.get(&name).unwrap_or_default();
                let columns = encode::with_formats(&encode::text_columns(&["set_config"]), formats)?;
                let stream = text_stream(&["set_config"], vec![vec![value]])?;
                Ok(Outcome::Rows(Running::new(columns, stream, "SELECT", StatementKind::Command, None)))
            }
            SessionCommand::Savepoint(name) => {
                if self.txn == Txn::Idle {
                    return Err(PgError::new(
                        code::NO_ACTIVE_SQL_TRANSACTION,
                        "SAVEPOINT can only be used in transaction blocks",
                    ));
                }
                self.savepoints.push((name, self.settings.clone()));
                Ok(Outcome::Command("SAVEPOINT".into()))
            }
            SessionCommand::Release(ref name) | SessionCommand::RollbackTo(ref name) => {
                let rollback = matches!(command, SessionCommand::RollbackTo(_));
                let name = name.clone();
                let statement = if rollback { "ROLLBACK TO SAVEPOINT" } else { "RELEASE SAVEPOINT" };
                if self.txn == Txn::Idle {
                    return Err(PgError::new(
                        code::NO_ACTIVE_SQL_TRANSACTION,
                        format!("{statement} can only be used in transaction blocks"),
                    ));
                }
                // The newest savepoint of that name (names may repeat, as in Postgres).
                let Some(position) = self.savepoints.iter().rposition(|(n, _)| *n == name) else {
                    return Err(PgError::new(code::INVALID_SAVEPOINT, format!("savepoint \"{name}\" does not exist")));
                };
                if rollback {
                    // Back to the savepoint: later savepoints go, the savepoint itself stays, and
                    // a failed transaction can continue.
                    self.savepoints.truncate(position + 1);
                    let snapshot = self.savepoints[position].1.clone();
                    for (name, value) in self.settings.restore(&snapshot) {
                        self.wire.send(PgWireBackendMessage::ParameterStatus(ParameterStatus::new(name, value)));
                    }
                    self.txn = Txn::Block;
                    Ok(Outcome::Command("ROLLBACK".into()))
                } else {
                    self.savepoints.truncate(position);
                    Ok(Outcome::Command("RELEASE".into()))
                }
            }
            SessionCommand::Discard => {
                if self.txn != Txn::Idle {
                    return Err(PgError::new(
                        code::ACTIVE_SQL_TRANSACTION,
                        "DISCARD ALL cannot run inside a transaction block",
                    ));
                }
                for (name, value) in self.settings.reset_all() {
                    self.wire.send(PgWireBackendMessage::ParameterStatus(ParameterStatus::new(name, value)));
                }
                self.statements.clear();
                self.portals.clear();
                Ok(Outcome::Command("DISCARD ALL".into()))
            }
        }
    }

    pub(super) fn end_transaction(&mut self) {
        self.output = None;
        self.txn = Txn::Idle;
        self.savepoints.clear();
        self.portals.retain(|_, portal| portal.hold);
        for (name, value) in self.settings.end_transaction() {
            self.wire.send(PgWireBackendMessage::ParameterStatus(ParameterStatus::new(name, value)));
        }
    }
}
