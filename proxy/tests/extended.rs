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

/// `= ANY($1)` / `<> ALL($1)` with arrays bound in binary (what tokio-postgres, asyncpg and
/// psycopg send): the parameter is announced as an array of the column's type, NULL elements
/// follow Postgres' rules.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn array_parameters_are_bound() {
    let server = common::start(&[]).await;
    let client = server.connect("tpch@1.1.0").await;

    let statement = client
        .prepare("select n_nationkey, n_nationkey = any($1) from nation where n_nationkey < 5 order by 1")
        .await
        .unwrap();
    assert_eq!(statement.params(), &[Type::INT8_ARRAY]);
    let keys: Vec<Option<i64>> = vec![Some(1), Some(2), None];
    let rows = client.query(&statement, &[&keys]).await.unwrap();
    let hits: Vec<Option<bool>> = rows.iter().map(|r| r.get(1)).collect();
    // Postgres: a non-match is NULL when the array holds a NULL.
    assert_eq!(hits, [None, Some(true), Some(true), None, None]);

    let row = client.query_one("select count(*) from nation where n_nationkey <> all($1)", &[&vec![1i64, 2]]).await;
    assert_eq!(row.unwrap().get::<_, i64>(0), 23);
    let row = client.query_one("select count(*) from nation where n_nationkey = any($1)", &[&Vec::<i64>::new()]).await;
    assert_eq!(row.unwrap().get::<_, i64>(0), 0);
    let names = vec!["BRAZIL".to_string(), "PERU".to_string()];
    let rows = client.query("select n_name from nation where n_name = any($1) order by 1", &[&names]).await.unwrap();
    assert_eq!(rows.iter().map(|r| r.get::<_, String>(0)).collect::<Vec<_>>(), ["BRAZIL", "PERU"]);

    // A client that types the array itself (int4[] against a bigint column) is converted.
    let statement =
        client.prepare_typed("select count(*) from nation where n_regionkey = any($1)", &[Type::INT4_ARRAY]).await;
    let row = client.query_one(&statement.unwrap(), &[&vec![1i32, 3]]).await.unwrap();
    assert_eq!(row.get::<_, i64>(0), 10);

    // An array parameter written under a cast takes the cast's type.
    let statement = client.prepare("select count(*) from nation where n_nationkey = any($1::int8[])").await.unwrap();
    assert_eq!(statement.params(), &[Type::INT8_ARRAY]);
    let row = client.query_one(&statement, &[&vec![1i64, 24, 99]]).await.unwrap();
    assert_eq!(row.get::<_, i64>(0), 2);
}

/// A decimal parameter with more decimal places than the column it meets would be rounded by
/// the embedded engine's cast (`l_quantity = 1.004` finding the rows of 1.00): refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn decimal_parameters_are_never_rounded() {
    let server = common::start(&[]).await;
    let client = server.connect("tpch@1.1.0").await;
    let statement =
        client.prepare_typed("select count(*) from lineitem where l_quantity = $1", &[Type::TEXT]).await.unwrap();
    let exact = client.query_one(&statement, &[&"1.000"]).await.unwrap().get::<_, i64>(0);
    assert!(exact > 0);
    let error = client.query_one(&statement, &[&"1.004"]).await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "0A000", "{error}");
}
