//! The package manifest: one TOML file describes one version of one package — its identity, the
//! source that serves it, and its tables with typed columns and physical names.
//!
//! Parsing is two steps: serde reads the raw TOML shape ([`RawManifest`]), then [`PackageVersion::from_toml`]
//! checks it (types, names, keys, secrets) and reports problems with the line they come from.
//! The format is documented in `docs/packages.md`; keep the two in step.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::pgtype::PgType;

/// A manifest problem with the line it was found on (1-based; 0 when not tied to a line).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct ManifestError {
    pub line: usize,
    pub reason: String,
}

/// One checked, immutable version of a package.
#[derive(Debug, Clone)]
pub struct PackageVersion {
    pub name: String,
    pub version: semver::Version,
    pub description: String,
    pub source: Source,
    pub tables: Vec<Table>,
    /// Default `statement_timeout` of sessions on this version, in milliseconds (0 = none).
    pub statement_timeout_ms: u64,
    /// The largest result a statement on this version may return.
    pub result_limits: ResultLimits,
    /// The manifest file this version was read from (for messages; may be synthetic).
    pub origin: PathBuf,
    /// Set when the data team has deprecated this version (`[deprecation]`).
    pub deprecation: Option<Deprecation>,
}

/// `[deprecation]`: the version still serves, clients that pin it are warned, and after the
/// sunset date the server may refuse it. Lifecycle metadata, not part of the contract: it is the
/// one thing a published manifest may gain, and `package diff` ignores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deprecation {
    /// Why, and what to do (shown to clients).
    pub message: String,
    /// From this day on (UTC) the version is retired.
    pub sunset: Option<SunsetDate>,
    /// What clients should pin instead (`shop@1.3.0`, `shop@2`).
    pub replacement: Option<String>,
}

/// A calendar date (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SunsetDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for SunsetDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Where a version's data lives and how to reach it.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Parquet or CSV files served by the embedded DataFusion engine.
    Files {
        format: FilesFormat,
        /// Directory holding the table files (absolute, resolved against the manifest's directory).
        root: PathBuf,
        /// When set, the files are generated on first use if they are missing.
        generate: Option<Generate>,
    },
    /// A PostgreSQL database reached with tokio-postgres.
    Postgres {
        /// `postgres://user@host:port/db` without a password.
        url: String,
        /// A `${ENV_VAR}` reference or `file:PATH`; never a literal.
        password: Option<SecretRef>,
        /// Default physical schema of the tables.
        schema: String,
        /// Most backend connections packwire opens to this source.
        pool_size: usize,
        /// Encryption of the backend connections.
        tls: BackendTls,
    },
    /// A Snowflake account, reached over its REST API (packwire's own client, see
    /// `connectors/src/snowflake/`).
    Snowflake {
        /// The account identifier (`xy12345.eu-west-1`, `myorg-myaccount`).
        account: String,
        /// The API's base URL; `https://{account}.snowflakecomputing.com` unless overridden
        /// (a private link, a proxy, or an emulator in tests).
        url: String,
        user: String,
        auth: SnowflakeAuth,
        /// Database and schema holding the physical tables.
        database: String,
        schema: String,
        warehouse: Option<String>,
        role: Option<String>,
        /// Most statements packwire runs on this source at once.
        pool_size: usize,
    },
}

/// How packwire authenticates to Snowflake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnowflakeAuth {
    /// User and password.
    Password(SecretRef),
    /// Key-pair authentication: a JWT signed with the user's RSA key (an unencrypted PKCS#8 PEM),
    /// what production deployments use.
    KeyPair(SecretRef),
}

/// How packwire encrypts its connections to a SQL backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendTls {
    /// Plaintext (loopback or trusted networks only).
    Disable,
    /// Encrypted; the server certificate is not checked (libpq's `sslmode=require`).
    Require,
    /// Encrypted; the certificate must chain to `ca_file` and name the host (`verify-full`).
    VerifyFull { ca_file: PathBuf },
}

impl Source {
    /// A short name of the backend kind, for messages and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            Source::Files { format: FilesFormat::Csv, .. } => "csv",
            Source::Files { format: FilesFormat::Parquet, .. } => "parquet",
            Source::Postgres { .. } => "postgres",
            Source::Snowflake { .. } => "snowflake",
        }
    }
}

/// File formats the embedded engine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FilesFormat {
    Csv,
    Parquet,
}

impl FilesFormat {
    /// The file extension used for default table paths.
    pub fn extension(self) -> &'static str {
        match self {
            FilesFormat::Csv => "csv",
            FilesFormat::Parquet => "parquet",
        }
    }
}

