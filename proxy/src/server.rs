//! The listener: accepts connections and runs each one as its own task, so a broken client (or a
//! panic while serving it) never affects another session.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::{TcpListener, TcpStream};

use crate::session::Session;
use crate::shared::Shared;
use crate::startup::{self, Outcome};
use crate::tls::{ALPN_POSTGRESQL, ClientStream, TLS_HANDSHAKE_BYTE};
use crate::wire::Wire;

/// Accepts connections until the server starts draining for shutdown.
pub async fn serve(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    let mut drain = shared.drain_signal();
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = drain.wait_for(|draining| *draining) => return Ok(()),
        };
        let (socket, peer) = match accepted {
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
    // Everything before the session — the first bytes, a TLS handshake, startup and
    // authentication — must finish within the authentication timeout, or the socket is closed.
    let before_session = async {
        let stream = open(socket, peer, &shared).await?;
        let wire = Wire::new(stream, shared.front.limits.max_message_bytes);
        Some(startup::startup(wire, &shared).await)
    };
    // Boxed, as the admin console and the session below: the connection's task then holds only
    // the phase it is in, not room for the largest of them.
    let before_session = Box::pin(before_session);
    let startup = match tokio::time::timeout(shared.front.limits.authentication_timeout, before_session).await {
        Ok(Some(Outcome::Ready(wire, startup))) => Some((wire, startup)),
        Ok(Some(Outcome::Refused(mut wire, error))) => {
            tracing::info!(%peer, code = %error.code, message = %error.message, "connection refused");
            shared.metrics.refused(&error.code);
            wire.send_error(&error);
            let _ = wire.flush().await;
            None
        }
        Ok(Some(Outcome::Admin(wire, user, admission))) => {
            tracing::info!(%peer, %user, "admin console session started");
            let _admission = admission;
            let _ = Box::pin(crate::admin::serve(wire, &shared, &user)).await;
            tracing::info!(%peer, %user, "admin console session ended");
            None
        }
        Ok(Some(Outcome::Done) | None) => None,
        Err(_) => {
            tracing::info!(%peer, "connection closed: startup took longer than the authentication timeout");
            None
        }
    };
    let Some((mut wire, startup)) = startup else { return };
    let connector = match Box::pin(shared.connector(&startup.package)).await {
        Ok(connector) => connector,
        Err(error) => {
            tracing::warn!(%peer, package = %startup.package.id(), message = %error.message, "package unavailable");
            wire.send_error(&error);
            let _ = wire.flush().await;
            return;
        }
    };
    let package = startup.package.id();
    let user = startup.user.clone();
    let application = startup.settings.get("application_name").unwrap_or_default();
    let tls = wire.get_ref().is_tls();
    let cancel = shared.register_session(crate::shared::Listing {
        user: user.clone(),
        database: package.clone(),
        backend: startup.package.source.kind(),
        application: application.clone(),
        peer,
        tls,
        connected: std::time::SystemTime::now(),
    });
    startup::greet(&mut wire, &startup.settings, cancel.pid, cancel.secret);
    tracing::info!(%peer, user = %startup.user, %package, %application, tls, pid = cancel.pid, "session started");
    let started = std::time::Instant::now();
    let _admission = startup.admission;
    let session =
        Session::new(wire, startup.user, startup.package, connector, startup.settings, cancel, shared.clone());
    let result = Box::pin(session.run()).await;
    tracing::info!(
        %peer,
        %package,
        %user,
        %application,
        seconds = started.elapsed().as_secs_f64(),
        error = ?result.err(),
        "session ended"
    );
}

/// The client's stream: plaintext, or TLS right away when the first byte starts a TLS handshake
/// (Postgres 17's `sslnegotiation=direct`, which must negotiate ALPN `postgresql`).
async fn open(socket: TcpStream, peer: SocketAddr, shared: &Shared) -> Option<ClientStream> {
    let mut first = [0u8; 1];
    match socket.peek(&mut first).await {
        Ok(1) if first[0] == TLS_HANDSHAKE_BYTE => {}
        Ok(_) => return Some(ClientStream::Plain(socket)),
        Err(_) => return None,
    }
    let Some(tls) = &shared.front.tls else {
        tracing::info!(%peer, "connection closed: direct TLS without a configured certificate");
        return None;
    };
    let stream = match tls.accept(socket).await {
        Ok(stream) => ClientStream::Tls(Box::new(stream)),
        Err(error) => {
            tracing::info!(%peer, %error, "direct TLS handshake failed");
            return None;
        }
    };
    if stream.alpn() != Some(ALPN_POSTGRESQL) {
        // As Postgres 17: direct TLS without ALPN could be a confused HTTPS client.
        tracing::info!(%peer, "connection closed: direct TLS without ALPN protocol \"postgresql\"");
        return None;
    }
    Some(stream)
}
