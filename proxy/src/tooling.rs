//! `packwire package …`: the data team's tools. `init` writes a manifest from a live database,
//! `check` compares a manifest with its live source, `diff` classifies the change between two
//! versions, `publish` adds a version to a registry (refusing too-small bumps and overwrites),
//! `materialize` copies a version to Parquet and publishes the copy, `verify` runs the same
//! queries on two versions and reports every difference.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use connectors::datafusion::parquet::arrow::ArrowWriter;
use connectors::datafusion::parquet::basic::Compression;
use connectors::datafusion::parquet::file::properties::WriterProperties;
use futures::StreamExt;
use package::diff::{Bump, diff, required_bump, version_bump};
use package::{Column, FilesFormat, PackageSpec, PackageVersion, PgType, Registry, SecretRef, Source, Table};

use crate::compare::{ColumnKind, Row, first_difference, is_ordered};

type Result<T> = std::result::Result<T, String>;

/// `package init`: introspects a live Postgres or Snowflake schema into a manifest.
pub async fn init(from: &str, schema: &str, tables: &[String], name: &str, version: &str) -> Result<String> {
    semver::Version::parse(version).map_err(|e| format!("--version {version}: {e}"))?;
    let (url, password, env_var) = split_password(from, name);
    let (found, source) = if url.starts_with("snowflake://") {
        let source = snowflake_source(&url, schema, env_var.clone())?;
        let mut client = connectors::snowflake::Client::new(&source).map_err(|e| e.message)?;
        if let Some(password) = password {
            client = client.with_password(password);
        }
        let found =
            connectors::snowflake::introspect::describe(&client, schema, tables).await.map_err(|e| e.message)?;
        (connectors::snowflake::introspect::as_introspected(found), source)
    } else {
        let client = connectors::postgres::connect_once(&url, password.as_deref()).await.map_err(|e| e.message)?;
        let found = connectors::postgres::introspect(&client, schema, tables).await.map_err(|e| e.message)?;
        let source = Source::Postgres {
            url: url.clone(),
            password: env_var.clone().map(SecretRef::Env),
            schema: schema.to_string(),
            pool_size: 16,
            tls: package::BackendTls::Disable,
        };
        (found, source)
    };
    if found.is_empty() {
        return Err(format!("schema \"{schema}\" has no tables"));
    }
    let mut manifest_tables = Vec::new();
    for table in found {
        let mut columns = Vec::new();
        for (column, ty, nullable, description) in table.columns {
            match PgType::parse(&ty) {
                Ok(ty) if !matches!(ty, PgType::Array(_)) => {
                    columns.push(Column { physical: column.clone(), name: column, ty, nullable, description })
                }
                _ => eprintln!(
                    "warning: {}.{column} has type {ty}, which packages cannot declare yet: skipped",
                    table.name
                ),
            }
        }
        if columns.is_empty() {
            eprintln!("warning: table {} has no column of a supported type: skipped", table.name);
            continue;
        }
        manifest_tables.push(Table {
            physical: table.name.clone(),
            name: table.name,
            description: table.description,
            physical_schema: None,
            path: None,
            primary_key: table.primary_key,
            columns,
        });
    }
    if let Some(var) = &env_var {
        eprintln!("the password from --from was replaced by ${{{var}}}: set {var} where packwire runs");
    }
    let manifest = PackageVersion {
        name: name.to_string(),
        version: semver::Version::parse(version).map_err(|e| e.to_string())?,
        description: format!("Introspected from {url} (schema {schema})"),
        source,
        tables: manifest_tables,
        statement_timeout_ms: 0,
        result_limits: package::ResultLimits::default(),
        origin: PathBuf::from("<init>"),
        deprecation: None,
    };
    let text = manifest.to_toml();
    // What we print must read back.
    PackageVersion::from_toml(&text, Path::new("/init.toml"))
        .map_err(|e| format!("generated manifest is invalid: {e}"))?;
    Ok(text)
}

