//! Connection startup: SSL/GSS negotiation (and the TLS upgrade), the startup packet,
//! authentication, resolving the pinned package version and checking its grant, connection
//! limits, and the ParameterStatus/BackendKeyData greeting.

use std::collections::BTreeMap;
use std::sync::Arc;

use package::{PackageSpec, PackageVersion, SunsetDate};
use pgwire::messages::response::{GssEncResponse, SslResponse};
use pgwire::messages::startup::{Authentication, BackendKeyData, ParameterStatus, SecretKey};
use pgwire::messages::{PgWireBackendMessage, PgWireFrontendMessage, SslNegotiationMetaMessage};

use crate::auth::Admission;
use crate::errors::{PgError, code};
use crate::settings::Settings;
use crate::shared::Shared;
use crate::tls::{ClientStream, ServerTls};
use crate::wire::Wire;

/// The startup option that names the package for clients that cannot put `@` in a database name.
pub const PACKAGE_OPTION: &str = "packwire.package";

/// What a successful startup hands to the session.
pub struct Startup {
    pub user: String,
    pub package: Arc<PackageVersion>,
    pub settings: Settings,
    /// The session's place in the connection limits.
    pub admission: Admission,
}

/// How the startup phase ended.
pub enum Outcome {
    /// Authenticated and pinned: serve the session.
    Ready(Wire<ClientStream>, Startup),
    /// An admin user opened the admin console (`crate::admin`).
    Admin(Wire<ClientStream>, String, Admission),
    /// Refused with an error to send before closing.
    Refused(Wire<ClientStream>, PgError),
    /// Nothing more to do (a CancelRequest, a client that left, a failed TLS handshake).
    Done,
}

/// Runs the startup phase: TLS negotiation, the startup packet, authentication, the package
/// version and its grant, connection limits.
pub async fn startup(mut wire: Wire<ClientStream>, shared: &Shared) -> Outcome {
    let front = &shared.front;
    let startup = loop {
        let message = match wire.read().await {
            Ok(Some(message)) => message,
            Ok(None) => return Outcome::Done,
            Err(error) => return Outcome::Refused(wire, error),
        };
        match message {
            PgWireFrontendMessage::SslNegotiation(SslNegotiationMetaMessage::PostgresSsl(_)) => match &front.tls {
                Some(tls) if !wire.get_ref().is_tls() => {
                    wire.send(PgWireBackendMessage::SslResponse(SslResponse::Accept));
                    if wire.flush().await.is_err() {
                        return Outcome::Done;
                    }
                    wire = match upgrade(wire, tls, front.limits.max_message_bytes).await {
                        Some(upgraded) => upgraded,
                        None => return Outcome::Done,
                    };
                }
                _ => {
                    wire.send(PgWireBackendMessage::SslResponse(SslResponse::Refuse));
                    if wire.flush().await.is_err() {
                        return Outcome::Done;
                    }
                }
            },
            PgWireFrontendMessage::SslNegotiation(SslNegotiationMetaMessage::PostgresGss(_)) => {
                wire.send(PgWireBackendMessage::GssEncResponse(GssEncResponse::Refuse));
                if wire.flush().await.is_err() {
                    return Outcome::Done;
                }
            }
            PgWireFrontendMessage::SslNegotiation(SslNegotiationMetaMessage::None) => {
                wire.context().awaiting_frontend_ssl = false;
            }
            PgWireFrontendMessage::CancelRequest(cancel) => {
                // Protocol 3.0 keys are 4 bytes, which pgwire may hand over either way.
                let secret = match &cancel.secret_key {
                    SecretKey::I32(secret) => Some(*secret),
                    SecretKey::Bytes(bytes) => <[u8; 4]>::try_from(bytes.as_ref()).ok().map(i32::from_be_bytes),
                };
                if let Some(secret) = secret {
                    shared.cancel(cancel.pid, secret);
                }
                return Outcome::Done;
            }
            PgWireFrontendMessage::Startup(startup) => break startup,
            _ => {
                let error = PgError::fatal(code::PROTOCOL_VIOLATION, "expected a startup message");
                return Outcome::Refused(wire, error);
            }
        }
    };
    wire.context().awaiting_frontend_startup = false;
    match begin(&mut wire, startup, shared).await {
        Ok(Begun::Session(startup)) => Outcome::Ready(wire, startup),
        Ok(Begun::Admin { user, admission }) => Outcome::Admin(wire, user, admission),
        Err(error) => Outcome::Refused(wire, error),
    }
}

