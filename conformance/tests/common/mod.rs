//! The conformance harness: a real Postgres (the oracle) with TPC-H SF 0.01 and `alltypes` in
//! database `conf`, and packwire serving the same data as `conf@1.0.0` (Postgres backend,
//! `package init` on the oracle) and `conf@1.1.0` (embedded engine, `package materialize` to
//! Parquet). Shared by the conformance run and the client matrix.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use conformance::corpus;
use package::PackageVersion;
use pgharness::PgServer;

/// The packages of the run: (backend name, database a client connects to).
pub const BACKENDS: [(&str, &str); 2] = [("postgres", "conf@1.0.0"), ("embedded", "conf@1.1.0")];

/// Starts the oracle and loads TPC-H and `alltypes` into database `conf`.
pub fn oracle() -> PgServer {
    let pg = PgServer::start(&[("timezone", "UTC")]).expect("start postgres");
    pg.create_database("conf").expect("createdb");
    let schema = std::fs::read_to_string(corpus::tpch_dir().join("schema_postgres_parquet_aligned.sql")).unwrap();
    pg.psql("conf", &schema).expect("tpch schema");
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("packwire-demo");
    let csv = packwire::demo::csv_dir(&home).expect("demo data");
    for table in ["region", "nation", "part", "supplier", "partsupp", "customer", "orders", "lineitem"] {
        let status = pg
            .command("psql")
            .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "conf", "-c"])
            .arg(format!(
                "\\copy {table} from '{}' with (format csv, header true)",
                csv.join(format!("{table}.csv")).display()
            ))
            .status()
            .expect("psql");
        assert!(status.success(), "loading {table}");
    }
    let alltypes = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/alltypes.sql");
    pg.psql("conf", &std::fs::read_to_string(alltypes).unwrap()).expect("alltypes");
    pg.psql("conf", "ANALYZE").expect("analyze");
    pg
}

/// packwire serving `conf@1.0.0` and `conf@1.1.0` on an ephemeral port.
pub struct Served {
    pub port: u16,
    /// The versions of [`BACKENDS`], resolved from the registry the server serves.
    versions: Vec<Arc<PackageVersion>>,
    _work: tempfile::TempDir,
}

impl Served {
    /// A served package version, by its `name@version`.
    pub fn version(&self, id: &str) -> Arc<PackageVersion> {
        self.versions.iter().find(|v| v.id() == id).cloned().unwrap_or_else(|| panic!("{id} is not served"))
    }
}

/// Publishes `conf@1.0.0` from the oracle, materializes `conf@1.1.0`, and serves both.
pub async fn serve(pg: &PgServer) -> Served {
    let work = tempfile::tempdir().unwrap();
    let registry = work.path().join("registry");
    std::fs::create_dir_all(&registry).unwrap();
    let url = format!("postgres://{}@127.0.0.1:{}/conf", pg.user, pg.port);
    let manifest = packwire::tooling::init(&url, "public", &[], "conf", "1.0.0").await.expect("init");
    std::fs::write(registry.join("conf-1.0.0.toml"), &manifest).unwrap();
    packwire::tooling::materialize(&registry, "conf@1.0.0", &work.path().join("parquet"), "1.1.0")
        .await
        .expect("materialize");
    let loaded = packwire::load_registry(&registry).expect("registry");
    let versions = BACKENDS
        .iter()
        .map(|(_, spec)| loaded.resolve(&package::PackageSpec::parse(spec).expect(spec)).expect(spec))
        .collect();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    packwire::spawn_server(listener, loaded);
    Served { port, versions, _work: work }
}