/// The source of `snowflake://USER@ACCOUNT/DATABASE?warehouse=…&role=…&url=…&private_key=PATH`
/// (`url` overrides the API's base URL; `private_key` names a PKCS#8 PEM file for key-pair
/// authentication, otherwise the password is read from `password_var`).
fn snowflake_source(url: &str, schema: &str, password_var: Option<String>) -> Result<Source> {
    let usage =
        || format!("{url}: expected snowflake://USER@ACCOUNT/DATABASE[?warehouse=…&role=…&url=…&private_key=…]");
    let rest = url.strip_prefix("snowflake://").ok_or_else(usage)?;
    let (location, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (user, location) = location.split_once('@').ok_or_else(usage)?;
    let (account, database) = location.split_once('/').ok_or_else(usage)?;
    if user.is_empty() || account.is_empty() || database.is_empty() {
        return Err(usage());
    }
    let mut params = std::collections::HashMap::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').ok_or_else(usage)?;
        params.insert(key.to_string(), package::percent_decode(value));
    }
    if let Some(unknown) = params.keys().find(|k| !["warehouse", "role", "url", "private_key"].contains(&k.as_str())) {
        return Err(format!("{url}: unknown parameter `{unknown}`"));
    }
    let auth = match (params.remove("private_key"), password_var) {
        (Some(path), _) => {
            let path = std::fs::canonicalize(&path).map_err(|e| format!("private_key {path}: {e}"))?;
            package::SnowflakeAuth::KeyPair(SecretRef::File(path))
        }
        (None, Some(var)) => package::SnowflakeAuth::Password(SecretRef::Env(var)),
        (None, None) => return Err(format!("{url}: give a password (USER:PASSWORD@…) or ?private_key=PATH")),
    };
    Ok(Source::Snowflake {
        url: params.remove("url").unwrap_or_else(|| format!("https://{account}.snowflakecomputing.com")),
        account: account.to_string(),
        user: package::percent_decode(user),
        auth,
        database: package::percent_decode(database),
        schema: schema.to_string(),
        warehouse: params.remove("warehouse"),
        role: params.remove("role"),
        pool_size: 8,
    })
}

/// Takes a password out of a URL: returns the URL without it, the password, and the name of the
/// environment variable that stands for it in the manifest.
fn split_password(url: &str, package: &str) -> (String, Option<String>, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else { return (url.to_string(), None, None) };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let Some((userinfo, host)) = authority.rsplit_once('@') else { return (url.to_string(), None, None) };
    let Some((user, password)) = userinfo.split_once(':') else { return (url.to_string(), None, None) };
    let var = format!("{}_PASSWORD", package.to_uppercase().replace(|c: char| !c.is_ascii_alphanumeric(), "_"));
    (format!("{scheme}://{user}@{host}{tail}"), Some(package::percent_decode(password)), Some(var))
}

/// `package check` of a Snowflake version: every table and column exists and holds the declared
/// type's values (see `LiveColumn::holds`).
async fn check_snowflake(version: &PackageVersion, schema: &str) -> Result<Vec<String>> {
    let client = connectors::snowflake::Client::new(&version.source).map_err(|e| e.message)?;
    let mut problems = Vec::new();
    for table in &version.tables {
        let physical_schema = table.physical_schema.as_deref().unwrap_or(schema);
        let only = std::slice::from_ref(&table.physical);
        let live =
            connectors::snowflake::introspect::describe(&client, physical_schema, only).await.map_err(|e| e.message)?;
        let Some(live) = live.into_iter().next() else {
            problems.push(format!("table {}: {physical_schema}.{} does not exist", table.name, table.physical));
            continue;
        };
        for column in &table.columns {
            match live.columns.iter().find(|c| c.name == column.physical) {
                None => {
                    problems.push(format!("column {}.{}: {} does not exist", table.name, column.name, column.physical))
                }
                Some(found) if !found.holds(column.ty) => problems.push(format!(
                    "column {}.{}: declared {}, live {}",
                    table.name, column.name, column.ty, found.data_type
                )),
                Some(found) if found.nullable && !column.nullable => problems.push(format!(
                    "column {}.{}: declared not null, but the live column allows NULL",
                    table.name, column.name
                )),
                Some(_) => {}
            }
        }
    }
    Ok(problems)
}

