//! Session parameters (GUCs): what `SET`, `SHOW`, `RESET` and startup parameters change, with
//! Postgres' names, defaults, validation and ParameterStatus reporting. None reach a backend.

use std::collections::BTreeMap;

use crate::errors::{PgError, code};

/// The server version packwire reports: drivers pick their catalog SQL by it.
pub const SERVER_VERSION: &str = "16.4";

/// How a parameter may be changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// `SET` works.
    User,
    /// Shown but fixed (`server_version`, `packwire.package`, …).
    ReadOnly,
}

struct Parameter {
    /// Canonical name, as `SHOW ALL` and ParameterStatus spell it.
    name: &'static str,
    default: &'static str,
    access: Access,
    /// Sent as ParameterStatus at startup and whenever it changes.
    reported: bool,
    description: &'static str,
}

const fn p(
    name: &'static str,
    default: &'static str,
    access: Access,
    reported: bool,
    description: &'static str,
) -> Parameter {
    Parameter { name, default, access, reported, description }
}

/// Parameters packwire knows. Defaults that depend on the session (user, package) are filled in
/// by [`Settings::new`].
const PARAMETERS: &[Parameter] = &[
    p("application_name", "", Access::User, true, "Sets the application name to be reported in statistics and logs."),
    p("bytea_output", "hex", Access::User, false, "Sets the output format for bytea."),
    p("client_encoding", "UTF8", Access::User, true, "Sets the client's character set encoding."),
    p("client_min_messages", "notice", Access::User, false, "Sets the message levels that are sent to the client."),
    p("DateStyle", "ISO, MDY", Access::User, true, "Sets the display format for date and time values."),
    p(
        "default_transaction_isolation",
        "read committed",
        Access::User,
        false,
        "Sets the transaction isolation level of each new transaction.",
    ),
    p("default_transaction_read_only", "on", Access::ReadOnly, false, "Every packwire transaction is read-only."),
    p("extra_float_digits", "1", Access::User, false, "Sets the number of digits displayed for floating-point values."),
    p(
        "idle_in_transaction_session_timeout",
        "0",
        Access::User,
        false,
        "Sets the maximum allowed idle time between queries, when in a transaction.",
    ),
    p(
        "idle_session_timeout",
        "0",
        Access::User,
        false,
        "Sets the maximum allowed idle time between queries, when not in a transaction.",
    ),
    p("in_hot_standby", "off", Access::ReadOnly, true, "Shows whether hot standby is currently active."),
    p("integer_datetimes", "on", Access::ReadOnly, true, "Shows whether datetimes are integer based."),
    p("IntervalStyle", "postgres", Access::User, true, "Sets the display format for interval values."),
    p("is_superuser", "off", Access::ReadOnly, true, "Shows whether the current user is a superuser."),
    p("lc_messages", "C", Access::User, false, "Sets the language in which messages are displayed."),
    p("lock_timeout", "0", Access::User, false, "Sets the maximum allowed duration of any wait for a lock."),
    p("max_identifier_length", "63", Access::ReadOnly, false, "Shows the maximum identifier length."),
    p("packwire.package", "", Access::ReadOnly, true, "The package version this session is pinned to."),
    p(
        "search_path",
        "\"$user\", public",
        Access::User,
        false,
        "Sets the schema search order for names that are not schema-qualified.",
    ),
    p("server_encoding", "UTF8", Access::ReadOnly, true, "Shows the server (database) character set encoding."),
    p("server_version", SERVER_VERSION, Access::ReadOnly, true, "Shows the server version."),
    p("server_version_num", "160004", Access::ReadOnly, false, "Shows the server version as an integer."),
    p("session_authorization", "", Access::ReadOnly, true, "Shows the session user name."),
    p("standard_conforming_strings", "on", Access::User, true, "Causes '...' strings to treat backslashes literally."),
    p("statement_timeout", "0", Access::User, false, "Sets the maximum allowed duration of any statement."),
    p("TimeZone", "UTC", Access::User, true, "Sets the time zone for displaying and interpreting time stamps."),
    p(
        "transaction_isolation",
        "read committed",
        Access::User,
        false,
        "Sets the current transaction's isolation level.",
    ),
    p("transaction_read_only", "on", Access::ReadOnly, false, "Every packwire transaction is read-only."),
];

fn lookup(name: &str) -> Option<&'static Parameter> {
    PARAMETERS.iter().find(|p| p.name.eq_ignore_ascii_case(name))
}

