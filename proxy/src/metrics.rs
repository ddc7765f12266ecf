//! What the server has done, per package version: statement latency histograms (hdrhistogram)
//! by statement kind, rows and bytes returned, errors by SQLSTATE, sessions (active or idle),
//! statement-cache hits, and which tables and columns each application reads — the usage that
//! tells a data team when a version or a column can be retired. Rendered as Prometheus text
//! ([`Metrics::render_prometheus`]) for the HTTP listener and read by the admin console.
//!
//! Recording never sees statement text, parameters or row data. A statement costs one lock of
//! its version's histogram (held for a counter update) and atomic increments; usage is tallied
//! per session and merged into the shared table at most once a second and at session end.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dashmap::DashMap;
use hdrhistogram::Histogram;
use package::PackageVersion;

/// Latencies are kept in microseconds up to an hour, to two significant digits (1 %).
const MAX_LATENCY_US: u64 = 3_600_000_000;

/// What a statement was, for its latency histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    /// A read of the package's data, answered by its backend.
    Query,
    /// A catalog query, answered from the manifest.
    Catalog,
    /// Everything the session answers itself (SET, SHOW, BEGIN, EXPLAIN, cursors, …).
    Command,
}

impl StatementKind {
    const ALL: [StatementKind; 3] = [StatementKind::Query, StatementKind::Catalog, StatementKind::Command];

    /// The label value.
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Query => "query",
            StatementKind::Catalog => "catalog",
            StatementKind::Command => "command",
        }
    }
}

/// Counters of one statement kind of one version.
struct KindStats {
    latency_us: Histogram<u64>,
    sum_us: u64,
    rows: u64,
    bytes: u64,
}

impl KindStats {
    fn new() -> KindStats {
        let latency_us = Histogram::new_with_bounds(1, MAX_LATENCY_US, 2)
            .unwrap_or_else(|_| unreachable!("constant histogram bounds are valid"));
        KindStats { latency_us, sum_us: 0, rows: 0, bytes: 0 }
    }
}

/// A point-in-time copy of one kind's counters.
#[derive(Debug, Clone)]
pub struct KindSnapshot {
    pub kind: StatementKind,
    pub count: u64,
    pub sum: Duration,
    /// p50, p90, p99, p99.9 and max.
    pub quantiles: [(f64, Duration); 5],
    pub rows: u64,
    pub bytes: u64,
}

/// Everything recorded for one package version.
pub struct VersionMetrics {
    pub package: String,
    pub version: String,
    /// The backend kind (`postgres`, `parquet`, `snowflake`, …).
    pub backend: &'static str,
    kinds: [Mutex<KindStats>; 3],
    errors: Mutex<BTreeMap<String, u64>>,
    sessions: AtomicI64,
    active: AtomicI64,
    /// Sessions that connected although the version is deprecated.
    pub deprecated_connects: AtomicU64,
    /// (application_name, table, column) → statements that read it.
    usage: Mutex<HashMap<(String, String, String), u64>>,
}

impl VersionMetrics {
    fn new(version: &PackageVersion) -> VersionMetrics {
        VersionMetrics {
            package: version.name.clone(),
            version: version.version.to_string(),
            backend: version.source.kind(),
            kinds: [Mutex::new(KindStats::new()), Mutex::new(KindStats::new()), Mutex::new(KindStats::new())],
            errors: Mutex::new(BTreeMap::new()),
            sessions: AtomicI64::new(0),
            active: AtomicI64::new(0),
            deprecated_connects: AtomicU64::new(0),
            usage: Mutex::new(HashMap::new()),
        }
    }

    /// `package@version`.
    pub fn id(&self) -> String {
        format!("{}@{}", self.package, self.version)
    }

