//! The users file: who may connect, with which password verifier, to which package versions,
//! with how many connections. Only verifiers are stored — a SCRAM-SHA-256 secret in Postgres'
//! `pg_authid` format, or Postgres' `md5…` hash — never a password.
//!
//! ```toml
//! mock_secret = "<64 hex digits, drawn by the first `user add`>"
//!
//! [users.analytics]
//! password = "SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>"
//! grants = ["shop@^2", "tpch@*"]
//! max_connections = 20
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use package::PackageSpec;
use serde::{Deserialize, Serialize};

/// The parsed users file.
#[derive(Default, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsersFile {
    /// Random bytes (hex) that unknown users' mock SCRAM salts derive from, drawn once by the
    /// first `user add`: every replica sharing the file answers an unknown name with the same
    /// salt, so comparing replicas does not tell unknown names from known ones. Without it each
    /// process draws its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mock_secret: Option<String>,
    #[serde(default)]
    pub users: BTreeMap<String, UserEntry>,
}

impl std::fmt::Debug for UsersFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secret = self.mock_secret.as_ref().map(|_| "<redacted>");
        f.debug_struct("UsersFile").field("mock_secret", &secret).field("users", &self.users).finish()
    }
}

/// One user as written in the file.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserEntry {
    /// A SCRAM-SHA-256 verifier or an `md5` hash.
    pub password: String,
    /// Package versions this user may use: `name@requirement`, `name` (every version) or `*`.
    #[serde(default)]
    pub grants: Vec<String>,
    /// Most connections at once for this user (none = only the server-wide limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_connections: Option<usize>,
    /// May open the admin console (database `packwire`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub admin: bool,
}

impl std::fmt::Debug for UserEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The verifier is a secret: knowing it is enough to impersonate the server.
        f.debug_struct("UserEntry")
            .field("password", &"<redacted>")
            .field("grants", &self.grants)
            .field("max_connections", &self.max_connections)
            .field("admin", &self.admin)
            .finish()
    }
}

/// A user ready for authentication.
pub struct User {
    pub verifier: Verifier,
    pub grants: Vec<Grant>,
    pub max_connections: Option<usize>,
    pub admin: bool,
}

/// A stored password verifier.
pub enum Verifier {
    Scram {
        iterations: usize,
        salt: Vec<u8>,
        stored_key: Vec<u8>,
        server_key: Vec<u8>,
    },
    /// The 32 hex digits of `md5(password || user)`.
    Md5(String),
}

/// Which package versions a grant covers.
pub enum Grant {
    Everything,
    Package(PackageSpec),
}

impl Grant {
    pub fn parse(text: &str) -> Result<Grant, String> {
        if text.trim() == "*" {
            return Ok(Grant::Everything);
        }
        PackageSpec::parse(text).map(Grant::Package).map_err(|e| format!("grant `{text}`: {e}"))
    }

    /// Whether the grant names the package at all (some version of it).
    pub fn names(&self, package: &str) -> bool {
        match self {
            Grant::Everything => true,
            Grant::Package(spec) => spec.name == package,
        }
    }

    /// Whether the grant covers `package@version`.
    pub fn covers(&self, package: &str, version: &semver::Version) -> bool {
        match self {
            Grant::Everything => true,
            Grant::Package(spec) => spec.name == package && spec.requirement.matches(version),
        }
    }
}

impl Verifier {
    /// Parses `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>` or `md5<32 hex>`.
    pub fn parse(text: &str) -> Result<Verifier, String> {
        if let Some(hex) = text.strip_prefix("md5") {
            if hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Ok(Verifier::Md5(hex.to_ascii_lowercase()));
            }
            return Err("an md5 verifier is `md5` followed by 32 hex digits".to_string());
        }
        let invalid = || {
            "not a SCRAM-SHA-256 verifier (SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>); \
                          create one with `packwire user add`"
                .to_string()
        };
        let rest = text.strip_prefix("SCRAM-SHA-256$").ok_or_else(invalid)?;
        let (params, keys) = rest.split_once('$').ok_or_else(invalid)?;
        let (iterations, salt) = params.split_once(':').ok_or_else(invalid)?;
        let (stored_key, server_key) = keys.split_once(':').ok_or_else(invalid)?;
        let decode = |b64: &str| STANDARD.decode(b64).map_err(|_| invalid());
        let iterations: usize = iterations.parse().map_err(|_| invalid())?;
        let (stored_key, server_key) = (decode(stored_key)?, decode(server_key)?);
        if iterations == 0 || stored_key.len() != 32 || server_key.len() != 32 {
            return Err(invalid());
        }
        Ok(Verifier::Scram { iterations, salt: decode(salt)?, stored_key, server_key })
    }
}

