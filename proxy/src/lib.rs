//! packwire's server: the wire protocol front end, sessions, routing by `package@version`, and
//! the command line. See ARCHITECTURE.md for the map.

pub mod array_text;
pub mod catalog;
pub mod cli;
pub mod compare;
pub mod demo;
pub mod encode;
pub mod errors;
pub mod params;
pub mod server;
pub mod session;
pub mod settings;
pub mod shared;
pub mod startup;
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

/// Starts serving `registry` on an already bound listener (tests use an ephemeral port).
pub fn spawn_server(listener: tokio::net::TcpListener, registry: Registry) -> Arc<Shared> {
    let shared = Arc::new(Shared::new(registry));
    let serving = shared.clone();
    tokio::spawn(async move {
        if let Err(error) = server::serve(listener, serving).await {
            tracing::error!(%error, "server stopped");
        }
    });
    shared
}
