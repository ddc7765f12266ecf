//! Every error class of the statement pipeline reaches the client with its SQLSTATE, message,
//! hint and position; no error ends the session.

mod common;

use common::{db_error, sqlstate};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_classes_have_their_sqlstates() {
    let server = common::start(&[]).await;
    let client = server.connect("tpch@1.0.0").await;
    let cases: &[(&str, &str)] = &[
        ("selec 1", "42601"),
        ("select * from nation where", "42601"),
        ("select * from nations", "42P01"),
        ("select * from pg_shadow", "42P01"),
        ("select * from other_schema.nation", "42P01"),
        ("select n_nam from nation", "42703"),
        ("select nation.x from nation", "42703"),
        ("select n_name from nation n where nation.n_regionkey = 1", "42P01"),
        ("select r_regionkey from nation, region, region r2", "42702"),
        ("insert into nation values (1, 'x', 1, 'y')", "25006"),
        ("update nation set n_name = 'x'", "25006"),
        ("delete from nation", "25006"),
        ("create table t (a int)", "25006"),
        ("drop table nation", "25006"),
        ("truncate nation", "25006"),
        ("copy nation from stdin", "25006"),
        ("select * into t2 from nation", "25006"),
        ("select * from nation for update", "25006"),
        ("set role postgres", "42501"),
        ("set session authorization postgres", "42501"),
        ("call p()", "42501"),
        ("do $$ begin perform 1; end $$", "42501"),
        ("lock table nation", "25006"),
        ("set no_such_parameter = 1", "42704"),
        ("show no_such_parameter", "42704"),
        ("set server_version = '1'", "55P02"),
        ("select nosuchfunction(1)", "42883"),
        ("select 1/0", "22012"),
        ("select * from nation, lateral (select * from region where r_regionkey = n_regionkey) r", "0A000"),
    ];
    for (sql, expected) in cases {
        let error = client.simple_query(sql).await.expect_err(sql);
        assert_eq!(sqlstate(&error), *expected, "{sql}: {error:?}");
        // The session survives every error.
        assert_eq!(common::text_rows(&client, "select 1").await, vec![vec![Some("1".into())]], "after {sql}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_carry_hints_and_positions() {
    let server = common::start(&[]).await;
    let client = server.connect("tpch@1.0.0").await;

    let error = client.simple_query("select n_nam from nation").await.unwrap_err();
    let db = db_error(&error);
    assert_eq!(db.message(), "column \"n_nam\" does not exist");
    assert_eq!(db.hint(), Some("Perhaps you meant to reference the column \"nation.n_name\"."));
    assert!(matches!(db.position(), Some(tokio_postgres::error::ErrorPosition::Original(8))));

    let error = client.simple_query("select * from nations").await.unwrap_err();
    let db = db_error(&error);
    assert_eq!(db.message(), "relation \"nations\" does not exist");
    assert_eq!(db.hint(), Some("Perhaps you meant the table \"nation\"."));

    let error = client.simple_query("select * from ledger").await.unwrap_err();
    assert!(db_error(&error).hint().unwrap_or("").contains("tpch@1.0.0 has the tables: region, nation"), "{error:?}");

    let error = client.simple_query("select 1 1").await.unwrap_err();
    let db = db_error(&error);
    assert_eq!(db.message(), "syntax error at or near \"1\"");
    assert!(matches!(db.position(), Some(tokio_postgres::error::ErrorPosition::Original(10))));
    let error = client.simple_query("select (1").await.unwrap_err();
    assert_eq!(db_error(&error).message(), "syntax error at end of input");

    let error = client.simple_query("insert into nation values (1)").await.unwrap_err();
    assert_eq!(db_error(&error).message(), "cannot execute INSERT in a read-only transaction");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn multi_statement_queries_run_in_order_and_stop_at_the_first_error() {
    let server = common::start(&[]).await;
    let client = server.connect("tpch@1.0.0").await;
    let messages = client.simple_query("select 1; select 2 as two; select count(*) from region").await.unwrap();
    let rows: Vec<String> = messages
        .iter()
        .filter_map(|m| match m {
            tokio_postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_string),
            _ => None,
        })
        .collect();
    assert_eq!(rows, ["1", "2", "5"]);
    let error = client
        .simple_query("set application_name = 'a'; select * from nope; set application_name = 'b'")
        .await
        .unwrap_err();
    assert_eq!(sqlstate(&error), "42P01");
    // A string holding a statement that validation refuses runs not at all (unlike Postgres,
    // which would have run the first SET): nothing can ride behind an accepted statement.
    assert_eq!(common::text_rows(&client, "show application_name").await, vec![vec![Some("".into())]]);
    // An error while running stops the string there: the first statement ran, the third not.
    let error =
        client.simple_query("set application_name = 'a'; select 1 / 0; set application_name = 'b'").await.unwrap_err();
    assert_eq!(sqlstate(&error), "22012");
    assert_eq!(common::text_rows(&client, "show application_name").await, vec![vec![Some("a".into())]]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_transaction_blocks_until_rollback() {
    let server = common::start(&[]).await;
    let client = server.connect("tpch@1.0.0").await;
    client.simple_query("begin").await.unwrap();
    assert_eq!(common::text_rows(&client, "select count(*) from region").await, vec![vec![Some("5".into())]]);
    let error = client.simple_query("select nope from region").await.unwrap_err();
    assert_eq!(sqlstate(&error), "42703");
    let error = client.simple_query("select 1").await.unwrap_err();
    assert_eq!(sqlstate(&error), "25P02");
    // A statement from the statement cache is refused too.
    let error = client.simple_query("select count(*) from region").await.unwrap_err();
    assert_eq!(sqlstate(&error), "25P02");
    let error = client.query("select count(*) from region", &[]).await.unwrap_err();
    assert_eq!(sqlstate(&error), "25P02");
    client.simple_query("rollback").await.unwrap();
    assert_eq!(common::text_rows(&client, "select 1").await, vec![vec![Some("1".into())]]);
    // A read-only transaction commits normally.
    client.simple_query("begin read only").await.unwrap();
    client.simple_query("select 1").await.unwrap();
    client.simple_query("commit").await.unwrap();
}
