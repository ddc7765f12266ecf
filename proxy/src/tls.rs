//! TLS towards clients: the certificate and key from config, the two ways a client starts TLS
//! (SSLRequest then a handshake, or Postgres 17's direct TLS with ALPN `postgresql`), and the
//! stream a session runs on, plain or encrypted. It never decides *whether* a client may stay in
//! plaintext; `startup` does (`require_tls`).

use std::io;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

use crate::wire::ClientSocket;

/// The ALPN protocol name Postgres clients offer for direct TLS.
pub const ALPN_POSTGRESQL: &[u8] = b"postgresql";

/// The first byte of a TLS ClientHello record: how a direct-TLS connection is told apart from a
/// Postgres startup packet (whose first byte is the high byte of a small length, i.e. 0).
pub const TLS_HANDSHAKE_BYTE: u8 = 0x16;

/// A loaded server certificate: the acceptor, and the certificate PEM that SCRAM channel binding
/// (`tls-server-end-point`) hashes.
pub struct ServerTls {
    acceptor: TlsAcceptor,
    /// The certificate chain as PEM (the first one is the server's).
    pub certificate_pem: Vec<u8>,
}

impl ServerTls {
    /// Loads a PEM certificate chain and its private key (PKCS#8, PKCS#1 or SEC1).
    pub fn load(cert: &Path, key: &Path) -> Result<ServerTls, String> {
        let certificate_pem = std::fs::read(cert).map_err(|e| format!("TLS certificate {}: {e}", cert.display()))?;
        let chain: Vec<_> = rustls_pemfile::certs(&mut certificate_pem.as_slice())
            .collect::<Result<_, _>>()
            .map_err(|e| format!("TLS certificate {}: {e}", cert.display()))?;
        if chain.is_empty() {
            return Err(format!("TLS certificate {}: no PEM certificate in the file", cert.display()));
        }
        let key_pem = std::fs::read(key).map_err(|e| format!("TLS key {}: {e}", key.display()))?;
        let private_key = rustls_pemfile::private_key(&mut key_pem.as_slice())
            .map_err(|e| format!("TLS key {}: {e}", key.display()))?
            .ok_or_else(|| format!("TLS key {}: no PEM private key in the file", key.display()))?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS: {e}"))?
            .with_no_client_auth()
            .with_single_cert(chain, private_key)
            .map_err(|e| format!("TLS certificate {} and key {}: {e}", cert.display(), key.display()))?;
        config.alpn_protocols = vec![ALPN_POSTGRESQL.to_vec()];
        Ok(ServerTls { acceptor: TlsAcceptor::from(Arc::new(config)), certificate_pem })
    }

    /// Runs the server side of a TLS handshake on `socket`.
    pub async fn accept(&self, socket: TcpStream) -> io::Result<TlsStream<TcpStream>> {
        self.acceptor.accept(socket).await
    }
}

/// A client connection: plaintext, or TLS after SSLRequest or direct TLS.
pub enum ClientStream {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

impl ClientStream {
    /// Whether the connection is encrypted.
    pub fn is_tls(&self) -> bool {
        matches!(self, ClientStream::Tls(_))
    }

    /// The ALPN protocol the TLS handshake agreed on.
    pub fn alpn(&self) -> Option<&[u8]> {
        match self {
            ClientStream::Plain(_) => None,
            ClientStream::Tls(tls) => tls.get_ref().1.alpn_protocol(),
        }
    }

    fn tcp(&self) -> &TcpStream {
        match self {
            ClientStream::Plain(tcp) => tcp,
            ClientStream::Tls(tls) => tls.get_ref().0,
        }
    }
}

impl AsyncRead for ClientStream {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            ClientStream::Plain(tcp) => Pin::new(tcp).poll_read(cx, buf),
            ClientStream::Tls(tls) => Pin::new(tls.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for ClientStream {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            ClientStream::Plain(tcp) => Pin::new(tcp).poll_write(cx, buf),
            ClientStream::Tls(tls) => Pin::new(tls.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            ClientStream::Plain(tcp) => Pin::new(tcp).poll_flush(cx),
            ClientStream::Tls(tls) => Pin::new(tls.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            ClientStream::Plain(tcp) => Pin::new(tcp).poll_shutdown(cx),
            ClientStream::Tls(tls) => Pin::new(tls.as_mut()).poll_shutdown(cx),
        }
    }
}

impl ClientSocket for ClientStream {
    async fn closed(&self) {
        // Plaintext input can be inspected for a waiting Terminate; TLS records cannot, so an
        // encrypted client's departure is seen when its TCP connection closes.
        let terminate = if self.is_tls() { None } else { Some(b'X') };
        crate::wire::peer_closed(self.tcp(), terminate).await
    }
}