/// `package check`: every table and column of the manifest exists in the live source with a
/// compatible type. Returns the problems found (empty = compatible).
pub async fn check(manifest: &Path) -> Result<Vec<String>> {
    let version = read_manifest(manifest)?;
    if let Source::Snowflake { schema, .. } = &version.source {
        return check_snowflake(&version, schema).await;
    }
    let Source::Postgres { url, password, schema, .. } = &version.source else {
        return check_files(&version);
    };
    let password = password.as_ref().map(SecretRef::resolve).transpose()?;
    let client = connectors::postgres::connect_once(url, password.as_deref()).await.map_err(|e| e.message)?;
    let mut problems = Vec::new();
    for table in &version.tables {
        let physical_schema = table.physical_schema.as_deref().unwrap_or(schema);
        let live =
            connectors::postgres::introspect(&client, physical_schema, std::slice::from_ref(&table.physical)).await;
        let live = match live {
            Ok(mut tables) if !tables.is_empty() => tables.remove(0),
            _ => {
                problems.push(format!("table {}: {physical_schema}.{} does not exist", table.name, table.physical));
                continue;
            }
        };
        for column in &table.columns {
            match live.columns.iter().find(|(name, ..)| name == &column.physical) {
                None => {
                    problems.push(format!("column {}.{}: {} does not exist", table.name, column.name, column.physical))
                }
                Some((_, ty, nullable, _)) => {
                    let live_type = PgType::parse(ty);
                    let compatible = match live_type {
                        Ok(live_type) => live_type == column.ty || package::diff::widens(live_type, column.ty),
                        Err(_) => false,
                    };
                    if !compatible {
                        problems
                            .push(format!("column {}.{}: declared {}, live {ty}", table.name, column.name, column.ty));
                    }
                    if *nullable && !column.nullable {
                        problems.push(format!(
                            "column {}.{}: declared not null, but the live column allows NULL",
                            table.name, column.name
                        ));
                    }
                }
            }
        }
    }
    Ok(problems)
}

fn check_files(version: &PackageVersion) -> Result<Vec<String>> {
    let Source::Files { format, root, .. } = &version.source else { return Ok(Vec::new()) };
    Ok(version
        .tables
        .iter()
        .map(|t| connectors::generate::table_path(root, *format, t))
        .filter(|p| !p.exists())
        .map(|p| format!("{} does not exist", p.display()))
        .collect())
}

fn read_manifest(path: &Path) -> Result<PackageVersion> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    PackageVersion::from_toml(&text, path).map_err(|e| format!("{}:{}", path.display(), e))
}

/// A version named `name@x.y.z` in the registry, or a manifest file.
pub fn lookup(registry: &Registry, what: &str) -> Result<Arc<PackageVersion>> {
    let path = Path::new(what);
    if what.ends_with(".toml") && path.exists() {
        return read_manifest(path).map(Arc::new);
    }
    let spec = PackageSpec::parse(what)?;
    registry.resolve(&spec).map_err(|e| e.to_string())
}

/// `package diff`: the changes and the bump they need, as printed lines.
pub fn diff_report(old: &PackageVersion, new: &PackageVersion) -> (Bump, Vec<String>) {
    let changes = diff(old, new);
    let bump = required_bump(&changes);
    let lines = changes.iter().map(|c| format!("{:<5}  {}", c.bump.to_string(), c.what)).collect();
    (bump, lines)
}

