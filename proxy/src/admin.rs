//! The admin console: the virtual database `packwire` (`psql …/packwire`), for admin users only
//! (the users file's `admin = true`; without a users file — trust — every user). It speaks the
//! simple query protocol and answers `SHOW PACKAGES | VERSIONS | SESSIONS | POOLS | STATS |
//! ERRORS | USAGE`, `RELOAD`, `PAUSE [version]`, `RESUME [version]` and `SHUTDOWN` from the
//! server's own state. It never reaches a backend and never shows a secret.

use std::time::{Duration, SystemTime};

use bytes::{BufMut, BytesMut};
use pgwire::messages::data::{DataRow, FieldDescription, RowDescription};
use pgwire::messages::response::{CommandComplete, EmptyQueryResponse, ReadyForQuery, TransactionStatus};
use pgwire::messages::{PgWireBackendMessage, PgWireFrontendMessage};

use crate::errors::{PgError, code};
use crate::shared::Shared;
use crate::tls::ClientStream;
use crate::wire::Wire;

/// The database name that opens the admin console.
pub const DATABASE: &str = "packwire";

/// A console answer: rows under column names, then a command tag.
struct Answer {
    columns: &'static [&'static str],
    rows: Vec<Vec<String>>,
    tag: String,
}

impl Answer {
    fn command(tag: &str) -> Answer {
        Answer { columns: &[], rows: Vec::new(), tag: tag.to_string() }
    }

    /// The rows of a `SHOW`.
    fn show(columns: &'static [&'static str], rows: Vec<Vec<String>>) -> Answer {
        Answer { columns, rows, tag: "SHOW".into() }
    }
}

/// Serves an admin session until the client leaves.
pub async fn serve(mut wire: Wire<ClientStream>, shared: &Shared, user: &str) -> std::io::Result<()> {
    ready(&mut wire);
    wire.flush().await?;
    loop {
        let message = match wire.read().await {
            Ok(Some(message)) => message,
            Ok(None) => return Ok(()),
            Err(error) => {
                wire.send_error(&error);
                return wire.flush().await;
            }
        };
        match message {
            PgWireFrontendMessage::Query(query) => {
                tracing::info!(%user, command = %query.query.trim(), "admin command");
                match run(&query.query, shared) {
                    Ok(Some(answer)) => send(&mut wire, answer),
                    Ok(None) => wire.send(PgWireBackendMessage::EmptyQueryResponse(EmptyQueryResponse::new())),
                    Err(error) => wire.send_error(&error),
                }
                ready(&mut wire);
                wire.flush().await?;
            }
            PgWireFrontendMessage::Terminate(_) => return Ok(()),
            PgWireFrontendMessage::Sync(_) => {
                ready(&mut wire);
                wire.flush().await?;
            }
            _ => {
                let error = PgError::new(
                    code::FEATURE_NOT_SUPPORTED,
                    "the admin console speaks the simple query protocol only",
                )
                .with_hint("Use psql, or your driver's simple query mode.");
                wire.send_error(&error);
            }
        }
    }
}

fn ready(wire: &mut Wire<ClientStream>) {
    wire.send(PgWireBackendMessage::ReadyForQuery(ReadyForQuery::new(TransactionStatus::Idle)));
}

fn send(wire: &mut Wire<ClientStream>, answer: Answer) {
    if !answer.columns.is_empty() {
        let fields =
            answer.columns.iter().map(|name| FieldDescription::new(name.to_string(), 0, 0, 25, -1, -1, 0)).collect();
        wire.send(PgWireBackendMessage::RowDescription(RowDescription::new(fields)));
        for row in &answer.rows {
            let mut data = BytesMut::new();
            for value in row {
                data.put_i32(value.len() as i32);
                data.put_slice(value.as_bytes());
            }
            wire.send(PgWireBackendMessage::DataRow(DataRow::new(data, row.len() as i16)));
        }
    }
    wire.send(PgWireBackendMessage::CommandComplete(CommandComplete::new(answer.tag)));
}

/// Runs one console command (`None`: an empty query).
fn run(text: &str, shared: &Shared) -> Result<Option<Answer>, PgError> {
    let words: Vec<String> = text.trim().trim_end_matches(';').split_whitespace().map(|w| w.to_string()).collect();
    let upper: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
    let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
    let answer = match upper.as_slice() {
        [] => return Ok(None),
        ["SHOW", "PACKAGES"] => packages(shared),
        ["SHOW", "VERSIONS"] => versions(shared),
        ["SHOW", "SESSIONS"] => sessions(shared),
        ["SHOW", "POOLS"] => pools(shared),
        ["SHOW", "STATS"] => stats(shared),
        ["SHOW", "ERRORS"] => errors(shared),
        ["SHOW", "USAGE"] => usage(shared),
        ["RELOAD"] => reload(shared)?,
        ["PAUSE" | "RESUME", rest @ ..] if rest.len() <= 1 => {
            let pause = upper[0] == "PAUSE";
            let targets: Vec<String> = match words.get(1) {
                Some(version) => vec![version.clone()],
                None => shared.registry().versions().map(|v| v.id()).collect(),
            };
            for version in &targets {
                if !shared.set_paused(version, pause) {
                    return Err(PgError::new(code::UNDEFINED_OBJECT, format!("no version \"{version}\" is served"))
                        .with_hint("SHOW VERSIONS lists them."));
                }
            }
            Answer::command(if pause { "PAUSE" } else { "RESUME" })
        }
        ["SHUTDOWN"] => {
            shared.request_shutdown();
            Answer::command("SHUTDOWN")
        }
        _ => {
            return Err(PgError::new(code::SYNTAX_ERROR, format!("unknown admin command \"{}\"", text.trim()))
                .with_hint(
                    "Commands: SHOW PACKAGES | VERSIONS | SESSIONS | POOLS | STATS | ERRORS | USAGE, RELOAD, \
                     PAUSE [version], RESUME [version], SHUTDOWN.",
                ));
        }
    };
    Ok(Some(answer))
}

