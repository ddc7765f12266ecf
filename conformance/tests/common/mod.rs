//! The conformance harness: a real Postgres (the oracle) with TPC-H SF 0.01 and `alltypes` in
//! database `conf`, and packwire serving the same data as `conf@1.0.0` (Postgres backend,
//! `package init` on the oracle), `conf@1.1.0` (embedded engine, `package materialize` to
//! Parquet) and `conf@1.2.0` (Snowflake: the same schema on the fakesnow emulator, loaded from
//! those Parquet files). Shared by the conformance run and the client matrix.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use conformance::corpus;
use package::PackageVersion;
use pgharness::PgServer;
use pgharness::fakesnow::Fakesnow;

/// The packages of the run: (backend name, database a client connects to).
pub const BACKENDS: [(&str, &str); 3] =
    [("postgres", "conf@1.0.0"), ("embedded", "conf@1.1.0"), ("snowflake", "conf@1.2.0")];

/// Starts the oracle and loads TPC-H and `alltypes` into database `conf`.
pub fn oracle() -> PgServer {
    oracle_with(&[])
}

/// [`oracle`] with extra server settings (e.g. `log_statement = all`).
pub fn oracle_with(settings: &[(&str, &str)]) -> PgServer {
    let mut all = vec![("timezone", "UTC")];
    all.extend_from_slice(settings);
    let pg = PgServer::start(&all).expect("start postgres");
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
    pub snowflake: Fakesnow,
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
    serve_behind(pg, packwire::auth::FrontDoor::trust()).await
}

/// [`serve`] behind `front` (TLS, authentication, limits).
pub async fn serve_behind(pg: &PgServer, front: packwire::auth::FrontDoor) -> Served {
    let work = tempfile::tempdir().unwrap();
    let registry = work.path().join("registry");
    std::fs::create_dir_all(&registry).unwrap();
    let url = format!("postgres://{}@127.0.0.1:{}/conf", pg.user, pg.port);
    let manifest = packwire::tooling::init(&url, "public", &[], "conf", "1.0.0").await.expect("init");
    std::fs::write(registry.join("conf-1.0.0.toml"), &manifest).unwrap();
    packwire::tooling::materialize(&registry, "conf@1.0.0", &work.path().join("parquet"), "1.1.0")
        .await
        .expect("materialize");
    let snowflake = Fakesnow::start(&PathBuf::from(env!("CARGO_TARGET_TMPDIR"))).expect("start fakesnow");
    publish_on_snowflake(&registry, &work.path().join("parquet"), &snowflake).await;
    let loaded = packwire::load_registry(&registry).expect("registry");
    let versions = BACKENDS
        .iter()
        .map(|(_, spec)| loaded.resolve(&package::PackageSpec::parse(spec).expect(spec)).expect(spec))
        .collect();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    packwire::spawn_server_with(listener, loaded, front);
    Served { port, versions, snowflake, _work: work }
}

/// `conf@1.2.0`: `conf@1.0.0`'s schema with a Snowflake source — what a data team publishes
/// after copying the tables to Snowflake. The tables are created with Snowflake types and
/// filled from `conf@1.1.0`'s Parquet files (`read_parquet` is the emulator's DuckDB; a real
/// account would COPY INTO from a stage).
async fn publish_on_snowflake(registry: &Path, parquet: &Path, emulator: &Fakesnow) {
    let manifest = std::fs::read_to_string(registry.join("conf-1.0.0.toml")).unwrap();
    let mut value: toml::Table = toml::from_str(&manifest).unwrap();
    value["package"]["version"] = toml::Value::String("1.2.0".into());
    let source = format!(
        "kind = \"snowflake\"\naccount = \"conformance\"\nurl = \"{}\"\nuser = \"PACKWIRE\"\n\
         password = \"${{CONF_SNOWFLAKE_PASSWORD}}\"\ndatabase = \"CONF\"\nschema = \"public\"",
        emulator.url()
    );
    value["source"] = toml::Value::Table(toml::from_str(&source).unwrap());
    let text = toml::to_string(&value).unwrap();
    // The emulator does not check passwords; packwire still only reads them from the environment.
    // SAFETY: set before any thread of this test reads the environment.
    unsafe { std::env::set_var("CONF_SNOWFLAKE_PASSWORD", "emulator") };
    let version = PackageVersion::from_toml(&text, &registry.join("conf-1.2.0.toml")).expect("conf@1.2.0");
    let client = connectors::snowflake::Client::new(&version.source).expect("snowflake client");
    let run = |sql: String| {
        let client = &client;
        async move {
            let id = uuid::Uuid::new_v4().to_string();
            client.query(&sql, None, serde_json::json!({}), &id).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
        }
    };
    run("CREATE DATABASE IF NOT EXISTS CONF".into()).await;
    run("CREATE SCHEMA IF NOT EXISTS CONF.\"public\"".into()).await;
    for table in &version.tables {
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|c| format!("\"{}\" {}", c.physical, connectors::snowflake::introspect::snowflake_type(c.ty)))
            .collect();
        run(format!("CREATE TABLE \"public\".\"{}\" ({})", table.physical, columns.join(", "))).await;
        let file = parquet.join(format!("{}.parquet", table.name));
        run(format!("INSERT INTO \"public\".\"{}\" SELECT * FROM read_parquet('{}')", table.physical, file.display()))
            .await;
    }
    std::fs::write(registry.join("conf-1.2.0.toml"), text).unwrap();
}
