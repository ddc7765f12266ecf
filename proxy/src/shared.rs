//! State shared by all sessions of one server: the registry, one connector per served package
//! version (opened on first use, retried after a failure), and the cancel-key table.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};

use connectors::Connector;
use connectors::embedded::EmbeddedEngine;
use connectors::postgres::{PoolSettings, PostgresConnector};
use dashmap::DashMap;
use package::{PackageVersion, Registry, Source};
use tokio::sync::{Mutex, watch};

use crate::errors::{PgError, code};

/// Most entries kept in each statement cache (exact texts, fingerprint templates).
const STATEMENT_CACHE_CAPACITY: usize = 4096;

/// A validated, rewritten and backend-prepared query, reusable by every session that sends the
/// same text to the same package version as the same user (session functions are inlined).
pub struct CachedQuery {
    pub backend: Arc<dyn connectors::PreparedQuery>,
    pub columns: Vec<crate::encode::ResultColumn>,
    pub param_types: Vec<Option<connectors::datafusion::arrow::datatypes::DataType>>,
    /// The type each parameter is announced as, where known (see `session::announced_types`).
    pub param_announced: Vec<Option<package::PgType>>,
    /// The package columns it reads (`None` for a catalog query).
    pub reads: Option<crate::metrics::Reads>,
}

/// A statement cache's key: (package version, user, statement text or fingerprint).
#[derive(Clone)]
struct CacheKey(String, String, String);

/// The parts of a cache key, owned or borrowed: the caches are looked up by borrowed parts, so
/// a lookup (once or twice per simple query) allocates nothing.
trait KeyParts {
    fn parts(&self) -> (&str, &str, &str);
}

impl KeyParts for CacheKey {
    fn parts(&self) -> (&str, &str, &str) {
        (&self.0, &self.1, &self.2)
    }
}

impl KeyParts for (&str, &str, &str) {
    fn parts(&self) -> (&str, &str, &str) {
        *self
    }
}

impl<'a> std::borrow::Borrow<dyn KeyParts + 'a> for CacheKey {
    fn borrow(&self) -> &(dyn KeyParts + 'a) {
        self
    }
}

impl std::hash::Hash for dyn KeyParts + '_ {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.parts().hash(state)
    }
}

impl PartialEq for dyn KeyParts + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for dyn KeyParts + '_ {}

// The owned key hashes and compares as its borrowed parts, as `Borrow` requires.
impl std::hash::Hash for CacheKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.parts().hash(state)
    }
}

impl PartialEq for CacheKey {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for CacheKey {}

/// Process-wide server state.
pub struct Shared {
    /// The versions served; replaced whole by a reload (sessions keep the version they resolved).
    registry: std::sync::RwLock<Arc<Registry>>,
    /// Authentication, TLS, grants and connection limits.
    pub front: Arc<crate::auth::FrontDoor>,
    statements: DashMap<CacheKey, Arc<CachedQuery>>,
    /// Fingerprint key → the rewritten SQL with holes for its literals (`rewrite::fingerprint`).
    templates: DashMap<CacheKey, Arc<rewrite::fingerprint::Template>>,
    connectors: DashMap<String, ConnectorSlot>,
    /// (package version, user) → the catalog engine of that version as that user sees it.
    catalogs: DashMap<(String, String), Arc<dyn Connector>>,
    cancels: DashMap<i32, CancelEntry>,
    next_pid: AtomicI32,
    /// Latencies, counts, sessions and usage per package version.
    pub metrics: crate::metrics::Metrics,
    /// Set once on shutdown: no new connections, idle sessions end, running statements finish.
    drain: watch::Sender<bool>,
    /// Per version: whether new statements wait (`PAUSE` in the admin console).
    paused: DashMap<String, watch::Sender<bool>>,
    /// The directory the registry is loaded from (for `RELOAD`), when there is one.
    registry_dir: std::sync::OnceLock<std::path::PathBuf>,
    /// The users file (re-read on `RELOAD` and SIGHUP), when there is one.
    users_file: std::sync::OnceLock<std::path::PathBuf>,
    /// Signalled by the admin console's `SHUTDOWN`.
    shutdown: tokio::sync::Notify,
}

/// A version's connector, opened on first use; the lock makes concurrent first uses open it once.
type ConnectorSlot = Arc<Mutex<Option<Arc<dyn Connector>>>>;

struct CancelEntry {
    secret: i32,
    signal: watch::Sender<u64>,
    listing: Listing,
}

/// A session as the admin console lists it.
#[derive(Debug, Clone)]
pub struct Listing {
    pub user: String,
    /// `package@version`.
    pub database: String,
    pub backend: &'static str,
    pub application: String,
    pub peer: std::net::SocketAddr,
    pub tls: bool,
    pub connected: std::time::SystemTime,
}

/// What a registry reload changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReloadSummary {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// Versions served after the reload.
    pub versions: usize,
}

