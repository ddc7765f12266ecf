//! The extended protocol through tokio-postgres: parameters (typed and inferred), describe,
//! pipelining, portals with max_rows, named statements, errors skipping to Sync.

mod common;

use tokio_postgres::types::Type;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parameters_are_bound_and_inferred() {
    let server = common::start(&[]).await;
    let client = server.connect("tpch@1.1.0").await;

    let statement = client.prepare("select n_name, n_regionkey from nation where n_nationkey = $1").await.unwrap();
    assert_eq!(statement.params(), &[Type::INT8]);
    assert_eq!(statement.columns()[0].name(), "n_name");
    assert_eq!(statement.columns()[0].type_(), &Type::VARCHAR);
    assert_eq!(statement.columns()[1].type_(), &Type::INT8);
    let row = client.query_one(&statement, &[&7i64]).await.unwrap();
    assert_eq!(row.get::<_, String>(0), "GERMANY");
    assert_eq!(row.get::<_, i64>(1), 3);

    // A parameter of unknown type is announced as text, never as `unknown`.
    let statement = client.prepare("select $1 as echo").await.unwrap();
    assert_eq!(statement.params(), &[Type::TEXT]);
    let row = client.query_one(&statement, &[&"hello"]).await.unwrap();
    assert_eq!(row.get::<_, String>(0), "hello");

    // Client-declared parameter types are honoured and converted to what the engine needs.
    let statement =
        client.prepare_typed("select count(*) from nation where n_regionkey = $1", &[Type::INT4]).await.unwrap();
    assert_eq!(statement.params(), &[Type::INT4]);
    let row = client.query_one(&statement, &[&1i32]).await.unwrap();
    assert_eq!(row.get::<_, i64>(0), 5);

    // Values are bound, never spliced: a quote in a parameter is just data.
    let rows = client.query("select n_name from nation where n_name = $1", &[&"x' or '1'='1"]).await.unwrap();
    assert!(rows.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelined_statements_are_answered_in_order() {
    let server = common::start(&[]).await;
    let client = server.connect("tpch@1.0.0").await;
    let a = client.prepare("select r_name from region where r_regionkey = $1");
    let b = client.prepare("select count(*) from nation");
    let (a, b) = tokio::join!(a, b);
    let (a, b) = (a.unwrap(), b.unwrap());
    let futures = (0..5i64).map(|k| {
        let client = &client;
        let a = &a;
        async move { client.query_one(a, &[&k]).await.map(|r| r.get::<_, String>(0)) }
    });
    let names: Vec<String> = futures::future::join_all(futures).await.into_iter().map(Result::unwrap).collect();
    assert_eq!(names, ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"]);
    let (bad, good) = tokio::join!(client.query("select nope from region", &[]), client.query_one(&b, &[]));
    assert_eq!(common::sqlstate(&bad.unwrap_err()), "42703");
    assert_eq!(good.unwrap().get::<_, i64>(0), 25);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn portals_suspend_and_resume() {
    let server = common::start(&[]).await;
    let mut client = server.connect("tpch@1.0.0").await;
    let transaction = client.transaction().await.unwrap();
    let statement = transaction.prepare("select n_nationkey from nation order by n_nationkey").await.unwrap();
    let portal = transaction.bind(&statement, &[]).await.unwrap();
    let mut seen = Vec::new();
    loop {
        let rows = transaction.query_portal(&portal, 10).await.unwrap();
        if rows.is_empty() {
            break;
        }
        assert!(rows.len() <= 10);
        seen.extend(rows.iter().map(|r| r.get::<_, i64>(0)));
    }
    assert_eq!(seen, (0..25).collect::<Vec<i64>>());
    transaction.commit().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_statements_work_through_the_extended_protocol() {
    let server = common::start(&[]).await;
    let client = server.connect("tpch@1.0.0").await;
    client.execute("set extra_float_digits = 3", &[]).await.unwrap();
    let row = client.query_one("show extra_float_digits", &[]).await.unwrap();
    assert_eq!(row.get::<_, String>(0), "3");
    let row = client.query_one("show packwire.package", &[]).await.unwrap();
    assert_eq!(row.get::<_, String>(0), "tpch@1.0.0");
    let row =
        client.query_one("select version(), current_database(), current_schema(), current_user", &[]).await.unwrap();
    assert!(row.get::<_, String>(0).starts_with("PostgreSQL 16."));
    assert_eq!(row.get::<_, String>(1), "tpch@1.0.0");
    assert_eq!(row.get::<_, String>(2), "public");
    assert_eq!(row.get::<_, String>(3), "tester");
    let rows = client.query("explain select count(*) from lineitem", &[]).await.unwrap();
    let plan: Vec<String> = rows.iter().map(|r| r.get::<_, String>(0)).collect();
    assert!(plan.iter().any(|l| l.contains("\"public\".\"lineitem\"")), "{plan:?}");
    assert!(plan.iter().any(|l| l.contains("physical_plan")), "{plan:?}");
}