/// A built-in dataset the embedded engine can generate deterministically.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generate {
    /// Only `tpch` today.
    pub dataset: String,
    pub scale_factor: f64,
}

/// A reference to a secret: resolved when a connection is made, never stored in the clear.
#[derive(Clone, PartialEq, Eq)]
pub enum SecretRef {
    Env(String),
    File(PathBuf),
}

impl fmt::Debug for SecretRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SecretRef::Env(var) => write!(f, "${{{var}}}"),
            SecretRef::File(path) => write!(f, "file:{}", path.display()),
        }
    }
}

impl SecretRef {
    /// Parses `${VAR}` or `file:PATH`; anything else is a literal secret and refused.
    fn parse(text: &str, base_dir: &Path) -> Result<SecretRef, String> {
        if let Some(var) = text.strip_prefix("${").and_then(|rest| rest.strip_suffix('}'))
            && !var.is_empty()
            && var.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Ok(SecretRef::Env(var.to_string()));
        }
        if let Some(path) = text.strip_prefix("file:") {
            return Ok(SecretRef::File(base_dir.join(path)));
        }
        Err("secrets must be a `${ENV_VAR}` reference or `file:PATH`, never a literal".to_string())
    }

    /// Reads the secret's value from the environment or its file.
    pub fn resolve(&self) -> Result<String, String> {
        match self {
            SecretRef::Env(var) => std::env::var(var).map_err(|_| format!("environment variable {var} is not set")),
            SecretRef::File(path) => std::fs::read_to_string(path)
                .map(|s| s.trim_end_matches(['\n', '\r']).to_string())
                .map_err(|e| format!("cannot read secret file {}: {e}", path.display())),
        }
    }
}

/// A logical table of a package version.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub description: Option<String>,
    /// Physical schema, for sources that have schemas (defaults to the source's).
    pub physical_schema: Option<String>,
    /// Physical table name (defaults to the logical name).
    pub physical: String,
    /// For file sources: the file or directory, relative to the source root.
    pub path: Option<String>,
    pub primary_key: Vec<String>,
    pub columns: Vec<Column>,
}

impl Table {
    /// Looks a column up by its exact logical name.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// True when some column's physical name differs from its logical one.
    pub fn renames_columns(&self) -> bool {
        self.columns.iter().any(|c| c.physical != c.name)
    }
}

/// A typed column of a logical table.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub ty: PgType,
    pub nullable: bool,
    pub description: Option<String>,
    /// Physical column name (defaults to the logical name).
    pub physical: String,
}

impl PackageVersion {
    /// `name@version`, the way clients and messages spell a version.
    pub fn id(&self) -> String {
        format!("{}@{}", self.name, self.version)
    }

    /// Looks a table up by its exact logical name.
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    /// Parses and checks a manifest. `origin` is the file it came from: relative paths in the
    /// manifest are resolved against its directory.
    pub fn from_toml(text: &str, origin: &Path) -> Result<PackageVersion, ManifestError> {
        let raw: RawManifest = toml::from_str(text).map_err(|e| ManifestError {
            line: e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
            reason: e.message().trim().to_string(),
        })?;
        let at =
            |span: std::ops::Range<usize>, reason: String| ManifestError { line: line_of(text, span.start), reason };
        let base_dir = origin.parent().unwrap_or(Path::new(".")).to_path_buf();

        let name = raw.package.name.get_ref().clone();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            return Err(at(
                raw.package.name.span(),
                format!("package name `{name}` may only contain letters, digits, `_` and `-`"),
            ));
        }
        let version = semver::Version::parse(raw.package.version.get_ref())
            .map_err(|e| at(raw.package.version.span(), format!("version is not semver: {e}")))?;

        let statement_timeout_ms = match &raw.package.statement_timeout {
            Some(t) => parse_duration_ms(t.get_ref()).ok_or_else(|| {
                at(t.span(), format!("statement_timeout `{}` is not a duration like 30s or 500ms", t.get_ref()))
            })?,
            None => 0,
        };
        let source = check_source(raw.source.into_inner(), &base_dir, text)?;

