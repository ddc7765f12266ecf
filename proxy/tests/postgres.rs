//! The Postgres backend against a real Postgres started by the harness, and the migration drill:
//! `init` a package from the live database, `materialize` it to Parquet, `verify` both versions,
//! then answer the 22 TPC-H queries directly, through the Postgres version and through the
//! Parquet version — all three the same.

mod common;

use std::process::Command;
use std::time::Duration;

use common::{client, packwire, serve, tpch_postgres};
use packwire::compare::{first_difference, is_ordered};
use pgharness::PgServer;
use pgwire::messages::PgWireFrontendMessage;
use pgwire::messages::simplequery::Query;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migration_drill_postgres_to_parquet() {
    let pg = tpch_postgres();
    let work = tempfile::tempdir().unwrap();
    let registry = work.path().join("registry");
    std::fs::create_dir_all(&registry).unwrap();
    let manifest = registry.join("tpch-2.0.0.toml");

    // init: the manifest comes from the live schema; a password in the URL becomes ${ENV}.
    let url = format!("postgres://{}:not-a-real-password@127.0.0.1:{}/tpch", pg.user, pg.port);
    let (ok, _, stderr) = packwire(&[
        "package",
        "init",
        "--from",
        &url,
        "--name",
        "tpch",
        "--version",
        "2.0.0",
        "--out",
        manifest.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("${TPCH_PASSWORD}"), "{stderr}");
    let text = std::fs::read_to_string(&manifest).unwrap();
    assert!(!text.contains("not-a-real-password"), "{text}");
    assert!(text.contains("password = \"${TPCH_PASSWORD}\""), "{text}");
    assert!(text.contains("primary_key = [\"l_orderkey\", \"l_linenumber\"]"), "{text}");
    assert!(text.contains("description = \"Nation name\""), "{text}");
    assert!(text.contains("type = \"numeric(15,2)\""), "{text}");
    // The harness trusts loopback: the password is not needed to connect.
    std::fs::write(&manifest, text.replace("password = \"${TPCH_PASSWORD}\"\n", "")).unwrap();

    let (ok, stdout, stderr) = packwire(&["package", "check", manifest.to_str().unwrap()]);
    assert!(ok, "{stdout}{stderr}");

    // materialize: Parquet copy published as 2.1.0.
    let data = work.path().join("parquet");
    let (ok, stdout, stderr) = packwire(&[
        "package",
        "materialize",
        "tpch@2.0.0",
        "--to",
        data.to_str().unwrap(),
        "--version",
        "2.1.0",
        "--registry",
        registry.to_str().unwrap(),
    ]);
    assert!(ok, "{stdout}{stderr}");
    assert!(data.join("lineitem.parquet").exists());

    let (ok, stdout, stderr) =
        packwire(&["package", "diff", "tpch@2.0.0", "tpch@2.1.0", "--registry", registry.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(stdout.starts_with("tpch@2.0.0 → tpch@2.1.0: patch"), "{stdout}");

    // publish: published versions are immutable, and a bump must match the schema change.
    let error = packwire::tooling::publish(&manifest, &registry).unwrap_err();
    assert!(error.contains("already published"), "{error}");
    let breaking = work.path().join("tpch-2.1.1.toml");
    let text = std::fs::read_to_string(&manifest).unwrap().replace("version = \"2.0.0\"", "version = \"2.1.1\"");
    let text = text.replace("  { name = \"n_comment\", type = \"character varying(152)\", nullable = true },\n", "");
    std::fs::write(&breaking, text).unwrap();
    let error = packwire::tooling::publish(&breaking, &registry).unwrap_err();
    assert!(error.contains("needs a major bump") && error.contains("column nation.n_comment removed"), "{error}");

    let (ok, stdout, stderr) =
        packwire(&["package", "verify", "tpch@2.0.0", "tpch@2.1.0", "--registry", registry.to_str().unwrap()]);
    assert!(ok, "verify failed:\n{stdout}{stderr}");
    assert!(stdout.contains("agree on all"), "{stdout}");

    // The same 22 queries: directly on Postgres, through 2.0.0 (Postgres), through 2.1.0 (Parquet).
    let port = serve(&registry).await;
    let direct = common::direct(&pg, "tpch").await;
    let on_postgres = client(port, "tpch@2.0.0").await;
    let on_parquet = client(port, "tpch@2.1.0").await;
    let mut failures = Vec::new();
    for n in 1..=22 {
        let sql = common::tpch_query(n);
        let ordered = is_ordered(&sql);
        let (expected, kinds) =
            packwire::tooling::run_query(&direct, &sql).await.unwrap_or_else(|e| panic!("q{n} direct: {e}"));
        for (name, session) in [("tpch@2.0.0", &on_postgres), ("tpch@2.1.0", &on_parquet)] {
            match packwire::tooling::run_query(session, &sql).await {
                Ok((rows, _)) => {
                    if let Some(difference) = first_difference(&expected, &rows, &kinds, ordered) {
                        failures.push(format!("q{n:02} on {name}: {difference}"));
                    }
                }
                Err(error) => failures.push(format!("q{n:02} on {name}: {error}")),
            }
        }
    }
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_backend_types_errors_timeouts_and_outages() {
    let pg = tpch_postgres();
    pg.psql(
        "tpch",
        "CREATE SCHEMA app; CREATE TABLE app.things (id int8 PRIMARY KEY, price numeric, at timestamptz, span interval, \
         doc jsonb, raw bytea, tag uuid, day date, note text);
         INSERT INTO app.things VALUES
           (1, 123456789012345678901234567890.123456789, '2024-02-29 12:34:56.789+00', '1 year 2 mons 3 days 04:05:06',
            '{\"a\": [1, 2]}', '\\xdeadbeef', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '2024-02-29', 'ünï'),
           (2, -0.5, NULL, '-1 days', 'null', '', '00000000-0000-0000-0000-000000000000', '1999-12-31', ''),
           (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);",
    )
    .unwrap();
    let url = format!("postgres://{}@127.0.0.1:{}/tpch", pg.user, pg.port);
    let text = packwire::tooling::init(&url, "app", &[], "things", "1.0.0").await.unwrap();
    // Logical names differ from physical ones: the rewrite maps them.
    let text = text.replace("[[tables]]\nname = \"things\"\n", "[[tables]]\nname = \"items\"\nphysical = \"things\"\n");
    // A second version of the same data with a package-level statement timeout.
    let strict = text.replace("version = \"1.0.0\"\n", "version = \"1.0.1\"\nstatement_timeout = \"300ms\"\n");
    // A third version reads as a role without privileges on the table.
    let unprivileged = text
        .replace("version = \"1.0.0\"\n", "version = \"1.0.2\"\n")
        .replace(&format!("postgres://{}@", pg.user), "postgres://reader@");
    pg.psql("tpch", "CREATE ROLE reader LOGIN; GRANT USAGE ON SCHEMA app TO reader").unwrap();
    let manifests = [("things.toml", text), ("things-strict.toml", strict), ("things-reader.toml", unprivileged)];
    let server = common::start(&manifests).await;
    let port = server.port;
    let session = client(port, "things@1.0.0").await;

    // Exact values in text (simple query) …
    if let Err(e) = session.simple_query("select * from items order by id").await {
        panic!("{e:?}\n{}", pg.log().lines().rev().take(15).collect::<Vec<_>>().join("\n"));
    }
    let rows = common::text_rows(&session, "select * from items order by id").await;
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        rows[0],
        vec![
            s("1"),
            s("123456789012345678901234567890.123456789"),
            s("2024-02-29 12:34:56.789+00"),
            s("1 year 2 mons 3 days 04:05:06"),
            s("{\"a\": [1, 2]}"),
            s("\\xdeadbeef"),
            s("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            s("2024-02-29"),
            s("ünï"),
        ]
    );
    assert_eq!(rows[1][1], s("-0.5"));
    assert_eq!(rows[1][3], s("-1 days"));
    assert_eq!(rows[2][1..], vec![None; 8][..]);
    // … and in binary (typed queries), with parameters bound, never spliced.
    let row = session.query_one("select id, raw from items where note = $1", &[&"ünï"]).await.unwrap();
    assert_eq!(row.get::<_, i64>(0), 1);
    assert_eq!(row.get::<_, Vec<u8>>(1), vec![0xde, 0xad, 0xbe, 0xef]);
    let rows = session.query("select id from items where note = $1", &[&"x' or '1'='1"]).await.unwrap();
    assert!(rows.is_empty());
    // Arrays come back exactly: the same text as Postgres prints (every element type, NULLs,
    // quoting, several dimensions, other lower bounds, the session's time zone) …
    let (direct, connection) = tokio_postgres::connect(&pg.conninfo("tpch"), tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    for settings in ["set search_path = app", "set time zone 'Asia/Kolkata'"] {
        direct.simple_query(settings).await.unwrap();
    }
    session.simple_query("set time zone 'Asia/Kolkata'").await.unwrap();
    for column in ["id", "price", "at", "span", "doc", "raw", "tag", "day", "note", "id::int2", "id::float4 / 3"] {
        let sql = format!("select array_agg({column} order by id) from items");
        let expected = common::text_rows(&direct, &sql.replace("items", "things")).await;
        assert_eq!(common::text_rows(&session, &sql).await, expected, "{sql}");
    }
    for sql in [
        "select array[[1, 2], [3, null]] as grid, array[true, false], array[1.5::float8, 'NaN', '-Infinity']",
        "select '[0:1]={a,b}'::text[], '{}'::int[], array['a b', 'NULL', '\"q\"', '\\', '{x}', ''] as tricky",
        "select array['2024-01-01 10:00'::timestamp, null], array['12:30:00.5'::time], array[id] from items",
    ] {
        let expected = common::text_rows(&direct, &sql.replace("items", "things")).await;
        assert_eq!(common::text_rows(&session, sql).await, expected, "{sql}");
    }
    // Literals inlined by the client: texts that differ only in literals compared with a column
    // reuse the first one's plan (a fingerprint template), each filled with its own literals;
    // other literals (`id + 1`, `LIMIT 1`) must match for the plan to be reused.
    for sql in [
        "select id, note from items where id = 1",
        "select id, note from items where id = 2",
        "select id, note from items where id = 4",
        "select id from items where note = 'ünï'",
        "select id from items where note = 'x'' or ''1''=''1'",
        "select id from items where id in (1, 3) and 2 <> id order by id",
        "select id from items where id in (2, 3) and 3 <> id order by id",
        "select id + 1 from items where id between 1 and 2 order by 1 limit 1",
        "select id + 2 from items where id between 1 and 2 order by 1 limit 1",
        "select id + 2 from items where id between 2 and 3 order by 1 limit 2",
    ] {
        let expected = common::text_rows(&direct, &sql.replace("items", "things")).await;
        assert_eq!(common::text_rows(&session, sql).await, expected, "{sql}");
    }
    // Statements run in the session's time zone on the backend too (truncation, casts to date
    // and text, literals without an offset), whichever pooled connection serves them …
    for sql in [
        "select id, date_trunc('day', at), at::date, at::text, extract(hour from at), at >= '2024-02-29 18:00' \
         from items order by id",
        "select count(*) from items where at < '2024-02-29 18:04:57'",
    ] {
        let expected = common::text_rows(&direct, &sql.replace("items", "things")).await;
        assert_eq!(common::text_rows(&session, sql).await, expected, "{sql}");
    }
    let truncated = "select date_trunc('day', at)::text from items where id = 1";
    let row = session.query_one(truncated, &[]).await.unwrap();
    assert_eq!(row.get::<_, String>(0), "2024-02-29 00:00:00+05:30");
    // … and a session in UTC on the same pool gets UTC again.
    let utc = client(port, "things@1.0.0").await;
    for _ in 0..4 {
        assert_eq!(common::text_rows(&utc, truncated).await, vec![vec![Some("2024-02-29 00:00:00+00".to_string())]]);
    }
    // … in binary, as the backend sent them …
    let row = session.query_one("select array_agg(id order by id), array_agg(note order by id) from items", &[]).await;
    let row = row.unwrap();
    assert_eq!(row.get::<_, Vec<i64>>(0), vec![1, 2, 3]);
    assert_eq!(row.get::<_, Vec<Option<String>>>(1), vec![Some("ünï".into()), Some(String::new()), None]);
    // … and array parameters are bound as the backend's arrays (NULL elements included).
    let any = session.prepare("select id from items where id = any($1) order by id").await.unwrap();
    assert_eq!(any.params(), &[tokio_postgres::types::Type::INT8_ARRAY]);
    let rows = session.query(&any, &[&vec![Some(1i64), None, Some(3)]]).await.unwrap();
    assert_eq!(rows.iter().map(|r| r.get::<_, i64>(0)).collect::<Vec<_>>(), [1, 3]);
    let notes = vec!["ünï".to_string(), String::new()];
    let rows = session.query("select id from items where note = any($1) order by id", &[&notes]).await.unwrap();
    assert_eq!(rows.iter().map(|r| r.get::<_, i64>(0)).collect::<Vec<_>>(), [1, 2]);
    // A parameter type declared in Parse is the parameter's type, as in Postgres: `SELECT $1`
    // declared numeric returns numeric (pg8000 declares its Decimals so).
    let declared = tokio_postgres::types::Type::NUMERIC;
    let echo =
        session.prepare_typed("select $1 as n, id from items where id = $2", std::slice::from_ref(&declared)).await;
    let echo = echo.unwrap();
    assert_eq!(echo.params(), &[declared.clone(), tokio_postgres::types::Type::INT8]);
    assert_eq!(echo.columns()[0].type_(), &declared);
    let int8 = session.prepare_typed("select $1 as n", &[tokio_postgres::types::Type::INT8]).await.unwrap();
    let row = session.query_one(&int8, &[&7i64]).await.unwrap();
    assert_eq!(row.get::<_, i64>(0), 7);
    // The same text declared otherwise is planned again, not served from the statement cache.
    let int4 = tokio_postgres::types::Type::INT4;
    let echo = session.prepare_typed("select $1 as n, id from items where id = $2", std::slice::from_ref(&int4)).await;
    assert_eq!(echo.unwrap().columns()[0].type_(), &int4);

    // The physical names stay hidden and unreachable.
    assert_eq!(common::sqlstate(&session.simple_query("select * from things").await.unwrap_err()), "42P01");

    // Backend errors keep their SQLSTATE …
    let error = session.simple_query("select id / 0 from items").await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "22012");
    // … and name the package's tables, not the physical ones.
    let reader = client(port, "things@1.0.2").await;
    let error = reader.simple_query("select id from items").await.unwrap_err();
    let message = error.as_db_error().map(|e| e.message().to_string()).unwrap_or_default();
    assert_eq!((common::sqlstate(&error), message.as_str()), ("42501".into(), "permission denied for table items"));

    // An empty result still describes its columns (simple protocol, one backend round trip).
    let messages = session.simple_query("select id, note from items where id < 0").await.unwrap();
    match messages.as_slice() {
        [
            tokio_postgres::SimpleQueryMessage::RowDescription(columns),
            tokio_postgres::SimpleQueryMessage::CommandComplete(0),
        ] => {
            let names: Vec<&str> = columns.iter().map(|c| c.name()).collect();
            assert_eq!(names, ["id", "note"]);
        }
        other => panic!("unexpected messages: {other:?}"),
    }

    // statement_timeout → 57014, and the session and the pool stay usable.
    // (Each sleep fits in the timeout — a longer one is refused before it runs — but the
    // statement as a whole does not.)
    let long_running = "select pg_sleep(0.2) from generate_series(1, 50)";
    session.simple_query("set statement_timeout = '300ms'").await.unwrap();
    let error = session.simple_query(long_running).await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "57014");
    session.simple_query("reset statement_timeout").await.unwrap();
    assert_eq!(common::text_rows(&session, "select count(*) from items").await, vec![vec![s("3")]]);

    // The package's own statement_timeout applies to its sessions.
    let strict = client(port, "things@1.0.1").await;
    assert_eq!(common::text_rows(&strict, "show statement_timeout").await, vec![vec![s("300")]]);
    assert_eq!(common::sqlstate(&strict.simple_query(long_running).await.unwrap_err()), "57014");

    // A client that disconnects mid-result cancels the backend query; the pool stays clean.
    {
        let mut config = tokio_postgres::Config::new();
        config.host("127.0.0.1").port(port).user("app").dbname("things@1.0.0");
        let (quitter, connection) = config.connect(tokio_postgres::NoTls).await.unwrap();
        let connection = tokio::spawn(connection);
        quitter.simple_query("set statement_timeout = '60s'").await.unwrap();
        let _ =
            tokio::time::timeout(std::time::Duration::from_millis(500), quitter.simple_query("select pg_sleep(30)"))
                .await;
        connection.abort(); // the socket closes mid-statement
    }
    let (direct, connection) = tokio_postgres::connect(&pg.conninfo("tpch"), tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    let mut gone = false;
    for _ in 0..40 {
        let rows = direct
            .query(
                "select count(*) from pg_stat_activity where query like 'SELECT pg_sleep(30)%' and state = 'active'",
                &[],
            )
            .await
            .unwrap();
        if rows[0].get::<_, i64>(0) == 0 {
            gone = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    let active: Vec<String> = direct
        .query("select query || ' / ' || state || ' / ' || coalesce(application_name, '') from pg_stat_activity where backend_type = 'client backend'", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(gone, "the abandoned backend query is still running: {active:?}");

    // A client CancelRequest cancels the running backend query.
    let token = session.cancel_token();
    let canceller = tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        token.cancel_query(tokio_postgres::NoTls).await
    });
    session.simple_query("set statement_timeout = '60s'").await.unwrap();
    let error = session.simple_query("select pg_sleep(10)").await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "57014");
    canceller.await.unwrap().unwrap();
    // A sleep that could outlast the statement timeout never reaches the backend.
    for (timeout, sleep) in [("5s", "pg_sleep(10)"), ("0", "pg_sleep(1)"), ("60s", "pg_sleep(random())")] {
        session.simple_query(&format!("set statement_timeout = '{timeout}'")).await.unwrap();
        let error = session.simple_query(&format!("select {sleep}")).await.unwrap_err();
        assert_eq!(common::sqlstate(&error), "42501", "{sleep} under {timeout}");
    }
    // A sleep prepared under one timeout is checked again when it runs under a shorter one.
    session.simple_query("set statement_timeout = '10s'").await.unwrap();
    let sleep = session.prepare("select pg_sleep(5)").await.unwrap();
    session.simple_query("set statement_timeout = '1s'").await.unwrap();
    let error = session.query(&sleep, &[]).await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "42501", "{error:?}");
    session.simple_query("reset statement_timeout").await.unwrap();

    // The operator's ceiling (`max_statement_timeout`) bounds every statement, whatever the
    // session sets: each sleep fits in it, the statement does not.
    let limits = packwire::auth::Limits { max_statement_timeout_ms: 1_000, ..Default::default() };
    let door = packwire::auth::FrontDoor::new(packwire::auth::Method::Trust, None, None, false, limits).unwrap();
    let capped = client(common::start_behind(&manifests, door).await.port, "things@1.0.0").await;
    capped.simple_query("set statement_timeout = 0").await.unwrap();
    let error = capped.simple_query(long_running).await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "57014", "{error:?}");
    let error = capped.simple_query("select pg_sleep(2)").await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "42501", "{error:?}");

    // The backend goes away: queries that need it fail with a connection error, other packages
    // keep working, and it recovers by itself when the backend is back.
    let demo = client(port, "tpch@1.0.0").await;
    pg.stop().unwrap();
    let error = session.simple_query("select count(*) from items").await.unwrap_err();
    let code = common::sqlstate(&error);
    assert!(["08001", "08006", "57P01"].contains(&code.as_str()), "{code}: {error:?}");
    assert_eq!(common::text_rows(&demo, "select count(*) from region").await, vec![vec![s("5")]]);
    pg.start_again().unwrap();
    let mut ok = false;
    for _ in 0..40 {
        if session.simple_query("select count(*) from items").await.is_ok() {
            ok = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert!(ok, "the package did not recover after the backend came back");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backend_connections_use_tls_when_the_manifest_asks() {
    let pg = PgServer::start_tls(&[]).expect("start postgres with TLS");
    pg.psql("postgres", "CREATE TABLE kv (k int4 PRIMARY KEY, v text); INSERT INTO kv VALUES (1, 'one')").unwrap();
    let url = format!("postgres://{}@127.0.0.1:{}/postgres", pg.user, pg.port);
    let base = packwire::tooling::init(&url, "public", &[], "secure", "1.0.0").await.unwrap();
    let require = base.replace("pool_size = 16\n", "pool_size = 16\ntls = \"require\"\n");
    let verify = base.replace("version = \"1.0.0\"", "version = \"1.0.1\"").replace(
        "pool_size = 16\n",
        &format!("pool_size = 16\ntls = \"verify-full\"\nca_file = \"{}\"\n", pg.certificate().display()),
    );
    // A certificate that did not sign the server's: verify-full must refuse the connection.
    let other = tempfile::tempdir().unwrap();
    let other_ca = other.path().join("other.crt");
    let made = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"])
        .arg("-keyout")
        .arg(other.path().join("other.key"))
        .arg("-out")
        .arg(&other_ca)
        .output()
        .unwrap();
    assert!(made.status.success());
    let wrong = base.replace("version = \"1.0.0\"", "version = \"1.0.2\"").replace(
        "pool_size = 16\n",
        &format!("pool_size = 16\ntls = \"verify-full\"\nca_file = \"{}\"\n", other_ca.display()),
    );
    let server =
        common::start(&[("secure-1.0.0.toml", require), ("secure-1.0.1.toml", verify), ("secure-1.0.2.toml", wrong)])
            .await;
    let untrusted = client(server.port, "secure@1.0.2").await;
    let error = untrusted.simple_query("select v from kv").await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "08006");
    assert!(common::db_error(&error).message().contains("certificate"), "{error:?}");
    for version in ["secure@1.0.0", "secure@1.0.1"] {
        let session = client(server.port, version).await;
        assert_eq!(
            common::text_rows(&session, "select v from kv").await,
            vec![vec![Some("one".to_string())]],
            "{version}"
        );
    }
    // Every packwire connection to the backend is encrypted.
    let (direct, connection) = tokio_postgres::connect(&pg.conninfo("postgres"), tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    let rows = direct
        .query(
            "select s.ssl from pg_stat_ssl s join pg_stat_activity a using (pid) where a.application_name like 'packwire%'",
            &[],
        )
        .await
        .unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.get::<_, bool>(0)), "a packwire backend connection is not encrypted");
}

/// Resident set size of a process in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A client that stops reading holds back the backend — the backend's query waits to write
/// (`ClientWrite`) — while the proxy (a separate `packwire serve` process, so its memory is its
/// own) stays at the size it had before the query, not the size of the result; reading on
/// then delivers every row.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_reader_holds_back_the_backend_not_the_proxy_memory() {
    const ROWS: usize = 400_000;
    let pg = PgServer::start(&[]).expect("start postgres");
    pg.create_database("big").unwrap();
    // About 560 bytes a row: some 220 MiB of DataRows.
    pg.psql(
        "big",
        &format!("CREATE TABLE wide AS SELECT i::int8 AS id, repeat(md5(i::text), 17) AS pad FROM generate_series(1, {ROWS}) i"),
    )
    .unwrap();
    let registry = tempfile::tempdir().unwrap();
    let url = format!("postgres://{}@127.0.0.1:{}/big", pg.user, pg.port);
    let manifest = packwire::tooling::init(&url, "public", &[], "big", "1.0.0").await.unwrap();
    std::fs::write(registry.path().join("big.toml"), manifest).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let server = Command::new(env!("CARGO_BIN_EXE_packwire"))
        .args(["serve", "--auth", "trust", "--listen", &format!("127.0.0.1:{port}"), "--registry"])
        .arg(registry.path())
        .env("PACKWIRE_LOG", "warn")
        .spawn()
        .unwrap();
    let server = common::KillOnDrop(server);
    let started =
        pgharness::wait_for(Duration::from_secs(60), || std::net::TcpStream::connect(("127.0.0.1", port)).is_ok());
    assert!(started, "packwire serve did not start");

    let mut raw = common::raw::Raw::connect(port, "big@1.0.0").await;
    // Warm up (pool, plan, caches) so the baseline holds what a query needs, then measure.
    raw.send(vec![PgWireFrontendMessage::Query(Query::new("select id, pad from wide where id = 1".into()))]).await;
    raw.until_ready().await;
    let before = rss_kib(server.0.id());
    raw.send(vec![PgWireFrontendMessage::Query(Query::new("select id, pad from wide".into()))]).await;

    // Not reading: the backend must end up waiting to write to packwire.
    let direct = common::direct(&pg, "big").await;
    let waiting = "select count(*) from pg_stat_activity where query like '%wide%' and wait_event = 'ClientWrite' \
                   and pid <> pg_backend_pid()";
    let mut blocked = false;
    for _ in 0..240 {
        if common::text_rows(&direct, waiting).await == vec![vec![Some("1".to_string())]] {
            blocked = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(blocked, "the backend query never waited for packwire to read");
    let mut stalled = before;
    for _ in 0..10 {
        stalled = stalled.max(rss_kib(server.0.id()));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Reading on delivers every row, and memory stays flat all the way.
    let mut rows = 0;
    let mut peak = stalled;
    loop {
        let (kind, _) = raw.next().await;
        match kind {
            'D' => {
                rows += 1;
                if rows % 20_000 == 0 {
                    peak = peak.max(rss_kib(server.0.id()));
                }
            }
            'Z' => break,
            'T' | 'C' => {}
            other => panic!("unexpected message {other}"),
        }
    }
    assert_eq!(rows, ROWS);
    println!("packwire RSS: {before} KiB before, {stalled} KiB stalled, {peak} KiB peak while reading");
    // The result is ~220 MiB; the proxy may hold a few batches of it, never the result.
    assert!(stalled - before < 32 * 1024, "{before} KiB before, {stalled} KiB while stalled");
    assert!(peak - before < 48 * 1024, "{before} KiB before, {peak} KiB at the peak");
}
