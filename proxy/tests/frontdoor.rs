//! The front door with real clients: TLS (SSLRequest and direct TLS with ALPN), psql with
//! `sslmode=require`/`verify-full` and SCRAM channel binding, MD5, `require_tls`, grants per
//! package version, unknown users answered like wrong passwords, connection and statement
//! limits, idle timeouts, and `packwire user add`.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use common::raw::{Raw, error_fields};
use packwire::auth::users::UsersFile;
use packwire::auth::{FrontDoor, Limits, Method};
use packwire::tls::ServerTls;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const PASSWORD: &str = "correct horse battery staple";

/// A certificate, a users file written by the real CLI, and a server behind them.
struct Door {
    port: u16,
    dir: tempfile::TempDir,
}

impl Door {
    fn crt(&self) -> PathBuf {
        self.dir.path().join("server.crt")
    }
}

/// `packwire user add NAME --users FILE --grant …`, password on stdin.
fn add_user(users: &Path, name: &str, password: &str, extra: &[&str]) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_packwire"))
        .args(["user", "add", name, "--users"])
        .arg(users)
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run packwire user add");
    child.stdin.take().unwrap().write_all(format!("{password}\n").as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "user add: {}", String::from_utf8_lossy(&output.stderr));
}

/// Users: `analytics` (SCRAM, tpch@~1.0), `legacy` (MD5, every package), `single` (SCRAM, one
/// connection at a time), `wide` (SCRAM, every package), `ops` (SCRAM, admin console only).
fn users_file(dir: &Path) -> PathBuf {
    let users = dir.join("users.toml");
    add_user(&users, "analytics", PASSWORD, &["--grant", "tpch@~1.0"]);
    add_user(&users, "legacy", PASSWORD, &["--grant", "*", "--md5"]);
    add_user(&users, "single", PASSWORD, &["--grant", "tpch", "--max-connections", "1"]);
    add_user(&users, "wide", PASSWORD, &["--grant", "*"]);
    add_user(&users, "ops", PASSWORD, &["--admin"]);
    users
}

async fn door(method: Method, require_tls: bool, limits: Limits) -> Door {
    let dir = tempfile::tempdir().unwrap();
    let (crt, key) = pgharness::self_signed_certificate(dir.path()).expect("openssl");
    let users = UsersFile::read(&users_file(dir.path())).unwrap();
    let tls = ServerTls::load(&crt, &key).expect("load certificate");
    let front = FrontDoor::new(method, Some(users), Some(tls), require_tls, limits).expect("front door");
    let server = common::start_behind(&[], front).await;
    Door { port: server.port, dir }
}

/// psql with a libpq connection string; (success, stdout, stderr).
fn psql(conninfo: &str, sql: &str, password: &str) -> (bool, String, String) {
    let output = pgharness::client_command("psql")
        .expect("psql")
        .args(["-X", "-At", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", sql])
        .env("PGPASSWORD", password)
        .env("PGCONNECT_TIMEOUT", "10")
        .output()
        .expect("run psql");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).trim().to_string(),
        String::from_utf8_lossy(&output.stderr).to_string(),
    )
}

