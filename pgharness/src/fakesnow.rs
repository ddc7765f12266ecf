//! A real Snowflake emulator for tests: `fakesnow` (PyPI; DuckDB underneath) in server mode on
//! a free loopback port, speaking Snowflake's REST API (login, query-request, Arrow results).
//! It is installed once into a virtualenv under the directory the caller names (pinned
//! versions; `snowflake-connector-python` 5 breaks fakesnow's import), started per test run,
//! and killed when dropped — also when the test fails and unwinds.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::{HarnessError, free_port, wait_for};

/// What is installed into the virtualenv.
const PACKAGES: &[&str] = &["fakesnow[server]==0.12.1", "snowflake-connector-python==4.8.1"];

/// A running emulator.
pub struct Fakesnow {
    pub port: u16,
    child: Child,
    log: PathBuf,
}

impl Fakesnow {
    /// Installs fakesnow under `home` if needed and starts it. Its databases live in memory.
    pub fn start(home: &Path) -> Result<Fakesnow, HarnessError> {
        let program = crate::python::venv(home, "fakesnow", PACKAGES)?.join("bin/fakesnow");
        let port = free_port()?;
        let log = home.join(format!("fakesnow-{port}.log"));
        let log_file = std::fs::File::create(&log).map_err(|e| HarnessError(e.to_string()))?;
        let child = Command::new(program)
            .args(["-s", "--host", "127.0.0.1", "-p", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().map_err(|e| HarnessError(e.to_string()))?)
            .stderr(log_file)
            .spawn()
            .map_err(|e| HarnessError(format!("starting fakesnow: {e}")))?;
        let mut emulator = Fakesnow { port, child, log };
        let up = wait_for(Duration::from_secs(60), || {
            TcpStream::connect(("127.0.0.1", port)).is_ok() || matches!(emulator.child.try_wait(), Ok(Some(_)))
        });
        if !up || matches!(emulator.child.try_wait(), Ok(Some(_))) {
            return Err(HarnessError(format!("fakesnow did not start: {}", emulator.log())));
        }
        Ok(emulator)
    }

    /// The base URL of its REST API.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// What the emulator has logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Fakesnow {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // A failing test has printed what it needed (`log()`); nothing is kept across runs.
        let _ = std::fs::remove_file(&self.log);
    }
}
