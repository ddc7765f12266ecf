//! The framed connection: pgwire's frontend-message decoder on the read side, a plain write
//! buffer that backend messages (and hot-path DataRows) are encoded straight into on the other.
//! Nothing is flushed until a protocol boundary (ReadyForQuery, Flush, a full buffer).

use bytes::BytesMut;
use futures::{SinkExt, StreamExt};
use pgwire::error::PgWireError;
use pgwire::messages::{DecodeContext, PgWireBackendMessage, PgWireFrontendMessage};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_util::codec::{Decoder, Encoder, Framed};

use crate::errors::{PgError, code};

/// Flush once this much output is buffered, so large results stream with bounded memory.
const FLUSH_THRESHOLD: usize = 64 * 1024;

/// Initial capacity of the read and write buffers. Most messages of a session are far smaller;
/// a buffer grows as a message or result needs, and an idle session gives a grown one back
/// ([`Wire::release_idle_buffers`]), so thousands of idle connections cost little memory.
const BUFFER_CAPACITY: usize = 1024;

/// A buffer grown past this is given back while the session is idle.
const IDLE_BUFFER_LIMIT: usize = 16 * 1024;

/// Decodes frontend messages in the phase the connection is in.
pub struct Codec {
    pub context: DecodeContext,
    /// Longest regular message accepted (type byte excluded); longer ones end the session
    /// before their body is buffered.
    pub max_message_bytes: usize,
}

/// Longest message accepted when no limit is configured (Postgres' own limit is 1 GB).
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

impl Decoder for Codec {
    type Item = PgWireFrontendMessage;
    type Error = PgWireError;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Self::Item>, Self::Error> {
        crate::frame::decode(src, &self.context, self.max_message_bytes)
    }
}

/// Output is written into the buffer directly; the Sink side only flushes it.
impl Encoder<bytes::Bytes> for Codec {
    type Error = std::io::Error;

    fn encode(&mut self, item: bytes::Bytes, dst: &mut BytesMut) -> Result<(), Self::Error> {
        dst.extend_from_slice(&item);
        Ok(())
    }
}

/// Replaces an empty buffer that grew past [`IDLE_BUFFER_LIMIT`] with a small one.
fn release(buffer: &mut BytesMut) {
    if !buffer.is_empty() {
        return;
    }
    // A flushed buffer is advanced to its end and reports no capacity while it still holds its
    // allocation; reserving takes the whole allocation back (no copy: it is empty).
    buffer.reserve(BUFFER_CAPACITY);
    if buffer.capacity() > IDLE_BUFFER_LIMIT {
        *buffer = BytesMut::with_capacity(BUFFER_CAPACITY);
    }
}

/// A client socket that can tell, without consuming input, when the client has gone away.
pub trait ClientSocket: AsyncRead + AsyncWrite + Unpin + Send {
    /// Completes when the peer has closed the connection (never, while it stays open).
    fn closed(&self) -> impl std::future::Future<Output = ()> + Send + '_;
}

/// Completes when the peer of `tcp` has closed it, or when the next unread byte is `terminate`
/// (a Terminate message waiting behind a running statement: the client is leaving). The close
/// is seen from the socket's read-closed readiness (EPOLLRDHUP), so unread input in front of it
/// — a pipelined message, a TLS close_notify — does not hide it.
pub async fn peer_closed(tcp: &tokio::net::TcpStream, terminate: Option<u8>) {
    let mut head = [0u8; 1];
    loop {
        match tcp.ready(tokio::io::Interest::READABLE).await {
            Err(_) => return,
            Ok(ready) if ready.is_read_closed() => return,
            Ok(_) => {}
        }
        match tcp.peek(&mut head).await {
            Ok(0) | Err(_) => return,
            Ok(_) if Some(head[0]) == terminate => return,
            // Other input (a pipelined message) is read later; readiness stays set while it
            // waits, so look again in a while rather than spin.
            Ok(_) => tokio::time::sleep(std::time::Duration::from_millis(200)).await,
        }
    }
}

/// A client connection.
pub struct Wire<S> {
    framed: Framed<S, Codec>,
}

impl<S: ClientSocket> Wire<S> {
    pub fn new(stream: S, max_message_bytes: usize) -> Wire<S> {
        let codec = Codec { context: DecodeContext::default(), max_message_bytes };
        Wire { framed: Framed::with_capacity(stream, codec, BUFFER_CAPACITY) }
    }

    /// Gives back buffers that grew for a large message or result, once they are empty (the
    /// session waits for its next statement).
    pub fn release_idle_buffers(&mut self) {
        release(self.framed.read_buffer_mut());
        release(self.framed.write_buffer_mut());
    }

    /// The socket back, for a TLS handshake; `None` when the client already sent more bytes
    /// (plaintext sent after an SSLRequest must not be read as if it had been encrypted).
    pub fn into_socket(self) -> Option<S> {
        let parts = self.framed.into_parts();
        parts.read_buf.is_empty().then_some(parts.io)
    }

