//! Operating a running `packwire serve` process: the metrics listener (Prometheus text, health
//! and readiness), per-version statement metrics and usage by application, and draining on
//! SIGTERM.

mod common;

use std::process::Command;
use std::time::Duration;

use common::{KillOnDrop, free_port, http_get};

/// `packwire serve` on `registry` with a metrics listener, logging JSON to `log` (warnings only
/// without one); trust authentication unless `extra` names an `--auth`. (process, port,
/// metrics port).
fn serve(registry: &std::path::Path, extra: &[&str], log: Option<&std::path::Path>) -> (KillOnDrop, u16, u16) {
    let (port, metrics) = (free_port(), free_port());
    let mut command = Command::new(env!("CARGO_BIN_EXE_packwire"));
    command
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .args(["--metrics", &format!("127.0.0.1:{metrics}"), "--registry"])
        .arg(registry)
        .args(extra)
        .env("PACKWIRE_LOG", "warn");
    if !extra.contains(&"--auth") {
        command.args(["--auth", "trust"]);
    }
    if let Some(log) = log {
        let file = std::fs::File::create(log).unwrap();
        command.env("PACKWIRE_LOG", "info").env("PACKWIRE_LOG_FORMAT", "json").stderr(file);
    }
    let child = command.spawn().unwrap();
    let child = KillOnDrop(child);
    let up = pgharness::wait_for(Duration::from_secs(60), || {
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
            && std::net::TcpStream::connect(("127.0.0.1", metrics)).is_ok()
    });
    assert!(up, "packwire serve did not start");
    (child, port, metrics)
}

