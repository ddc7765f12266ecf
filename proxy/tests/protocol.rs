//! The extended protocol at the message level: pipelined Parse/Bind/Describe/Execute/Close/Sync
//! answered strictly in order, portal suspension and resumption, skip-to-Sync after an error,
//! Flush without Sync.

mod common;

use bytes::Bytes;
use common::raw::Raw;
use pgwire::messages::PgWireFrontendMessage;
use pgwire::messages::extendedquery::{Bind, Close, Describe, Execute, Flush, Parse, Sync};
use pgwire::messages::simplequery::Query;

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
async fn an_error_is_sent_at_once_without_waiting_for_sync() {
    let server = common::start(&[]).await;
    let mut raw = Raw::connect(server.port, "tpch@1.0.0").await;
    // asyncpg prepares with Parse, Describe and Flush, and sends Sync only once it has the answer.
    let describe = PgWireFrontendMessage::Describe(Describe::new(b'S', Some("s".into())));
    raw.send(vec![parse("s", "select nope from nation"), describe, PgWireFrontendMessage::Flush(Flush::new())]).await;
    // A hang (the error held back until Sync) fails here instead of stalling the run.
    let (kind, body) = tokio::time::timeout(std::time::Duration::from_secs(60), raw.next()).await.expect("no answer");
    assert_eq!(kind, 'E');
    assert!(String::from_utf8_lossy(&body).contains("42703"));
    raw.send(vec![sync()]).await;
    assert_eq!(kinds(&raw.until_ready().await), "Z");
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
