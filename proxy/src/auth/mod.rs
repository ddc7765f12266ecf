//! The front door's policy: how clients authenticate (trust, MD5 or SCRAM-SHA-256 with channel
//! binding on TLS), who may use which package versions, and how many connections each may hold.
//! The message exchanges live in [`exchange`]; the users file in [`users`].
//!
//! Invariants: a verifier never leaves this module (not in logs, errors or `Debug`); an unknown
//! user goes through the same exchange as a known one with a wrong password (deterministic mock
//! salt, same work) and gets the same 28P01, so neither the answer nor its timing tells whether
//! the user exists; an ungranted package is refused without saying which packages exist.

pub mod exchange;
pub mod users;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use package::PackageVersion;
use pgwire::api::auth::sasl::scram::ScramServerAuth;

use crate::errors::{PgError, code};
use crate::tls::ServerTls;
use users::User;

/// How clients prove who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
pub enum Method {
    /// Anyone is who they say (the embedded demo on loopback).
    #[serde(rename = "trust")]
    Trust,
    /// Postgres' MD5 challenge; users whose verifier is SCRAM get SCRAM instead, as in Postgres.
    #[serde(rename = "md5")]
    Md5,
    /// SCRAM-SHA-256, with `-PLUS` (channel binding `tls-server-end-point`) offered on TLS.
    #[serde(rename = "scram-sha-256")]
    ScramSha256,
}

impl std::str::FromStr for Method {
    type Err = String;
    fn from_str(text: &str) -> Result<Method, String> {
        match text {
            "trust" => Ok(Method::Trust),
            "md5" => Ok(Method::Md5),
            "scram-sha-256" => Ok(Method::ScramSha256),
            other => Err(format!("unknown authentication method `{other}` (trust, md5, scram-sha-256)")),
        }
    }
}

/// Limits on what one client may take (the server-wide ones; per-package ones live in manifests).
#[derive(Debug, Clone)]
pub struct Limits {
    /// Client sessions at once; the next one gets 53300.
    pub max_connections: usize,
    /// Longest statement text accepted (bytes); longer → 54000.
    pub max_statement_length: usize,
    /// Longest protocol message accepted (bytes); longer ends the session with 54000.
    pub max_message_bytes: usize,
    /// Time a client has to finish startup and authentication.
    pub authentication_timeout: std::time::Duration,
    /// On SIGTERM, how long running statements may take to finish before the process exits.
    pub shutdown_timeout: std::time::Duration,
    /// Statements that take at least this long are logged (zero = none).
    pub slow_statement: std::time::Duration,
    /// A deprecated version past its sunset date is refused (else only warned about).
    pub refuse_after_sunset: bool,
    /// Default `statement_timeout` (ms, 0 = none) for package versions that set none.
    pub statement_timeout_ms: u64,
    /// Ceiling on every statement (ms, 0 = none), whatever the session or manifest sets.
    pub max_statement_timeout_ms: u64,
    /// Default `idle_session_timeout` (ms, 0 = none).
    pub idle_session_timeout_ms: u64,
    /// Default `idle_in_transaction_session_timeout` (ms, 0 = none).
    pub idle_in_transaction_session_timeout_ms: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: 1000,
            max_statement_length: 1024 * 1024,
            max_message_bytes: crate::wire::DEFAULT_MAX_MESSAGE_BYTES,
            authentication_timeout: std::time::Duration::from_secs(60),
            shutdown_timeout: std::time::Duration::from_secs(30),
            slow_statement: std::time::Duration::ZERO,
            refuse_after_sunset: true,
            statement_timeout_ms: 0,
            max_statement_timeout_ms: 0,
            idle_session_timeout_ms: 0,
            idle_in_transaction_session_timeout_ms: 0,
        }
    }
}

