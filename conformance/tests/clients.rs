//! The client matrix: real drivers and ORMs against packwire, each serving the conformance
//! packages on the Postgres backend (`conf@1.0.0`) and on the embedded engine (`conf@1.1.0`),
//! with `DATABASE_URL` spelled once with `@` and once with `%40`. Every client script
//! (`conformance/clients/`) runs the same statements through packwire and on the oracle Postgres
//! and compares what its driver returns; a failure prints the client, the URL, the statement and
//! both answers.
//!
//! The clients are installed on first use under cargo's target tmp dir (a Python venv from PyPI,
//! node-postgres from npm, pgJDBC from Debian's package), so `cargo test` needs no more than
//! the machine's Python, Node.js and Java.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Where the clients are installed (kept between runs).
fn clients_home() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("clients")
}

/// The client scripts in the repository.
fn scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("clients")
}

fn run(command: &mut Command, what: &str) -> Result<String, String> {
    let output = command.output().map_err(|e| format!("{what}: {e}"))?;
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    if output.status.success() { Ok(text) } else { Err(format!("{what} failed:\n{text}")) }
}

/// Runs `install` unless `marker` already records `version` (an interrupted install reruns).
fn installed(marker: &Path, version: &str, install: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    if std::fs::read_to_string(marker).ok().as_deref() == Some(version) {
        return Ok(());
    }
    install()?;
    std::fs::write(marker, version).map_err(|e| e.to_string())
}

/// A venv with psycopg 3, SQLAlchemy 2 and asyncpg; returns its python.
fn python() -> Result<PathBuf, String> {
    const PACKAGES: &[&str] = &["psycopg[binary]==3.2.13", "sqlalchemy==2.0.58", "asyncpg==0.32.0"];
    let venv = clients_home().join("python");
    installed(&venv.join("installed"), &PACKAGES.join(" "), || {
        std::fs::create_dir_all(&venv).map_err(|e| e.to_string())?;
        run(Command::new("python3").args(["-m", "venv", "--clear"]).arg(&venv), "python3 -m venv")?;
        run(Command::new(venv.join("bin/pip")).args(["install", "-q"]).args(PACKAGES), "pip install")?;
        Ok(())
    })?;
    Ok(venv.join("bin/python"))
}

/// node-postgres, as `clients/node/package.json` pins it; returns the directory to run in.
fn node() -> Result<PathBuf, String> {
    let dir = clients_home().join("node");
    let manifest = std::fs::read_to_string(scripts().join("node/package.json")).map_err(|e| e.to_string())?;
    installed(&dir.join("installed"), &manifest, || {
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        std::fs::write(dir.join("package.json"), &manifest).map_err(|e| e.to_string())?;
        run(
            Command::new("npm").args(["install", "--no-audit", "--no-fund", "--silent"]).current_dir(&dir),
            "npm install",
        )?;
        Ok(())
    })?;
    std::fs::copy(scripts().join("node/pg_client.js"), dir.join("pg_client.js")).map_err(|e| e.to_string())?;
    Ok(dir)
}

/// pgJDBC from Debian's `libpostgresql-jdbc-java` (downloaded, not installed: no root needed)
/// and the compiled client; returns the class path.
fn java() -> Result<String, String> {
    let dir = clients_home().join("java");
    installed(&dir.join("installed"), "libpostgresql-jdbc-java", || {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        run(
            Command::new("apt-get").args(["download", "libpostgresql-jdbc-java"]).current_dir(&dir),
            "apt-get download",
        )?;
        let deb = std::fs::read_dir(&dir)
            .map_err(|e| e.to_string())?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "deb"))
            .ok_or("no .deb downloaded")?;
        run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(dir.join("root")), "dpkg-deb -x")?;
        Ok(())
    })?;
    let jar = dir.join("root/usr/share/java/postgresql.jar");
    let classes = dir.join("classes");
    run(
        Command::new("javac").arg("-d").arg(&classes).arg("-cp").arg(&jar).arg(scripts().join("java/JdbcClient.java")),
        "javac",
    )?;
    Ok(format!("{}:{}", jar.display(), classes.display()))
}

/// One client: the program that runs its checks, and where.
struct Client {
    name: &'static str,
    program: Vec<String>,
    dir: Option<PathBuf>,
}

impl Client {
    /// The client's run against packwire at `url`, compared with the oracle at `oracle`.
    /// The client run against `url`, comparing with `oracle`; `refused` lists the checks (label
    /// prefixes) the backend must refuse with 0A000 instead of answering.
    fn command(&self, url: &str, oracle: &str, refused: &str) -> Command {
        // A hung client fails the run instead of hanging it.
        let mut command = Command::new("timeout");
        command.arg("600").args(&self.program).env("DATABASE_URL", url).env("ORACLE_URL", oracle);
        command.env("REFUSED_CHECKS", refused);
        if let Some(dir) = &self.dir {
            command.current_dir(dir);
        }
        command
    }
}