        let mut tables = Vec::with_capacity(raw.tables.len());
        let mut table_names = BTreeSet::new();
        for raw_table in raw.tables {
            let table_name = raw_table.name.get_ref().clone();
            check_identifier(&table_name).map_err(|e| at(raw_table.name.span(), e))?;
            if !table_names.insert(table_name.clone()) {
                return Err(at(raw_table.name.span(), format!("table `{table_name}` is declared twice")));
            }
            let mut columns = Vec::with_capacity(raw_table.columns.len());
            let mut column_names = BTreeSet::new();
            for raw_column in raw_table.columns {
                let column_name = raw_column.name.get_ref().clone();
                check_identifier(&column_name).map_err(|e| at(raw_column.name.span(), e))?;
                if !column_names.insert(column_name.clone()) {
                    return Err(at(
                        raw_column.name.span(),
                        format!("column `{column_name}` of table `{table_name}` is declared twice"),
                    ));
                }
                let ty = PgType::parse(raw_column.ty.get_ref()).map_err(|e| at(raw_column.ty.span(), e))?;
                if matches!(ty, PgType::Array(_)) {
                    return Err(at(raw_column.ty.span(), "array columns cannot be declared yet".into()));
                }
                if matches!(source, Source::Files { .. } | Source::Snowflake { .. }) && ty == PgType::Numeric(None) {
                    return Err(at(
                        raw_column.ty.span(),
                        "the embedded engine stores numerics as fixed-point: declare numeric(p,s)".into(),
                    ));
                }
                let in_key = raw_table.primary_key.contains(&column_name);
                if in_key && raw_column.nullable == Some(true) {
                    return Err(at(
                        raw_column.name.span(),
                        format!("primary key column `{column_name}` cannot be nullable"),
                    ));
                }
                columns.push(Column {
                    physical: raw_column.physical.unwrap_or_else(|| column_name.clone()),
                    name: column_name,
                    ty,
                    nullable: raw_column.nullable.unwrap_or(!in_key),
                    description: raw_column.description,
                });
            }
            if columns.is_empty() {
                return Err(at(raw_table.name.span(), format!("table `{table_name}` has no columns")));
            }
            for key in &raw_table.primary_key {
                if !column_names.contains(key) {
                    return Err(at(
                        raw_table.name.span(),
                        format!("primary key column `{key}` is not a column of `{table_name}`"),
                    ));
                }
            }
            tables.push(Table {
                physical: raw_table.physical.unwrap_or_else(|| table_name.clone()),
                name: table_name,
                description: raw_table.description,
                physical_schema: raw_table.physical_schema,
                path: raw_table.path,
                primary_key: raw_table.primary_key,
                columns,
            });
        }
        if tables.is_empty() {
            return Err(ManifestError { line: 0, reason: "a package needs at least one [[tables]] entry".into() });
        }

        Ok(PackageVersion {
            name,
            version,
            description: raw.package.description.unwrap_or_default(),
            source,
            tables,
            statement_timeout_ms,
            result_limits: ResultLimits {
                max_rows: raw.package.max_rows.unwrap_or(0),
                max_bytes: raw.package.max_result_bytes.unwrap_or(0),
            },
            origin: origin.to_path_buf(),
            deprecation: raw.deprecation.map(|d| check_deprecation(d, text)).transpose()?,
        })
    }
}

fn check_deprecation(raw: Spanned<RawDeprecation>, text: &str) -> Result<Deprecation, ManifestError> {
    let line = line_of(text, raw.span().start);
    let raw = raw.into_inner();
    let sunset = match raw.sunset {
        None => None,
        Some(toml::value::Datetime { date: Some(date), time: None, offset: None }) => {
            Some(SunsetDate { year: date.year, month: date.month, day: date.day })
        }
        Some(other) => {
            return Err(ManifestError {
                line,
                reason: format!("[deprecation] sunset `{other}` must be a date like 2027-03-01"),
            });
        }
    };
    if let Some(replacement) = &raw.replacement {
        crate::PackageSpec::parse(replacement)
            .map_err(|e| ManifestError { line, reason: format!("[deprecation] replacement `{replacement}`: {e}") })?;
    }
    Ok(Deprecation { message: raw.message, sunset, replacement: raw.replacement })
}

/// Most rows and bytes one statement's result may have (0 = no limit). A result over a limit is
/// an error (54000), never a truncated answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResultLimits {
    pub max_rows: u64,
    pub max_bytes: u64,
}

/// `5000`, `5s`, `1min`, `250ms`, `2h` → milliseconds (Postgres' duration units).
pub fn parse_duration_ms(value: &str) -> Option<u64> {
    let value = value.trim();
    let split = value.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(value.len());
    let (number, unit) = value.split_at(split);
    let number: f64 = number.parse().ok()?;
    let factor = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "ms" => 1.0,
        "s" => 1_000.0,
        "min" => 60_000.0,
        "h" => 3_600_000.0,
        "d" => 86_400_000.0,
        _ => return None,
    };
    let ms = number * factor;
    (ms >= 0.0 && ms < f64::from(i32::MAX)).then_some(ms as u64)
}

