//! The server configuration file (`packwire serve --config FILE`) and how it becomes a
//! [`FrontDoor`]. Relative paths in the file are relative to the file's own directory.
//!
//! ```toml
//! listen = "0.0.0.0:6432"
//! registry = "registry"
//! metrics = "0.0.0.0:9187"      # /metrics, /healthz, /readyz
//! registry_poll = "2s"          # reload when a manifest changes ("0": on SIGHUP only)
//!
//! [tls]
//! cert = "server.crt"
//! key = "server.key"
//! require = true
//!
//! [auth]
//! method = "scram-sha-256"   # or "md5", "trust"
//! users = "users.toml"       # written by `packwire user add`
//!
//! [limits]
//! max_connections = 1000
//! max_statement_length = 1048576
//! statement_timeout = "5min"   # for versions whose manifest sets none
//! max_statement_timeout = "1h" # a ceiling, whatever a session SETs
//! idle_session_timeout = "0"
//! idle_in_transaction_session_timeout = "10min"
//! shutdown_timeout = "30s"     # SIGTERM: running statements get this long to finish
//! slow_statement = "1s"        # log statements at least this long ("0" = none)
//!
//! [deprecation]
//! after_sunset = "refuse"      # or "warn": deprecated versions past their sunset date
//! ```

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use crate::auth::users::UsersFile;
use crate::auth::{FrontDoor, Limits, Method};
use crate::tls::ServerTls;

/// The whole file.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub listen: Option<String>,
    pub registry: Option<PathBuf>,
    /// The HTTP listener for /metrics, /healthz and /readyz.
    pub metrics: Option<String>,
    /// How often the registry directory is checked for changed manifests ("0" = only on
    /// SIGHUP); default 2s.
    pub registry_poll: Option<String>,
    #[serde(default)]
    pub tls: TlsConfig,
    #[serde(default)]
    pub auth: AuthConfig,
    #[serde(default)]
    pub limits: LimitsConfig,
    #[serde(default)]
    pub deprecation: DeprecationConfig,
}

/// `[deprecation]`: what happens to a deprecated version once its sunset date has come.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeprecationConfig {
    pub after_sunset: Option<AfterSunset>,
}

/// The policy for versions past their sunset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AfterSunset {
    /// Connections are refused (3D000) with the replacement named (the default).
    Refuse,
    /// Connections still work, with the warning.
    Warn,
}

/// `[tls]`: the server certificate chain and key (PEM); `require` refuses plaintext clients.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsConfig {
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    #[serde(default)]
    pub require: bool,
}

/// `[auth]`: the method (default: trust for the bundled demo on loopback, else scram-sha-256)
/// and the users file.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    pub method: Option<Method>,
    pub users: Option<PathBuf>,
}

/// `[limits]`; durations are Postgres-style (`500ms`, `30s`, `10min`, a bare number = ms).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsConfig {
    pub max_connections: Option<usize>,
    pub max_statement_length: Option<usize>,
    pub max_message_bytes: Option<usize>,
    pub authentication_timeout: Option<String>,
    pub statement_timeout: Option<String>,
    pub max_statement_timeout: Option<String>,
    pub idle_session_timeout: Option<String>,
    pub idle_in_transaction_session_timeout: Option<String>,
    pub shutdown_timeout: Option<String>,
    /// Statements at least this long are logged with their package, user, application and
    /// tables ("0" = none).
    pub slow_statement: Option<String>,
}

/// `PACKWIRE_*` variables that are not configuration keys.
const NOT_CONFIG: &[&str] = &["PACKWIRE_LOG", "PACKWIRE_LOG_FORMAT", "PACKWIRE_HOME"];

/// The sections a `PACKWIRE_SECTION_KEY` variable may name.
const SECTIONS: &[&str] = &["tls", "auth", "limits", "deprecation"];

impl ConfigFile {
    /// Reads a configuration file, resolving its relative paths against its directory.
    pub fn read(path: &Path) -> Result<ConfigFile, String> {
        ConfigFile::load(Some(path), std::iter::empty())
    }

