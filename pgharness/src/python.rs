//! Python tools the harness runs (the fakesnow emulator, the benchmark's plotter): each lives in
//! its own virtualenv under a directory the caller names, installed once with pinned packages
//! and reused while the pins stay the same.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{HarnessError, check};

/// The virtualenv `home/<name>-venv` with `packages` installed, created on first use. Processes
/// that ask at the same time take turns through a lock file.
pub fn venv(home: &Path, name: &str, packages: &[&str]) -> Result<PathBuf, HarnessError> {
    let venv = home.join(format!("{name}-venv"));
    let marker = venv.join("installed");
    std::fs::create_dir_all(home).map_err(|e| HarnessError(e.to_string()))?;
    let lock = std::fs::File::create(home.join(format!("{name}.lock"))).map_err(|e| HarnessError(e.to_string()))?;
    lock.lock().map_err(|e| HarnessError(format!("locking the {name} install: {e}")))?;
    if std::fs::read_to_string(&marker).is_ok_and(|m| m == packages.join(" ")) {
        return Ok(venv);
    }
    check(Command::new("python3").args(["-m", "venv", "--clear"]).arg(&venv).output(), "python3 -m venv")?;
    check(
        Command::new(venv.join("bin/pip"))
            .args(["install", "-q", "--disable-pip-version-check"])
            .args(packages)
            .output(),
        &format!("pip install {}", packages.join(" ")),
    )?;
    std::fs::write(&marker, packages.join(" ")).map_err(|e| HarnessError(e.to_string()))?;
    Ok(venv)
}