    /// A statement that completed.
    pub fn record(&self, kind: StatementKind, elapsed: Duration, rows: u64, bytes: u64) {
        let us = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX).clamp(1, MAX_LATENCY_US);
        let mut stats = lock(&self.kinds[kind as usize]);
        stats.latency_us.saturating_record(us);
        stats.sum_us = stats.sum_us.saturating_add(us);
        stats.rows += rows;
        stats.bytes += bytes;
    }

    /// A statement that ended in an error with `sqlstate`.
    pub fn error(&self, sqlstate: &str) {
        let mut errors = lock(&self.errors);
        match errors.get_mut(sqlstate) {
            Some(count) => *count += 1,
            None => {
                errors.insert(sqlstate.to_string(), 1);
            }
        }
    }

    /// Counts a session for as long as the returned guard lives.
    pub fn session(self: &Arc<Self>) -> SessionGauge {
        self.sessions.fetch_add(1, Ordering::Relaxed);
        SessionGauge { metrics: self.clone() }
    }

    /// Counts the session as active (running a statement) while the returned guard lives.
    pub fn active(self: &Arc<Self>) -> ActiveGuard {
        self.active.fetch_add(1, Ordering::Relaxed);
        ActiveGuard { metrics: self.clone() }
    }

    /// (sessions, active sessions).
    pub fn session_counts(&self) -> (i64, i64) {
        (self.sessions.load(Ordering::Relaxed), self.active.load(Ordering::Relaxed))
    }

    /// Each kind's counters that has seen a statement.
    pub fn kinds(&self) -> Vec<KindSnapshot> {
        StatementKind::ALL
            .iter()
            .filter_map(|&kind| {
                let stats = lock(&self.kinds[kind as usize]);
                let histogram = &stats.latency_us;
                if histogram.is_empty() {
                    return None;
                }
                let at = |q: f64| Duration::from_micros(histogram.value_at_quantile(q));
                Some(KindSnapshot {
                    kind,
                    count: histogram.len(),
                    sum: Duration::from_micros(stats.sum_us),
                    quantiles: [
                        (0.5, at(0.5)),
                        (0.9, at(0.9)),
                        (0.99, at(0.99)),
                        (0.999, at(0.999)),
                        (1.0, Duration::from_micros(histogram.max())),
                    ],
                    rows: stats.rows,
                    bytes: stats.bytes,
                })
            })
            .collect()
    }

    /// Errors by SQLSTATE.
    pub fn errors(&self) -> BTreeMap<String, u64> {
        lock(&self.errors).clone()
    }

    /// (application_name, table, column, statements), sorted.
    pub fn usage(&self) -> Vec<(String, String, String, u64)> {
        let mut rows: Vec<_> =
            lock(&self.usage).iter().map(|((a, t, c), n)| (a.clone(), t.clone(), c.clone(), *n)).collect();
        rows.sort();
        rows
    }

    fn merge_usage(&self, application: &str, tally: &mut HashMap<Reads, u64>) {
        let mut usage = lock(&self.usage);
        for (reads, statements) in tally.drain() {
            for (table, column) in reads.0.iter() {
                let key = (application.to_string(), table.clone(), column.clone());
                *usage.entry(key).or_insert(0) += statements;
            }
        }
    }
}

/// Locks a metrics mutex; a panic elsewhere while holding one leaves counters that are still
/// worth reading, so poisoning is ignored.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Keeps a session counted; see [`VersionMetrics::session`].
pub struct SessionGauge {
    metrics: Arc<VersionMetrics>,
}