    /// The configuration: the file (if any), then every `PACKWIRE_*` variable of `environment`
    /// over it — `PACKWIRE_LISTEN` sets `listen`, `PACKWIRE_LIMITS_MAX_CONNECTIONS` sets
    /// `[limits] max_connections`. A value is read as TOML when it is one (`1000`, `true`),
    /// else as a string; an unknown name is an error, like an unknown key in the file.
    /// Relative paths are relative to the file's directory (to the working directory for
    /// variables).
    pub fn load(
        path: Option<&Path>,
        environment: impl Iterator<Item = (String, String)>,
    ) -> Result<ConfigFile, String> {
        let mut table = match path {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
                let table: toml::Table = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
                let mut config: ConfigFile =
                    table.clone().try_into().map_err(|e: toml::de::Error| format!("{}: {e}", path.display()))?;
                config.resolve_paths(path.parent().unwrap_or(Path::new(".")));
                config.into_table(table)
            }
            None => toml::Table::new(),
        };
        for (name, value) in environment {
            let Some(key) = name.strip_prefix("PACKWIRE_") else { continue };
            if NOT_CONFIG.contains(&name.as_str()) {
                continue;
            }
            let key = key.to_ascii_lowercase();
            let value = toml::from_str::<toml::Table>(&format!("v = {value}"))
                .ok()
                .and_then(|mut t| t.remove("v"))
                .unwrap_or(toml::Value::String(value));
            match SECTIONS.iter().find_map(|s| Some((*s, key.strip_prefix(s)?.strip_prefix('_')?))) {
                Some((section, key)) => {
                    let entry = table.entry(section).or_insert_with(|| toml::Value::Table(toml::Table::new()));
                    let toml::Value::Table(section) = entry else { return Err(format!("{name}: not a section")) };
                    section.insert(key.to_string(), value);
                }
                None => {
                    table.insert(key, value);
                }
            }
        }
        table.try_into().map_err(|e: toml::de::Error| format!("configuration from the environment: {e}"))
    }

    /// The file's table with its (now absolute) paths written back.
    fn into_table(self, mut table: toml::Table) -> toml::Table {
        let path = |p: PathBuf| toml::Value::String(p.to_string_lossy().into_owned());
        if let Some(registry) = self.registry {
            table.insert("registry".into(), path(registry));
        }
        for (section, key, value) in
            [("tls", "cert", self.tls.cert), ("tls", "key", self.tls.key), ("auth", "users", self.auth.users)]
        {
            if let (Some(value), Some(toml::Value::Table(section))) = (value, table.get_mut(section)) {
                section.insert(key.into(), path(value));
            }
        }
        table
    }

    fn resolve_paths(&mut self, base: &Path) {
        for file in
            [&mut self.registry, &mut self.tls.cert, &mut self.tls.key, &mut self.auth.users].into_iter().flatten()
        {
            if file.is_relative() {
                *file = base.join(&*file);
            }
        }
    }

    /// The front door this configuration describes. `demo` says the bundled demo registry is
    /// served; with `listen` on loopback that makes trust the default method.
    pub fn front_door(
        &self,
        method: Option<Method>,
        users: Option<&Path>,
        demo: bool,
        listen: SocketAddr,
    ) -> Result<FrontDoor, String> {
        let method = method.or(self.auth.method).unwrap_or(if demo && listen.ip().is_loopback() {
            Method::Trust
        } else {
            Method::ScramSha256
        });
        let users = match users.or(self.auth.users.as_deref()) {
            Some(path) => Some(UsersFile::read(path)?),
            None => None,
        };
        let tls = match (&self.tls.cert, &self.tls.key) {
            (Some(cert), Some(key)) => Some(ServerTls::load(cert, key)?),
            (None, None) => None,
            _ => return Err("[tls] needs both `cert` and `key`".to_string()),
        };
        let mut limits = self.limits.resolve()?;
        limits.refuse_after_sunset = self.deprecation.after_sunset != Some(AfterSunset::Warn);
        FrontDoor::new(method, users, tls, self.tls.require, limits)
    }
}

impl ConfigFile {
    /// The registry poll interval (`None` = do not poll).
    pub fn registry_poll(&self) -> Result<Option<std::time::Duration>, String> {
        let text = self.registry_poll.as_deref().unwrap_or("2s");
        match package::parse_duration_ms(text) {
            Some(0) => Ok(None),
            Some(ms) => Ok(Some(std::time::Duration::from_millis(ms))),
            None => Err(format!("registry_poll: invalid duration `{text}`")),
        }
    }
}