/// The value of the metric line `name{labels}`, if present.
fn metric(text: &str, series: &str) -> Option<f64> {
    text.lines().find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

/// Sessions of the version with labels `v`, active or idle.
fn session_count(text: &str, v: &str) -> f64 {
    ["idle", "active"]
        .iter()
        .filter_map(|state| metric(text, &format!("packwire_sessions{{{v},state=\"{state}\"}}")))
        .sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_statements_errors_sessions_and_usage_per_version() {
    let registry = packwire::demo::install(&common::demo_home()).expect("demo registry");
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("packwire.toml");
    std::fs::write(&config, "[limits]\nslow_statement = \"1ms\"\n").unwrap();
    let log = dir.path().join("serve.log");
    let (_server, port, metrics) = serve(&registry, &["--config", config.to_str().unwrap()], Some(&log));
    assert_eq!(http_get(metrics, "/healthz"), (200, "ok\n".to_string()));
    assert_eq!(http_get(metrics, "/readyz"), (200, "ready\n".to_string()));
    assert_eq!(http_get(metrics, "/nope").0, 404);

    let mut config = tokio_postgres::Config::new();
    config.host("127.0.0.1").port(port).user("app").dbname("tpch@1.0.0").application_name("dashboard");
    let client = common::connect_with(config).await.unwrap();
    for key in 1..=3i64 {
        client.query("select n_name from nation where n_nationkey = $1", &[&key]).await.unwrap();
    }
    client.simple_query("select count(*) from pg_catalog.pg_class").await.unwrap();
    let error = client.simple_query("select nope from nation").await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "42703");
    client.simple_query("set application_name = 'report'").await.unwrap();
    client.simple_query("select r_name from region").await.unwrap();
    client.simple_query("select r_name from region").await.unwrap();

    let (status, text) = http_get(metrics, "/metrics");
    assert_eq!(status, 200);
    let v = "package=\"tpch\",version=\"1.0.0\",backend=\"csv\"";
    assert_eq!(metric(&text, &format!("packwire_statement_duration_seconds_count{{{v},kind=\"query\"}}")), Some(5.0));
    assert_eq!(metric(&text, &format!("packwire_rows_returned_total{{{v},kind=\"query\"}}")), Some(13.0), "3 + 5 + 5");
    assert_eq!(
        metric(&text, &format!("packwire_statement_duration_seconds_count{{{v},kind=\"catalog\"}}")),
        Some(1.0),
        "{text}"
    );
    assert_eq!(metric(&text, &format!("packwire_errors_total{{{v},sqlstate=\"42703\"}}")), Some(1.0));
    // The session may still count as active for the instant after its answer was sent.
    assert_eq!(session_count(&text, v), 1.0);
    let p99 = metric(&text, &format!("packwire_statement_duration_seconds{{{v},kind=\"query\",quantile=\"0.99\"}}"));
    assert!(p99.is_some_and(|s| s > 0.0), "{text}");

    // Usage is merged when the session ends: which application read which column.
    drop(client);
    let reads = |application: &str, table: &str, column: &str| {
        format!(
            "packwire_column_reads_total{{{v},application=\"{application}\",table=\"{table}\",column=\"{column}\"}}"
        )
    };
    let mut text = String::new();
    for _ in 0..100 {
        text = http_get(metrics, "/metrics").1;
        if session_count(&text, v) == 0.0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(metric(&text, &reads("dashboard", "nation", "n_name")), Some(3.0), "{text}");
    assert_eq!(metric(&text, &reads("dashboard", "nation", "n_nationkey")), Some(3.0));
    assert_eq!(metric(&text, &reads("report", "region", "r_name")), Some(2.0));
    assert_eq!(metric(&text, &reads("dashboard", "nation", "n_comment")), None, "never read");

    // One JSON line per session start and end, per failed statement and per slow statement,
    // naming package, user and application — and never a row.
    let ended = pgharness::wait_for(Duration::from_secs(10), || {
        std::fs::read_to_string(&log).unwrap().contains("session ended")
    });
    assert!(ended, "no session end in the log");
    let log = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<serde_json::Value> = log.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let event = |message: &str| -> Vec<&serde_json::Value> {
        lines.iter().filter(|l| l["fields"]["message"] == message).map(|l| &l["fields"]).collect()
    };
    let started = event("session started");
    assert!(
        started.iter().any(|f| f["package"] == "tpch@1.0.0" && f["user"] == "app" && f["application"] == "dashboard"),
        "{log}"
    );
    let failed = event("statement failed");
    assert!(
        failed.iter().any(|f| f["sqlstate"] == "42703" && f["application"] == "dashboard" && f["user"] == "app"),
        "{log}"
    );
    assert!(event("slow statement").iter().any(|f| f["package"] == "tpch@1.0.0" && f["kind"] == "query"), "{log}");
    assert!(
        event("session ended").iter().any(|f| f["package"] == "tpch@1.0.0" && f["application"] == "dashboard"),
        "{log}"
    );
    for row_value in ["ARGENTINA", "AFRICA", "EUROPE"] {
        assert!(!log.contains(row_value), "row data in the log:\n{log}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_drains_idle_sessions_first_and_lets_running_statements_finish() {
    let pg = pgharness::PgServer::start(&[]).expect("start postgres");
    pg.create_database("shop").unwrap();
    pg.psql("shop", "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)").unwrap();
    let registry = tempfile::tempdir().unwrap();
    let url = format!("postgres://{}@127.0.0.1:{}/shop", pg.user, pg.port);
    let manifest = packwire::tooling::init(&url, "public", &[], "shop", "1.0.0").await.unwrap();
    std::fs::write(registry.path().join("shop.toml"), manifest).unwrap();
    let (server, port, metrics) = serve(registry.path(), &[], None);

    let idle = common::client(port, "shop@1.0.0").await;
    let busy = common::client(port, "shop@1.0.0").await;
    busy.simple_query("set statement_timeout = '30s'").await.unwrap();
    let running = tokio::spawn(async move {
        let rows = busy.simple_query("select id, pg_sleep(2) from t").await;
        (rows, busy)
    });
    // Let the statement reach the backend, then ask the server to stop.
    let direct = common::direct(&pg, "shop").await;
    let started = pgharness::wait_for(Duration::from_secs(20), || {
        answers_nonzero(
            &direct,
            "select count(*) from pg_stat_activity where query like '%pg_sleep(2)%' and pid <> pg_backend_pid()",
        )
    });
    assert!(started, "the statement never reached the backend");
    let pid = server.0.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());

    // Readiness turns 503 and new connections are no longer accepted.
    let draining = pgharness::wait_for(Duration::from_secs(10), || http_get_status(metrics, "/readyz") == 503);
    assert!(draining, "/readyz never reported the drain");
    let closed =
        pgharness::wait_for(Duration::from_secs(10), || std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
    assert!(closed, "the listener still accepts while draining");

    // Then the idle session is ended at once.
    let error =
        tokio::time::timeout(Duration::from_secs(20), idle.simple_query("select 1")).await.unwrap().unwrap_err();
    assert!(error.is_closed() || common::sqlstate(&error) == "57P01", "{error:?}");
    // The running statement completes with its row; then the session ends.
    let (rows, busy) = tokio::time::timeout(Duration::from_secs(30), running).await.unwrap().unwrap();
    let rows = rows.expect("the running statement finished");
    assert!(rows.iter().any(|m| matches!(m, tokio_postgres::SimpleQueryMessage::Row(_))));
    assert!(busy.simple_query("select 1").await.is_err());
    let mut server = server;
    let status = tokio::task::block_in_place(|| server.0.wait()).unwrap();
    assert!(status.success(), "packwire exited with {status}");
}

/// Whether `sql` (a count) answers non-zero, from synchronous code.
fn answers_nonzero(client: &tokio_postgres::Client, sql: &str) -> bool {
    tokio::task::block_in_place(|| {
        tokio::runtime::Handle::current().block_on(async {
            common::text_rows(client, sql).await.first().and_then(|r| r[0].clone()).is_some_and(|n| n != "0")
        })
    })
}

/// The status of `GET path`, 0 when the listener is gone.
fn http_get_status(port: u16, path: &str) -> u16 {
    match std::net::TcpStream::connect(("127.0.0.1", port)) {
        Ok(_) => http_get(port, path).0,
        Err(_) => 0,
    }
}

/// psql against packwire: (succeeded, stdout, stderr — where notices go).
fn psql(port: u16, database: &str, sql: &str) -> (bool, String, String) {
    let output = pgharness::client_command("psql")
        .expect("psql")
        .args(["-X", "-At", "-h", "127.0.0.1", "-p", &port.to_string(), "-U", "app", "-d", database, "-c", sql])
        .output()
        .unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).trim().to_string();
    (output.status.success(), text(&output.stdout), text(&output.stderr))
}

/// Publishing, deprecating and retiring versions while clients stay connected: a changed
/// registry directory is picked up by itself (and on SIGHUP), a session keeps the version it
/// resolved, a manifest that does not load leaves the served registry as it was, and a
/// deprecated version warns until its sunset and is then refused, naming its replacement.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn versions_are_published_deprecated_and_retired_without_a_restart() {
    let registry = common::demo_registry_copy();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("packwire.toml");
    std::fs::write(&config, "registry_poll = \"100ms\"\n").unwrap();
    let (_server, port, _) = serve(&registry, &["--config", config.to_str().unwrap()], None);
    let kept = common::client(port, "tpch@1.0.0").await;
    let original = std::fs::read_to_string(registry.join("tpch-1.0.0.toml")).unwrap();
    // Waits until a new psql session sees `check` hold.
    let eventually = |database: &'static str, check: &dyn Fn(&(bool, String, String)) -> bool| {
        let mut last = (false, String::new(), String::new());
        let held = pgharness::wait_for(Duration::from_secs(20), || {
            last = psql(port, database, "select count(*) from region");
            check(&last)
        });
        assert!(held, "{database}: {last:?}");
        last
    };

    // A new version appears without a restart.
    let published = original.replace("version = \"1.0.0\"", "version = \"1.2.0\"");
    std::fs::write(registry.join("tpch-1.2.0.toml"), &published).unwrap();
    eventually("tpch@1.2.0", &|(ok, out, _)| *ok && out == "5");

    // Deprecated with a sunset to come: a warning at connect, naming the replacement.
    let deprecated = format!(
        "{original}\n[deprecation]\nmessage = \"moved to Snowflake\"\nsunset = 2999-01-01\nreplacement = \"tpch@1.1.0\"\n"
    );
    std::fs::write(registry.join("tpch-1.0.0.toml"), &deprecated).unwrap();
    let (_, _, notice) = eventually("tpch@1.0.0", &|(ok, _, err)| *ok && err.contains("deprecated"));
    assert!(
        notice.contains("WARNING:  tpch@1.0.0 is deprecated (it will be retired on 2999-01-01): moved to Snowflake"),
        "{notice}"
    );
    assert!(notice.contains("HINT:  Connect to tpch@1.1.0 instead."), "{notice}");

    // A manifest that does not load: the reload is refused and nothing changes.
    std::fs::write(registry.join("tpch-1.3.0.toml"), "[package]\nname = \"tpch\"\nversion = ").unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (ok, _, err) = psql(port, "tpch@1.3.0", "select 1");
    assert!(!ok && err.contains("no version matching \"1.3.0\" (available: 1.0.0, 1.1.0, 1.2.0)"), "{err}");
    let (ok, out, err) = psql(port, "tpch@1.2.0", "select count(*) from nation");
    assert!(ok && out == "25", "{err}");
    std::fs::remove_file(registry.join("tpch-1.3.0.toml")).unwrap();

    // Past its sunset the version is refused, with the replacement named.
    let retired = deprecated.replace("sunset = 2999-01-01", "sunset = 2020-01-01");
    std::fs::write(registry.join("tpch-1.0.0.toml"), &retired).unwrap();
    let (_, _, refusal) = eventually("tpch@1.0.0", &|(ok, _, err)| !*ok && err.contains("retired"));
    assert!(refusal.contains("FATAL:  tpch@1.0.0 was retired on 2020-01-01: moved to Snowflake"), "{refusal}");
    assert!(refusal.contains("Connect to tpch@1.1.0 instead."), "{refusal}");

    // The session that connected before any of this still reads its version.
    assert_eq!(common::text_rows(&kept, "select count(*) from region").await, vec![vec![Some("5".into())]]);
}

/// With polling off, SIGHUP reloads the registry.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_reloads_the_registry() {
    let registry = common::demo_registry_copy();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("packwire.toml");
    std::fs::write(&config, "registry_poll = \"0\"\n").unwrap();
    let (server, port, _) = serve(&registry, &["--config", config.to_str().unwrap()], None);
    let original = std::fs::read_to_string(registry.join("tpch-1.0.0.toml")).unwrap();
    std::fs::write(registry.join("tpch-1.5.0.toml"), original.replace("version = \"1.0.0\"", "version = \"1.5.0\""))
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!psql(port, "tpch@1.5.0", "select 1").0, "published without a reload");
    assert!(Command::new("kill").args(["-HUP", &server.0.id().to_string()]).status().unwrap().success());
    let seen = pgharness::wait_for(Duration::from_secs(20), || psql(port, "tpch@1.5.0", "select 1").0);
    assert!(seen, "SIGHUP did not reload the registry");
}

