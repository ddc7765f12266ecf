//! Connection startup: SSL/GSS negotiation, the startup packet, authentication, resolving the
//! pinned package version, and the ParameterStatus/BackendKeyData greeting.

use std::collections::BTreeMap;
use std::sync::Arc;

use package::{PackageSpec, PackageVersion};
use pgwire::messages::response::{GssEncResponse, SslResponse};
use pgwire::messages::startup::{Authentication, BackendKeyData, ParameterStatus, SecretKey};
use pgwire::messages::{PgWireBackendMessage, PgWireFrontendMessage, SslNegotiationMetaMessage};

use crate::errors::{PgError, code};
use crate::settings::Settings;
use crate::shared::Shared;
use crate::wire::Wire;

/// The startup option that names the package for clients that cannot put `@` in a database name.
pub const PACKAGE_OPTION: &str = "packwire.package";

/// What a successful startup hands to the session.
pub struct Startup {
    pub user: String,
    pub package: Arc<PackageVersion>,
    pub settings: Settings,
}

/// Runs the startup phase. `Ok(None)` when the connection was a CancelRequest or went away.
pub async fn startup<S: crate::wire::ClientSocket>(
    wire: &mut Wire<S>,
    shared: &Shared,
) -> Result<Option<Startup>, PgError> {
    // SSLRequest / GSSENCRequest may precede the startup packet; refuse both (TLS comes with the
    // front-door work) and continue in plaintext.
    let startup = loop {
        match wire.read().await? {
            None => return Ok(None),
            Some(PgWireFrontendMessage::SslNegotiation(SslNegotiationMetaMessage::PostgresSsl(_))) => {
                wire.send(PgWireBackendMessage::SslResponse(SslResponse::Refuse));
                flush(wire).await?;
            }
            Some(PgWireFrontendMessage::SslNegotiation(SslNegotiationMetaMessage::PostgresGss(_))) => {
                wire.send(PgWireBackendMessage::GssEncResponse(GssEncResponse::Refuse));
                flush(wire).await?;
            }
            Some(PgWireFrontendMessage::SslNegotiation(SslNegotiationMetaMessage::None)) => {
                wire.context().awaiting_frontend_ssl = false;
            }
            Some(PgWireFrontendMessage::CancelRequest(cancel)) => {
                // Protocol 3.0 keys are 4 bytes, which pgwire may hand over either way.
                let secret = match &cancel.secret_key {
                    SecretKey::I32(secret) => Some(*secret),
                    SecretKey::Bytes(bytes) => <[u8; 4]>::try_from(bytes.as_ref()).ok().map(i32::from_be_bytes),
                };
                if let Some(secret) = secret {
                    shared.cancel(cancel.pid, secret);
                }
                return Ok(None);
            }
            Some(PgWireFrontendMessage::Startup(startup)) => break startup,
            Some(_) => return Err(PgError::fatal(code::PROTOCOL_VIOLATION, "expected a startup message")),
        }
    };
    wire.context().awaiting_frontend_startup = false;

    if startup.protocol_number_major != 3 {
        return Err(PgError::fatal(
            code::FEATURE_NOT_SUPPORTED,
            format!(
                "unsupported frontend protocol {}.{}",
                startup.protocol_number_major, startup.protocol_number_minor
            ),
        ));
    }
    let params = startup.parameters;
    if startup.protocol_number_minor > 0 {
        // Answer with the newest minor version packwire speaks (3.0) and the options it ignores.
        let ignored: Vec<String> = params.keys().filter(|k| k.starts_with("_pq_.")).cloned().collect();
        wire.send(PgWireBackendMessage::NegotiateProtocolVersion(
            pgwire::messages::startup::NegotiateProtocolVersion::new(0, ignored),
        ));
    }
    let user = params.get("user").filter(|u| !u.is_empty()).cloned().ok_or_else(|| {
        PgError::fatal(code::INVALID_AUTHORIZATION, "no PostgreSQL user name specified in startup packet")
    })?;
    if params.get("replication").is_some_and(|r| r != "false" && r != "0" && r != "off") {
        return Err(PgError::fatal(code::FEATURE_NOT_SUPPORTED, "packwire does not serve replication connections"));
    }
    let options = parse_options(params.get("options").map(String::as_str).unwrap_or(""))?;

    let spec_text =
        options.get(PACKAGE_OPTION).or_else(|| params.get("database")).cloned().unwrap_or_else(|| user.clone());
    let spec = PackageSpec::parse(&spec_text)
        .map_err(|e| PgError::fatal(code::INVALID_CATALOG_NAME, format!("database \"{spec_text}\": {e}")))?;
    let package = shared.registry.resolve(&spec).map_err(PgError::from)?;

    // Trust authentication until the front door (TLS, SCRAM) lands.
    wire.send(PgWireBackendMessage::Authentication(Authentication::Ok));

    let mut settings = Settings::new(&user, &package.id(), package.statement_timeout_ms);
    let mut notices = Vec::new();
    for (name, value) in params.iter().filter(|(k, _)| is_session_parameter(k)).chain(options.iter()) {
        if name == PACKAGE_OPTION {
            continue;
        }
        // A bad startup setting is a warning, not a refused connection.
        if let Err(error) = settings.set(name, Some(value), false, false) {
            notices.push(PgError::warning(&error.code, error.message));
        }
    }
    Ok(Some(Startup { user, package, settings })).inspect(|_| {
        for notice in &notices {
            wire.send_error(notice);
        }
    })
}

