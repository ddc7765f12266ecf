//! The extended protocol at the message level: pipelined Parse/Bind/Describe/Execute/Close/Sync
//! answered strictly in order, portal suspension and resumption, skip-to-Sync after an error,
//! Flush without Sync.

mod common;

use bytes::{Buf, Bytes, BytesMut};
use pgwire::messages::PgWireFrontendMessage;
use pgwire::messages::extendedquery::{Bind, Close, Describe, Execute, Flush, Parse, Sync};
use pgwire::messages::simplequery::Query;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A raw connection past startup.
struct Raw {
    socket: TcpStream,
    input: BytesMut,
}

impl Raw {
    async fn connect(port: u16, database: &str) -> Raw {
        let socket = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let mut raw = Raw { socket, input: BytesMut::new() };
        let mut body = Vec::new();
        body.extend_from_slice(&196_608i32.to_be_bytes());
        for (k, v) in [("user", "raw"), ("database", database)] {
            body.extend_from_slice(k.as_bytes());
            body.push(0);
            body.extend_from_slice(v.as_bytes());
            body.push(0);
        }
        body.push(0);
        let mut packet = ((body.len() + 4) as i32).to_be_bytes().to_vec();
        packet.extend_from_slice(&body);
        raw.socket.write_all(&packet).await.unwrap();
        let greeting = raw.until_ready().await;
        assert_eq!(greeting.first().map(|(t, _)| *t), Some('R'), "{greeting:?}");
        raw
    }

    async fn send(&mut self, messages: Vec<PgWireFrontendMessage>) {
        let mut buf = BytesMut::new();
        for message in messages {
            message.encode(&mut buf).unwrap();
        }
        self.socket.write_all(&buf).await.unwrap();
    }

    /// Reads one backend message: (type, body).
    async fn next(&mut self) -> (char, Bytes) {
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

    /// Message types up to and including ReadyForQuery.
    async fn until_ready(&mut self) -> Vec<(char, Bytes)> {
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

fn kinds(messages: &[(char, Bytes)]) -> String {
    messages.iter().map(|(t, _)| *t).collect()
}

fn parse(name: &str, sql: &str) -> PgWireFrontendMessage {
    PgWireFrontendMessage::Parse(Parse::new(Some(name.to_string()), sql.to_string(), vec![]))
}

fn bind(portal: &str, statement: &str, params: Vec<Option<&str>>) -> PgWireFrontendMessage {
    PgWireFrontendMessage::Bind(Bind::new(
        Some(portal.to_string()),
        Some(statement.to_string()),
        vec![],
        params.into_iter().map(|p| p.map(|v| Bytes::copy_from_slice(v.as_bytes()))).collect(),
        vec![],
    ))
}

fn execute(portal: &str, max_rows: i32) -> PgWireFrontendMessage {
    PgWireFrontendMessage::Execute(Execute::new(Some(portal.to_string()), max_rows))
}

fn sync() -> PgWireFrontendMessage {
    PgWireFrontendMessage::Sync(Sync::new())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelined_messages_are_answered_in_order_with_portal_suspension() {
    let server = common::start(&[]).await;
    let mut raw = Raw::connect(server.port, "tpch@1.0.0").await;
    raw.send(vec![
        parse("s1", "select n_nationkey from nation order by n_nationkey limit $1"),
        PgWireFrontendMessage::Describe(Describe::new(b'S', Some("s1".into()))),
        bind("p1", "s1", vec![Some("5")]),
        PgWireFrontendMessage::Describe(Describe::new(b'P', Some("p1".into()))),
        execute("p1", 2),
        execute("p1", 2),
        execute("p1", 2),
        PgWireFrontendMessage::Close(Close::new(b'P', Some("p1".into()))),
        PgWireFrontendMessage::Close(Close::new(b'S', Some("s1".into()))),
        sync(),
    ])
    .await;
    let answer = raw.until_ready().await;
    // ParseComplete, ParameterDescription, RowDescription, BindComplete, RowDescription,
    // 2 rows + PortalSuspended, 2 rows + PortalSuspended, 1 row + CommandComplete, 2× CloseComplete.
    assert_eq!(kinds(&answer), "1tT2TDDsDDsDC33Z", "{answer:?}");
    let complete = answer.iter().find(|(t, _)| *t == 'C').unwrap();
    assert_eq!(&complete.1[..], b"SELECT 1\0");

    // The closed statement is gone.
    raw.send(vec![bind("", "s1", vec![]), sync()]).await;
    let answer = raw.until_ready().await;
    assert_eq!(kinds(&answer), "EZ");
    assert!(String::from_utf8_lossy(&answer[0].1).contains("26000"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_an_error_messages_are_skipped_until_sync() {
    let server = common::start(&[]).await;
    let mut raw = Raw::connect(server.port, "tpch@1.0.0").await;
    raw.send(vec![
        parse("", "select nope from nation"),
        bind("", "", vec![]),
        execute("", 0),
        sync(),
        parse("", "select count(*) from region"),
        bind("", "", vec![]),
        execute("", 0),
        sync(),
    ])
    .await;
    let first = raw.until_ready().await;
    assert_eq!(kinds(&first), "EZ");
    assert!(String::from_utf8_lossy(&first[0].1).contains("42703"));
    let second = raw.until_ready().await;
    assert_eq!(kinds(&second), "12DCZ");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flush_sends_pending_answers_without_sync() {
    let server = common::start(&[]).await;
    let mut raw = Raw::connect(server.port, "tpch@1.0.0").await;
    raw.send(vec![parse("s", "select 1"), PgWireFrontendMessage::Flush(Flush::new())]).await;
    assert_eq!(raw.next().await.0, '1');
    raw.send(vec![sync()]).await;
    assert_eq!(kinds(&raw.until_ready().await), "Z");
    // Portals of a finished implicit transaction are gone after Sync; named statements are not.
    raw.send(vec![bind("p", "s", vec![]), sync(), execute("p", 0), sync()]).await;
    assert_eq!(kinds(&raw.until_ready().await), "2Z");
    let answer = raw.until_ready().await;
    assert_eq!(kinds(&answer), "EZ");
    assert!(String::from_utf8_lossy(&answer[0].1).contains("34000"));
    // Simple query still works on the same connection.
    raw.send(vec![PgWireFrontendMessage::Query(Query::new("select 1".into()))]).await;
    assert_eq!(kinds(&raw.until_ready().await), "TDCZ");
}
