//! A registry is a directory of manifests: several packages, several versions each. Loading checks
//! every manifest; a bad one is reported (file, line, reason) and skipped, never fatal for the rest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::manifest::PackageVersion;
use crate::spec::PackageSpec;

/// A manifest that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestProblem {
    pub file: PathBuf,
    /// 1-based; 0 when the problem is not tied to a line.
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for ManifestProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.reason)
    }
}

/// Why a spec did not resolve to a version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("package \"{name}\" does not exist{}", list_packages(.available))]
    UnknownPackage { name: String, available: Vec<String> },
    #[error("package \"{name}\" has no version matching \"{requirement}\" (available: {})", .available.join(", "))]
    NoMatchingVersion { name: String, requirement: String, available: Vec<String> },
}

fn list_packages(available: &[String]) -> String {
    if available.is_empty() {
        " (this server serves no packages)".into()
    } else {
        format!(" (available: {})", available.join(", "))
    }
}

/// The loaded packages, each with its versions in ascending order.
#[derive(Debug, Default, Clone)]
pub struct Registry {
    packages: BTreeMap<String, Vec<Arc<PackageVersion>>>,
    problems: Vec<ManifestProblem>,
}

impl Registry {
    /// Loads every `*.toml` under `dir` (recursively). Only an unreadable `dir` itself is an error.
    pub fn load_dir(dir: &Path) -> std::io::Result<Registry> {
        let mut files = Vec::new();
        collect_manifests(dir, &mut files)?;
        files.sort();
        let mut registry = Registry::default();
        for file in files {
            match std::fs::read_to_string(&file) {
                Ok(text) => registry.add_manifest(&text, &file),
                Err(e) => registry.problems.push(ManifestProblem { file, line: 0, reason: e.to_string() }),
            }
        }
        Ok(registry)
    }

    /// Checks and adds one manifest; problems are recorded, not returned.
    pub fn add_manifest(&mut self, text: &str, file: &Path) {
        match PackageVersion::from_toml(text, file) {
            Ok(version) => {
                let versions = self.packages.entry(version.name.clone()).or_default();
                if let Some(existing) = versions.iter().find(|v| v.version == version.version) {
                    self.problems.push(ManifestProblem {
                        file: file.to_path_buf(),
                        line: 0,
                        reason: format!("{} is already defined by {}", version.id(), existing.origin.display()),
                    });
                    return;
                }
                versions.push(Arc::new(version));
                versions.sort_by(|a, b| a.version.cmp(&b.version));
            }
            Err(e) => self.problems.push(ManifestProblem { file: file.to_path_buf(), line: e.line, reason: e.reason }),
        }
    }

    /// Manifests that could not be loaded.
    pub fn problems(&self) -> &[ManifestProblem] {
        &self.problems
    }

    /// Every served version, package by package, oldest first.
    pub fn versions(&self) -> impl Iterator<Item = &Arc<PackageVersion>> {
        self.packages.values().flatten()
    }

    /// The names of the packages served.
    pub fn names(&self) -> impl Iterator<Item = String> + '_ {
        self.packages.keys().cloned()
    }

    /// The versions of one package, oldest first.
    pub fn package(&self, name: &str) -> Option<&[Arc<PackageVersion>]> {
        self.packages.get(name).map(Vec::as_slice)
    }

    /// The newest version that satisfies `spec`.
    pub fn resolve(&self, spec: &PackageSpec) -> Result<Arc<PackageVersion>, ResolveError> {
        let versions = self.packages.get(&spec.name).ok_or_else(|| ResolveError::UnknownPackage {
            name: spec.name.clone(),
            available: self.packages.keys().cloned().collect(),
        })?;
        versions.iter().rev().find(|v| spec.requirement.matches(&v.version)).cloned().ok_or_else(|| {
            ResolveError::NoMatchingVersion {
                name: spec.name.clone(),
                requirement: spec.to_string().split_once('@').map(|(_, r)| r.to_string()).unwrap_or_default(),
                available: versions.iter().map(|v| v.version.to_string()).collect(),
            }
        })
    }
}

fn collect_manifests(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_manifests(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(version: &str) -> String {
        format!(
            "[package]\nname = \"tpch\"\nversion = \"{version}\"\n[source]\nkind = \"files\"\nformat = \"csv\"\nroot = \"d\"\n\
             [[tables]]\nname = \"nation\"\ncolumns = [{{ name = \"n_nationkey\", type = \"int8\" }}]\n"
        )
    }

    #[test]
    fn loads_dir_reports_bad_manifests_and_resolves() {
        let dir = tempfile::tempdir().unwrap();
        for v in ["1.0.0", "1.1.0", "2.0.0"] {
            std::fs::write(dir.path().join(format!("tpch-{v}.toml")), manifest(v)).unwrap();
        }
        std::fs::write(dir.path().join("broken.toml"), "[package]\nname = 3\n").unwrap();
        std::fs::write(dir.path().join("dup.toml"), manifest("1.0.0")).unwrap();
        let reg = Registry::load_dir(dir.path()).unwrap();
        assert_eq!(reg.versions().count(), 3);
        assert_eq!(reg.problems().len(), 2, "{:?}", reg.problems());
        let broken = reg.problems().iter().find(|p| p.file.ends_with("broken.toml")).unwrap();
        assert_eq!(broken.line, 2);

        let resolve = |s: &str| reg.resolve(&PackageSpec::parse(s).unwrap()).map(|v| v.version.to_string());
        assert_eq!(resolve("tpch@1").unwrap(), "1.1.0");
        assert_eq!(resolve("tpch@1.0.0").unwrap(), "1.0.0");
        assert_eq!(resolve("tpch").unwrap(), "2.0.0");
        let err = resolve("tpch@3").unwrap_err();
        assert_eq!(err.to_string(), "package \"tpch\" has no version matching \"^3\" (available: 1.0.0, 1.1.0, 2.0.0)");
        assert!(resolve("shop").unwrap_err().to_string().contains("available: tpch"));
    }
}
