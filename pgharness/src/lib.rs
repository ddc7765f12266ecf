//! A real PostgreSQL server for tests and benchmarks: `initdb` into a temporary directory,
//! `pg_ctl start` on a free loopback port (as the unprivileged `postgres` user when running as
//! root, since Postgres refuses to run as root), and `pg_ctl stop` when dropped — also when the
//! test fails and unwinds. Never a mock.

pub mod fakesnow;
pub mod python;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// A running throwaway server.
pub struct PgServer {
    pub port: u16,
    /// The superuser name (trust authentication on loopback).
    pub user: String,
    bin: PathBuf,
    data: PathBuf,
    /// The `pg_ctl -o` options (port, socket dir, settings), reused by `start_again`.
    options: String,
    run_as: Option<String>,
    _dir: tempfile::TempDir,
}

/// Why the server could not be started.
#[derive(Debug)]
pub struct HarnessError(pub String);

impl std::fmt::Display for HarnessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for HarnessError {}

impl PgServer {
    /// Starts a server with the given extra `-c name=value` settings.
    pub fn start(settings: &[(&str, &str)]) -> Result<PgServer, HarnessError> {
        PgServer::start_with(settings, false)
    }

    /// Starts a server that also accepts TLS, with a self-signed certificate for 127.0.0.1
    /// (see [`PgServer::certificate`]).
    pub fn start_tls(settings: &[(&str, &str)]) -> Result<PgServer, HarnessError> {
        PgServer::start_with(settings, true)
    }

    /// The server's self-signed certificate (PEM), for clients that verify it.
    pub fn certificate(&self) -> PathBuf {
        self._dir.path().join("server.crt")
    }

    fn start_with(settings: &[(&str, &str)], tls: bool) -> Result<PgServer, HarnessError> {
        let bin = find_bin_dir()?;
        let run_as = if is_root() { Some("postgres".to_string()) } else { None };
        let dir = tempfile::Builder::new().prefix("pgharness").tempdir().map_err(|e| HarnessError(e.to_string()))?;
        let data = dir.path().join("data");
        if tls {
            self_signed_certificate(dir.path())?;
        }
        if let Some(user) = &run_as {
            chown(dir.path(), user)?;
        }
        let superuser = "postgres".to_string();
        run(
            &run_as,
            Command::new(bin.join("initdb")).arg("-D").arg(&data).args([
                "-U",
                &superuser,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ]),
        )?;
        // Retry on a port race: another process may take the port between probe and bind.
        let mut last_error = None;
        for _ in 0..5 {
            let port = free_port()?;
            let mut options = format!(
                "-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{}' -c fsync=off \
                 -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                dir.path().display()
            );
            for (name, value) in settings {
                options.push_str(&format!(" -c {name}={value}"));
            }
            if tls {
                options.push_str(&format!(
                    " -c ssl=on -c ssl_cert_file='{0}/server.crt' -c ssl_key_file='{0}/server.key'",
                    dir.path().display()
                ));
            }
            let result = run(
                &run_as,
                Command::new(bin.join("pg_ctl"))
                    .arg("-D")
                    .arg(&data)
                    .arg("-l")
                    .arg(dir.path().join("postgres.log"))
                    .args(["-o", &options, "-w", "-t", "60", "start"]),
            );
            match result {
                Ok(()) => {
                    return Ok(PgServer { port, user: superuser, bin, data, options, run_as, _dir: dir });
                }
                Err(error) => last_error = Some(error),
            }
        }
        Err(last_error.unwrap_or_else(|| HarnessError("could not start postgres".into())))
    }

