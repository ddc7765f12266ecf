//! A client that speaks the wire protocol by hand, for tests that must send exactly the bytes
//! they mean (pipelines, SASL exchanges) or see every message the server answers with.

use std::collections::HashMap;

use bytes::{Buf, Bytes, BytesMut};
use pgwire::messages::PgWireFrontendMessage;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One connection and what has been read from it but not yet taken.
pub struct Raw {
    socket: TcpStream,
    input: BytesMut,
}

impl Raw {
    /// Connects and sends a protocol 3.0 startup packet for `user` and `database`; reads nothing.
    pub async fn start(port: u16, user: &str, database: &str) -> Raw {
        let socket = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let mut raw = Raw { socket, input: BytesMut::new() };
        let mut body = 196_608i32.to_be_bytes().to_vec();
        for (k, v) in [("user", user), ("database", database)] {
            body.extend_from_slice(k.as_bytes());
            body.push(0);
            body.extend_from_slice(v.as_bytes());
            body.push(0);
        }
        body.push(0);
        let mut packet = ((body.len() + 4) as i32).to_be_bytes().to_vec();
        packet.extend_from_slice(&body);
        raw.socket.write_all(&packet).await.unwrap();
        raw
    }

    /// A session as user `raw` on a trust server, read up to its first ReadyForQuery.
    pub async fn connect(port: u16, database: &str) -> Raw {
        let mut raw = Raw::start(port, "raw", database).await;
        let greeting = raw.until_ready().await;
        assert_eq!(greeting.first().map(|(t, _)| *t), Some('R'), "{greeting:?}");
        raw
    }

    /// Sends `messages` in one write.
    pub async fn send(&mut self, messages: Vec<PgWireFrontendMessage>) {
        let mut buf = BytesMut::new();
        for message in messages {
            message.encode(&mut buf).unwrap();
        }
        self.socket.write_all(&buf).await.unwrap();
    }

    /// Sends one message of type `kind` with `body`, framed but otherwise exactly as given.
    pub async fn send_raw(&mut self, kind: u8, body: &[u8]) {
        let mut message = vec![kind];
        message.extend_from_slice(&((body.len() + 4) as u32).to_be_bytes());
        message.extend_from_slice(body);
        self.socket.write_all(&message).await.unwrap();
    }

    /// Reads one backend message: (type, body).
    pub async fn next(&mut self) -> (char, Bytes) {
        loop {
            if self.input.len() >= 5 {
                let len = i32::from_be_bytes(self.input[1..5].try_into().unwrap()) as usize;
                if self.input.len() > len {
                    let kind = self.input[0] as char;
                    self.input.advance(5);
                    return (kind, self.input.split_to(len - 4).freeze());
                }
            }
            let read = tokio::time::timeout(std::time::Duration::from_secs(20), self.socket.read_buf(&mut self.input))
                .await
                .expect("server answered in time")
                .unwrap();
            assert!(read > 0, "server closed the connection");
        }
    }

    /// Messages up to and including ReadyForQuery.
    pub async fn until_ready(&mut self) -> Vec<(char, Bytes)> {
        let mut seen = Vec::new();
        loop {
            let message = self.next().await;
            let done = message.0 == 'Z';
            seen.push(message);
            if done {
                return seen;
            }
        }
    }
}

/// The fields of an ErrorResponse or NoticeResponse body, by field type (`C` = SQLSTATE, …).
pub fn error_fields(body: &[u8]) -> HashMap<u8, String> {
    body.split(|b| *b == 0)
        .filter(|f| !f.is_empty())
        .map(|f| (f[0], String::from_utf8_lossy(&f[1..]).to_string()))
        .collect()
}
