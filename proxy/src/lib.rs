//! packwire's server: the wire protocol front end, sessions, routing by `package@version`, and
//! the command line. See ARCHITECTURE.md for the map.

pub mod admin;
pub mod array_text;
pub mod auth;
pub mod catalog;
pub mod cli;
pub mod compare;
pub mod config;
pub mod demo;
pub mod encode;
pub mod errors;
pub mod frame;
pub mod http;
pub mod metrics;
pub mod params;
pub mod server;
pub mod session;
pub mod settings;
pub mod shared;
pub mod startup;
pub mod tls;
pub mod tooling;
pub mod wire;

use std::path::Path;
use std::sync::Arc;

use package::Registry;

pub use shared::Shared;

/// Loads a registry directory and logs every manifest that could not be loaded.
pub fn load_registry(dir: &Path) -> std::io::Result<Registry> {
    let dir = dir.canonicalize()?;
    let registry = Registry::load_dir(&dir)?;
    for problem in registry.problems() {
        tracing::error!("manifest skipped: {problem}");
    }
    Ok(registry)
}

/// Starts serving `registry` on an already bound listener (tests use an ephemeral port), with
/// trust authentication and no TLS.
pub fn spawn_server(listener: tokio::net::TcpListener, registry: Registry) -> Arc<Shared> {
    spawn_server_with(listener, registry, auth::FrontDoor::trust())
}

/// Starts serving `registry` on an already bound listener behind `front`.
pub fn spawn_server_with(listener: tokio::net::TcpListener, registry: Registry, front: auth::FrontDoor) -> Arc<Shared> {
    let shared = Arc::new(Shared::new(registry, front));
    let serving = shared.clone();
    tokio::spawn(async move {
        if let Err(error) = server::serve(listener, serving).await {
            tracing::error!(%error, "server stopped");
        }
    });
    shared
}