    /// A connection URL for `database`.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://{}@127.0.0.1:{}/{}", self.user, self.port, database)
    }

    /// A libpq-style key/value connection string for `database`.
    pub fn conninfo(&self, database: &str) -> String {
        format!("host=127.0.0.1 port={} user={} dbname={}", self.port, self.user, database)
    }

    /// The server's log so far (for test failure messages and statement-log checks).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self._dir.path().join("postgres.log")).unwrap_or_default()
    }

    /// Runs a bundled client program (psql, pgbench, createdb) against this server.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(self.bin.join(program));
        command.env("PGHOST", "127.0.0.1").env("PGPORT", self.port.to_string()).env("PGUSER", &self.user);
        command
    }

    /// Starts a program as the user the server runs as (peers such as PgBouncer refuse root).
    pub fn spawn_as_owner(&self, command: &mut Command) -> std::io::Result<std::process::Child> {
        match &self.run_as {
            Some(user) => Command::new("runuser")
                .args(["-u", user, "--"])
                .arg(command.get_program())
                .args(command.get_args())
                .current_dir("/")
                .stdout(Stdio::null())
                .spawn(),
            None => command.stdout(Stdio::null()).spawn(),
        }
    }

    /// Creates a database.
    pub fn create_database(&self, name: &str) -> Result<(), HarnessError> {
        check(self.command("createdb").arg(name).output(), "createdb")
    }

    /// Runs SQL with psql (stops at the first error).
    pub fn psql(&self, database: &str, sql: &str) -> Result<String, HarnessError> {
        let output =
            self.command("psql").args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql]).output();
        let output = output.map_err(|e| HarnessError(format!("psql: {e}")))?;
        if !output.status.success() {
            return Err(HarnessError(format!("psql: {}", String::from_utf8_lossy(&output.stderr))));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Makes TCP clients authenticate with SCRAM: sets `password` for the superuser and reloads
    /// a `pg_hba.conf` that trusts only the Unix socket (which the harness itself uses).
    pub fn require_password(&self, password: &str) -> Result<(), HarnessError> {
        let escaped = password.replace('\'', "''");
        self.psql(
            "postgres",
            &format!("SET password_encryption = 'scram-sha-256'; ALTER USER {} PASSWORD '{escaped}'", self.user),
        )?;
        std::fs::write(
            self.data.join("pg_hba.conf"),
            "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n",
        )
        .map_err(|e| HarnessError(format!("pg_hba.conf: {e}")))?;
        run(&self.run_as, Command::new(self.bin.join("pg_ctl")).arg("-D").arg(&self.data).arg("reload"))
    }

    /// Stops the server immediately (for outage tests); `start_again` brings it back.
    pub fn stop(&self) -> Result<(), HarnessError> {
        run(
            &self.run_as,
            Command::new(self.bin.join("pg_ctl")).arg("-D").arg(&self.data).args(["-m", "immediate", "-w", "stop"]),
        )
    }

    /// Starts a stopped server again on the same port.
    pub fn start_again(&self) -> Result<(), HarnessError> {
        run(
            &self.run_as,
            Command::new(self.bin.join("pg_ctl"))
                .arg("-D")
                .arg(&self.data)
                .arg("-l")
                .arg(self._dir.path().join("postgres.log"))
                .args(["-o", &self.options, "-w", "-t", "60", "start"]),
        )
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

fn chown(path: &Path, user: &str) -> Result<(), HarnessError> {
    check(Command::new("chown").arg("-R").arg(user).arg(path).output(), "chown")
}

/// The directory holding initdb/pg_ctl: `$PG_BIN`, `pg_config --bindir`, the newest
/// `/usr/lib/postgresql/*/bin`, or the directory of `initdb` on PATH.
fn find_bin_dir() -> Result<PathBuf, HarnessError> {
    if let Some(dir) = std::env::var_os("PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    if let Ok(output) = Command::new("pg_config").arg("--bindir").output() {
        let dir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        if dir.join("initdb").exists() {
            return Ok(dir);
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| bin.join("initdb").exists())
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
        if dir.join("initdb").exists() && dir.join("pg_ctl").exists() {
            return Ok(dir);
        }
    }
    Err(HarnessError("no PostgreSQL server binaries found (install the `postgresql` package)".into()))
}

/// Writes a self-signed server certificate for `127.0.0.1` and `localhost` to `dir/server.crt`
/// and its key to `dir/server.key` (mode 600) with openssl; returns both paths.
pub fn self_signed_certificate(dir: &Path) -> Result<(PathBuf, PathBuf), HarnessError> {
    let (crt, key) = (dir.join("server.crt"), dir.join("server.key"));
    check(
        Command::new("openssl")
            .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"])
            .args([
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-addext",
                "basicConstraints=critical,CA:FALSE",
            ])
            .args(["-addext", "keyUsage=digitalSignature,keyEncipherment", "-addext", "extendedKeyUsage=serverAuth"])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&crt)
            .output(),
        "openssl req",
    )?;
    check(Command::new("chmod").arg("600").arg(&key).output(), "chmod")?;
    Ok((crt, key))
}

/// A PostgreSQL client program (psql, pgbench) from the same installation the harness starts
/// servers from, for tests that point it at packwire without starting a server.
pub fn client_command(program: &str) -> Result<Command, HarnessError> {
    Ok(Command::new(find_bin_dir()?.join(program)))
}

fn free_port() -> Result<u16, HarnessError> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| HarnessError(e.to_string()))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| HarnessError(e.to_string()))
}

fn run(run_as: &Option<String>, command: &mut Command) -> Result<(), HarnessError> {
    let program = command.get_program().to_string_lossy().into_owned();
    let output = match run_as {
        Some(user) => {
            let mut wrapped = Command::new("runuser");
            wrapped.args(["-u", user, "--"]).arg(command.get_program()).args(command.get_args());
            wrapped.current_dir("/").output()
        }
        None => command.output(),
    };
    check(output, &program)
}

fn check(output: std::io::Result<Output>, what: &str) -> Result<(), HarnessError> {
    let output = output.map_err(|e| HarnessError(format!("{what}: {e}")))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(HarnessError(format!(
            "{what} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )))
    }
}

/// Waits until `condition` holds or `timeout` passes.
pub fn wait_for(timeout: Duration, mut condition: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + timeout;
    while std::time::Instant::now() < deadline {
        if condition() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_a_real_server_and_stops_it() {
        let server = PgServer::start(&[]).expect("start postgres");
        let out = server.psql("postgres", "select 40 + 2").expect("query");
        assert!(out.contains("42"), "{out}");
        server.stop().unwrap();
        assert!(server.psql("postgres", "select 1").is_err());
        server.start_again().unwrap();
        assert!(server.psql("postgres", "select 1").is_ok());
    }
}
