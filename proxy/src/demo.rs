//! The bundled demo registry: TPC-H 1.0.0 on CSV and 1.1.0 on Parquet, same logical schema. The
//! manifests are compiled into the binary and written to the data directory on first start; the
//! data itself is generated there by the embedded engine, so a fresh clone needs nothing else.

use std::path::{Path, PathBuf};

const MANIFESTS: &[(&str, &str)] = &[
    ("tpch-1.0.0.toml", include_str!("../../demo/registry/tpch-1.0.0.toml")),
    ("tpch-1.1.0.toml", include_str!("../../demo/registry/tpch-1.1.0.toml")),
];

/// Where packwire keeps generated data: `$PACKWIRE_HOME`, else `$XDG_DATA_HOME/packwire`, else
/// `~/.local/share/packwire`, else a directory under the system temp dir.
pub fn data_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("PACKWIRE_HOME") {
        return PathBuf::from(home);
    }
    if let Some(xdg) = std::env::var_os("XDG_DATA_HOME") {
        return PathBuf::from(xdg).join("packwire");
    }
    if let Some(home) = std::env::var_os("HOME") {
        return PathBuf::from(home).join(".local/share/packwire");
    }
    std::env::temp_dir().join("packwire")
}

/// A per-process counter, so concurrent installs never share a temporary file.
fn unique() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Writes the demo manifests under `dir` (if they are not there already) and returns the
/// registry directory.
pub fn install(dir: &Path) -> std::io::Result<PathBuf> {
    let registry = dir.join("demo-registry");
    std::fs::create_dir_all(&registry)?;
    for (name, text) in MANIFESTS {
        let path = registry.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(*text) {
            let tmp = path.with_extension(format!("tmp-{}-{}", std::process::id(), unique()));
            std::fs::write(&tmp, text)?;
            std::fs::rename(&tmp, &path)?;
        }
    }
    Ok(registry)
}

/// Installs the demo under `dir`, generates its TPC-H SF 0.01 CSV files if missing and returns
/// their directory (tests load them into a real Postgres).
pub fn csv_dir(dir: &Path) -> Result<PathBuf, String> {
    let registry = install(dir).map_err(|e| e.to_string())?;
    let path = registry.join("tpch-1.0.0.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let version = package::PackageVersion::from_toml(&text, &path).map_err(|e| e.to_string())?;
    connectors::generate::ensure_generated(&version).map_err(|e| e.message)?;
    match &version.source {
        package::Source::Files { root, .. } => Ok(root.clone()),
        _ => Err("the demo's 1.0.0 is not a files source".into()),
    }
}