/// Checks the `[source]` table for its kind.
fn check_source(raw: RawSource, base_dir: &Path, text: &str) -> Result<Source, ManifestError> {
    let at = |span: std::ops::Range<usize>, reason: String| ManifestError { line: line_of(text, span.start), reason };
    let kind_span = raw.kind.span();
    let kind = raw.kind.into_inner();
    let needs = |what: &str| at(kind_span.clone(), format!("a `{kind}` source needs `{what}`"));
    let refuses = |what: &str| at(kind_span.clone(), format!("a `{kind}` source has no `{what}` setting"));
    if kind != "snowflake"
        && (raw.account.is_some()
            || raw.user.is_some()
            || raw.private_key.is_some()
            || raw.database.is_some()
            || raw.warehouse.is_some()
            || raw.role.is_some())
    {
        return Err(refuses("account/user/private_key/database/warehouse/role"));
    }
    match kind.as_str() {
        "files" => {
            if raw.url.is_some() {
                return Err(refuses("url"));
            }
            if raw.password.is_some() {
                return Err(refuses("password"));
            }
            if raw.schema.is_some() {
                return Err(refuses("schema"));
            }
            if raw.pool_size.is_some() {
                return Err(refuses("pool_size"));
            }
            if raw.tls.is_some() || raw.ca_file.is_some() {
                return Err(refuses("tls"));
            }
            let format = raw.format.ok_or_else(|| needs("format"))?;
            let root = raw.root.ok_or_else(|| needs("root"))?;
            if let Some(g) = &raw.generate
                && (g.dataset != "tpch" || !(g.scale_factor > 0.0 && g.scale_factor <= 1.0))
            {
                return Err(at(kind_span, "generate supports dataset = \"tpch\" with 0 < scale_factor <= 1".into()));
            }
            Ok(Source::Files { format, root: base_dir.join(root), generate: raw.generate })
        }
        "postgres" => {
            if raw.format.is_some() || raw.root.is_some() || raw.generate.is_some() {
                return Err(refuses("format/root/generate"));
            }
            let url = raw.url.ok_or_else(|| needs("url"))?;
            let url_text = url.get_ref();
            if !url_text.starts_with("postgres://") && !url_text.starts_with("postgresql://") {
                return Err(at(url.span(), "source url must start with postgres://".into()));
            }
            if url_has_password(url_text) {
                return Err(at(
                    url.span(),
                    "source url must not contain a password; use `password = \"${ENV_VAR}\"`".into(),
                ));
            }
            let password = match raw.password {
                Some(p) => Some(SecretRef::parse(p.get_ref(), base_dir).map_err(|e| at(p.span(), e))?),
                None => None,
            };
            let pool_size = raw.pool_size.unwrap_or(16);
            if !(1..=1000).contains(&pool_size) {
                return Err(at(kind_span, "pool_size must be between 1 and 1000".into()));
            }
            // libpq's `sslmode`/`sslrootcert` in the URL mean the same as `tls`/`ca_file`; they
            // are moved out of the URL (the driver does not know verify-full) and may not
            // contradict the keys.
            let (url_text, url_mode, url_root) = split_ssl_params(url_text);
            let url_mode = match url_mode.as_deref() {
                None => None,
                Some("disable" | "allow" | "prefer") => Some("disable"),
                Some("require") => Some("require"),
                Some("verify-full") => Some("verify-full"),
                Some(other) => {
                    return Err(at(
                        url.span(),
                        format!("sslmode={other} is not supported; use require or verify-full (with sslrootcert)"),
                    ));
                }
            };
            let mode = match (raw.tls.as_deref(), url_mode) {
                (Some(key), Some(in_url)) if key != in_url => {
                    return Err(at(url.span(), format!("sslmode in the url contradicts tls = \"{key}\"")));
                }
                (Some(key), _) => key.to_string(),
                (None, in_url) => in_url.unwrap_or("disable").to_string(),
            };
            let ca_file = match (raw.ca_file, url_root) {
                (Some(_), Some(_)) => {
                    return Err(at(url.span(), "give either ca_file or sslrootcert, not both".into()));
                }
                (key, in_url) => key.or(in_url),
            };
            let tls = match (mode.as_str(), ca_file) {
                ("disable", None) => BackendTls::Disable,
                ("require", None) => BackendTls::Require,
                ("verify-full", Some(ca)) => BackendTls::VerifyFull { ca_file: base_dir.join(ca) },
                ("verify-full", None) => return Err(at(kind_span, "tls = \"verify-full\" needs ca_file".into())),
                (_, Some(_)) => return Err(at(kind_span, "ca_file only goes with tls = \"verify-full\"".into())),
                (other, None) => {
                    return Err(at(kind_span, format!("tls must be disable, require or verify-full, not `{other}`")));
                }
            };
            Ok(Source::Postgres {
                url: url_text,
                password,
                schema: raw.schema.unwrap_or_else(|| "public".into()),
                pool_size,
                tls,
            })
        }
        "snowflake" => {
            if raw.format.is_some() || raw.root.is_some() || raw.generate.is_some() {
                return Err(refuses("format/root/generate"));
            }
            if raw.tls.is_some() || raw.ca_file.is_some() {
                return Err(at(
                    kind_span,
                    "a `snowflake` source is always reached over HTTPS (or the `url` given)".into(),
                ));
            }
            let account = raw.account.ok_or_else(|| needs("account"))?;
            if account.is_empty() || !account.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) {
                return Err(at(kind_span, format!("account `{account}` is not a Snowflake account identifier")));
            }
            let url = match raw.url {
                Some(url) => {
                    let text = url.get_ref().trim_end_matches('/');
                    if !text.starts_with("https://") && !text.starts_with("http://") {
                        return Err(at(url.span(), "a snowflake url must start with https:// (or http://)".into()));
                    }
                    if url_has_password(text) {
                        return Err(at(url.span(), "source url must not contain a password".into()));
                    }
                    text.to_string()
                }
                None => format!("https://{account}.snowflakecomputing.com"),
            };
            let auth = match (raw.password, raw.private_key) {
                (Some(_), Some(_)) => {
                    return Err(at(kind_span, "give either password or private_key, not both".into()));
                }
                (Some(p), None) => {
                    SnowflakeAuth::Password(SecretRef::parse(p.get_ref(), base_dir).map_err(|e| at(p.span(), e))?)
                }
                (None, Some(k)) => {
                    SnowflakeAuth::KeyPair(SecretRef::parse(k.get_ref(), base_dir).map_err(|e| at(k.span(), e))?)
                }
                (None, None) => return Err(needs("password or private_key")),
            };
            let pool_size = raw.pool_size.unwrap_or(8);
            if !(1..=1000).contains(&pool_size) {
                return Err(at(kind_span, "pool_size must be between 1 and 1000".into()));
            }
            Ok(Source::Snowflake {
                account,
                url,
                user: raw.user.ok_or_else(|| needs("user"))?,
                auth,
                database: raw.database.ok_or_else(|| needs("database"))?,
                schema: raw.schema.unwrap_or_else(|| "PUBLIC".into()),
                warehouse: raw.warehouse,
                role: raw.role,
                pool_size,
            })
        }
        other => Err(at(kind_span, format!("unknown source kind `{other}` (supported: files, postgres, snowflake)"))),
    }
}