/// The admin console (`psql …/packwire`): what is served, who is connected, statistics and
/// usage, PAUSE/RESUME of a version's statements, RELOAD and SHUTDOWN.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_console_shows_and_steers_the_server() {
    let registry = common::demo_registry_copy();
    let (mut server, port, _) = serve(&registry, &[], None);
    let admin = |sql: &str| psql(port, "packwire", sql);

    let mut config = tokio_postgres::Config::new();
    config.host("127.0.0.1").port(port).user("app").dbname("tpch@1.0.0").application_name("dash");
    let client = common::connect_with(config).await.unwrap();
    assert_eq!(common::text_rows(&client, "select count(*) from nation").await, vec![vec![Some("25".into())]]);

    let (ok, out, err) = admin("SHOW VERSIONS");
    assert!(ok, "{err}");
    assert!(out.lines().any(|l| l.starts_with("tpch@1.0.0|csv|8|1|false|")), "{out}");
    assert!(out.lines().any(|l| l.starts_with("tpch@1.1.0|parquet|8|0|false|")), "{out}");
    let (_, out, _) = admin("show packages;");
    assert_eq!(out, "tpch|1.0.0, 1.1.0|1.1.0");
    let (_, out, _) = admin("SHOW SESSIONS");
    assert!(out.lines().any(|l| l.contains("|app|tpch@1.0.0|csv|dash|127.0.0.1:")), "{out}");
    let (_, out, _) = admin("SHOW STATS");
    assert!(out.lines().any(|l| l.starts_with("tpch@1.0.0|csv|query|1|")), "{out}");
    let (ok, _, err) = admin("SHOW NONSENSE");
    assert!(!ok && err.contains("unknown admin command") && err.contains("SHOW PACKAGES"), "{err}");

    // PAUSE holds new statements of the version until RESUME; other versions run on.
    assert!(admin("PAUSE tpch@1.0.0").0);
    let (_, out, _) = admin("SHOW VERSIONS");
    assert!(out.lines().any(|l| l.starts_with("tpch@1.0.0|csv|8|1|true|")), "{out}");
    let waiting = tokio::spawn(async move {
        let rows = common::text_rows(&client, "select count(r_name) from region").await;
        (rows, client)
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!waiting.is_finished(), "a statement ran on a paused version");
    assert_eq!(psql(port, "tpch@1.1.0", "select count(*) from region").1, "5");
    assert!(admin("RESUME tpch@1.0.0").0);
    let (rows, client) = tokio::time::timeout(Duration::from_secs(20), waiting).await.unwrap().unwrap();
    assert_eq!(rows, vec![vec![Some("5".into())]]);
    let (ok, _, err) = admin("PAUSE nope@1.0.0");
    assert!(!ok && err.contains("no version \"nope@1.0.0\" is served"), "{err}");

    // Usage counts once the session has ended.
    drop(client);
    let mut out = String::new();
    let counted = pgharness::wait_for(Duration::from_secs(20), || {
        out = admin("SHOW USAGE").1;
        out.contains("tpch@1.0.0|dash|region|r_name|1")
    });
    assert!(counted, "{out}");

    assert_eq!(admin("RELOAD"), (true, "RELOAD".to_string(), String::new()));
    assert!(admin("SHUTDOWN").0);
    let exited = pgharness::wait_for(Duration::from_secs(30), || server.0.try_wait().ok().flatten().is_some());
    assert!(exited, "SHUTDOWN did not stop the server");
}