/// A session's parameter values.
#[derive(Debug, Clone)]
pub struct Settings {
    values: BTreeMap<String, String>,
    session_defaults: BTreeMap<String, String>,
    /// Values to restore when the transaction ends (`SET LOCAL`).
    local_saved: Vec<(String, Option<String>)>,
    /// The timeouts in force, parsed once per change (they are read for every message).
    timeouts: Timeouts,
    /// The operator's ceiling on every statement (ms, 0 = none), whatever the session sets.
    statement_ceiling_ms: u64,
}

/// A session's timeouts in milliseconds (0 = none).
#[derive(Debug, Clone, Copy, Default)]
struct Timeouts {
    statement_ms: u64,
    idle_session_ms: u64,
    idle_in_transaction_ms: u64,
}

/// A change the client must be told about with ParameterStatus.
pub type Reported = Option<(String, String)>;

impl Settings {
    /// Settings for a new session of `user` pinned to `package` (`name@version`).
    pub fn new(user: &str, package: &str, statement_timeout_ms: u64) -> Settings {
        let session_defaults = BTreeMap::from([
            ("session_authorization".to_string(), user.to_string()),
            ("packwire.package".to_string(), package.to_string()),
            ("statement_timeout".to_string(), statement_timeout_ms.to_string()),
        ]);
        let mut settings = Settings {
            values: BTreeMap::new(),
            session_defaults,
            local_saved: Vec::new(),
            timeouts: Timeouts::default(),
            statement_ceiling_ms: 0,
        };
        settings.refresh_timeouts();
        settings
    }

    /// Changes a parameter's session default (server configuration, before any `SET`).
    pub fn set_default(&mut self, name: &str, value: &str) {
        self.session_defaults.insert(key_of(name), value.to_string());
        self.refresh_timeouts();
    }

    /// Bounds every statement to `ms` (0 = no bound) whatever `statement_timeout` the session
    /// sets, like PgBouncer's `query_timeout`: `SHOW` still reports the session's own value.
    pub fn set_statement_ceiling(&mut self, ms: u64) {
        self.statement_ceiling_ms = ms;
    }

    fn refresh_timeouts(&mut self) {
        let ms = |name: &str| self.get(name).and_then(|v| package::parse_duration_ms(&v)).unwrap_or(0);
        self.timeouts = Timeouts {
            statement_ms: ms("statement_timeout"),
            idle_session_ms: ms("idle_session_timeout"),
            idle_in_transaction_ms: ms("idle_in_transaction_session_timeout"),
        };
    }

    /// The current value of a parameter (`None` when unknown).
    pub fn get(&self, name: &str) -> Option<String> {
        let key = key_of(name);
        if let Some(value) = self.values.get(&key) {
            return Some(value.clone());
        }
        if let Some(value) = self.session_defaults.get(&key) {
            return Some(value.clone());
        }
        lookup(name).map(|p| p.default.to_string())
    }

    /// `SET name = value` (`None` = DEFAULT). Returns the ParameterStatus to send, if any.
    pub fn set(
        &mut self,
        name: &str,
        value: Option<&str>,
        local: bool,
        in_transaction: bool,
    ) -> Result<Reported, PgError> {
        let parameter = lookup(name);
        if parameter.is_none() && !name.contains('.') {
            return Err(PgError::new(
                code::UNDEFINED_OBJECT,
                format!("unrecognized configuration parameter \"{name}\""),
            ));
        }
        if parameter.is_some_and(|p| p.access == Access::ReadOnly) {
            return Err(PgError::new(
                code::CANT_CHANGE_RUNTIME_PARAM,
                format!("parameter \"{name}\" cannot be changed"),
            ));
        }
        let key = key_of(name);
        let value = match value {
            Some(v) => Some(validate(parameter.map(|p| p.name).unwrap_or(name), v)?),
            None => None,
        };
        if local {
            if !in_transaction {
                // Postgres warns and ignores SET LOCAL outside a transaction block.
                return Ok(None);
            }
            self.local_saved.push((key.clone(), self.values.get(&key).cloned()));
        }
        match value {
            Some(v) => {
                self.values.insert(key, v);
            }
            None => {
                self.values.remove(&key);
            }
        }
        self.refresh_timeouts();
        Ok(self.report(name))
    }

    /// Ends a transaction: `SET LOCAL` values revert. Returns the ParameterStatus messages owed.
    pub fn end_transaction(&mut self) -> Vec<(String, String)> {
        let mut reported = Vec::new();
        while let Some((key, old)) = self.local_saved.pop() {
            match old {
                Some(v) => self.values.insert(key.clone(), v),
                None => self.values.remove(&key),
            };
            if let Some(r) = self.report(&key) {
                reported.push(r);
            }
        }
        self.refresh_timeouts();
        reported
    }