fn conninfo(door: &Door, user: &str, database: &str, ssl: &str) -> String {
    format!(
        "host=localhost hostaddr=127.0.0.1 port={} user={user} dbname={database} {ssl} sslrootcert={}",
        door.port,
        door.crt().display()
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn psql_over_tls_with_scram_channel_binding_and_md5() {
    let door = door(Method::ScramSha256, false, Limits::default()).await;
    for ssl in ["sslmode=require", "sslmode=verify-full channel_binding=require", "sslmode=disable"] {
        let (ok, out, err) =
            psql(&conninfo(&door, "analytics", "tpch@1.0.0", ssl), "select count(*) from nation", PASSWORD);
        assert!(ok, "{ssl}: {err}");
        assert_eq!(out, "25", "{ssl}");
    }
    // The session really is encrypted, with the protocol psql negotiated.
    let (ok, out, err) =
        psql(&conninfo(&door, "analytics", "tpch@1.0.0", "sslmode=verify-full"), "\\conninfo", PASSWORD);
    assert!(ok, "{err}");
    assert!(out.contains("SSL connection (protocol: TLSv1.3"), "{out}");

    // Without TLS there is nothing to bind to: requiring it fails on the client's side.
    let (ok, _, err) = psql(
        &conninfo(&door, "analytics", "tpch@1.0.0", "sslmode=disable channel_binding=require"),
        "select 1",
        PASSWORD,
    );
    assert!(!ok && err.contains("channel binding"), "{err}");

    // A user whose verifier is MD5 is challenged with MD5 under the md5 method only; under
    // SCRAM an MD5 verifier cannot log in (as in Postgres).
    let (ok, _, err) = psql(&conninfo(&door, "legacy", "tpch@1.0.0", "sslmode=require"), "select 1", PASSWORD);
    assert!(!ok && err.contains("password authentication failed for user \"legacy\""), "{err}");
    let md5_door = door_md5().await;
    let (ok, out, err) =
        psql(&conninfo(&md5_door, "legacy", "tpch@1.1.0", "sslmode=require"), "select count(*) from region", PASSWORD);
    assert!(ok, "{err}");
    assert_eq!(out, "5");
    // And a SCRAM user under md5 still gets SCRAM.
    let (ok, _, err) = psql(&conninfo(&md5_door, "analytics", "tpch@1.0.0", "sslmode=require"), "select 1", PASSWORD);
    assert!(ok, "{err}");
    let (ok, _, err) = psql(&conninfo(&md5_door, "legacy", "tpch@1.1.0", "sslmode=disable"), "select 1", "wrong");
    assert!(!ok && err.contains("password authentication failed for user \"legacy\""), "{err}");
}

async fn door_md5() -> Door {
    door(Method::Md5, false, Limits::default()).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_passwords_and_unknown_users_get_the_same_answer() {
    let door = door(Method::ScramSha256, false, Limits::default()).await;
    let wrong = psql(&conninfo(&door, "analytics", "tpch@1.0.0", "sslmode=disable"), "select 1", "nope");
    let unknown = psql(&conninfo(&door, "mallory", "tpch@1.0.0", "sslmode=disable"), "select 1", "nope");
    assert!(!wrong.0 && wrong.2.contains("password authentication failed for user \"analytics\""), "{}", wrong.2);
    assert!(!unknown.0 && unknown.2.contains("password authentication failed for user \"mallory\""), "{}", unknown.2);

    // On the wire both go through the whole SCRAM exchange; the unknown user's salt is stable
    // (a fresh random salt per attempt would give the user's absence away).
    let known = raw_scram(door.port, "analytics", "nope").await;
    let ghost = raw_scram(door.port, "mallory", "nope").await;
    let ghost_again = raw_scram(door.port, "mallory", "nope").await;
    assert_eq!(known.code, "28P01");
    assert_eq!(ghost.code, "28P01");
    assert_eq!(ghost.salt, ghost_again.salt);
    assert_eq!(known.iterations, ghost.iterations);
    assert_eq!(known.salt.len(), ghost.salt.len());
    assert_ne!(ghost.salt, raw_scram(door.port, "eve", "nope").await.salt);
    // A replica sharing the users file answers the unknown user with the same salt.
    let users = UsersFile::read(&door.dir.path().join("users.toml")).unwrap();
    let replica = FrontDoor::new(Method::ScramSha256, Some(users), None, false, Limits::default()).unwrap();
    let replica = common::start_behind(&[], replica).await;
    assert_eq!(raw_scram(replica.port, "mallory", "nope").await.salt, ghost.salt);
    assert_eq!(raw_scram(replica.port, "analytics", "nope").await.salt, known.salt);
    assert_eq!(known.severity, "FATAL");
    // And the right password through the same raw client works (the exchange above is real).
    assert_eq!(raw_scram(door.port, "analytics", PASSWORD).await.code, "ok");
}

struct ScramAttempt {
    salt: String,
    iterations: String,
    code: String,
    severity: String,
}

/// A SCRAM-SHA-256 login by hand, so the test sees every message of the exchange.
async fn raw_scram(port: u16, user: &str, password: &str) -> ScramAttempt {
    use postgres_protocol::authentication::sasl::{ChannelBinding, ScramSha256};
    let mut raw = Raw::start(port, user, "tpch@1.0.0").await;
    let (kind, sasl) = raw.next().await;
    assert_eq!(kind, 'R');
    assert_eq!(&sasl[..4], &10u32.to_be_bytes(), "AuthenticationSASL");
    assert!(sasl.windows(13).any(|w| w == b"SCRAM-SHA-256"));
    let mut scram = ScramSha256::new(password.as_bytes(), ChannelBinding::unsupported());
    let first = scram.message().to_vec();
    let mut initial = b"SCRAM-SHA-256\0".to_vec();
    initial.extend_from_slice(&(first.len() as u32).to_be_bytes());
    initial.extend_from_slice(&first);
    raw.send_raw(b'p', &initial).await;

    let (kind, cont) = raw.next().await;
    assert_eq!(kind, 'R');
    assert_eq!(&cont[..4], &11u32.to_be_bytes(), "AuthenticationSASLContinue");
    let server_first = String::from_utf8(cont[4..].to_vec()).unwrap();
    let field = |name: &str| server_first.split(',').find_map(|f| f.strip_prefix(name)).unwrap_or_default().to_string();
    let (salt, iterations) = (field("s="), field("i="));
    scram.update(&cont[4..]).unwrap();
    raw.send_raw(b'p', scram.message()).await;

    let (kind, answer) = raw.next().await;
    let (code, severity) = if kind == 'E' {
        let fields = error_fields(&answer);
        (fields.get(&b'C').cloned().unwrap_or_default(), fields.get(&b'S').cloned().unwrap_or_default())
    } else {
        assert_eq!(&answer[..4], &12u32.to_be_bytes(), "AuthenticationSASLFinal");
        scram.finish(&answer[4..]).expect("the server proves it knows the verifier");
        ("ok".to_string(), String::new())
    };
    ScramAttempt { salt, iterations, code, severity }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn grants_decide_which_versions_a_user_sees() {
    let door = door(Method::ScramSha256, false, Limits::default()).await;
    let info = |database: &str| conninfo(&door, "analytics", database, "sslmode=require");
    let (ok, _, err) = psql(&info("tpch@1.0.0"), "select 1", PASSWORD);
    assert!(ok, "{err}");
    // The admin console is for admin users only.
    let (ok, _, err) = psql(&info("packwire"), "show versions", PASSWORD);
    assert!(
        !ok && err.contains("permission denied for the admin console: user \"analytics\" is not an admin"),
        "{err}"
    );
    let (ok, out, err) = psql(&conninfo(&door, "ops", "packwire", "sslmode=require"), "show packages", PASSWORD);
    assert!(ok && out.starts_with("tpch|"), "{err}");
    // tpch@~1.0 does not cover 1.1.0; the refusal names what was asked, never a version the
    // user may not see.
    for asked in ["tpch@1.1.0", "tpch@~1.1", "secret@2"] {
        let (ok, _, err) = psql(&info(asked), "select 1", PASSWORD);
        assert!(!ok, "{asked}");
        assert!(err.contains(&format!("permission denied for package \"{asked}\"")), "{asked}: {err}");
        assert!(!err.contains("1.1.0") || asked.contains("1.1.0"), "{asked}: {err}");
    }
    // "tpch@1" and plain "tpch" resolve among the granted versions: 1.0.0, not the newer 1.1.0.
    for asked in ["tpch@1", "tpch"] {
        let (ok, out, err) = psql(&info(asked), "show packwire.package", PASSWORD);
        assert!(ok, "{asked}: {err}");
        assert_eq!(out, "tpch@1.0.0", "{asked}");
    }
    // An ungranted package is refused without saying whether it exists or what else is served.
    let (_, _, err) = psql(&info("secret@2"), "select 1", PASSWORD);
    assert!(!err.contains("tpch") && !err.contains("does not exist"), "{err}");
    // A package that does not exist: a user with a wildcard grant is told so (and sees the
    // list of packages); a user whose grants name the package sees only what they cover.
    let (_, _, err) = psql(&conninfo(&door, "wide", "nosuch@1", "sslmode=require"), "select 1", PASSWORD);
    assert!(err.contains("package \"nosuch\" does not exist (available: tpch)"), "{err}");

    // The SQLSTATE, seen through a driver.
    let mut config = tokio_postgres::Config::new();
    config.host("127.0.0.1").port(door.port).user("analytics").password(PASSWORD).dbname("tpch@1.1.0");
    let error = common::connect_with(config).await.expect_err("refused");
    assert_eq!(common::sqlstate(&error), "42501");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn require_tls_refuses_plaintext_and_drivers_bind_the_channel() {
    let door = door(Method::ScramSha256, true, Limits::default()).await;
    let (ok, _, err) = psql(&conninfo(&door, "analytics", "tpch@1.0.0", "sslmode=disable"), "select 1", PASSWORD);
    assert!(!ok && err.contains("packwire accepts only TLS connections"), "{err}");
    let (ok, out, err) = psql(
        &conninfo(&door, "analytics", "tpch@1.0.0", "sslmode=verify-full"),
        "select count(*) from region",
        PASSWORD,
    );
    assert!(ok && out == "5", "{err}");

    // tokio-postgres on rustls: verify-full and SCRAM-SHA-256-PLUS required.
    let certificate = std::fs::read(door.crt()).unwrap();
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls_pemfile::certs(&mut certificate.as_slice()) {
        roots.add(cert.unwrap()).unwrap();
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let client_tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let mut config = tokio_postgres::Config::new();
    config
        .host("localhost")
        .hostaddr(std::net::IpAddr::from([127, 0, 0, 1]))
        .port(door.port)
        .user("analytics")
        .password(PASSWORD)
        .dbname("tpch@1.0.0")
        .ssl_mode(tokio_postgres::config::SslMode::Require)
        .channel_binding(tokio_postgres::config::ChannelBinding::Require);
    let (client, connection) = config
        .connect(tokio_postgres_rustls::MakeRustlsConnect::new(client_tls.clone()))
        .await
        .expect("TLS + SCRAM-PLUS");
    tokio::spawn(connection);
    let rows = client.query("select count(*) from nation", &[]).await.unwrap();
    assert_eq!(rows[0].get::<_, i64>(0), 25);

    // Direct TLS (Postgres 17's sslnegotiation=direct): TLS first, ALPN "postgresql", then the
    // startup packet inside it.
    let mut direct = client_tls.clone();
    direct.alpn_protocols = vec![b"postgresql".to_vec()];
    let connector = tokio_rustls::TlsConnector::from(Arc::new(direct));
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", door.port)).await.unwrap();
    let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
    let stream = connector.connect(name.clone(), tcp).await.expect("direct TLS handshake");
    let mut raw = tokio_postgres::Config::new();
    raw.user("analytics").password(PASSWORD).dbname("tpch@1.0.0").ssl_mode(tokio_postgres::config::SslMode::Disable);
    let (client, connection) = raw.connect_raw(stream, tokio_postgres::NoTls).await.expect("startup inside direct TLS");
    tokio::spawn(connection);
    let rows = client.query("select count(*) from region", &[]).await.unwrap();
    assert_eq!(rows[0].get::<_, i64>(0), 5);

    // Direct TLS without ALPN is closed (it could be a confused HTTPS client).
    let connector = tokio_rustls::TlsConnector::from(Arc::new(client_tls));
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", door.port)).await.unwrap();
    if let Ok(mut stream) = connector.connect(name, tcp).await {
        let mut sink = Vec::new();
        let read = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read_to_end(&mut sink)).await;
        assert!(matches!(read, Ok(Ok(0)) | Ok(Err(_))), "{read:?}");
    }

    // Plaintext sent right behind an SSLRequest (before the handshake) is not trusted: the
    // server answers 'S' and closes.
    let mut socket = tokio::net::TcpStream::connect(("127.0.0.1", door.port)).await.unwrap();
    let mut bytes = b"\x00\x00\x00\x08\x04\xd2\x16\x2f".to_vec();
    bytes.extend_from_slice(b"\x00\x00\x00\x08\x00\x03\x00\x00");
    socket.write_all(&bytes).await.unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(std::time::Duration::from_secs(10), socket.read_to_end(&mut answer)).await;
    assert_eq!(answer, b"S");
}

fn trust_door(limits: Limits, users: Option<UsersFile>) -> FrontDoor {
    FrontDoor::new(Method::Trust, users, None, false, limits).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connection_limits_server_wide_and_per_user() {
    let server = common::start_behind(&[], trust_door(Limits { max_connections: 2, ..Limits::default() }, None)).await;
    let first = server.connect("tpch@1.0.0").await;
    let second = server.connect("tpch@1.0.0").await;
    let error = server.connect_error("tpch@1.0.0").await;
    assert_eq!(common::sqlstate(&error), "53300");
    drop(second);
    // The slot is released when a session ends.
    let mut again = None;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        if let Ok(client) = server.try_connect("tpch@1.0.0").await {
            again = Some(client);
            break;
        }
    }
    let again = again.expect("a slot frees up when a session ends");
    assert_eq!(common::text_rows(&again, "select 1").await, vec![vec![Some("1".into())]]);
    assert_eq!(common::text_rows(&first, "select 2").await, vec![vec![Some("2".into())]]);

    let dir = tempfile::tempdir().unwrap();
    let users = UsersFile::read(&users_file(dir.path())).unwrap();
    let server = common::start_behind(&[], trust_door(Limits::default(), Some(users))).await;
    let connect = |user: &str| {
        let mut config = server.config("tpch@1.0.0");
        config.user(user);
        common::connect_with(config)
    };
    let single = connect("single").await.expect("first connection of single");
    let error = connect("single").await.expect_err("second connection of single");
    assert_eq!(common::sqlstate(&error), "53300");
    let message = error.as_db_error().map(|e| e.message().to_string()).unwrap_or_default();
    assert_eq!(message, "too many connections for role \"single\"");
    let _other = connect("analytics").await.expect("other users are not limited by single's limit");
    // With a users file, trust still admits only known users.
    assert_eq!(common::sqlstate(&connect("mallory").await.err().unwrap()), "28000");
    drop(single);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statement_length_and_idle_timeouts() {
    let limits = Limits { max_statement_length: 200, statement_timeout_ms: 45_000, ..Limits::default() };
    let extra = [limited_version("1.0.3", "statement_timeout = \"5s\"")];
    let extra: Vec<(&str, String)> = extra.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let server = common::start_behind(&extra, trust_door(limits, None)).await;
    let client = server.connect("tpch@1.0.0").await;
    // The server's default statement_timeout applies where the manifest sets none.
    assert_eq!(common::text_rows(&client, "show statement_timeout").await, vec![vec![Some("45000".into())]]);
    let own = server.connect("tpch@1.0.3").await;
    assert_eq!(common::text_rows(&own, "show statement_timeout").await, vec![vec![Some("5000".into())]]);
    let long = format!("select 1 /* {} */", "x".repeat(300));
    let error = client.simple_query(&long).await.err().unwrap();
    assert_eq!(common::sqlstate(&error), "54000");
    let error = client.prepare(&long).await.err().unwrap();
    assert_eq!(common::sqlstate(&error), "54000");
    assert_eq!(common::text_rows(&client, "select 1").await, vec![vec![Some("1".into())]]);

    for (setup, code) in [
        ("set idle_session_timeout = '300ms'", "57P05"),
        ("begin; set idle_in_transaction_session_timeout = '300ms'", "25P03"),
    ] {
        let (client, connection) = server.config("tpch@1.0.0").connect(tokio_postgres::NoTls).await.unwrap();
        let ended = tokio::spawn(connection);
        client.batch_execute(setup).await.unwrap();
        let result = tokio::time::timeout(std::time::Duration::from_secs(30), ended).await.expect("session ends");
        let error = result.unwrap().expect_err("the connection ends with an error");
        assert_eq!(common::sqlstate(&error), code, "{setup}: {error}");
        assert!(client.is_closed());
    }
}

#[test]
fn user_add_writes_verifiers_only() {
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.toml");
    add_user(&users, "analytics", PASSWORD, &["--grant", "shop@^2", "--grant", "tpch@*"]);
    add_user(&users, "legacy", PASSWORD, &["--md5"]);
    let text = std::fs::read_to_string(&users).unwrap();
    assert!(!text.contains(PASSWORD) && !text.contains("horse"), "{text}");
    assert!(text.contains("SCRAM-SHA-256$4096:"), "{text}");
    assert!(text.contains("md5"), "{text}");
    // The mock secret is drawn once and kept by later changes.
    let secret = UsersFile::read(&users).unwrap().mock_secret.expect("a mock secret");
    assert_eq!(secret.len(), 64);
    add_user(&users, "third", PASSWORD, &[]);
    assert_eq!(UsersFile::read(&users).unwrap().mock_secret, Some(secret));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&users).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // Changing a password keeps the grants.
    add_user(&users, "analytics", "another one", &[]);
    let file = UsersFile::read(&users).unwrap();
    assert_eq!(file.users["analytics"].grants, vec!["shop@^2", "tpch@*"]);
    assert!(file.parse().is_ok());
    // Bad grants are refused before anything is written.
    let output = Command::new(env!("CARGO_BIN_EXE_packwire"))
        .args(["user", "add", "x", "--users"])
        .arg(&users)
        .args(["--grant", "shop@not-a-version"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(!UsersFile::read(&users).unwrap().users.contains_key("x"));
}

/// The demo's `tpch@1.0.0` as another version with result limits in `[package]`.
fn limited_version(version: &str, limits: &str) -> (String, String) {
    let demo = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../demo/registry/tpch-1.0.0.toml"))
        .unwrap()
        .replace("version = \"1.0.0\"", &format!("version = \"{version}\"\n{limits}"))
        .replace("../demo-data", &common::demo_home().join("demo-data").to_string_lossy());
    (format!("tpch-{version}.toml"), demo)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_over_a_package_limit_are_errors_not_truncated() {
    let extra = [limited_version("1.0.1", "max_rows = 24"), limited_version("1.0.2", "max_result_bytes = 600")];
    let extra: Vec<(&str, String)> = extra.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let server = common::start(&extra).await;

    let rows = server.connect("tpch@1.0.1").await;
    let error = rows.simple_query("select * from nation").await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "54000");
    assert!(error.as_db_error().unwrap().message().contains("max_rows = 24 of package tpch@1.0.1"), "{error:?}");
    assert_eq!(common::text_rows(&rows, "select n_name from nation limit 24").await.len(), 24);
    // Through the extended protocol too, and the session goes on.
    let error = rows.query("select n_nationkey from nation", &[]).await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "54000");
    assert_eq!(common::text_rows(&rows, "select count(*) from nation").await, vec![vec![Some("25".into())]]);

    let bytes = server.connect("tpch@1.0.2").await;
    let error = bytes.simple_query("select * from nation").await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "54000");
    assert_eq!(common::text_rows(&bytes, "select n_nationkey from nation limit 3").await.len(), 3);
    // Versions without limits are unaffected.
    let free = server.connect("tpch@1.0.0").await;
    assert_eq!(common::text_rows(&free, "select * from lineitem").await.len(), 60175);
}