fn packages(shared: &Shared) -> Answer {
    let registry = shared.registry();
    let rows = registry
        .names()
        .map(|name| {
            let versions = registry.package(&name).unwrap_or(&[]);
            let list: Vec<String> = versions.iter().map(|v| v.version.to_string()).collect();
            let newest = versions.last().map(|v| v.version.to_string()).unwrap_or_default();
            vec![name, list.join(", "), newest]
        })
        .collect();
    Answer::show(&["package", "versions", "newest"], rows)
}

fn versions(shared: &Shared) -> Answer {
    let paused = shared.paused();
    let rows = shared
        .registry()
        .versions()
        .map(|v| {
            let id = v.id();
            let sessions = shared.metrics.version(v).session_counts().0;
            let (deprecated, sunset) = match &v.deprecation {
                Some(d) => (d.message.clone(), d.sunset.map(|s| s.to_string()).unwrap_or_default()),
                None => (String::new(), String::new()),
            };
            vec![
                id.clone(),
                v.source.kind().to_string(),
                v.tables.len().to_string(),
                sessions.to_string(),
                paused.contains(&id).to_string(),
                deprecated,
                sunset,
                v.origin.display().to_string(),
            ]
        })
        .collect();
    Answer::show(&["version", "backend", "tables", "sessions", "paused", "deprecated", "sunset", "manifest"], rows)
}

fn sessions(shared: &Shared) -> Answer {
    let rows = shared
        .sessions()
        .into_iter()
        .map(|(pid, s)| {
            let seconds = SystemTime::now().duration_since(s.connected).unwrap_or(Duration::ZERO).as_secs();
            vec![
                pid.to_string(),
                s.user,
                s.database,
                s.backend.to_string(),
                s.application,
                s.peer.to_string(),
                s.tls.to_string(),
                seconds.to_string(),
            ]
        })
        .collect();
    Answer::show(
        &["pid", "user", "database", "backend", "application_name", "client_addr", "tls", "connected_seconds"],
        rows,
    )
}

fn pools(shared: &Shared) -> Answer {
    let paused = shared.paused();
    let rows = shared
        .pools()
        .into_iter()
        .map(|p| {
            let id = format!("{}@{}", p.package, p.version);
            let is_paused = paused.contains(&id);
            vec![id, p.in_use.to_string(), p.idle.to_string(), p.max.to_string(), is_paused.to_string()]
        })
        .collect();
    Answer::show(&["version", "in_use", "idle", "max", "paused"], rows)
}

fn stats(shared: &Shared) -> Answer {
    let ms = |d: Duration| format!("{:.3}", d.as_secs_f64() * 1000.0);
    let mut rows = Vec::new();
    for version in shared.metrics.versions() {
        for kind in version.kinds() {
            let mut row = vec![version.id(), version.backend.to_string(), kind.kind.as_str().to_string()];
            row.push(kind.count.to_string());
            row.extend(kind.quantiles.iter().map(|(_, d)| ms(*d)));
            row.push(kind.rows.to_string());
            row.push(kind.bytes.to_string());
            rows.push(row);
        }
    }
    Answer::show(
        &[
            "version",
            "backend",
            "kind",
            "statements",
            "p50_ms",
            "p90_ms",
            "p99_ms",
            "p99_9_ms",
            "max_ms",
            "rows",
            "bytes",
        ],
        rows,
    )
}

fn errors(shared: &Shared) -> Answer {
    let mut rows = Vec::new();
    for version in shared.metrics.versions() {
        for (sqlstate, count) in version.errors() {
            rows.push(vec![version.id(), sqlstate, count.to_string()]);
        }
    }
    Answer::show(&["version", "sqlstate", "statements"], rows)
}

fn usage(shared: &Shared) -> Answer {
    let mut rows = Vec::new();
    for version in shared.metrics.versions() {
        for (application, table, column, count) in version.usage() {
            rows.push(vec![version.id(), application, table, column, count.to_string()]);
        }
    }
    Answer::show(&["version", "application_name", "table", "column", "statements"], rows)
}

fn reload(shared: &Shared) -> Result<Answer, PgError> {
    if let Err(problem) = shared.reload_users() {
        return Err(PgError::new(code::CONFIG_FILE_ERROR, "the users file was not reloaded")
            .with_detail(problem)
            .with_hint("The previous users are still in force. Fix the file and RELOAD again."));
    }
    let Some(dir) = shared.registry_dir() else {
        return Err(PgError::new(code::FEATURE_NOT_SUPPORTED, "this server was not started from a registry directory"));
    };
    match shared.reload(&dir) {
        Ok(summary) => {
            tracing::info!(versions = summary.versions, added = ?summary.added, removed = ?summary.removed, "registry reloaded (RELOAD)");
            Ok(Answer::command("RELOAD"))
        }
        Err(problems) => {
            Err(PgError::new(code::CONFIG_FILE_ERROR, "the registry was not reloaded: a manifest does not load")
                .with_detail(problems.join("\n"))
                .with_hint("The previous registry is still served. Fix the manifest and RELOAD again."))
        }
    }
}