/// The clients, installed and built once per cache: the tests of this file run in parallel,
/// and two installs into one directory would undo each other.
fn clients() -> Vec<Result<Client, String>> {
    static PREPARING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = PREPARING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let path = |p: PathBuf| p.to_string_lossy().into_owned();
    let python_client = |script: &'static str| -> Result<Client, String> {
        let program = vec![path(python()?), path(scripts().join("python").join(script))];
        Ok(Client { name: script, program, dir: None })
    };
    let node_client = || -> Result<Client, String> {
        let program = vec!["node".into(), "pg_client.js".into()];
        Ok(Client { name: "node-postgres", program, dir: Some(node()?) })
    };
    let java_client = || -> Result<Client, String> {
        let program = vec!["java".into(), "-cp".into(), java()?, "JdbcClient".into()];
        Ok(Client { name: "pgJDBC", program, dir: None })
    };
    vec![
        python_client("psycopg_client.py"),
        python_client("sqlalchemy_client.py"),
        python_client("asyncpg_client.py"),
        node_client(),
        java_client(),
    ]
}

/// Runs every client against each `(backend, url)` of `runs`, comparing with `oracle`; returns
/// the failures, and prints how long each client took.
fn run_clients(runs: &[(&str, String)], oracle: &str) -> Vec<String> {
    let mut failures = Vec::new();
    let mut timings = Vec::new();
    for client in clients() {
        let client = match client {
            Ok(client) => client,
            Err(problem) => {
                failures.push(format!("installing a client: {problem}"));
                continue;
            }
        };
        let started = Instant::now();
        for (backend, url) in runs {
            // `alltypes` holds char, real, jsonb and interval columns, which Snowflake computes
            // differently: reading them all is refused there; so is `= ANY` over a bound array.
            let refused = if *backend == "snowflake" { "every type,array parameters" } else { "" };
            let output = tokio::task::block_in_place(|| client.command(url, oracle, refused).output());
            match output {
                Ok(output) if output.status.success() => {}
                Ok(output) => failures.push(format!(
                    "{} on {backend} ({url}):\n{}{}",
                    client.name,
                    String::from_utf8_lossy(&output.stdout),
                    String::from_utf8_lossy(&output.stderr)
                )),
                Err(error) => failures.push(format!("{} on {backend}: could not run: {error}", client.name)),
            }
        }
        timings.push(format!("{}: {:.1} s", client.name, started.elapsed().as_secs_f64()));
    }
    println!("client times: {}", timings.join(", "));
    failures
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_clients_read_packages_as_they_read_postgres() {
    let pg = common::oracle();
    let served = common::serve(&pg).await;
    let oracle = format!("postgresql://{}@127.0.0.1:{}/conf", pg.user, pg.port);
    let mut runs = Vec::new();
    for (backend, database) in common::BACKENDS {
        for spelling in [database.to_string(), database.replace('@', "%40")] {
            runs.push((backend, format!("postgresql://tester@127.0.0.1:{}/{spelling}", served.port)));
        }
    }
    let failures = run_clients(&runs, &oracle);
    assert!(failures.is_empty(), "{} client failures:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// The same clients over TLS with `sslmode=verify-full` (the certificate checked against its
/// CA and the host name) and SCRAM-SHA-256 (channel binding where the driver offers it), on a
/// server that refuses plaintext: every check passing proves each driver's TLS and SCRAM path,
/// not only psql's (`proxy/tests/frontdoor.rs`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_clients_over_verify_full_tls_and_scram() {
    use packwire::auth::users::{UserEntry, UsersFile};
    use packwire::auth::{FrontDoor, Limits, Method};
    const PASSWORD: &str = "tls-and-scram-42";
    let pg = common::oracle();
    let dir = tempfile::tempdir().unwrap();
    let (crt, key) = pgharness::self_signed_certificate(dir.path()).expect("openssl");
    let mut users = UsersFile::default();
    let entry = UserEntry {
        password: packwire::auth::exchange::scram_verifier(PASSWORD),
        grants: vec!["conf".into()],
        max_connections: None,
        admin: false,
    };
    users.users.insert("app".into(), entry);
    let tls = packwire::tls::ServerTls::load(&crt, &key).expect("certificate");
    let front = FrontDoor::new(Method::ScramSha256, Some(users), Some(tls), true, Limits::default()).unwrap();
    let served = common::serve_behind(&pg, front).await;
    let oracle = format!("postgresql://{}@127.0.0.1:{}/conf", pg.user, pg.port);
    let url = format!(
        "postgresql://app:{PASSWORD}@localhost:{}/conf%401.0.0?sslmode=verify-full&sslrootcert={}",
        served.port,
        crt.display()
    );
    let failures = run_clients(&[("postgres", url)], &oracle);
    assert!(failures.is_empty(), "{} client failures:\n\n{}", failures.len(), failures.join("\n\n"));
}