impl PackageVersion {
    /// The manifest as TOML, in the documented layout (what `package init` and `materialize`
    /// write). Reading it back gives an equal version.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut out = String::new();
        out.push_str(&format!("[package]\nname = {}\nversion = {}\n", q(&self.name), q(&self.version.to_string())));
        if !self.description.is_empty() {
            out.push_str(&format!("description = {}\n", q(&self.description)));
        }
        if self.statement_timeout_ms > 0 {
            out.push_str(&format!("statement_timeout = \"{}ms\"\n", self.statement_timeout_ms));
        }
        if self.result_limits.max_rows > 0 {
            out.push_str(&format!("max_rows = {}\n", self.result_limits.max_rows));
        }
        if self.result_limits.max_bytes > 0 {
            out.push_str(&format!("max_result_bytes = {}\n", self.result_limits.max_bytes));
        }
        out.push_str("\n[source]\n");
        match &self.source {
            Source::Files { format, root, generate } => {
                out.push_str(&format!(
                    "kind = \"files\"\nformat = \"{}\"\nroot = {}\n",
                    format.extension(),
                    q(&root.to_string_lossy())
                ));
                if let Some(g) = generate {
                    out.push_str(&format!(
                        "generate = {{ dataset = {}, scale_factor = {} }}\n",
                        q(&g.dataset),
                        g.scale_factor
                    ));
                }
            }
            Source::Postgres { url, password, schema, pool_size, tls } => {
                out.push_str(&format!("kind = \"postgres\"\nurl = {}\n", q(url)));
                if let Some(secret) = password {
                    out.push_str(&format!("password = {}\n", q(&format!("{secret:?}"))));
                }
                out.push_str(&format!("schema = {}\npool_size = {pool_size}\n", q(schema)));
                match tls {
                    BackendTls::Disable => {}
                    BackendTls::Require => out.push_str("tls = \"require\"\n"),
                    BackendTls::VerifyFull { ca_file } => {
                        out.push_str(&format!("tls = \"verify-full\"\nca_file = {}\n", q(&ca_file.to_string_lossy())));
                    }
                }
            }
            Source::Snowflake { account, url, user, auth, database, schema, warehouse, role, pool_size } => {
                out.push_str(&format!("kind = \"snowflake\"\naccount = {}\n", q(account)));
                if *url != format!("https://{account}.snowflakecomputing.com") {
                    out.push_str(&format!("url = {}\n", q(url)));
                }
                out.push_str(&format!("user = {}\n", q(user)));
                match auth {
                    SnowflakeAuth::Password(secret) => {
                        out.push_str(&format!("password = {}\n", q(&format!("{secret:?}"))))
                    }
                    SnowflakeAuth::KeyPair(secret) => {
                        out.push_str(&format!("private_key = {}\n", q(&format!("{secret:?}"))))
                    }
                }
                out.push_str(&format!("database = {}\nschema = {}\n", q(database), q(schema)));
                if let Some(w) = warehouse {
                    out.push_str(&format!("warehouse = {}\n", q(w)));
                }
                if let Some(r) = role {
                    out.push_str(&format!("role = {}\n", q(r)));
                }
                out.push_str(&format!("pool_size = {pool_size}\n"));
            }
        }
        for table in &self.tables {
            out.push_str(&format!("\n[[tables]]\nname = {}\n", q(&table.name)));
            if let Some(d) = &table.description {
                out.push_str(&format!("description = {}\n", q(d)));
            }
            if table.physical != table.name {
                out.push_str(&format!("physical = {}\n", q(&table.physical)));
            }
            if let Some(s) = &table.physical_schema {
                out.push_str(&format!("physical_schema = {}\n", q(s)));
            }
            if let Some(p) = &table.path {
                out.push_str(&format!("path = {}\n", q(p)));
            }
            if !table.primary_key.is_empty() {
                let keys: Vec<String> = table.primary_key.iter().map(|k| q(k)).collect();
                out.push_str(&format!("primary_key = [{}]\n", keys.join(", ")));
            }
            out.push_str("columns = [\n");
            for column in &table.columns {
                let mut parts =
                    vec![format!("name = {}", q(&column.name)), format!("type = {}", q(&column.ty.to_string()))];
                parts.push(format!("nullable = {}", column.nullable));
                if column.physical != column.name {
                    parts.push(format!("physical = {}", q(&column.physical)));
                }
                if let Some(d) = &column.description {
                    parts.push(format!("description = {}", q(d)));
                }
                out.push_str(&format!("  {{ {} }},\n", parts.join(", ")));
            }
            out.push_str("]\n");
        }
        out
    }
}

