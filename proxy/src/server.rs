//! The listener: accepts connections and runs each one as its own task, so a broken client (or a
//! panic while serving it) never affects another session.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::{TcpListener, TcpStream};

use crate::session::Session;
use crate::shared::Shared;
use crate::startup;
use crate::wire::Wire;

/// Accepts connections until the listener fails.
pub async fn serve(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    loop {
        let (socket, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(error) => {
                // Out of file descriptors and the like: back off instead of spinning.
                tracing::warn!(%error, "accept failed");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let shared = shared.clone();
        tokio::spawn(async move { handle(socket, peer, shared).await });
    }
}

async fn handle(socket: TcpStream, peer: SocketAddr, shared: Arc<Shared>) {
    let _ = socket.set_nodelay(true);
    let mut wire = Wire::new(socket);
    let startup = match startup::startup(&mut wire, &shared).await {
        Ok(Some(startup)) => startup,
        Ok(None) => return,
        Err(error) => {
            tracing::info!(%peer, code = %error.code, message = %error.message, "connection refused");
            wire.send_error(&error);
            let _ = wire.flush().await;
            return;
        }
    };
    let connector = match shared.connector(&startup.package).await {
        Ok(connector) => connector,
        Err(error) => {
            tracing::warn!(%peer, package = %startup.package.id(), message = %error.message, "package unavailable");
            wire.send_error(&error);
            let _ = wire.flush().await;
            return;
        }
    };
    let cancel = shared.register_cancel();
    startup::greet(&mut wire, &startup.settings, cancel.pid, cancel.secret);
    let package = startup.package.id();
    let application = startup.settings.get("application_name").unwrap_or_default();
    tracing::info!(%peer, user = %startup.user, %package, %application, pid = cancel.pid, "session started");
    let started = std::time::Instant::now();
    let session =
        Session::new(wire, startup.user, startup.package, connector, startup.settings, cancel, shared.clone());
    let result = session.run().await;
    tracing::info!(%peer, %package, seconds = started.elapsed().as_secs_f64(), error = ?result.err(), "session ended");
}