/// `package publish`: adds a manifest to a registry directory. Refuses a version that exists
/// (published versions are immutable) or whose number does not bump enough for its diff.
pub fn publish(manifest: &Path, registry_dir: &Path) -> Result<PathBuf> {
    let text = std::fs::read_to_string(manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let version = PackageVersion::from_toml(&text, manifest).map_err(|e| format!("{}:{}", manifest.display(), e))?;
    let text = with_absolute_root(&text, &version)?;
    publish_text(&text, &version, registry_dir)
}

fn publish_text(text: &str, version: &PackageVersion, registry_dir: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(registry_dir).map_err(|e| format!("{}: {e}", registry_dir.display()))?;
    let registry = Registry::load_dir(registry_dir).map_err(|e| e.to_string())?;
    let existing = registry.package(&version.name).unwrap_or(&[]);
    if existing.iter().any(|v| v.version == version.version) {
        return Err(format!(
            "{} is already published; published versions are immutable — publish a new version",
            version.id()
        ));
    }
    if let Some(previous) = existing.iter().rev().find(|v| v.version < version.version) {
        let (needed, lines) = diff_report(previous, version);
        let bumped = version_bump(&previous.version, &version.version);
        if bumped < needed {
            return Err(format!(
                "{} → {} is a {bumped} bump, but the schema change needs a {needed} bump:\n  {}",
                previous.id(),
                version.version,
                lines.join("\n  ")
            ));
        }
    }
    let target = registry_dir.join(format!("{}-{}.toml", version.name, version.version));
    if target.exists() {
        return Err(format!("{} exists; published versions are immutable", target.display()));
    }
    std::fs::write(&target, text).map_err(|e| format!("{}: {e}", target.display()))?;
    let hash = ring::digest::digest(&ring::digest::SHA256, text.as_bytes());
    let hex: String = hash.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    std::fs::write(target.with_extension("toml.sha256"), format!("sha256:{hex}  {}\n", version.id()))
        .map_err(|e| e.to_string())?;
    Ok(target)
}

/// A files source's relative `root` is relative to the manifest; a published copy lives elsewhere.
fn with_absolute_root(text: &str, version: &PackageVersion) -> Result<String> {
    match &version.source {
        Source::Files { root, .. } => {
            let mut value: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
            if let Some(source) = value.get_mut("source").and_then(|s| s.as_table_mut()) {
                source.insert("root".into(), toml::Value::String(root.to_string_lossy().into_owned()));
            }
            toml::to_string(&value).map_err(|e| e.to_string())
        }
        Source::Postgres { .. } | Source::Snowflake { .. } => Ok(text.to_string()),
    }
}

/// `package materialize`: copies every table of `source` to Parquet under `to`, streaming with
/// bounded memory, then publishes `name@new_version` served from those files.
pub async fn materialize(registry_dir: &Path, source: &str, to: &Path, new_version: &str) -> Result<PathBuf> {
    let registry = crate::load_registry(registry_dir).map_err(|e| e.to_string())?;
    let version = lookup(&registry, source)?;
    let new_version = semver::Version::parse(new_version).map_err(|e| format!("--version {new_version}: {e}"))?;
    let shared = Arc::new(crate::Shared::new(registry, crate::auth::FrontDoor::trust()));
    let connector = shared.connector(&version).await.map_err(|e| e.message)?;
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let to = to.canonicalize().map_err(|e| e.to_string())?;
    let info = rewrite::SessionInfo {
        database: version.id(),
        user: "packwire".into(),
        version: crate::session::version_string(),
    };
    let target = rewrite::Target::for_source(&version.source);

    let mut tables = Vec::new();
    for table in &version.tables {
        let sql = format!("SELECT * FROM \"{}\"", table.name);
        let statement = rewrite::parse(&sql).map_err(|e| e.to_string())?.remove(0);
        let rewrite::Planned::Query(query) =
            rewrite::plan(statement, &sql, &version, target, &info).map_err(|e| e.to_string())?
        else {
            return Err("internal: SELECT * did not plan as a query".into());
        };
        let prepared = connector.prepare(crate::session::backend_query(&query)).await.map_err(|e| e.message)?;
        let mut stream =
            prepared.execute(Vec::new(), &connectors::QuerySettings::default()).await.map_err(|e| e.message)?;

        let out_table = Table {
            physical: table.name.clone(),
            physical_schema: None,
            path: None,
            columns: table.columns.iter().map(|c| Column { physical: c.name.clone(), ..c.clone() }).collect(),
            ..table.clone()
        };
        let schema = connectors::generate::physical_schema(&out_table);
        let path = connectors::generate::table_path(&to, FilesFormat::Parquet, &out_table);
        let tmp = path.with_extension("parquet.tmp");
        let file = std::fs::File::create(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(64 * 1024))
            .build();
        let mut writer = ArrowWriter::try_new(file, schema.clone(), Some(properties)).map_err(|e| e.to_string())?;
        let progress = indicatif::ProgressBar::new_spinner().with_message(table.name.clone());
        progress.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {msg:>12} {human_pos} rows  {bytes_per_sec}  {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        let (mut rows, mut bytes) = (0u64, 0u64);
        while let Some(batch) = stream.next().await {
            let batch = batch.map_err(|e| connectors::ConnectorError::from(e).message)?;
            let batch = connectors::generate::conform(&rename_to(&batch, &schema)?, &schema).map_err(|e| e.message)?;
            rows += batch.num_rows() as u64;
            bytes += batch.get_array_memory_size() as u64;
            writer.write(&batch).map_err(|e| e.to_string())?;
            progress.set_position(rows);
        }
        writer.close().map_err(|e| e.to_string())?;
        std::fs::rename(&tmp, &path).map_err(|e| e.to_string())?;
        progress.finish_with_message(format!("{} done", table.name));
        eprintln!("{:>12}: {rows} rows, {:.1} MB in memory form → {}", table.name, bytes as f64 / 1e6, path.display());
        tables.push(out_table);
    }
    let materialized = PackageVersion {
        version: new_version,
        source: Source::Files { format: FilesFormat::Parquet, root: to.clone(), generate: None },
        tables,
        description: format!("{} (materialized to Parquet from {})", version.description, version.id()),
        origin: to.join("manifest.toml"),
        // The copy is the new version, not deprecated with the one it was made from.
        deprecation: None,
        ..(*version).clone()
    };
    publish_text(&materialized.to_toml(), &materialized, registry_dir)
}

/// Gives a batch the column names of `schema` (the backend names columns after the logical
/// ones, which the files use too; positions match).
fn rename_to(
    batch: &connectors::datafusion::arrow::record_batch::RecordBatch,
    schema: &connectors::datafusion::arrow::datatypes::SchemaRef,
) -> Result<connectors::datafusion::arrow::record_batch::RecordBatch> {
    use connectors::datafusion::arrow::datatypes::{Field, Schema};
    let fields: Vec<Field> = batch
        .schema()
        .fields()
        .iter()
        .zip(schema.fields())
        .map(|(have, want)| Field::new(want.name(), have.data_type().clone(), true))
        .collect();
    connectors::datafusion::arrow::record_batch::RecordBatch::try_new(
        Arc::new(Schema::new(fields)),
        batch.columns().to_vec(),
    )
    .map_err(|e| e.to_string())
}

/// The default verification queries: counts, per-column aggregates, rows sampled by key at the
/// start, the end and the middle (`row_counts` gives each table's size, for the middle offset).
pub fn default_queries(version: &PackageVersion, row_counts: &std::collections::HashMap<String, i64>) -> Vec<String> {
    let mut queries = Vec::new();
    for table in &version.tables {
        let t = format!("\"{}\"", table.name);
        queries.push(format!("SELECT count(*) FROM {t}"));
        for column in &table.columns {
            let c = format!("\"{}\"", column.name);
            let orderable =
                !matches!(column.ty, PgType::Bool | PgType::Json | PgType::Jsonb | PgType::Bytea | PgType::Uuid);
            let summable = matches!(
                column.ty,
                PgType::Int2 | PgType::Int4 | PgType::Int8 | PgType::Numeric(_) | PgType::Float4 | PgType::Float8
            );
            let mut aggregates = vec![format!("count({c})")];
            if orderable {
                aggregates.push(format!("min({c})"));
                aggregates.push(format!("max({c})"));
            }
            if summable {
                aggregates.push(format!("sum({c})"));
            }
            queries.push(format!("SELECT {} FROM {t}", aggregates.join(", ")));
        }
        if !table.primary_key.is_empty() {
            let key = table.primary_key.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ");
            let key_desc = table.primary_key.iter().map(|k| format!("\"{k}\" DESC")).collect::<Vec<_>>().join(", ");
            queries.push(format!("SELECT * FROM {t} ORDER BY {key} LIMIT 25"));
            queries.push(format!("SELECT * FROM {t} ORDER BY {key_desc} LIMIT 25"));
            let middle = row_counts.get(&table.name).copied().unwrap_or(0) / 2;
            queries.push(format!("SELECT * FROM {t} ORDER BY {key} LIMIT 25 OFFSET {middle}"));
        }
    }
    queries
}

/// Runs `sql` through a session and returns its text rows and how to compare each column.
pub async fn run_query(client: &tokio_postgres::Client, sql: &str) -> Result<(Vec<Row>, Vec<ColumnKind>)> {
    let statement = client.prepare(sql).await.map_err(|e| describe_error(&e))?;
    let kinds = statement
        .columns()
        .iter()
        .map(|c| match *c.type_() {
            tokio_postgres::types::Type::NUMERIC => ColumnKind::Decimal,
            tokio_postgres::types::Type::FLOAT4 | tokio_postgres::types::Type::FLOAT8 => ColumnKind::Float,
            _ => ColumnKind::Exact,
        })
        .collect();
    let rows = client
        .simple_query(sql)
        .await
        .map_err(|e| describe_error(&e))?
        .into_iter()
        .filter_map(|m| match m {
            tokio_postgres::SimpleQueryMessage::Row(row) => {
                Some((0..row.len()).map(|i| row.get(i).map(str::to_string)).collect())
            }
            _ => None,
        })
        .collect();
    Ok((rows, kinds))
}

/// An error as `SQLSTATE: message`.
pub fn describe_error(error: &tokio_postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("{}: {}", db.code().code(), db.message()),
        None => error.to_string(),
    }
}

/// `package verify`: runs the queries on both versions through an in-process server and returns
/// the differences found (empty = the versions agree).
pub async fn verify(
    registry_dir: &Path,
    left: &str,
    right: &str,
    queries: Option<&Path>,
) -> Result<(usize, Vec<String>)> {
    let registry = crate::load_registry(registry_dir).map_err(|e| e.to_string())?;
    let a = lookup(&registry, left)?;
    let b = lookup(&registry, right)?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    crate::spawn_server(listener, registry);
    let connect = |database: String| async move {
        let mut config = tokio_postgres::Config::new();
        config.host("127.0.0.1").port(port).user("packwire-verify").dbname(&database);
        let (client, connection) = config.connect(tokio_postgres::NoTls).await.map_err(|e| describe_error(&e))?;
        tokio::spawn(async move {
            let _ = connection.await;
        });
        Ok::<_, String>(client)
    };
    let left_client = connect(a.id()).await?;
    let right_client = connect(b.id()).await?;
    let queries = match queries {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .split(';')
            .map(str::trim)
            .filter(|q| !q.is_empty() && !q.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with("--")))
            .map(str::to_string)
            .collect(),
        None => {
            let mut counts = std::collections::HashMap::new();
            for table in &a.tables {
                let (rows, _) = run_query(&left_client, &format!("SELECT count(*) FROM \"{}\"", table.name)).await?;
                let count = rows.first().and_then(|r| r.first().cloned().flatten()).and_then(|c| c.parse().ok());
                counts.insert(table.name.clone(), count.unwrap_or(0));
            }
            default_queries(&a, &counts)
        }
    };
    let mut differences = Vec::new();
    for sql in &queries {
        let ordered = is_ordered(sql);
        match (run_query(&left_client, sql).await, run_query(&right_client, sql).await) {
            (Ok((x, kinds)), Ok((y, _))) => {
                if let Some(difference) = first_difference(&x, &y, &kinds, ordered) {
                    differences.push(format!("{sql}\n    {difference}"));
                }
            }
            (Err(x), Err(y)) if x == y => {}
            (x, y) => differences.push(format!(
                "{sql}\n    {}: {}\n    {}: {}",
                a.id(),
                x.err().unwrap_or_else(|| "ok".into()),
                b.id(),
                y.err().unwrap_or_else(|| "ok".into())
            )),
        }
    }
    Ok((queries.len(), differences))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_leave_urls() {
        let (url, password, var) = split_password("postgres://app:s3cr%21t@db:5432/shop?sslmode=require", "shop-eu");
        assert_eq!(url, "postgres://app@db:5432/shop?sslmode=require");
        assert_eq!(password.as_deref(), Some("s3cr!t"));
        assert_eq!(var.as_deref(), Some("SHOP_EU_PASSWORD"));
        let (url, password, _) = split_password("postgres://app@db/shop", "shop");
        assert_eq!(url, "postgres://app@db/shop");
        assert!(password.is_none());
    }
}