/// Logical names are what clients type: keep them to characters that need no surprises.
fn check_identifier(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > 63 {
        return Err(format!("name `{name}` must be 1 to 63 bytes long"));
    }
    if name.chars().any(|c| c.is_control() || c == '"') {
        return Err(format!("name `{name}` contains a control character or a double quote"));
    }
    Ok(())
}

/// True when a `postgres://user:password@host` URL carries a password.
/// Removes `sslmode` and `sslrootcert` from a URL's query: (the rest, sslmode, sslrootcert).
fn split_ssl_params(url: &str) -> (String, Option<String>, Option<String>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), None, None);
    };
    let (mut mode, mut root, mut kept) = (None, None, Vec::new());
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("sslmode", value)) => mode = Some(crate::spec::percent_decode(value)),
            Some(("sslrootcert", value)) => root = Some(crate::spec::percent_decode(value)),
            _ => kept.push(pair),
        }
    }
    let url = if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) };
    (url, mode, root)
}

fn url_has_password(url: &str) -> bool {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    match authority.rsplit_once('@') {
        Some((userinfo, _)) => userinfo.contains(':'),
        None => false,
    }
}

/// The 1-based line holding byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|b| **b == b'\n').count() + 1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    package: RawPackage,
    source: Spanned<RawSource>,
    #[serde(default)]
    tables: Vec<RawTable>,
    deprecation: Option<Spanned<RawDeprecation>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeprecation {
    message: String,
    sunset: Option<toml::value::Datetime>,
    replacement: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPackage {
    name: Spanned<String>,
    version: Spanned<String>,
    description: Option<String>,
    statement_timeout: Option<Spanned<String>>,
    max_rows: Option<u64>,
    max_result_bytes: Option<u64>,
}

/// The `[source]` table; which keys apply depends on `kind` (checked in [`check_source`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    kind: Spanned<String>,
    format: Option<FilesFormat>,
    root: Option<String>,
    generate: Option<Generate>,
    url: Option<Spanned<String>>,
    password: Option<Spanned<String>>,
    schema: Option<String>,
    pool_size: Option<usize>,
    tls: Option<String>,
    ca_file: Option<String>,
    account: Option<String>,
    user: Option<String>,
    private_key: Option<Spanned<String>>,
    database: Option<String>,
    warehouse: Option<String>,
    role: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    name: Spanned<String>,
    description: Option<String>,
    physical: Option<String>,
    physical_schema: Option<String>,
    path: Option<String>,
    #[serde(default)]
    primary_key: Vec<String>,
    #[serde(default)]
    columns: Vec<RawColumn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumn {
    name: Spanned<String>,
    #[serde(rename = "type")]
    ty: Spanned<String>,
    nullable: Option<bool>,
    description: Option<String>,
    physical: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[package]
name = "shop"
version = "1.2.0"
description = "Orders"

[source]
kind = "postgres"
url = "postgres://app@db.internal:5432/shop"
password = "${SHOP_PASSWORD}"

[[tables]]
name = "orders"
physical = "orders_v2"
primary_key = ["id"]
columns = [
  { name = "id", type = "int8" },
  { name = "total", type = "numeric(12,2)", nullable = false, physical = "amount" },
]
"#;

    fn parse(text: &str) -> Result<PackageVersion, ManifestError> {
        PackageVersion::from_toml(text, Path::new("/reg/shop.toml"))
    }

    #[test]
    fn reads_a_good_manifest() {
        let v = parse(GOOD).unwrap();
        assert_eq!(v.id(), "shop@1.2.0");
        let orders = v.table("orders").unwrap();
        assert_eq!(orders.physical, "orders_v2");
        assert!(!orders.column("id").unwrap().nullable, "primary key implies not null");
        assert_eq!(orders.column("total").unwrap().physical, "amount");
        assert!(orders.renames_columns());
        match &v.source {
            Source::Postgres { password, schema, .. } => {
                assert_eq!(password, &Some(SecretRef::Env("SHOP_PASSWORD".into())));
                assert_eq!(schema, "public");
            }
            other => panic!("unexpected source {other:?}"),
        }
    }

    #[test]
    fn reads_a_snowflake_source_and_round_trips() {
        let text = GOOD.replace(
            "kind = \"postgres\"\nurl = \"postgres://app@db.internal:5432/shop\"\npassword = \"${SHOP_PASSWORD}\"",
            "kind = \"snowflake\"\naccount = \"xy12345.eu-west-1\"\nuser = \"APP\"\nprivate_key = \"file:keys/app.p8\"\ndatabase = \"SHOP\"\nwarehouse = \"WH\"",
        );
        let v = parse(&text).unwrap();
        let Source::Snowflake { url, auth, schema, pool_size, .. } = &v.source else { panic!("{:?}", v.source) };
        assert_eq!(url, "https://xy12345.eu-west-1.snowflakecomputing.com");
        assert_eq!(auth, &SnowflakeAuth::KeyPair(SecretRef::File("/reg/keys/app.p8".into())));
        assert_eq!((schema.as_str(), *pool_size), ("PUBLIC", 8));
        let again = PackageVersion::from_toml(&v.to_toml(), Path::new("/reg/shop.toml")).unwrap();
        assert_eq!(again.source, v.source);
        let both = text.replace("[source]", "[source]\npassword = \"${P}\"");
        assert!(parse(&both).unwrap_err().reason.contains("not both"));
        let literal = text.replace("file:keys/app.p8", "-----BEGIN PRIVATE KEY-----");
        assert!(parse(&literal).unwrap_err().reason.contains("never a literal"));
        let emulator = text.replace("[source]", "[source]\nurl = \"http://127.0.0.1:8080/\"");
        let Source::Snowflake { url, .. } = parse(&emulator).unwrap().source else { panic!() };
        assert_eq!(url, "http://127.0.0.1:8080");
        let wrong_kind = GOOD.replace("[source]", "[source]\nwarehouse = \"WH\"");
        assert!(parse(&wrong_kind).unwrap_err().reason.contains("has no"));
    }

    #[test]
    fn to_toml_round_trips() {
        let v = parse(GOOD).unwrap();
        let again = PackageVersion::from_toml(&v.to_toml(), Path::new("/reg/shop.toml")).unwrap();
        assert_eq!(again.tables, v.tables);
        assert_eq!(again.source, v.source);
        assert_eq!(again.id(), v.id());
    }

    #[test]
    fn literal_password_is_refused_with_its_line() {
        let text = GOOD.replace("${SHOP_PASSWORD}", "hunter2");
        let err = parse(&text).unwrap_err();
        assert_eq!(err.line, 10);
        assert!(err.reason.contains("never a literal"), "{err}");
        assert!(!err.to_string().contains("hunter2"));
    }

    #[test]
    fn password_in_url_is_refused() {
        let text = GOOD.replace("app@db", "app:secret@db");
        let err = parse(&text).unwrap_err();
        assert!(err.reason.contains("must not contain a password"), "{err}");
    }

    #[test]
    fn sslmode_in_url_means_tls() {
        let source = |text: &str| match parse(text).unwrap().source {
            Source::Postgres { url, tls, .. } => (url, tls),
            other => panic!("{other:?}"),
        };
        let with = |query: &str| GOOD.replace("5432/shop", &format!("5432/shop?{query}"));
        let (url, tls) = source(&with("sslmode=require&application_name=x"));
        assert_eq!(
            (url.as_str(), tls),
            ("postgres://app@db.internal:5432/shop?application_name=x", BackendTls::Require)
        );
        let (url, tls) = source(&with("sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem"));
        assert_eq!(url, "postgres://app@db.internal:5432/shop");
        assert_eq!(tls, BackendTls::VerifyFull { ca_file: "/etc/ca.pem".into() });
        assert_eq!(source(&with("sslmode=prefer")).1, BackendTls::Disable);
        assert!(parse(&with("sslmode=verify-full")).unwrap_err().reason.contains("needs ca_file"));
        assert!(parse(&with("sslmode=verify-ca")).unwrap_err().reason.contains("not supported"));
        let contradiction = with("sslmode=require").replace("[source]", "[source]\ntls = \"disable\"");
        assert!(parse(&contradiction).unwrap_err().reason.contains("contradicts"));
    }

    #[test]
    fn bad_type_reports_its_line() {
        let text = GOOD.replace("numeric(12,2)", "money");
        let err = parse(&text).unwrap_err();
        assert_eq!(err.line, 18);
        assert!(err.reason.contains("unsupported type `money`"), "{err}");
    }

    #[test]
    fn syntax_error_reports_its_line() {
        let err = parse("[package]\nname = \"x\"\nversion = \n").unwrap_err();
        assert_eq!(err.line, 3);
    }

    #[test]
    fn unknown_keys_and_bad_keys_are_refused() {
        assert!(parse(&GOOD.replace("description = \"Orders\"", "descripton = \"Orders\"")).is_err());
        assert!(parse(&GOOD.replace("primary_key = [\"id\"]", "primary_key = [\"nope\"]")).is_err());
        assert!(parse(&GOOD.replace("version = \"1.2.0\"", "version = \"1.2\"")).is_err());
    }

    #[test]
    fn deprecation_takes_a_message_a_sunset_date_and_a_replacement() {
        assert_eq!(parse(GOOD).unwrap().deprecation, None);
        let deprecated =
            format!("{GOOD}\n[deprecation]\nmessage = \"use 2.x\"\nsunset = 2027-03-01\nreplacement = \"shop@2\"\n");
        let deprecation = parse(&deprecated).unwrap().deprecation.unwrap();
        assert_eq!(deprecation.message, "use 2.x");
        assert_eq!(deprecation.sunset.map(|d| d.to_string()).as_deref(), Some("2027-03-01"));
        assert!(deprecation.sunset < Some(SunsetDate { year: 2027, month: 3, day: 2 }));
        assert_eq!(deprecation.replacement.as_deref(), Some("shop@2"));
        for bad in ["sunset = 2027-03-01T10:00:00", "sunset = \"soon\"", "replacement = \"shop@>>1\"", "when = 1"] {
            let text = format!("{GOOD}\n[deprecation]\nmessage = \"m\"\n{bad}\n");
            assert!(parse(&text).is_err(), "{bad}");
        }
    }
}