/// Authentication, TLS, grants and connection limits of one server.
pub struct FrontDoor {
    pub method: Method,
    /// `None` = no users file: anyone may use every package (only with trust). Replaced whole
    /// by [`FrontDoor::reload_users`]; a connection works with the users as they were when it
    /// started.
    users: Option<std::sync::RwLock<Arc<BTreeMap<String, User>>>>,
    pub tls: Option<ServerTls>,
    /// Plaintext clients are refused.
    pub require_tls: bool,
    pub limits: Limits,
    scram_plain: ScramServerAuth,
    /// SCRAM with the server certificate configured (offers `-PLUS` and detects downgrades).
    scram_tls: Option<ScramServerAuth>,
    /// The secret unknown users' mock SCRAM salts derive from: the users file's `mock_secret`,
    /// else drawn per process.
    mock_key: ring::hmac::Key,
    sessions: AtomicUsize,
    sessions_per_user: Mutex<HashMap<String, usize>>,
}

impl FrontDoor {
    /// Trust, no TLS, default limits: what in-process tests and the loopback demo use.
    pub fn trust() -> FrontDoor {
        FrontDoor::new(Method::Trust, None, None, false, Limits::default())
            .unwrap_or_else(|_| unreachable!("trust without users is always valid"))
    }

    /// A front door; refuses combinations that could never admit anyone or would admit everyone
    /// by accident.
    pub fn new(
        method: Method,
        users: Option<users::UsersFile>,
        tls: Option<ServerTls>,
        require_tls: bool,
        limits: Limits,
    ) -> Result<FrontDoor, String> {
        if method != Method::Trust && users.is_none() {
            return Err(format!(
                "authentication method {method:?} needs a users file: create one with `packwire user add NAME \
                 --users FILE` and set `[auth] users = \"FILE\"` (or choose `method = \"trust\"`)"
            ));
        }
        if require_tls && tls.is_none() {
            return Err("`require_tls` is set but no TLS certificate and key are configured".to_string());
        }
        let mock_secret = users.as_ref().map(|file| file.mock_secret_bytes()).transpose()?.flatten();
        let users = users.map(|file| file.parse()).transpose()?;
        let scram_tls = match &tls {
            Some(tls) => {
                let mut scram = ScramServerAuth::new();
                match scram.configure_certificate(&tls.certificate_pem) {
                    Ok(()) => Some(scram),
                    Err(error) => {
                        // e.g. an Ed25519 certificate: SCRAM works, without channel binding.
                        tracing::warn!(%error, "SCRAM channel binding unavailable for this certificate");
                        None
                    }
                }
            }
            None => None,
        };
        let mock_key = match mock_secret {
            Some(secret) => ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &secret),
            None => ring::hmac::Key::generate(ring::hmac::HMAC_SHA256, &ring::rand::SystemRandom::new())
                .map_err(|_| "cannot draw random bytes for the authentication key".to_string())?,
        };
        Ok(FrontDoor {
            method,
            users: users.map(|users| std::sync::RwLock::new(Arc::new(users))),
            tls,
            require_tls,
            limits,
            scram_plain: ScramServerAuth::new(),
            scram_tls,
            mock_key,
            sessions: AtomicUsize::new(0),
            sessions_per_user: Mutex::new(HashMap::new()),
        })
    }

    /// Whether `user` may open the admin console: users marked `admin` in the users file, or
    /// anyone when there is no users file (trust).
    pub fn is_admin(&self, user: &str) -> bool {
        match self.users() {
            None => true,
            Some(users) => users.get(user).is_some_and(|u| u.admin),
        }
    }

    /// The users as they are now (`None`: no users file).
    fn users(&self) -> Option<Arc<BTreeMap<String, User>>> {
        let users = self.users.as_ref()?;
        Some(users.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone())
    }

    /// Replaces the users (verifiers, grants, limits, admin flags) with `file`'s; sessions
    /// already admitted keep running. A file that does not parse changes nothing. The mock
    /// secret stays the one the server started with. Returns how many users there are.
    pub fn reload_users(&self, file: users::UsersFile) -> Result<usize, String> {
        let Some(current) = &self.users else {
            return Err("this server was started without a users file".to_string());
        };
        let parsed = file.parse()?;
        let count = parsed.len();
        *current.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(parsed);
        Ok(count)
    }

    /// Sessions admitted and not yet ended.
    pub fn session_count(&self) -> usize {
        self.sessions.load(Ordering::SeqCst)
    }

    /// The version `user` gets for `spec` (`asked` as the client spelled it): the newest one
    /// that matches the spec *and* the user's grants, so a refusal never names a version the
    /// user may not see. A package the user has no grant naming is refused before the registry
    /// is asked, so the answer does not tell whether it exists.
    pub fn resolve(
        &self,
        registry: &package::Registry,
        user: &str,
        spec: &package::PackageSpec,
        asked: &str,
    ) -> Result<Arc<PackageVersion>, PgError> {
        let Some(users) = self.users() else { return registry.resolve(spec).map_err(PgError::from) };
        let grants = match users.get(user) {
            Some(entry) if entry.grants.iter().any(|g| g.names(&spec.name)) => &entry.grants,
            _ => return Err(denied(user, asked)),
        };
        let covered = |version: &PackageVersion| grants.iter().any(|g| g.covers(&version.name, &version.version));
        let Some(versions) = registry.package(&spec.name) else {
            let available = registry.names().filter(|name| grants.iter().any(|g| g.names(name))).collect();
            return Err(PgError::from(package::ResolveError::UnknownPackage { name: spec.name.clone(), available }));
        };
        let matching: Vec<&Arc<PackageVersion>> =
            versions.iter().rev().filter(|v| spec.requirement.matches(&v.version)).collect();
        if let Some(version) = matching.iter().find(|v| covered(v)) {
            return Ok(Arc::clone(version));
        }
        if !matching.is_empty() {
            return Err(denied(user, asked));
        }
        Err(PgError::from(package::ResolveError::NoMatchingVersion {
            name: spec.name.clone(),
            requirement: spec.to_string().split_once('@').map(|(_, r)| r.to_string()).unwrap_or_default(),
            available: versions.iter().filter(|v| covered(v)).map(|v| v.version.to_string()).collect(),
        }))
    }

    /// Counts a new session against the server-wide and per-user limits.
    pub fn admit(self: &Arc<Self>, user: &str) -> Result<Admission, PgError> {
        let previous = self.sessions.fetch_add(1, Ordering::SeqCst);
        let mut admission = Admission { front: self.clone(), user: None };
        if previous >= self.limits.max_connections {
            return Err(PgError::fatal(code::TOO_MANY_CONNECTIONS, "sorry, too many clients already"));
        }
        let limit = self.users().and_then(|users| users.get(user).and_then(|u| u.max_connections));
        let mut per_user = self.sessions_per_user.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let count = per_user.entry(user.to_string()).or_insert(0);
        if limit.is_some_and(|limit| *count >= limit) {
            return Err(PgError::fatal(
                code::TOO_MANY_CONNECTIONS,
                format!("too many connections for role \"{user}\""),
            ));
        }
        *count += 1;
        admission.user = Some(user.to_string());
        Ok(admission)
    }
}

fn denied(user: &str, package: &str) -> PgError {
    PgError::fatal(code::INSUFFICIENT_PRIVILEGE, format!("permission denied for package \"{package}\""))
        .with_detail(format!("User \"{user}\" has no grant that covers \"{package}\"."))
}

/// A session's place in the connection limits; released when dropped.
pub struct Admission {
    front: Arc<FrontDoor>,
    user: Option<String>,
}

impl Drop for Admission {
    fn drop(&mut self) {
        self.front.sessions.fetch_sub(1, Ordering::SeqCst);
        if let Some(user) = &self.user {
            let mut per_user = self.front.sessions_per_user.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Some(count) = per_user.get_mut(user) {
                *count -= 1;
                if *count == 0 {
                    per_user.remove(user);
                }
            }
        }
    }
}