/// Sends the greeting after the connector is ready: ParameterStatus, BackendKeyData, ready.
pub fn greet<S: crate::wire::ClientSocket>(wire: &mut Wire<S>, settings: &Settings, pid: i32, secret: i32) {
    for (name, value) in settings.startup_report() {
        wire.send(PgWireBackendMessage::ParameterStatus(ParameterStatus::new(name, value)));
    }
    wire.send(PgWireBackendMessage::BackendKeyData(BackendKeyData::new(pid, SecretKey::I32(secret))));
}

async fn flush<S: crate::wire::ClientSocket>(wire: &mut Wire<S>) -> Result<(), PgError> {
    wire.flush().await.map_err(|e| PgError::fatal(code::CONNECTION_FAILURE, e.to_string()))
}

/// Startup parameters that are session settings (the rest — user, database, options — are not).
fn is_session_parameter(name: &str) -> bool {
    !matches!(name, "user" | "database" | "options" | "replication") && !name.starts_with("_pq_.")
}

/// Parses libpq's `options`: `-c name=value` and `--name=value`, backslash escapes spaces.
pub fn parse_options(options: &str) -> Result<BTreeMap<String, String>, PgError> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut chars = options.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            c if c.is_whitespace() => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    let mut settings = BTreeMap::new();
    let mut words = words.into_iter();
    while let Some(word) = words.next() {
        let assignment = if word == "-c" {
            words.next()
        } else if let Some(rest) = word.strip_prefix("-c") {
            Some(rest.to_string())
        } else {
            word.strip_prefix("--").map(str::to_string)
        };
        let Some((name, value)) = assignment.as_deref().and_then(|a| a.split_once('=')) else {
            return Err(PgError::fatal(
                code::PROTOCOL_VIOLATION,
                format!("invalid command-line argument in options: {word}"),
            ));
        };
        settings.insert(name.trim().replace('-', "_").to_lowercase(), value.to_string());
    }
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_forms() {
        let o = parse_options(
            "-c packwire.package=tpch@1 --search_path=public -cstatement_timeout=5s -c application_name=a\\ b",
        )
        .unwrap();
        assert_eq!(o.get("packwire.package").map(String::as_str), Some("tpch@1"));
        assert_eq!(o.get("search_path").map(String::as_str), Some("public"));
        assert_eq!(o.get("statement_timeout").map(String::as_str), Some("5s"));
        assert_eq!(o.get("application_name").map(String::as_str), Some("a b"));
        assert!(parse_options("bogus").is_err());
        assert!(parse_options("").unwrap().is_empty());
    }
}