/// A session's registration for CancelRequests; unregisters itself when dropped.
pub struct CancelKey {
    pub pid: i32,
    pub secret: i32,
    pub signal: watch::Receiver<u64>,
    shared: Arc<Shared>,
}

impl Drop for CancelKey {
    fn drop(&mut self) {
        self.shared.cancels.remove(&self.pid);
    }
}

impl Shared {
    pub fn new(registry: Registry, front: crate::auth::FrontDoor) -> Shared {
        Shared {
            registry: std::sync::RwLock::new(Arc::new(registry)),
            front: Arc::new(front),
            statements: DashMap::new(),
            templates: DashMap::new(),
            connectors: DashMap::new(),
            catalogs: DashMap::new(),
            cancels: DashMap::new(),
            next_pid: AtomicI32::new(1),
            metrics: crate::metrics::Metrics::default(),
            drain: watch::Sender::new(false),
            paused: DashMap::new(),
            registry_dir: std::sync::OnceLock::new(),
            users_file: std::sync::OnceLock::new(),
            shutdown: tokio::sync::Notify::new(),
        }
    }

    /// The registry as it is now.
    pub fn registry(&self) -> Arc<Registry> {
        self.registry.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Reloads the registry from `dir`. A registry with any manifest that fails to load is
    /// refused whole — the served state stays as it was — and its problems are returned.
    /// Sessions keep the version they resolved at connect; new sessions see the new registry.
    pub fn reload(&self, dir: &std::path::Path) -> Result<ReloadSummary, Vec<String>> {
        let registry = Registry::load_dir(dir).map_err(|e| vec![format!("{}: {e}", dir.display())])?;
        if !registry.problems().is_empty() {
            return Err(registry.problems().iter().map(ToString::to_string).collect());
        }
        let ids = |r: &Registry| r.versions().map(|v| v.id()).collect::<std::collections::BTreeSet<_>>();
        let mut current = self.registry.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        let (before, after) = (ids(&current), ids(&registry));
        let summary = ReloadSummary {
            added: after.difference(&before).cloned().collect(),
            removed: before.difference(&after).cloned().collect(),
            versions: after.len(),
        };
        *current = Arc::new(registry);
        Ok(summary)
    }

    /// Records the directory the registry is loaded from, for `RELOAD`.
    pub fn set_registry_dir(&self, dir: std::path::PathBuf) {
        let _ = self.registry_dir.set(dir);
    }

    /// The registry directory, when the server was started from one.
    pub fn registry_dir(&self) -> Option<std::path::PathBuf> {
        self.registry_dir.get().cloned()
    }

    /// Records the users file, for reloads.
    pub fn set_users_file(&self, path: std::path::PathBuf) {
        let _ = self.users_file.set(path);
    }

    /// Re-reads the users file (`Ok(None)` when the server has none). A file that does not
    /// load changes nothing.
    pub fn reload_users(&self) -> Result<Option<usize>, String> {
        let Some(path) = self.users_file.get() else { return Ok(None) };
        let file = crate::auth::users::UsersFile::read(path)?;
        self.front.reload_users(file).map(Some)
    }

    /// Asks the process to shut down (the admin console's `SHUTDOWN`): it drains as on SIGTERM.
    pub fn request_shutdown(&self) {
        self.shutdown.notify_one();
    }

    /// Completes when a shutdown was requested.
    pub async fn shutdown_requested(&self) {
        self.shutdown.notified().await
    }

    /// Starts draining for shutdown: the listener stops accepting, sessions end as soon as they
    /// are between statements.
    pub fn start_draining(&self) {
        self.drain.send_replace(true);
    }

    /// Whether the server is draining.
    pub fn is_draining(&self) -> bool {
        *self.drain.borrow()
    }

    /// A receiver that sees the drain start (`wait_for(|d| *d)`).
    pub fn drain_signal(&self) -> watch::Receiver<bool> {
        self.drain.subscribe()
    }

    /// Client sessions open right now.
    pub fn session_count(&self) -> usize {
        self.front.session_count()
    }

    /// The catalog engine of `version` for `user`, built on first use (`crate::catalog`).
    pub fn catalog(&self, version: &PackageVersion, user: &str) -> Result<Arc<dyn Connector>, PgError> {
        let key = (version.id(), user.to_string());
        if let Some(catalog) = self.catalogs.get(&key) {
            return Ok(catalog.clone());
        }
        let catalog = crate::catalog::open(version, user, crate::session::version_string())?;
        Ok(self.catalogs.entry(key).or_insert(catalog).clone())
    }

    /// The connector serving `version`, opened on first use.
    pub async fn connector(&self, version: &Arc<PackageVersion>) -> Result<Arc<dyn Connector>, PgError> {
        let slot = self.connectors.entry(version.id()).or_default().clone();
        let mut guard = slot.lock().await;
        if let Some(connector) = guard.as_ref() {
            return Ok(connector.clone());
        }
        let connector: Arc<dyn Connector> = match &version.source {
            Source::Files { .. } => Arc::new(EmbeddedEngine::open(version.clone()).await.map_err(|e| {
                PgError::fatal(code::CONNECTION_FAILURE, format!("{} is unavailable: {}", version.id(), e.message))
            })?),
            Source::Postgres { pool_size, .. } => {
                let settings = PoolSettings { max_size: *pool_size, ..PoolSettings::default() };
                Arc::new(PostgresConnector::new(version, &settings).map_err(|e| {
                    PgError::fatal(code::CONNECTION_FAILURE, format!("{} is unavailable: {}", version.id(), e.message))
                })?)
            }
            Source::Snowflake { .. } => {
                Arc::new(connectors::snowflake::SnowflakeConnector::new(version).map_err(|e| {
                    PgError::fatal(code::CONNECTION_FAILURE, format!("{} is unavailable: {}", version.id(), e.message))
                })?)
            }
        };
        *guard = Some(connector.clone());
        Ok(connector)
    }

    /// The backend pools of every opened connector (skipping one being opened right now).
    pub fn pools(&self) -> Vec<crate::metrics::PoolUsage> {
        let mut pools: Vec<_> = self
            .connectors
            .iter()
            .filter_map(|entry| {
                let guard = entry.value().try_lock().ok()?;
                let status = guard.as_ref()?.pool_status()?;
                let (package, version) = entry.key().split_once('@')?;
                Some(crate::metrics::PoolUsage {
                    package: package.to_string(),
                    version: version.to_string(),
                    in_use: status.open.saturating_sub(status.idle),
                    idle: status.idle,
                    max: status.max,
                })
            })
            .collect();
        pools.sort_by(|a, b| (&a.package, &a.version).cmp(&(&b.package, &b.version)));
        pools
    }

    /// A cached query for this text, if one was planned before.
    pub fn cached(&self, version: &str, user: &str, text: &str) -> Option<Arc<CachedQuery>> {
        self.statements.get(&(version, user, text) as &dyn KeyParts).map(|e| e.value().clone())
    }

    /// Remembers a planned query.
    pub fn cache(&self, version: &str, user: &str, text: &str, query: Arc<CachedQuery>) {
        insert_bounded(&self.statements, key(version, user, text), query);
    }

    /// The template planned for a fingerprint, if any.
    pub fn template(
        &self,
        version: &str,
        user: &str,
        fingerprint: &str,
    ) -> Option<Arc<rewrite::fingerprint::Template>> {
        self.templates.get(&(version, user, fingerprint) as &dyn KeyParts).map(|e| e.value().clone())
    }

    /// Remembers the template of a fingerprint.
    pub fn remember_template(
        &self,
        version: &str,
        user: &str,
        fingerprint: &str,
        template: Arc<rewrite::fingerprint::Template>,
    ) {
        insert_bounded(&self.templates, key(version, user, fingerprint), template);
    }

    /// Registers a new session for cancellation and returns its key.
    /// Registers a session: its key for CancelRequests and its entry in `SHOW SESSIONS`.
    pub fn register_session(self: &Arc<Self>, listing: Listing) -> CancelKey {
        let pid = loop {
            let pid = self.next_pid.fetch_add(1, Ordering::Relaxed).rem_euclid(i32::MAX).max(1);
            if !self.cancels.contains_key(&pid) {
                break pid;
            }
        };
        let secret = random_i32();
        let (sender, receiver) = watch::channel(0u64);
        self.cancels.insert(pid, CancelEntry { secret, signal: sender, listing });
        CancelKey { pid, secret, signal: receiver, shared: self.clone() }
    }

    /// Every session, by pid.
    pub fn sessions(&self) -> Vec<(i32, Listing)> {
        let mut sessions: Vec<_> = self.cancels.iter().map(|e| (*e.key(), e.value().listing.clone())).collect();
        sessions.sort_by_key(|(pid, _)| *pid);
        sessions
    }

    /// Pauses (or resumes) new statements on `version`'s backend; statements already running
    /// finish. Returns whether the version is served.
    pub fn set_paused(&self, version: &str, paused: bool) -> bool {
        if self.registry().versions().all(|v| v.id() != version) {
            return false;
        }
        self.pause_gate(version).send_replace(paused);
        true
    }

    /// The pause switch of `version` (false = running), shared by its sessions.
    pub fn pause_gate(&self, version: &str) -> watch::Sender<bool> {
        self.paused.entry(version.to_string()).or_insert_with(|| watch::Sender::new(false)).clone()
    }

    /// Versions paused right now.
    pub fn paused(&self) -> Vec<String> {
        let mut paused: Vec<_> = self.paused.iter().filter(|e| *e.value().borrow()).map(|e| e.key().clone()).collect();
        paused.sort();
        paused
    }

    /// Handles a CancelRequest: signals the session if the key matches (silently otherwise).
    pub fn cancel(&self, pid: i32, secret: i32) {
        if let Some(entry) = self.cancels.get(&pid)
            && entry.secret == secret
        {
            entry.signal.send_modify(|generation| *generation += 1);
        }
    }
}

/// A cache key. The strings are copied: statements are short next to planning them.
fn key(version: &str, user: &str, text: &str) -> CacheKey {
    CacheKey(version.to_string(), user.to_string(), text.to_string())
}

/// Inserts into a statement cache, kept bounded by dropping an arbitrary entry when full.
fn insert_bounded<V>(cache: &DashMap<CacheKey, V>, key: CacheKey, value: V) {
    if cache.len() >= STATEMENT_CACHE_CAPACITY {
        let victim = cache.iter().next().map(|e| e.key().clone());
        if let Some(victim) = victim {
            cache.remove(&victim);
        }
    }
    cache.insert(key, value);
}

/// A cancel secret from the OS random source (ring), as Postgres uses a strong random key.
fn random_i32() -> i32 {
    use ring::rand::SecureRandom;
    let mut bytes = [0u8; 4];
    if ring::rand::SystemRandom::new().fill(&mut bytes).is_err() {
        tracing::warn!("system random source failed; cancel keys are weaker");
        bytes = (std::process::id()
            ^ (std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_nanos())
                .unwrap_or(7)))
        .to_be_bytes();
    }
    i32::from_be_bytes(bytes)
}