/// SIGHUP also re-reads the users file: a user added since the start can connect; a users file
/// that does not load leaves the users as they were.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_reloads_the_users_file() {
    let registry = common::demo_registry_copy();
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.toml");
    let add = |name: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_packwire"))
            .args(["user", "add", name, "--grant", "tpch", "--users"])
            .arg(&users)
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), b"secret-pw\n").unwrap();
        assert!(child.wait().unwrap().success());
    };
    add("alice");
    let (server, port, _) = serve(&registry, &["--auth", "scram-sha-256", "--users", users.to_str().unwrap()], None);
    let login = |user: &str| {
        let output = pgharness::client_command("psql")
            .unwrap()
            .args(["-X", "-At", "-h", "127.0.0.1", "-p", &port.to_string(), "-U", user, "-d", "tpch@1.0.0"])
            .args(["-c", "select count(*) from region"])
            .env("PGPASSWORD", "secret-pw")
            .output()
            .unwrap();
        (output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let hangup =
        || assert!(Command::new("kill").args(["-HUP", &server.0.id().to_string()]).status().unwrap().success());

    assert!(login("alice").0);
    add("bob");
    let (ok, err) = login("bob");
    assert!(!ok && err.contains("password authentication failed for user \"bob\""), "{err}");
    hangup();
    assert!(pgharness::wait_for(Duration::from_secs(20), || login("bob").0), "bob was not loaded on SIGHUP");

    std::fs::write(&users, "[users.alice]\npassword = ").unwrap();
    hangup();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(login("alice").0 && login("bob").0, "a broken users file must leave the users as they were");
}
