//! The `packwire` binary.

use clap::Parser;
use packwire::cli::{self, Cli, Command, ServeArgs};
use packwire::config::ConfigFile;
use tracing_subscriber::EnvFilter;

/// mimalloc rather than the system allocator: see the dependency's note in Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // PACKWIRE_LOG sets the level filter (default info); PACKWIRE_LOG_FORMAT=json writes one
    // JSON object per line for log collectors.
    let filter = EnvFilter::try_from_env("PACKWIRE_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if std::env::var("PACKWIRE_LOG_FORMAT").is_ok_and(|format| format.eq_ignore_ascii_case("json")) {
        logs.json().init();
    } else {
        logs.init();
    }
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the runtime: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Serve(args) => serve(args).await,
            Command::Explain(args) => cli::explain(args).await,
            Command::GenerateData { manifest } => cli::generate_data(&manifest),
            Command::Package(command) => cli::package(command).await,
            Command::User(command) => cli::user(command),
            Command::Config(command) => cli::config(command),
        }
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn serve(args: ServeArgs) -> Result<(), String> {
    let config = ConfigFile::load(args.config.as_deref(), std::env::vars())?;
    let listen = args.listen.clone().or(config.listen.clone()).unwrap_or_else(|| cli::DEFAULT_LISTEN.to_string());
    let given_registry = args.registry.clone().or(config.registry.clone());
    let demo = given_registry.is_none();
    let registry_dir = cli::registry_dir(given_registry)?;
    let registry = packwire::load_registry(&registry_dir).map_err(|e| format!("{}: {e}", registry_dir.display()))?;
    let listener =
        tokio::net::TcpListener::bind(&listen).await.map_err(|e| format!("cannot listen on {listen}: {e}"))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let front = config.front_door(args.auth, args.users.as_deref(), demo, address)?;
    let (method, tls) = (front.method, front.tls.is_some());
    let shutdown_timeout = front.limits.shutdown_timeout;
    let versions: Vec<_> = registry.versions().cloned().collect();
    let shared = packwire::spawn_server_with(listener, registry, front);
    shared.set_registry_dir(registry_dir.clone());
    if let Some(users) = args.users.clone().or(config.auth.users.clone()) {
        shared.set_users_file(users);
    }
    if let Some(metrics) = args.metrics.clone().or(config.metrics.clone()) {
        let listener = tokio::net::TcpListener::bind(&metrics)
            .await
            .map_err(|e| format!("cannot listen for metrics on {metrics}: {e}"))?;
        println!(
            "metrics on http://{}/metrics (also /healthz, /readyz)",
            listener.local_addr().map_err(|e| e.to_string())?
        );
        tokio::spawn(packwire::http::serve(listener, shared.clone()));
    }

    // Open (and for the demo, generate) every version up front so the first query is fast.
    for version in &versions {
        cli::generate_in_child(version).await;
        if let Err(error) = shared.connector(version).await {
            tracing::error!(package = %version.id(), "not ready: {}", error.message);
        }
    }
    println!(
        "packwire {} listening on {address} (registry: {}; auth: {method:?}{})",
        env!("CARGO_PKG_VERSION"),
        registry_dir.display(),
        if tls { ", TLS" } else { "" }
    );
    for version in &versions {
        println!(
            "  {:<16} {:<8} psql \"postgres://{}:{}/{}\"",
            version.id(),
            version.source.kind(),
            address.ip(),
            address.port(),
            version.id()
        );
    }
    if versions.is_empty() {
        println!("  (no packages: check the errors above)");
    }
    tokio::spawn(watch_registry(shared.clone(), registry_dir.clone(), config.registry_poll()?));
    let signal = tokio::select! {
        signal = shutdown_signal() => signal?,
        () = shared.shutdown_requested() => "SHUTDOWN",
    };
    // Drain: stop accepting, end idle sessions, let running statements finish (up to the
    // shutdown timeout), then exit.
    shared.start_draining();
    let sessions = shared.session_count();
    tracing::info!(signal, sessions, timeout_s = shutdown_timeout.as_secs_f64(), "draining for shutdown");
    let deadline = tokio::time::Instant::now() + shutdown_timeout;
    while shared.session_count() > 0 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let left = shared.session_count();
    if left > 0 {
        tracing::warn!(sessions = left, "shutdown timeout passed; ending the sessions still running");
    }
    println!("shut down ({signal})");
    Ok(())
}

/// Reloads the registry on SIGHUP and, every `poll`, when its manifests changed. A reload that
/// fails keeps the served state (see `Shared::reload`).
async fn watch_registry(
    shared: std::sync::Arc<packwire::Shared>,
    dir: std::path::PathBuf,
    poll: Option<std::time::Duration>,
) {
    use tokio::signal::unix::{SignalKind, signal};
    let mut hangup = match signal(SignalKind::hangup()) {
        Ok(hangup) => Some(hangup),
        Err(error) => {
            tracing::warn!(%error, "SIGHUP reloads are unavailable");
            None
        }
    };
    let mut seen = manifests_state(&dir);
    loop {
        let why = tokio::select! {
            Some(()) = async { hangup.as_mut()?.recv().await } => "SIGHUP",
            () = async { match poll { Some(every) => tokio::time::sleep(every).await, None => std::future::pending().await } } => {
                let now = manifests_state(&dir);
                if now == seen {
                    continue;
                }
                seen = now;
                "a manifest changed"
            }
        };
        if why == "SIGHUP" {
            match shared.reload_users() {
                Ok(Some(users)) => tracing::info!(users, "users file reloaded"),
                Ok(None) => {}
                Err(problem) => tracing::error!("users file not reloaded, the previous users stay: {problem}"),
            }
        }
        match shared.reload(&dir) {
            Ok(summary) => tracing::info!(
                why,
                versions = summary.versions,
                added = ?summary.added,
                removed = ?summary.removed,
                "registry reloaded"
            ),
            Err(problems) => {
                for problem in &problems {
                    tracing::error!(why, "registry reload refused: {problem}");
                }
                tracing::error!(why, "still serving the registry as it was before");
            }
        }
    }
}

/// What the registry directory holds: each manifest's name, size and modification time. Polled
/// rather than watched with inotify, which misses changes on network and overlay mounts where
/// registries shared by replicas live; one directory listing per interval costs nothing.
fn manifests_state(dir: &std::path::Path) -> Vec<(std::ffi::OsString, u64, Option<std::time::SystemTime>)> {
    let mut state: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.path().extension().is_some_and(|e| e == "toml"))
        .map(|entry| {
            let metadata = entry.metadata().ok();
            let size = metadata.as_ref().map_or(0, |m| m.len());
            (entry.file_name(), size, metadata.and_then(|m| m.modified().ok()))
        })
        .collect();
    state.sort();
    state
}

/// Waits for SIGTERM or SIGINT (Ctrl-C); returns its name.
async fn shutdown_signal() -> Result<&'static str, String> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut terminate = signal(SignalKind::terminate()).map_err(|e| e.to_string())?;
    tokio::select! {
        _ = terminate.recv() => Ok("SIGTERM"),
        result = tokio::signal::ctrl_c() => result.map(|()| "SIGINT").map_err(|e| e.to_string()),
    }
}