impl LimitsConfig {
    fn resolve(&self) -> Result<Limits, String> {
        let defaults = Limits::default();
        let duration = |name: &str, value: &Option<String>| -> Result<Option<u64>, String> {
            value
                .as_deref()
                .map(|v| {
                    package::parse_duration_ms(v).ok_or_else(|| format!("[limits] {name}: invalid duration `{v}`"))
                })
                .transpose()
        };
        Ok(Limits {
            max_connections: self.max_connections.unwrap_or(defaults.max_connections),
            max_statement_length: self.max_statement_length.unwrap_or(defaults.max_statement_length),
            max_message_bytes: self.max_message_bytes.unwrap_or(defaults.max_message_bytes),
            authentication_timeout: duration("authentication_timeout", &self.authentication_timeout)?
                .map(std::time::Duration::from_millis)
                .unwrap_or(defaults.authentication_timeout),
            shutdown_timeout: duration("shutdown_timeout", &self.shutdown_timeout)?
                .map(std::time::Duration::from_millis)
                .unwrap_or(defaults.shutdown_timeout),
            slow_statement: duration("slow_statement", &self.slow_statement)?
                .map(std::time::Duration::from_millis)
                .unwrap_or(defaults.slow_statement),
            refuse_after_sunset: defaults.refuse_after_sunset,
            statement_timeout_ms: duration("statement_timeout", &self.statement_timeout)?.unwrap_or(0),
            max_statement_timeout_ms: duration("max_statement_timeout", &self.max_statement_timeout)?.unwrap_or(0),
            idle_session_timeout_ms: duration("idle_session_timeout", &self.idle_session_timeout)?.unwrap_or(0),
            idle_in_transaction_session_timeout_ms: duration(
                "idle_in_transaction_session_timeout",
                &self.idle_in_transaction_session_timeout,
            )?
            .unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(text: &str) -> SocketAddr {
        text.parse().unwrap()
    }

    #[test]
    fn trust_is_the_default_only_for_the_demo_on_loopback() {
        let config = ConfigFile::default();
        let demo = config.front_door(None, None, true, addr("127.0.0.1:6432")).unwrap();
        assert_eq!(demo.method, Method::Trust);
        // Anywhere else the default is SCRAM, which needs a users file.
        for (is_demo, listen) in [(true, "0.0.0.0:6432"), (false, "127.0.0.1:6432")] {
            let error = config.front_door(None, None, is_demo, addr(listen)).err().unwrap();
            assert!(error.contains("users file"), "{error}");
        }
        let explicit = config.front_door(Some(Method::Trust), None, false, addr("0.0.0.0:1")).unwrap();
        assert_eq!(explicit.method, Method::Trust);
    }

    #[test]
    fn limits_and_sections_parse() {
        let config: ConfigFile =
            toml::from_str("[limits]\nmax_connections = 3\nidle_session_timeout = \"2s\"\nstatement_timeout = \"1min\"\n[auth]\nmethod = \"md5\"\n")
                .unwrap();
        let limits = config.limits.resolve().unwrap();
        assert_eq!((limits.max_connections, limits.idle_session_timeout_ms), (3, 2000));
        assert_eq!(limits.statement_timeout_ms, 60_000);
        assert_eq!(config.auth.method, Some(Method::Md5));
        assert!(toml::from_str::<ConfigFile>("[limits]\nbogus = 1\n").is_err());
        let bad: ConfigFile = toml::from_str("[limits]\nidle_session_timeout = \"soon\"\n").unwrap();
        assert!(bad.limits.resolve().is_err());
        let half: ConfigFile = toml::from_str("[tls]\ncert = \"a.pem\"\n").unwrap();
        assert!(half.front_door(Some(Method::Trust), None, true, addr("127.0.0.1:1")).is_err());
    }

    #[test]
    fn packwire_variables_override_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("packwire.toml");
        std::fs::write(&path, "listen = \"0.0.0.0:1\"\nregistry = \"reg\"\n[limits]\nmax_connections = 5\n").unwrap();
        let vars = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
        };
        let config = ConfigFile::load(
            Some(&path),
            vars(&[
                ("PACKWIRE_LIMITS_MAX_CONNECTIONS", "9"),
                ("PACKWIRE_LIMITS_STATEMENT_TIMEOUT", "30s"),
                ("PACKWIRE_METRICS", "127.0.0.1:9187"),
                ("PACKWIRE_TLS_REQUIRE", "true"),
                ("PACKWIRE_DEPRECATION_AFTER_SUNSET", "warn"),
                ("PACKWIRE_LOG", "debug"),
                ("HOME", "/root"),
            ])
            .into_iter(),
        )
        .unwrap();
        assert_eq!(config.listen.as_deref(), Some("0.0.0.0:1"));
        assert_eq!(config.registry, Some(dir.path().join("reg")), "the file's relative path stays the file's");
        assert_eq!(config.limits.max_connections, Some(9));
        assert_eq!(config.limits.statement_timeout.as_deref(), Some("30s"));
        assert_eq!(config.metrics.as_deref(), Some("127.0.0.1:9187"));
        assert!(config.tls.require);
        assert_eq!(config.deprecation.after_sunset, Some(AfterSunset::Warn));
        let typo = ConfigFile::load(None, vars(&[("PACKWIRE_LIMITS_MAX_CONECTIONS", "9")]).into_iter());
        assert!(typo.unwrap_err().contains("max_conections"));
    }
}