    /// Puts back the values of `snapshot` (`ROLLBACK TO SAVEPOINT`). Returns the ParameterStatus
    /// messages owed for reported parameters whose value changed.
    pub fn restore(&mut self, snapshot: &Settings) -> Vec<(String, String)> {
        let before = self.startup_report();
        *self = snapshot.clone();
        self.startup_report().into_iter().filter(|now| !before.contains(now)).collect()
    }

    /// `RESET ALL`.
    pub fn reset_all(&mut self) -> Vec<(String, String)> {
        let keys: Vec<String> = self.values.keys().cloned().collect();
        self.values.clear();
        self.local_saved.clear();
        self.refresh_timeouts();
        keys.iter().filter_map(|k| self.report(k)).collect()
    }

    fn report(&self, name: &str) -> Reported {
        let parameter = lookup(name)?;
        parameter.reported.then(|| (parameter.name.to_string(), self.get(name).unwrap_or_default()))
    }

    /// Every parameter reported at startup, with its value.
    pub fn startup_report(&self) -> Vec<(String, String)> {
        PARAMETERS
            .iter()
            .filter(|p| p.reported)
            .map(|p| (p.name.to_string(), self.get(p.name).unwrap_or_default()))
            .collect()
    }

    /// The canonical spelling of a parameter name, for SHOW's column header.
    pub fn display_name(name: &str) -> String {
        lookup(name).map(|p| p.name.to_lowercase()).unwrap_or_else(|| name.to_string())
    }

    /// `SHOW ALL`: (name, setting, description) for every known parameter.
    pub fn all(&self) -> Vec<[String; 3]> {
        PARAMETERS
            .iter()
            .map(|p| [p.name.to_string(), self.get(p.name).unwrap_or_default(), p.description.to_string()])
            .collect()
    }

    /// The statement timeout in force in milliseconds (0 = none): the session's
    /// `statement_timeout`, bounded by the operator's ceiling.
    pub fn statement_timeout_ms(&self) -> u64 {
        match (self.timeouts.statement_ms, self.statement_ceiling_ms) {
            (own, 0) => own,
            (0, ceiling) => ceiling,
            (own, ceiling) => own.min(ceiling),
        }
    }

    /// How long the session may wait for the client's next message (ms, 0 = forever):
    /// `idle_in_transaction_session_timeout` inside a transaction block, else `idle_session_timeout`.
    pub fn idle_timeout_ms(&self, in_transaction: bool) -> u64 {
        if in_transaction { self.timeouts.idle_in_transaction_ms } else { self.timeouts.idle_session_ms }
    }

    /// `extra_float_digits` as a number.
    pub fn extra_float_digits(&self) -> i32 {
        self.get("extra_float_digits").and_then(|v| v.parse().ok()).unwrap_or(1)
    }
}

fn key_of(name: &str) -> String {
    lookup(name).map(|p| p.name.to_lowercase()).unwrap_or_else(|| name.to_lowercase())
}

