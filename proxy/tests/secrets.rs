//! Secrets never leave packwire: the backend password (given to `package init` in a URL, read
//! by `serve` from the environment), a user's password and its SCRAM verifier, and the TLS
//! private key are grepped for in everything a client, an operator or a log can see — debug
//! logs of a real `packwire serve`, `SHOW ALL`, `pg_settings`, the catalog, `EXPLAIN`, errors
//! from packwire and from the backend, failed logins, and the CLI's own output.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

const BACKEND_PASSWORD: &str = "backend-Pw-5e7a1c";
const USER_PASSWORD: &str = "user-Pw-93b0d2";

fn packwire(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_packwire"));
    command
        .args(args)
        .env("PACKWIRE_HOME", common::demo_home())
        .env("PACKWIRE_LOG", "debug")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("run packwire");
    let input = stdin.map(|s| format!("{s}\n")).unwrap_or_default();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// Everything a client can read from one simple query: rows, or the error's fields.
async fn seen(client: &tokio_postgres::Client, sql: &str) -> String {
    match client.simple_query(sql).await {
        Ok(messages) => messages
            .iter()
            .filter_map(|m| match m {
                tokio_postgres::SimpleQueryMessage::Row(row) => {
                    Some((0..row.len()).map(|i| row.get(i).unwrap_or("")).collect::<Vec<_>>().join("|"))
                }
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Err(error) => match error.as_db_error() {
            Some(db) => format!("{} {} {:?} {:?}", db.code().code(), db.message(), db.detail(), db.hint()),
            None => error.to_string(),
        },
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_appear_nowhere() {
    let pg = common::tpch_postgres();
    pg.require_password(BACKEND_PASSWORD).expect("password authentication on the backend");
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registry");
    std::fs::create_dir_all(&registry).unwrap();
    let manifest = registry.join("secret-1.0.0.toml");
    let url = format!("postgres://{}:{BACKEND_PASSWORD}@127.0.0.1:{}/tpch", pg.user, pg.port);
    let mut outputs = vec![packwire(
        &[
            "package",
            "init",
            "--from",
            &url,
            "--name",
            "secret",
            "--version",
            "1.0.0",
            "--out",
            manifest.to_str().unwrap(),
        ],
        &[],
        None,
    )];
    assert!(std::fs::read_to_string(&manifest).unwrap().contains("${SECRET_PASSWORD}"), "{}", outputs[0]);
    let backend_env = [("SECRET_PASSWORD", BACKEND_PASSWORD)];
    outputs.push(packwire(&["package", "check", manifest.to_str().unwrap()], &backend_env, None));

    let users = dir.path().join("users.toml");
    outputs.push(packwire(
        &["user", "add", "app", "--users", users.to_str().unwrap(), "--grant", "secret"],
        &[],
        Some(USER_PASSWORD),
    ));
    let verifier = std::fs::read_to_string(&users).unwrap();
    let keys: Vec<String> = verifier
        .split(['$', ':', '"'])
        .filter(|part| part.len() >= 40 && part.ends_with('='))
        .map(str::to_string)
        .collect();
    assert_eq!(keys.len(), 2, "StoredKey and ServerKey in {verifier}");
    let mock_secret = packwire::auth::users::UsersFile::read(&users).unwrap().mock_secret.expect("mock secret");

    let (cert, key) = pgharness::self_signed_certificate(dir.path()).unwrap();
    let key_text = std::fs::read_to_string(&key).unwrap();
    let key_line = key_text.lines().nth(3).unwrap().to_string();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let config = dir.path().join("packwire.toml");
    std::fs::write(
        &config,
        format!(
            "listen = \"127.0.0.1:{port}\"\nregistry = \"registry\"\n[tls]\ncert = \"{}\"\nkey = \"{}\"\n\
             [auth]\nusers = \"users.toml\"\n",
            cert.display(),
            key.display()
        ),
    )
    .unwrap();
    let log = std::fs::File::create(dir.path().join("serve.log")).unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_packwire"))
        .args(["serve", "--config", config.to_str().unwrap()])
        .env("PACKWIRE_HOME", common::demo_home())
        .env("PACKWIRE_LOG", "debug")
        .env("SECRET_PASSWORD", BACKEND_PASSWORD)
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap();
    assert!(
        pgharness::wait_for(std::time::Duration::from_secs(60), || std::net::TcpStream::connect(("127.0.0.1", port))
            .is_ok()),
        "packwire serve did not start"
    );

    let mut config = tokio_postgres::Config::new();
    config.host("127.0.0.1").port(port).user("app").password(USER_PASSWORD).dbname("secret@1.0.0");
    let client = common::connect_with(config.clone()).await.expect("app connects");
    for sql in [
        "select count(*) from nation",
        "show all",
        "select name, setting from pg_settings",
        "select * from pg_catalog.pg_roles",
        "select * from pg_catalog.pg_user",
        "select * from information_schema.tables",
        "explain select * from nation",
        "explain analyze select * from nation",
        "select * from pg_shadow",
        "select current_setting('packwire.package')",
        "select n_name::int from nation",
        "select * from nope",
        "select pg_read_file('/etc/passwd')",
    ] {
        outputs.push(format!("{sql}: {}", seen(&client, sql).await));
    }
    for (user, password) in [("app", "wrong"), ("nobody", USER_PASSWORD)] {
        let mut bad = config.clone();
        bad.user(user).password(password);
        outputs.push(format!("{:?}", common::connect_with(bad).await.err()));
    }
    outputs.push(packwire(
        &["explain", "--registry", registry.to_str().unwrap(), "secret@1.0.0", "select * from region"],
        &backend_env,
        None,
    ));
    // The backend restarts: connection errors on the way must not carry the password either.
    pg.stop().unwrap();
    outputs.push(seen(&client, "select count(*) from region").await);
    pg.start_again().unwrap();
    outputs.push(seen(&client, "select count(*) from region").await);
    drop(client);
    let _ = server.kill();
    let _ = server.wait();
    outputs.push(std::fs::read_to_string(dir.path().join("serve.log")).unwrap());

    let everything = outputs.join("\n");
    assert!(everything.contains("select count(*) from nation: 25"), "the run did real work:\n{everything}");
    for (what, secret) in [
        ("backend password", BACKEND_PASSWORD),
        ("user password", USER_PASSWORD),
        ("StoredKey", keys[0].as_str()),
        ("ServerKey", keys[1].as_str()),
        ("TLS key", key_line.as_str()),
        ("mock secret", mock_secret.as_str()),
    ] {
        assert!(!everything.contains(secret), "the {what} leaked:\n{everything}");
    }
}