    /// The decoder's phase flags (SSL negotiation, startup, regular messages).
    pub fn context(&mut self) -> &mut DecodeContext {
        &mut self.framed.codec_mut().context
    }

    /// The next message; `Ok(None)` when the client has gone away.
    pub async fn read(&mut self) -> Result<Option<PgWireFrontendMessage>, PgError> {
        match self.framed.next().await {
            None => Ok(None),
            Some(Ok(message)) => Ok(Some(message)),
            Some(Err(PgWireError::IoError(_))) => Ok(None),
            Some(Err(PgWireError::MessageTooLarge(limit, length))) => Err(PgError::fatal(
                code::PROGRAM_LIMIT_EXCEEDED,
                format!("message of {length} bytes exceeds the limit of {limit} bytes"),
            )),
            Some(Err(error)) => {
                Err(PgError::fatal(code::PROTOCOL_VIOLATION, format!("invalid frontend message: {error}")))
            }
        }
    }

    /// Queues a backend message.
    pub fn send(&mut self, message: PgWireBackendMessage) {
        // Encoding into a BytesMut cannot fail for well-formed messages; a message that does not
        // encode is dropped with a log line rather than tearing the session down.
        if let Err(error) = message.encode(self.framed.write_buffer_mut()) {
            tracing::error!(%error, "could not encode a backend message");
        }
    }

    /// Queues an error or notice.
    pub fn send_error(&mut self, error: &PgError) {
        if error.severity == "WARNING" || error.severity == "NOTICE" {
            self.send(PgWireBackendMessage::NoticeResponse(error.to_notice()));
        } else {
            self.send(PgWireBackendMessage::ErrorResponse(error.to_error_response()));
        }
    }

    /// The output buffer, for writing DataRows without an intermediate message.
    pub fn buffer(&mut self) -> &mut BytesMut {
        self.framed.write_buffer_mut()
    }

    /// Sends everything queued.
    pub async fn flush(&mut self) -> std::io::Result<()> {
        SinkExt::<bytes::Bytes>::flush(&mut self.framed).await
    }

    /// Sends queued output once enough has accumulated.
    pub async fn flush_if_full(&mut self) -> std::io::Result<()> {
        if self.framed.write_buffer().len() >= FLUSH_THRESHOLD {
            self.flush().await?;
        }
        Ok(())
    }

    /// Completes when the client has gone away.
    pub async fn closed(&self) {
        self.framed.get_ref().closed().await
    }

    /// The underlying stream (for peer address and socket options).
    pub fn get_ref(&self) -> &S {
        self.framed.get_ref()
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::AsyncWriteExt;

    /// Buffers grown for a large message or result are given back once empty; a small one is
    /// kept as it is.
    #[tokio::test]
    async fn grown_buffers_are_given_back_when_idle() {
        use tokio::io::AsyncReadExt;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let mut client = tokio::net::TcpStream::connect(listener.local_addr().unwrap()).await.unwrap();
        let (server, _) = listener.accept().await.unwrap();
        let mut wire = super::Wire::new(crate::tls::ClientStream::Plain(server), 1 << 20);
        wire.buffer().extend_from_slice(&[b'x'; 100_000]);
        wire.framed.read_buffer_mut().reserve(100_000);
        wire.release_idle_buffers();
        assert!(wire.framed.write_buffer().capacity() >= 100_000, "a buffer holding output is kept");
        let reading = tokio::spawn(async move {
            let mut received = vec![0u8; 100_000];
            client.read_exact(&mut received).await.map(|_| client)
        });
        wire.flush().await.unwrap();
        let _client = reading.await.unwrap().unwrap();
        wire.release_idle_buffers();
        assert_eq!(wire.framed.write_buffer().capacity(), super::BUFFER_CAPACITY);
        assert_eq!(wire.framed.read_buffer().capacity(), super::BUFFER_CAPACITY);
        wire.buffer().reserve(4096);
        let small = wire.framed.write_buffer().capacity();
        wire.release_idle_buffers();
        assert_eq!(wire.framed.write_buffer().capacity(), small, "a buffer under the limit is kept");
    }

    /// A client that leaves with bytes still unread (a pipelined message, or a TLS
    /// close_notify) is seen to have left.
    #[tokio::test]
    async fn a_close_behind_unread_input_is_seen() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let mut client = tokio::net::TcpStream::connect(listener.local_addr().unwrap()).await.unwrap();
        let (server, _) = listener.accept().await.unwrap();
        client.write_all(b"Q\0\0\0\x0dselect 1\0").await.unwrap();
        let waiting = tokio::time::timeout(std::time::Duration::from_millis(500), super::peer_closed(&server, None));
        assert!(waiting.await.is_err(), "an open connection with input waiting is not closed");
        drop(client);
        let seen = tokio::time::timeout(std::time::Duration::from_secs(20), super::peer_closed(&server, None));
        assert!(seen.await.is_ok(), "the close behind unread input was not seen");
    }
}