/// Checks and normalizes a value for a parameter; refuses what packwire cannot honour.
fn validate(name: &str, value: &str) -> Result<String, PgError> {
    let value = value.trim().trim_matches('\'').trim_matches('"');
    let invalid =
        || PgError::new(code::INVALID_PARAMETER_VALUE, format!("invalid value for parameter \"{name}\": \"{value}\""));
    let lowered = value.to_ascii_lowercase();
    match name {
        "client_encoding" => match lowered.replace(['-', '_'], "").as_str() {
            "utf8" | "unicode" => Ok("UTF8".into()),
            _ => Err(PgError::new(code::FEATURE_NOT_SUPPORTED, format!("packwire only speaks UTF8, not \"{value}\""))),
        },
        "DateStyle" => {
            // Output is always ISO; the order part only matters for input, which is ISO here too.
            let parts: Vec<&str> = lowered.split(',').map(str::trim).collect();
            if parts.iter().any(|p| matches!(*p, "sql" | "postgres" | "german")) {
                return Err(PgError::new(
                    code::FEATURE_NOT_SUPPORTED,
                    format!("DateStyle \"{value}\" is not supported; use ISO"),
                ));
            }
            let order = parts
                .iter()
                .find(|p| matches!(**p, "mdy" | "dmy" | "ymd" | "us" | "european" | "euro" | "noneuropean"));
            Ok(format!(
                "ISO, {}",
                match order.copied() {
                    Some("dmy" | "european" | "euro") => "DMY",
                    Some("ymd") => "YMD",
                    _ => "MDY",
                }
            ))
        }
        "IntervalStyle" => match lowered.as_str() {
            "postgres" => Ok("postgres".into()),
            _ => Err(PgError::new(code::FEATURE_NOT_SUPPORTED, format!("IntervalStyle \"{value}\" is not supported"))),
        },
        "TimeZone" => {
            let zone = match lowered.as_str() {
                "local" | "default" | "utc" | "gmt" | "z" | "zulu" => "UTC".to_string(),
                _ => value.to_string(),
            };
            zone.parse::<connectors::datafusion::arrow::array::timezone::Tz>().map_err(|_| {
                PgError::new(
                    code::INVALID_PARAMETER_VALUE,
                    format!("invalid value for parameter \"TimeZone\": \"{value}\""),
                )
            })?;
            Ok(zone)
        }
        "extra_float_digits" => match value.parse::<i32>() {
            Ok(n) if (-15..=3).contains(&n) => Ok(n.to_string()),
            _ => Err(invalid()),
        },
        "statement_timeout" | "lock_timeout" | "idle_in_transaction_session_timeout" | "idle_session_timeout" => {
            package::parse_duration_ms(value).map(|ms| ms.to_string()).ok_or_else(invalid)
        }
        "standard_conforming_strings" => match lowered.as_str() {
            "on" | "true" | "1" | "yes" => Ok("on".into()),
            _ => Err(PgError::new(code::FEATURE_NOT_SUPPORTED, "standard_conforming_strings can only be on")),
        },
        "transaction_isolation" | "default_transaction_isolation" => match lowered.as_str() {
            "read uncommitted" | "read committed" | "repeatable read" | "serializable" => Ok(lowered),
            _ => Err(invalid()),
        },
        _ => Ok(value.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_show_reset() {
        let mut s = Settings::new("app", "tpch@1.0.0", 0);
        assert_eq!(s.get("timezone").as_deref(), Some("UTC"));
        assert_eq!(
            s.set("TimeZone", Some("Europe/Berlin"), false, false).unwrap(),
            Some(("TimeZone".into(), "Europe/Berlin".into()))
        );
        assert_eq!(s.get("TIMEZONE").as_deref(), Some("Europe/Berlin"));
        assert_eq!(
            s.set("client_encoding", Some("'utf-8'"), false, false).unwrap(),
            Some(("client_encoding".into(), "UTF8".into()))
        );
        assert_eq!(s.set("nonsense", Some("1"), false, false).unwrap_err().code, code::UNDEFINED_OBJECT);
        assert!(s.set("myapp.flag", Some("1"), false, false).is_ok());
        assert_eq!(s.set("server_version", Some("1"), false, false).unwrap_err().code, code::CANT_CHANGE_RUNTIME_PARAM);
        assert_eq!(
            s.set("client_encoding", Some("LATIN1"), false, false).unwrap_err().code,
            code::FEATURE_NOT_SUPPORTED
        );
        assert_eq!(s.get("packwire.package").as_deref(), Some("tpch@1.0.0"));
        s.set("statement_timeout", Some("2s"), false, false).unwrap();
        assert_eq!(s.statement_timeout_ms(), 2000);
        s.set("extra_float_digits", Some("3"), true, true).unwrap();
        assert_eq!(s.extra_float_digits(), 3);
        s.end_transaction();
        assert_eq!(s.extra_float_digits(), 1);
        s.reset_all();
        assert_eq!(s.get("timezone").as_deref(), Some("UTC"));
    }

    #[test]
    fn timeouts_follow_every_change_and_the_ceiling_bounds_them() {
        let mut s = Settings::new("app", "tpch@1.0.0", 5_000);
        s.set_default("idle_session_timeout", "60000");
        assert_eq!((s.statement_timeout_ms(), s.idle_timeout_ms(false), s.idle_timeout_ms(true)), (5_000, 60_000, 0));
        s.set("idle_in_transaction_session_timeout", Some("1s"), true, true).unwrap();
        assert_eq!(s.idle_timeout_ms(true), 1_000);
        s.end_transaction();
        assert_eq!(s.idle_timeout_ms(true), 0);

        s.set_statement_ceiling(30_000);
        s.set("statement_timeout", Some("0"), false, false).unwrap();
        assert_eq!(s.statement_timeout_ms(), 30_000, "no timeout still meets the ceiling");
        s.set("statement_timeout", Some("1h"), false, false).unwrap();
        assert_eq!((s.statement_timeout_ms(), s.get("statement_timeout").as_deref()), (30_000, Some("3600000")));
        s.set("statement_timeout", Some("2s"), false, false).unwrap();
        assert_eq!(s.statement_timeout_ms(), 2_000, "a session may always ask for less");
        s.reset_all();
        assert_eq!(s.statement_timeout_ms(), 5_000);
    }
}