/// What the startup packet asked for, once authenticated.
enum Begun {
    Session(Startup),
    Admin { user: String, admission: Admission },
}

/// Answers SSLRequest's 'S' with a TLS handshake. Plaintext the client sent after its
/// SSLRequest (before the handshake) is refused, not read as if encrypted.
async fn upgrade(wire: Wire<ClientStream>, tls: &ServerTls, max_message_bytes: usize) -> Option<Wire<ClientStream>> {
    let Some(ClientStream::Plain(socket)) = wire.into_socket() else {
        tracing::info!("connection closed: data after SSLRequest arrived before the TLS handshake");
        return None;
    };
    match tls.accept(socket).await {
        Ok(stream) => {
            let mut wire = Wire::new(ClientStream::Tls(Box::new(stream)), max_message_bytes);
            wire.context().awaiting_frontend_ssl = false;
            Some(wire)
        }
        Err(error) => {
            tracing::info!(%error, "TLS handshake failed");
            None
        }
    }
}

/// After the startup packet: authentication, then the package version the client pinned.
async fn begin(
    wire: &mut Wire<ClientStream>,
    startup: pgwire::messages::startup::Startup,
    shared: &Shared,
) -> Result<Begun, PgError> {
    let front = &shared.front;
    if startup.protocol_number_major != 3 {
        return Err(PgError::fatal(
            code::FEATURE_NOT_SUPPORTED,
            format!(
                "unsupported frontend protocol {}.{}",
                startup.protocol_number_major, startup.protocol_number_minor
            ),
        ));
    }
    if front.require_tls && !wire.get_ref().is_tls() {
        return Err(PgError::fatal(code::INVALID_AUTHORIZATION, "packwire accepts only TLS connections")
            .with_hint("Connect with sslmode=require (or verify-full)."));
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
    front.authenticate(wire, &user).await?;
    wire.send(PgWireBackendMessage::Authentication(Authentication::Ok));

    if params.get("replication").is_some_and(|r| r != "false" && r != "0" && r != "off") {
        return Err(PgError::fatal(code::FEATURE_NOT_SUPPORTED, "packwire does not serve replication connections"));
    }
    let options = parse_options(params.get("options").map(String::as_str).unwrap_or(""))?;
    let spec_text =
        options.get(PACKAGE_OPTION).or_else(|| params.get("database")).cloned().unwrap_or_else(|| user.clone());
    if spec_text == crate::admin::DATABASE {
        if !front.is_admin(&user) {
            return Err(PgError::fatal(
                code::INSUFFICIENT_PRIVILEGE,
                format!("permission denied for the admin console: user \"{user}\" is not an admin"),
            )
            .with_hint("An operator can make a user an admin: packwire user add NAME --admin --users FILE."));
        }
        let admission = front.admit(&user)?;
        let settings = Settings::new(&user, crate::admin::DATABASE, 0);
        greet(wire, &settings, 0, 0);
        return Ok(Begun::Admin { user, admission });
    }
    let spec = PackageSpec::parse(&spec_text)
        .map_err(|e| PgError::fatal(code::INVALID_CATALOG_NAME, format!("database \"{spec_text}\": {e}")))?;
    let registry = shared.registry();
    let package = front.resolve(&registry, &user, &spec, &spec_text)?;
    let deprecation = deprecation_notice(&package, &registry, front.limits.refuse_after_sunset, today())?;
    let admission = front.admit(&user)?;
    if let Some(notice) = &deprecation {
        shared.metrics.version(&package).deprecated_connects.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        tracing::warn!(package = %package.id(), %user, "session on a deprecated version");
        wire.send_error(notice);
    }

    let statement_timeout_ms = match package.statement_timeout_ms {
        0 => front.limits.statement_timeout_ms,
        own => own,
    };
    let mut settings = Settings::new(&user, &package.id(), statement_timeout_ms);
    settings.set_statement_ceiling(front.limits.max_statement_timeout_ms);
    for (name, value) in [
        ("idle_session_timeout", front.limits.idle_session_timeout_ms),
        ("idle_in_transaction_session_timeout", front.limits.idle_in_transaction_session_timeout_ms),
    ] {
        settings.set_default(name, &value.to_string());
    }
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
    for notice in &notices {
        wire.send_error(notice);
    }
    Ok(Begun::Session(Startup { user, package, settings, admission }))
}

/// Today's date in UTC, for sunsets.
fn today() -> SunsetDate {
    use chrono::Datelike;
    let today = chrono::Utc::now().date_naive();
    SunsetDate { year: today.year() as u16, month: today.month() as u8, day: today.day() as u8 }
}

/// For a deprecated version: the WARNING (01P01) its clients get at connect — or, once its
/// sunset has come and `refuse_after_sunset` is set, the refusal (3D000), naming the
/// replacement (the manifest's, else the newest version of the package not deprecated).
pub fn deprecation_notice(
    package: &PackageVersion,
    registry: &package::Registry,
    refuse_after_sunset: bool,
    today: SunsetDate,
) -> Result<Option<PgError>, PgError> {
    let Some(deprecation) = &package.deprecation else { return Ok(None) };
    let replacement = deprecation.replacement.clone().or_else(|| {
        let versions = registry.package(&package.name)?;
        versions.iter().rev().find(|v| v.deprecation.is_none()).map(|v| v.id())
    });
    let hint = replacement.map(|r| format!("Connect to {r} instead."));
    let id = package.id();
    let retired = deprecation.sunset.filter(|sunset| *sunset <= today);
    let error = match retired {
        Some(sunset) if refuse_after_sunset => {
            PgError::fatal(code::INVALID_CATALOG_NAME, format!("{id} was retired on {sunset}: {}", deprecation.message))
        }
        _ => {
            let until = match deprecation.sunset {
                Some(sunset) if retired.is_some() => format!(" (its sunset, {sunset}, has passed)"),
                Some(sunset) => format!(" (it will be retired on {sunset})"),
                None => String::new(),
            };
            let notice = PgError::warning(
                code::DEPRECATED_FEATURE,
                format!("{id} is deprecated{until}: {}", deprecation.message),
            );
            return Ok(Some(match hint {
                Some(hint) => notice.with_hint(hint),
                None => notice,
            }));
        }
    };
    Err(match hint {
        Some(hint) => error.with_hint(hint),
        None => error,
    })
}

/// Sends the greeting after the connector is ready: ParameterStatus, BackendKeyData, ready.
pub fn greet<S: crate::wire::ClientSocket>(wire: &mut Wire<S>, settings: &Settings, pid: i32, secret: i32) {
    for (name, value) in settings.startup_report() {
        wire.send(PgWireBackendMessage::ParameterStatus(ParameterStatus::new(name, value)));
    }
    wire.send(PgWireBackendMessage::BackendKeyData(BackendKeyData::new(pid, SecretKey::I32(secret))));
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
    #[test]
    fn a_deprecated_version_past_its_sunset_only_warns_under_the_warn_policy() {
        let manifest = "[package]\nname = \"shop\"\nversion = \"1.0.0\"\n[source]\nkind = \"postgres\"\n\
                        url = \"postgres://app@localhost/shop\"\n[[tables]]\nname = \"t\"\n\
                        columns = [{ name = \"a\", type = \"int4\" }]\n\
                        [deprecation]\nmessage = \"gone\"\nsunset = 2026-01-01\n";
        let mut registry = package::Registry::default();
        registry.add_manifest(manifest, std::path::Path::new("/r/shop-1.0.0.toml"));
        registry.add_manifest(
            &manifest.replace("1.0.0", "1.1.0").replace("[deprecation]\nmessage = \"gone\"\nsunset = 2026-01-01\n", ""),
            std::path::Path::new("/r/shop-1.1.0.toml"),
        );
        let old = registry.resolve(&PackageSpec::parse("shop@1.0.0").unwrap()).unwrap();
        let (before, after) =
            (SunsetDate { year: 2025, month: 12, day: 31 }, SunsetDate { year: 2026, month: 1, day: 1 });
        let warned = super::deprecation_notice(&old, &registry, true, before).unwrap().unwrap();
        assert_eq!(warned.code, code::DEPRECATED_FEATURE);
        assert_eq!(warned.hint.as_deref(), Some("Connect to shop@1.1.0 instead."), "the newest version not deprecated");
        let refused = super::deprecation_notice(&old, &registry, true, after).unwrap_err();
        assert_eq!(
            (refused.code.as_str(), refused.message.as_str()),
            (code::INVALID_CATALOG_NAME, "shop@1.0.0 was retired on 2026-01-01: gone")
        );
        let warned = super::deprecation_notice(&old, &registry, false, after).unwrap().unwrap();
        assert!(warned.message.contains("its sunset, 2026-01-01, has passed"), "{}", warned.message);
    }

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
