//! The session SQL clients send besides queries: savepoints, SQL-level PREPARE/EXECUTE/
//! DEALLOCATE, cursors (DECLARE/FETCH/CLOSE, also through psql's FETCH_COUNT), set_config,
//! current_setting and pg_settings — answered as Postgres answers them — and psql's Ctrl-C.

mod common;

use common::{sqlstate, text_rows};

const DATABASE: &str = "tpch@1.0.0";

async fn error_code(client: &tokio_postgres::Client, sql: &str) -> String {
    sqlstate(&client.simple_query(sql).await.expect_err(sql))
}

async fn run(client: &tokio_postgres::Client, sql: &str) {
    client.simple_query(sql).await.unwrap_or_else(|e| panic!("{sql}: {e:?}"));
}

fn one(rows: Vec<Vec<Option<String>>>) -> Option<String> {
    assert_eq!(rows.len(), 1, "{rows:?}");
    rows[0][0].clone()
}

#[tokio::test]
async fn savepoints_roll_back_a_failed_transaction_and_its_settings() {
    let server = common::start(&[]).await;
    let client = server.connect(DATABASE).await;
    assert_eq!(error_code(&client, "SAVEPOINT a").await, "25P01");
    run(&client, "BEGIN").await;
    run(&client, "SAVEPOINT a").await;
    run(&client, "SET application_name = 'inside'").await;
    assert_eq!(error_code(&client, "SELECT * FROM no_such_table").await, "42P01");
    assert_eq!(error_code(&client, "SELECT 1").await, "25P02");
    assert_eq!(error_code(&client, "RELEASE SAVEPOINT a").await, "25P02");
    run(&client, "ROLLBACK TO SAVEPOINT a").await;
    assert_eq!(one(text_rows(&client, "SELECT count(*) FROM region").await).as_deref(), Some("5"));
    assert_eq!(one(text_rows(&client, "SHOW application_name").await).as_deref(), Some(""));
    run(&client, "SAVEPOINT b").await;
    run(&client, "RELEASE a").await;
    // Releasing `a` released `b`, which came after it.
    assert_eq!(error_code(&client, "ROLLBACK TO b").await, "3B001");
    run(&client, "ROLLBACK").await;
}

#[tokio::test]
async fn sql_prepared_statements_share_the_protocol_namespace() {
    let server = common::start(&[]).await;
    let client = server.connect(DATABASE).await;
    run(&client, "PREPARE region_name(int8) AS SELECT r_name FROM region WHERE r_regionkey = $1").await;
    assert_eq!(one(text_rows(&client, "EXECUTE region_name(2)").await).as_deref(), Some("ASIA"));
    assert_eq!(one(text_rows(&client, "EXECUTE region_name('3')").await).as_deref(), Some("EUROPE"));
    assert_eq!(error_code(&client, "EXECUTE region_name(1, 2)").await, "42601");
    assert_eq!(error_code(&client, "PREPARE region_name AS SELECT 1").await, "42P05");
    run(&client, "DEALLOCATE region_name").await;
    assert_eq!(error_code(&client, "EXECUTE region_name(1)").await, "26000");
    assert_eq!(error_code(&client, "DEALLOCATE region_name").await, "26000");
    run(&client, "PREPARE counted AS SELECT count(*) FROM nation").await;
    assert_eq!(one(text_rows(&client, "EXECUTE counted").await).as_deref(), Some("25"));
    run(&client, "DEALLOCATE ALL").await;
    assert_eq!(error_code(&client, "EXECUTE counted").await, "26000");
}

