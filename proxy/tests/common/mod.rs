//! Test harness: a packwire server on an ephemeral loopback port in the test's own runtime,
//! serving the bundled demo registry (data generated once under cargo's target tmp dir) plus any
//! extra manifests a test adds.

#![allow(dead_code)]

pub mod raw;

use std::path::{Path, PathBuf};
use std::process::Command;

use pgharness::PgServer;
use tokio_postgres::{Client, NoTls};

/// A running server and the registry directory it serves.
pub struct TestServer {
    pub port: u16,
    pub registry: PathBuf,
}

/// The shared demo data directory (generated once, reused by every test binary).
pub fn demo_home() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("packwire-demo")
}

/// Starts a server over the demo registry plus `extra` manifests (file name, TOML text).
pub async fn start(extra: &[(&str, String)]) -> TestServer {
    start_behind(extra, packwire::auth::FrontDoor::trust()).await
}

/// [`start`] with a given front door (authentication, TLS, limits).
pub async fn start_behind(extra: &[(&str, String)], front: packwire::auth::FrontDoor) -> TestServer {
    let registry = if extra.is_empty() {
        packwire::demo::install(&demo_home()).expect("install demo registry")
    } else {
        let dir = demo_registry_copy();
        for (name, text) in extra {
            std::fs::write(dir.join(name), text).expect("write extra manifest");
        }
        dir
    };
    let loaded = packwire::load_registry(&registry).expect("load registry");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    packwire::spawn_server_with(listener, loaded, front);
    TestServer { port, registry }
}

/// A new registry directory (kept) holding the demo's manifests, which read the shared demo data.
pub fn demo_registry_copy() -> PathBuf {
    let dir = tempfile::Builder::new().prefix("packwire-registry").tempdir().expect("tempdir").keep();
    let demo = packwire::demo::install(&demo_home()).expect("install demo registry");
    for entry in std::fs::read_dir(&demo).expect("read demo registry") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read manifest");
        // Demo manifests point at ../demo-data relative to their own directory.
        let text = text.replace("../demo-data", &demo_home().join("demo-data").to_string_lossy());
        std::fs::write(dir.join(path.file_name().expect("name")), text).expect("write manifest");
    }
    dir
}

impl TestServer {
    /// A tokio-postgres config for `database`.
    pub fn config(&self, database: &str) -> tokio_postgres::Config {
        let mut config = tokio_postgres::Config::new();
        config.host("127.0.0.1").port(self.port).user("tester").dbname(database);
        config
    }

    /// Connects to `database` and drives the connection in the background.
    pub async fn connect(&self, database: &str) -> Client {
        self.try_connect(database).await.unwrap_or_else(|e| panic!("connect to {database}: {e}"))
    }

    /// The error a connection attempt to `database` fails with (panics if it succeeds).
    pub async fn connect_error(&self, database: &str) -> tokio_postgres::Error {
        match self.try_connect(database).await {
            Ok(_) => panic!("connecting to {database} should fail"),
            Err(error) => error,
        }
    }

    pub async fn try_connect(&self, database: &str) -> Result<Client, tokio_postgres::Error> {
        connect_with(self.config(database)).await
    }
}

pub async fn connect_with(config: tokio_postgres::Config) -> Result<Client, tokio_postgres::Error> {
    let (client, connection) = config.connect(NoTls).await?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(client)
}

/// The repository's TPC-H query files.
pub fn tpch_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance/tpch")
}