impl UsersFile {
    /// Reads a users file; a missing file is an empty one (so `user add` can create it).
    pub fn read(path: &Path) -> Result<UsersFile, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(UsersFile::default()),
            Err(error) => Err(format!("{}: {error}", path.display())),
        }
    }

    /// Writes the file readable by its owner only (it holds verifiers).
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let text = toml::to_string(self).map_err(|e| e.to_string())?;
        let temporary = path.with_extension("tmp");
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&temporary).map_err(|e| format!("{}: {e}", temporary.display()))?;
        // `mode` applies only when the file is created; a leftover temporary keeps its own.
        #[cfg(unix)]
        std::fs::set_permissions(&temporary, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .map_err(|e| format!("{}: {e}", temporary.display()))?;
        std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| format!("{}: {e}", temporary.display()))?;
        std::fs::rename(&temporary, path).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The mock secret's bytes (`None` when the file has none).
    pub fn mock_secret_bytes(&self) -> Result<Option<Vec<u8>>, String> {
        let Some(text) = &self.mock_secret else { return Ok(None) };
        let bytes = (0..text.len())
            .step_by(2)
            .map(|i| text.get(i..i + 2).and_then(|pair| u8::from_str_radix(pair, 16).ok()))
            .collect::<Option<Vec<u8>>>()
            .filter(|bytes| bytes.len() >= 32)
            .ok_or("mock_secret must be at least 64 hex digits")?;
        Ok(Some(bytes))
    }

    /// Draws a mock secret if the file has none yet (`user add` does, before writing).
    pub fn ensure_mock_secret(&mut self) -> Result<(), String> {
        if self.mock_secret.is_none() {
            let mut bytes = [0u8; 32];
            ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes)
                .map_err(|_| "cannot draw random bytes for the mock secret".to_string())?;
            self.mock_secret = Some(crate::auth::exchange::hex(&bytes));
        }
        Ok(())
    }

    /// Every user, parsed; the first invalid entry is an error naming the user.
    pub fn parse(&self) -> Result<BTreeMap<String, User>, String> {
        self.users
            .iter()
            .map(|(name, entry)| {
                let verifier = Verifier::parse(&entry.password).map_err(|e| format!("user {name}: {e}"))?;
                let grants = entry
                    .grants
                    .iter()
                    .map(|g| Grant::parse(g))
                    .collect::<Result<_, _>>()
                    .map_err(|e| format!("user {name}: {e}"))?;
                Ok((
                    name.clone(),
                    User { verifier, grants, max_connections: entry.max_connections, admin: entry.admin },
                ))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifiers_parse() {
        let scram = postgres_protocol::password::scram_sha_256(b"secret");
        assert!(matches!(Verifier::parse(&scram), Ok(Verifier::Scram { iterations: 4096, .. })));
        assert!(
            matches!(Verifier::parse("md5BD09E3EAE9A7D5D1E0F1A1B0F5F0A1B2"), Ok(Verifier::Md5(h)) if h == "bd09e3eae9a7d5d1e0f1a1b0f5f0a1b2")
        );
        for bad in ["secret", "md5xyz", "SCRAM-SHA-256$x:YQ==$YQ==:YQ==", "SCRAM-SHA-256$4096:YQ==$YQ==:YQ=="] {
            assert!(Verifier::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn grants_cover_versions() {
        let v = |s: &str| semver::Version::parse(s).unwrap();
        let caret = Grant::parse("shop@^2").unwrap();
        assert!(caret.covers("shop", &v("2.3.0")));
        assert!(!caret.covers("shop", &v("1.9.0")));
        assert!(!caret.covers("tpch", &v("2.0.0")));
        assert!(caret.names("shop") && !caret.names("tpch"));
        assert!(Grant::parse("tpch@*").unwrap().covers("tpch", &v("0.1.0")));
        assert!(Grant::parse("tpch").unwrap().covers("tpch", &v("9.0.0")));
        assert!(Grant::parse("*").unwrap().covers("anything", &v("1.0.0")));
        assert!(Grant::parse("shop@not a version").is_err());
    }

    #[test]
    fn debug_never_shows_the_verifier() {
        let entry = UserEntry { password: "md5abc".into(), grants: vec![], max_connections: None, admin: false };
        assert!(!format!("{entry:?}").contains("md5abc"));
    }
}
