//! What a client asks for: `name`, `name@1.2.0` (exact), `name@1.2`, `name@^1.2`, `name@~1.2`,
//! `name@*` (newest matching), written literally or percent-encoded (`name%401.2.0`).

use std::fmt;

/// A package name with a version requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageSpec {
    pub name: String,
    pub requirement: Requirement,
}

/// Which versions a spec accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requirement {
    /// No version given: the newest.
    Newest,
    /// A full `x.y.z` is an exact pin, not Cargo's caret default.
    Exact(semver::Version),
    /// Anything else follows Cargo's semantics (`1` = `^1`, `~1.2`, `>=1, <2`, `*`).
    Matching(semver::VersionReq),
}

impl Requirement {
    /// Whether `version` satisfies this requirement.
    pub fn matches(&self, version: &semver::Version) -> bool {
        match self {
            Requirement::Newest => true,
            Requirement::Exact(v) => v == version,
            Requirement::Matching(req) => req.matches(version),
        }
    }
}

impl PackageSpec {
    /// Parses a startup `database` value or a `packwire.package` option.
    pub fn parse(text: &str) -> Result<PackageSpec, String> {
        let decoded = percent_decode(text.trim());
        let (name, requirement) = match decoded.split_once('@') {
            None => (decoded.as_str(), Requirement::Newest),
            Some((name, req)) => {
                let req = req.trim();
                let requirement = if let Ok(exact) = semver::Version::parse(req) {
                    Requirement::Exact(exact)
                } else {
                    Requirement::Matching(
                        semver::VersionReq::parse(req)
                            .map_err(|e| format!("invalid version requirement `{req}`: {e}"))?,
                    )
                };
                (name, requirement)
            }
        };
        if name.is_empty() {
            return Err("no package name given".to_string());
        }
        Ok(PackageSpec { name: name.to_string(), requirement })
    }
}

impl fmt::Display for PackageSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.requirement {
            Requirement::Newest => write!(f, "{}", self.name),
            Requirement::Exact(v) => write!(f, "{}@{v}", self.name),
            Requirement::Matching(r) => write!(f, "{}@{r}", self.name),
        }
    }
}

/// Decodes `%XX` escapes (node-postgres and postgres.js send URL database names undecoded).
/// Invalid escapes are kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(byte) = hex {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(text: &str) -> Requirement {
        PackageSpec::parse(text).unwrap().requirement
    }

    #[test]
    fn exact_and_ranges() {
        let v = |s: &str| semver::Version::parse(s).unwrap();
        assert_eq!(req("tpch@1.2.0"), Requirement::Exact(v("1.2.0")));
        assert!(!req("tpch@1.2.0").matches(&v("1.2.1")));
        assert!(req("tpch@1").matches(&v("1.9.0")));
        assert!(!req("tpch@1").matches(&v("2.0.0")));
        assert!(req("tpch@1.2").matches(&v("1.3.0")));
        assert!(!req("tpch@~1.2").matches(&v("1.3.0")));
        assert!(req("tpch@^1.2").matches(&v("1.4.0")));
        assert_eq!(req("tpch"), Requirement::Newest);
    }

    #[test]
    fn percent_encoded_at() {
        let spec = PackageSpec::parse("tpch%401.0.0").unwrap();
        assert_eq!(spec.name, "tpch");
        assert_eq!(spec.to_string(), "tpch@1.0.0");
        assert_eq!(PackageSpec::parse("a%4").unwrap().name, "a%4");
    }

    #[test]
    fn bad_specs() {
        assert!(PackageSpec::parse("@1.0.0").is_err());
        assert!(PackageSpec::parse("tpch@banana").is_err());
    }
}