impl Drop for SessionGauge {
    fn drop(&mut self) {
        self.metrics.sessions.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Keeps a session counted as active; see [`VersionMetrics::active`].
pub struct ActiveGuard {
    metrics: Arc<VersionMetrics>,
}

impl Drop for ActiveGuard {
    fn drop(&mut self) {
        self.metrics.active.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The package columns one planned statement reads, shared by every run of the plan; tallied by
/// identity, so counting a run costs a pointer hash.
#[derive(Debug, Clone)]
pub struct Reads(pub Arc<[(String, String)]>);

impl PartialEq for Reads {
    fn eq(&self, other: &Reads) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Reads {}

impl std::hash::Hash for Reads {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::ptr::hash(Arc::as_ptr(&self.0) as *const u8, state);
    }
}

/// A session's usage since it last merged into its version's table.
pub struct UsageTally {
    application: String,
    counts: HashMap<Reads, u64>,
    merged_at: Instant,
}

impl UsageTally {
    pub fn new(application: String) -> UsageTally {
        UsageTally { application, counts: HashMap::new(), merged_at: Instant::now() }
    }

    /// Counts one statement that read `reads`; merges into `metrics` once a second.
    pub fn count(&mut self, reads: &Reads, metrics: &VersionMetrics) {
        if reads.0.is_empty() {
            return;
        }
        match self.counts.get_mut(reads) {
            Some(count) => *count += 1,
            None => {
                self.counts.insert(reads.clone(), 1);
            }
        }
        if self.merged_at.elapsed() >= Duration::from_secs(1) {
            self.merge(metrics);
        }
    }

    /// Merges what was counted (at session end, and from [`UsageTally::count`]).
    pub fn merge(&mut self, metrics: &VersionMetrics) {
        if !self.counts.is_empty() {
            metrics.merge_usage(&self.application, &mut self.counts);
        }
        self.merged_at = Instant::now();
    }

    /// The application_name counted under.
    pub fn application(&self) -> &str {
        &self.application
    }

    /// A new application_name: what was counted so far goes under the old one.
    pub fn set_application(&mut self, application: &str, metrics: &VersionMetrics) {
        if application != self.application {
            self.merge(metrics);
            self.application = application.to_string();
        }
    }
}

/// Every version's metrics, plus process-wide counters.
#[derive(Default)]
pub struct Metrics {
    versions: DashMap<String, Arc<VersionMetrics>>,
    /// Statements answered from the statement cache (exact text or fingerprint template).
    pub cache_hits: AtomicU64,
    /// Statements that had to be parsed and planned.
    pub cache_misses: AtomicU64,
    /// Connections refused before a session started, by SQLSTATE.
    refused: Mutex<BTreeMap<String, u64>>,
}

impl Metrics {
    /// The metrics of `version`, created on its first session.
    pub fn version(&self, version: &PackageVersion) -> Arc<VersionMetrics> {
        if let Some(found) = self.versions.get(&version.id()) {
            return found.clone();
        }
        self.versions.entry(version.id()).or_insert_with(|| Arc::new(VersionMetrics::new(version))).clone()
    }

    /// Every version that has had a session, by id.
    pub fn versions(&self) -> Vec<Arc<VersionMetrics>> {
        let mut versions: Vec<_> = self.versions.iter().map(|e| e.value().clone()).collect();
        versions.sort_by_key(|v| v.id());
        versions
    }

    /// A connection refused with `sqlstate` before its session started.
    pub fn refused(&self, sqlstate: &str) {
        *lock(&self.refused).entry(sqlstate.to_string()).or_insert(0) += 1;
    }

    /// The Prometheus text exposition of everything, plus `pools` (source, in use, idle, max).
    pub fn render_prometheus(&self, pools: &[PoolUsage]) -> String {
        let mut out = String::new();
        let versions = self.versions();
        // Each version's histograms are read once per scrape, under one lock each.
        let kinds: Vec<Vec<KindSnapshot>> = versions.iter().map(|v| v.kinds()).collect();
        let labels = |v: &VersionMetrics| {
            format!("package=\"{}\",version=\"{}\",backend=\"{}\"", escape(&v.package), v.version, v.backend)
        };
        header(&mut out, "packwire_statement_duration_seconds", "summary", "Statement latency.");
        for (v, snapshots) in versions.iter().zip(&kinds) {
            for k in snapshots {
                let l = format!("{},kind=\"{}\"", labels(v), k.kind.as_str());
                for (q, value) in k.quantiles.iter().take(4) {
                    let _ = writeln!(
                        out,
                        "packwire_statement_duration_seconds{{{l},quantile=\"{q}\"}} {}",
                        value.as_secs_f64()
                    );
                }
                let _ = writeln!(out, "packwire_statement_duration_seconds_sum{{{l}}} {}", k.sum.as_secs_f64());
                let _ = writeln!(out, "packwire_statement_duration_seconds_count{{{l}}} {}", k.count);
            }
        }
        header(&mut out, "packwire_statement_duration_max_seconds", "gauge", "Longest statement so far.");
        for (v, snapshots) in versions.iter().zip(&kinds) {
            for k in snapshots {
                let l = format!("{},kind=\"{}\"", labels(v), k.kind.as_str());
                let _ =
                    writeln!(out, "packwire_statement_duration_max_seconds{{{l}}} {}", k.quantiles[4].1.as_secs_f64());
            }
        }
        for (name, help, pick) in [
            (
                "packwire_rows_returned_total",
                "Rows sent to clients.",
                (|k: &KindSnapshot| k.rows) as fn(&KindSnapshot) -> u64,
            ),
            ("packwire_bytes_returned_total", "DataRow bytes sent to clients.", |k: &KindSnapshot| k.bytes),
        ] {
            header(&mut out, name, "counter", help);
            for (v, snapshots) in versions.iter().zip(&kinds) {
                for k in snapshots {
                    let _ = writeln!(out, "{name}{{{},kind=\"{}\"}} {}", labels(v), k.kind.as_str(), pick(k));
                }
            }
        }
        header(&mut out, "packwire_errors_total", "counter", "Statements that ended in an error, by SQLSTATE.");
        for v in &versions {
            for (code, count) in v.errors() {
                let _ = writeln!(out, "packwire_errors_total{{{},sqlstate=\"{code}\"}} {count}", labels(v));
            }
        }
        header(&mut out, "packwire_sessions", "gauge", "Client sessions, active (running a statement) or idle.");
        for v in &versions {
            let (sessions, active) = v.session_counts();
            let _ = writeln!(out, "packwire_sessions{{{},state=\"active\"}} {active}", labels(v));
            let _ = writeln!(out, "packwire_sessions{{{},state=\"idle\"}} {}", labels(v), sessions - active);
        }
        header(&mut out, "packwire_deprecated_connects_total", "counter", "Sessions on a deprecated version.");
        for v in &versions {
            let count = v.deprecated_connects.load(Ordering::Relaxed);
            let _ = writeln!(out, "packwire_deprecated_connects_total{{{}}} {count}", labels(v));
        }
        header(&mut out, "packwire_column_reads_total", "counter", "Statements that read a column, by application.");
        for v in &versions {
            for (application, table, column, count) in v.usage() {
                let _ = writeln!(
                    out,
                    "packwire_column_reads_total{{{},application=\"{}\",table=\"{}\",column=\"{}\"}} {count}",
                    labels(v),
                    escape(&application),
                    escape(&table),
                    escape(&column)
                );
            }
        }
        header(&mut out, "packwire_statement_cache_total", "counter", "Statements by statement-cache outcome.");
        let _ = writeln!(
            out,
            "packwire_statement_cache_total{{result=\"hit\"}} {}",
            self.cache_hits.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "packwire_statement_cache_total{{result=\"miss\"}} {}",
            self.cache_misses.load(Ordering::Relaxed)
        );
        header(
            &mut out,
            "packwire_connections_refused_total",
            "counter",
            "Connections refused at startup, by SQLSTATE.",
        );
        for (code, count) in lock(&self.refused).iter() {
            let _ = writeln!(out, "packwire_connections_refused_total{{sqlstate=\"{code}\"}} {count}");
        }
        header(&mut out, "packwire_pool_connections", "gauge", "Backend connections per source.");
        for pool in pools {
            for (state, value) in [("in_use", pool.in_use), ("idle", pool.idle), ("max", pool.max)] {
                let _ = writeln!(
                    out,
                    "packwire_pool_connections{{package=\"{}\",version=\"{}\",state=\"{state}\"}} {value}",
                    escape(&pool.package),
                    pool.version
                );
            }
        }
        out
    }
}

/// A backend pool's connections, for metrics and `SHOW POOLS`.
#[derive(Debug, Clone)]
pub struct PoolUsage {
    pub package: String,
    pub version: String,
    pub in_use: usize,
    pub idle: usize,
    pub max: usize,
}

fn header(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

/// A Prometheus label value: backslash, double quote and newline escaped.
fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version() -> PackageVersion {
        let manifest = "[package]\nname = \"shop\"\nversion = \"1.2.0\"\n[source]\nkind = \"postgres\"\n\
                        url = \"postgres://app@localhost/shop\"\n[[tables]]\nname = \"t\"\n\
                        columns = [{ name = \"a\", type = \"int4\" }]\n";
        PackageVersion::from_toml(manifest, std::path::Path::new("/r/shop.toml")).unwrap()
    }

    #[test]
    fn records_render_as_prometheus_text() {
        let metrics = Metrics::default();
        let shop = metrics.version(&version());
        assert!(Arc::ptr_eq(&shop, &metrics.version(&version())));
        for ms in 1..=100 {
            shop.record(StatementKind::Query, Duration::from_millis(ms), 2, 30);
        }
        shop.error("42P01");
        shop.error("42P01");
        let _session = shop.session();
        {
            let _active = shop.active();
            assert_eq!(shop.session_counts(), (1, 1));
        }
        let reads = Reads(Arc::from(vec![("t".to_string(), "a".to_string())]));
        let mut tally = UsageTally::new("app \"one\"".into());
        tally.count(&reads, &shop);
        tally.count(&reads.clone(), &shop);
        tally.merge(&shop);
        metrics.cache_hits.fetch_add(3, Ordering::Relaxed);

        let text = metrics.render_prometheus(&[]);
        let l = "package=\"shop\",version=\"1.2.0\",backend=\"postgres\"";
        for line in [
            format!("packwire_statement_duration_seconds_count{{{l},kind=\"query\"}} 100"),
            format!("packwire_rows_returned_total{{{l},kind=\"query\"}} 200"),
            format!("packwire_bytes_returned_total{{{l},kind=\"query\"}} 3000"),
            format!("packwire_errors_total{{{l},sqlstate=\"42P01\"}} 2"),
            format!("packwire_sessions{{{l},state=\"idle\"}} 1"),
            format!("packwire_column_reads_total{{{l},application=\"app \\\"one\\\"\",table=\"t\",column=\"a\"}} 2"),
            "packwire_statement_cache_total{result=\"hit\"} 3".to_string(),
        ] {
            assert!(text.lines().any(|l| l == line), "missing `{line}` in:\n{text}");
        }
        // Two significant digits: within 1 % of the true quantile.
        let p50 = format!("packwire_statement_duration_seconds{{{l},kind=\"query\",quantile=\"0.5\"}} ");
        let p50: f64 = text.lines().find_map(|line| line.strip_prefix(&p50)).unwrap().parse().unwrap();
        assert!((p50 - 0.050).abs() < 0.0006, "{p50}");
        let max = format!("packwire_statement_duration_max_seconds{{{l},kind=\"query\"}} ");
        let max: f64 = text.lines().find_map(|line| line.strip_prefix(&max)).unwrap().parse().unwrap();
        assert!((max - 0.100).abs() < 0.0011, "{max}");
    }
}