/// The text of TPC-H query `n` (q15 as its single-statement CTE variant).
pub fn tpch_query(n: usize) -> String {
    let file = if n == 15 { "q15_cte.sql".to_string() } else { format!("q{n:02}.sql") };
    std::fs::read_to_string(tpch_dir().join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Runs a simple query and returns its rows as text.
pub async fn text_rows(client: &Client, sql: &str) -> Vec<Vec<Option<String>>> {
    client
        .simple_query(sql)
        .await
        .unwrap_or_else(|e| {
            panic!(
                "{sql}: {}",
                e.as_db_error().map(|d| format!("{} {}", d.code().code(), d.message())).unwrap_or(e.to_string())
            )
        })
        .into_iter()
        .filter_map(|m| match m {
            tokio_postgres::SimpleQueryMessage::Row(row) => {
                Some((0..row.len()).map(|i| row.get(i).map(str::to_string)).collect())
            }
            _ => None,
        })
        .collect()
}

/// The SQLSTATE of a failed statement.
pub fn sqlstate(error: &tokio_postgres::Error) -> String {
    error.code().map(|c| c.code().to_string()).unwrap_or_else(|| format!("no SQLSTATE: {error}"))
}

/// The server-side error details (message, hint, position) of a failed statement.
pub fn db_error(error: &tokio_postgres::Error) -> &tokio_postgres::error::DbError {
    error.as_db_error().unwrap_or_else(|| panic!("not a server error: {error}"))
}

/// A harness Postgres with TPC-H SF 0.01 (the demo's generated CSVs) in database `tpch`.
pub fn tpch_postgres() -> PgServer {
    let server = PgServer::start(&[("log_statement", "all")]).expect("start postgres");
    server.create_database("tpch").expect("createdb");
    let schema = std::fs::read_to_string(tpch_dir().join("schema_postgres_parquet_aligned.sql")).unwrap();
    server.psql("tpch", &schema).expect("schema");
    let csv_dir = packwire::demo::csv_dir(&demo_home()).expect("demo data");
    for table in ["region", "nation", "part", "supplier", "partsupp", "customer", "orders", "lineitem"] {
        let file = csv_dir.join(format!("{table}.csv"));
        server
            .command("psql")
            .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "tpch", "-c"])
            .arg(format!("\\copy {table} from '{}' with (format csv, header true)", file.display()))
            .status()
            .expect("copy")
            .success()
            .then_some(())
            .expect("copy succeeded");
    }
    let constraints = std::fs::read_to_string(tpch_dir().join("constraints_postgres.sql")).unwrap();
    server.psql("tpch", &constraints).expect("constraints");
    server
        .psql(
            "tpch",
            "COMMENT ON TABLE nation IS 'Nations of the world'; COMMENT ON COLUMN nation.n_name IS 'Nation name'",
        )
        .unwrap();
    server
}

/// Runs the `packwire` binary: (succeeded, stdout, stderr).
pub fn packwire(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_packwire"))
        .args(args)
        .env("PACKWIRE_HOME", demo_home())
        .env("PACKWIRE_LOG", "warn")
        .output()
        .expect("run packwire");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Serves a registry directory on an ephemeral port.
pub async fn serve(registry: &Path) -> u16 {
    let loaded = packwire::load_registry(registry).unwrap();
    assert!(loaded.problems().is_empty(), "{:?}", loaded.problems());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    packwire::spawn_server(listener, loaded);
    port
}

/// A client of `database` on packwire at `port`.
pub async fn client(port: u16, database: &str) -> tokio_postgres::Client {
    let mut config = tokio_postgres::Config::new();
    config.host("127.0.0.1").port(port).user("app").dbname(database);
    connect_with(config)
        .await
        .unwrap_or_else(|e| panic!("connect {database}: {}", packwire::tooling::describe_error(&e)))
}

/// A client of the harness Postgres itself (the oracle the tests compare with).
pub async fn direct(pg: &PgServer, database: &str) -> Client {
    let (client, connection) = tokio_postgres::connect(&pg.conninfo(database), NoTls).await.unwrap();
    tokio::spawn(connection);
    client
}

/// A child process killed when the test ends, also when it fails.
pub struct KillOnDrop(pub std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A free loopback port (bound and released: another process could take it, so callers that
/// start a server on it wait for it to answer).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// `GET path` over plain HTTP/1.1: (status code, body).
pub fn http_get(port: u16, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut socket = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    socket.set_read_timeout(Some(std::time::Duration::from_secs(20))).unwrap();
    write!(socket, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    socket.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}