#[tokio::test]
async fn cursors_page_through_a_result() {
    let server = common::start(&[]).await;
    let client = server.connect(DATABASE).await;
    assert_eq!(error_code(&client, "DECLARE c CURSOR FOR SELECT 1").await, "25P01");
    run(&client, "BEGIN").await;
    run(&client, "DECLARE c NO SCROLL CURSOR FOR SELECT n_nationkey FROM nation ORDER BY 1").await;
    let first = text_rows(&client, "FETCH 10 FROM c").await;
    let second = text_rows(&client, "FETCH FORWARD 20 FROM c").await;
    let rest = text_rows(&client, "FETCH NEXT FROM c").await;
    let keys: Vec<String> = first.iter().chain(&second).map(|r| r[0].clone().unwrap_or_default()).collect();
    assert_eq!(keys, (0..25).map(|k| k.to_string()).collect::<Vec<_>>());
    assert_eq!((first.len(), second.len(), rest.len()), (10, 15, 0));
    assert_eq!(error_code(&client, "FETCH BACKWARD 1 FROM c").await, "0A000");
    run(&client, "ROLLBACK").await;
    run(&client, "BEGIN").await;
    run(&client, "DECLARE c CURSOR FOR SELECT r_name FROM region ORDER BY r_regionkey").await;
    assert_eq!(error_code(&client, "DECLARE c CURSOR FOR SELECT 1").await, "42P03");
    run(&client, "ROLLBACK").await;
    run(&client, "BEGIN").await;
    run(&client, "DECLARE c CURSOR FOR SELECT r_name FROM region ORDER BY r_regionkey").await;
    run(&client, "CLOSE c").await;
    assert_eq!(error_code(&client, "FETCH 1 FROM c").await, "34000");
    run(&client, "COMMIT").await;
    // A holdable cursor outlives its transaction.
    run(&client, "DECLARE h CURSOR WITH HOLD FOR SELECT r_name FROM region ORDER BY r_regionkey").await;
    assert_eq!(one(text_rows(&client, "FETCH 1 FROM h").await).as_deref(), Some("AFRICA"));
    assert_eq!(one(text_rows(&client, "FETCH 1 FROM h").await).as_deref(), Some("AMERICA"));
    run(&client, "CLOSE ALL").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn psql_fetch_count_pages_through_a_cursor() {
    let server = common::start(&[]).await;
    let psql = |fetch_count: &str| {
        let output = pgharness::client_command("psql")
            .expect("psql")
            .args(["-X", "-h", "127.0.0.1", "-p", &server.port.to_string(), "-U", "tester", "-d", DATABASE])
            .args(["-v", &format!("FETCH_COUNT={fetch_count}"), "-v", "ON_ERROR_STOP=1"])
            .args(["-c", "SELECT n_nationkey, n_name FROM nation ORDER BY n_nationkey"])
            .output()
            .expect("run psql");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let (paged, whole) = tokio::task::block_in_place(|| (psql("7"), psql("0")));
    assert!(whole.contains("(25 rows)"), "{whole}");
    // psql aligns each fetched page on its own, so compare cells, not padding.
    let cells = |text: &str| -> Vec<Vec<String>> {
        text.lines()
            .filter(|line| !line.starts_with('-'))
            .map(|line| line.split('|').map(|cell| cell.trim().to_string()).collect())
            .collect()
    };
    assert_eq!(cells(&paged), cells(&whole));
}

#[tokio::test]
async fn settings_functions_and_pg_settings_read_the_session() {
    let server = common::start(&[]).await;
    let client = server.connect(DATABASE).await;
    let set = text_rows(&client, "SELECT pg_catalog.set_config('application_name', 'reporting', false)").await;
    assert_eq!(one(set).as_deref(), Some("reporting"));
    assert_eq!(one(text_rows(&client, "SHOW application_name").await).as_deref(), Some("reporting"));
    let current = text_rows(&client, "SELECT current_setting('application_name')").await;
    assert_eq!(one(current).as_deref(), Some("reporting"));
    assert_eq!(error_code(&client, "SELECT current_setting('no_such_setting')").await, "42704");
    assert_eq!(one(text_rows(&client, "SELECT current_setting('no_such_setting', true)").await), None);
    let settings = text_rows(&client, "SELECT setting FROM pg_settings WHERE name = 'application_name'").await;
    assert_eq!(one(settings).as_deref(), Some("reporting"));
    // Another session sees its own values, not the cached answer of this one.
    let other = server.connect(DATABASE).await;
    assert_eq!(one(text_rows(&other, "SELECT current_setting('application_name')").await).as_deref(), Some(""));
    let pid: i64 = one(text_rows(&client, "SELECT pg_backend_pid()").await).unwrap_or_default().parse().unwrap_or(0);
    let other_pid: i64 =
        one(text_rows(&other, "SELECT pg_backend_pid()").await).unwrap_or_default().parse().unwrap_or(0);
    assert!(pid > 0 && other_pid > 0 && pid != other_pid, "{pid} {other_pid}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn psql_ctrl_c_cancels_a_long_query() {
    let server = common::start(&[]).await;
    let port = server.port.to_string();
    let output = tokio::task::block_in_place(|| {
        // `timeout` only guards against a cancel that never lands; it is not what is tested.
        let mut psql = std::process::Command::new("timeout");
        psql.arg("120")
            .arg(pgharness::client_command("psql").expect("psql").get_program())
            .args(["-X", "-h", "127.0.0.1", "-p", &port, "-U", "tester", "-d", DATABASE])
            .args(["-c", "SELECT count(*) FROM lineitem a, lineitem b WHERE a.l_quantity > b.l_quantity"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let child = psql.spawn().expect("start psql");
        // Ctrl-C once psql is waiting on the query: psql sends a CancelRequest on SIGINT.
        std::thread::sleep(std::time::Duration::from_secs(2));
        let psql_pid =
            std::process::Command::new("pgrep").args(["-P", &child.id().to_string(), "psql"]).output().expect("pgrep");
        let pid = String::from_utf8_lossy(&psql_pid.stdout).trim().to_string();
        let killed = std::process::Command::new("kill").args(["-INT", &pid]).status().expect("kill");
        assert!(killed.success(), "no psql to interrupt (pid {pid:?})");
        child.wait_with_output().expect("psql output")
    });
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("canceling statement due to user request"), "psql said: {stderr}");
    // The server survives and serves the next statement.
    let client = server.connect(DATABASE).await;
    assert_eq!(one(text_rows(&client, "SELECT count(*) FROM region").await).as_deref(), Some("5"));
}
