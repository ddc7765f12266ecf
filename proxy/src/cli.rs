//! The `packwire` command line: `serve` and `explain` (more subcommands arrive with the package
//! tooling). Help texts follow cargo's style: a summary, options, then examples.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use package::PackageSpec;

use crate::errors::PgError;

/// packwire: versioned data packages over the Postgres wire protocol.
#[derive(Debug, Parser)]
#[command(
    name = "packwire",
    version,
    about = "Serve versioned data packages over the Postgres wire protocol",
    long_about = "Serve versioned data packages over the Postgres wire protocol.\n\n\
                  Apps connect with any Postgres client and pin a package version in the database name \
                  (`tpch@1.0.0`, `tpch@1`); packwire validates each statement against that version's schema, \
                  rewrites it for the version's source and streams the rows back.",
    after_help = "Examples:\n  \
                  packwire serve                                   # the bundled TPC-H demo on 127.0.0.1:6432\n  \
                  packwire serve --registry ./registry --listen 0.0.0.0:6432\n  \
                  packwire explain tpch@1.1.0 'select count(*) from nation'\n\n\
                  See 'packwire help <command>' for more on a command."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve a registry of packages (the bundled demo when none is given)
    #[command(after_help = "Examples:\n  \
        packwire serve\n  \
        packwire serve --listen 127.0.0.1:7432 --registry ./registry\n  \
        packwire serve --config /etc/packwire/packwire.toml\n\n\
        Then: psql \"postgres://localhost:6432/tpch@1.0.0\" -c 'select count(*) from nation'")]
    Serve(ServeArgs),
    /// Show exactly what a statement becomes on a package version's backend (a dry run)
    #[command(after_help = "Examples:\n  \
        packwire explain tpch@1.1.0 'select n_name from nation where n_regionkey = 1'\n  \
        packwire explain --registry ./registry shop@2 'select * from orders limit 5'")]
    Explain(ExplainArgs),
    /// Create, check, compare, publish, materialize and verify package versions
    #[command(subcommand)]
    Package(PackageCommand),
    /// Manage the users file: password verifiers and package grants
    #[command(subcommand)]
    User(UserCommand),
    /// Check a server configuration (file and PACKWIRE_* variables) without serving
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Generate the data files of a manifest whose source has `generate` (used by `serve` in a
    /// child process, so the generator's 300 MB text pool never stays in the server)
    #[command(hide = true)]
    GenerateData {
        /// The manifest file
        manifest: PathBuf,
    },
}

/// `packwire config …`
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Load the configuration as `serve` would — the file, PACKWIRE_* variables over it, the
    /// users file, the TLS certificate and key, every manifest of the registry — and print the
    /// settings in effect; fails on the first problem
    #[command(after_help = "Examples:\n  \
        packwire config check --config /etc/packwire/packwire.toml\n  \
        PACKWIRE_LIMITS_MAX_CONNECTIONS=200 packwire config check --config packwire.toml\n\n\
        Every key and its default: docs/config.md.")]
    Check {
        /// Configuration file (TOML)
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

/// `packwire user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user (or change its password and grants); prompts for the password
    #[command(after_help = "Examples:\n  \
        packwire user add analytics --users /etc/packwire/users.toml --grant 'shop@^2' --grant 'tpch@*'\n  \
        echo \"$PASSWORD\" | packwire user add ci --users users.toml --grant '*' --max-connections 5\n\n\
        The file stores a SCRAM-SHA-256 verifier (or, with --md5, Postgres' md5 hash), never the password.\n\
        Without --grant, an existing user keeps its grants.")]
    Add {
        /// The user name clients connect as
        name: String,
        /// The users file (created if missing, written readable by its owner only)
        #[arg(long, value_name = "FILE")]
        users: PathBuf,
        /// A package version range the user may use: `name@requirement`, `name` or `*` (repeatable)
        #[arg(long = "grant", value_name = "PACKAGE")]
        grants: Vec<String>,
        /// Most connections at once for this user
        #[arg(long, value_name = "N")]
        max_connections: Option<usize>,
        /// Store an MD5 hash instead of a SCRAM verifier (only for clients that cannot do SCRAM)
        #[arg(long)]
        md5: bool,
        /// May open the admin console (`psql …/packwire`)
        #[arg(long)]
        admin: bool,
    },
}

/// `packwire package …`
#[derive(Debug, Subcommand)]
pub enum PackageCommand {
    /// Write a manifest by introspecting a live Postgres or Snowflake schema
    #[command(after_help = "Examples:\n  \
        packwire package init --from postgres://app@db:5432/shop --name shop --version 1.0.0 --out registry/shop-1.0.0.toml\n  \
        packwire package init --from postgres://app:secret@db/shop --schema sales --tables orders,customers --name shop --version 1.0.0\n  \
        packwire package init --from 'snowflake://APP@xy12345.eu-west-1/SHOP?warehouse=WH&private_key=keys/app.p8' --schema PUBLIC --name shop --version 1.3.0\n\n\
        A password in --from never reaches the manifest: it becomes a ${NAME_PASSWORD} reference, named on stderr.")]
    Init {
        /// The database to introspect (postgres://user[:password]@host:port/db or
        /// snowflake://USER[:password]@ACCOUNT/DATABASE[?warehouse=…&role=…&private_key=PATH&url=…])
        #[arg(long, value_name = "URL")]
        from: String,
        /// The schema holding the tables
        #[arg(long, default_value = "public")]
        schema: String,
        /// Only these tables (comma-separated)
        #[arg(long, value_delimiter = ',')]
        tables: Vec<String>,
        /// Package name
        #[arg(long)]
        name: String,
        /// Package version (semver)
        #[arg(long)]
        version: String,
        /// Write the manifest here instead of stdout
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(flatten)]
        registry: RegistryArg,
    },
    /// Check a manifest against its live source: every table and column exists with a compatible type
    #[command(after_help = "Examples:\n  packwire package check registry/shop-1.2.0.toml")]
    Check {
        /// The manifest file
        manifest: PathBuf,
        #[command(flatten)]
        registry: RegistryArg,
    },
    /// Show the schema difference between two versions and the semver bump it needs
    #[command(
        after_help = "Examples:\n  packwire package diff shop@1.2.0 shop@1.3.0\n  packwire package diff shop@1.2.0 new/shop-2.0.0.toml"
    )]
    Diff {
        /// Old version (`name@x.y.z`) or manifest file
        old: String,
        /// New version (`name@x.y.z`) or manifest file
        new: String,
        #[command(flatten)]
        registry: RegistryArg,
    },
    /// Add a manifest to a registry (refuses overwrites and too-small version bumps)
    #[command(after_help = "Examples:\n  packwire package publish shop-1.3.0.toml --registry /srv/packwire/registry")]
    Publish {
        /// The manifest file
        manifest: PathBuf,
        #[command(flatten)]
        registry: RegistryArg,
    },
    /// Copy every table of a version to Parquet files and publish the copy as a new version
    #[command(
        after_help = "Examples:\n  packwire package materialize shop@1.2.0 --to /data/shop-1.3.0 --version 1.3.0 --registry ./registry"
    )]
    Materialize {
        /// The version to copy (`name@x.y.z`)
        source: String,
        /// Directory for the Parquet files
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
        /// The version number of the copy
        #[arg(long)]
        version: String,
        #[command(flatten)]
        registry: RegistryArg,
    },
    /// Run the same queries on two versions and report every difference
    #[command(
        after_help = "Examples:\n  packwire package verify shop@1.2.0 shop@1.3.0\n  packwire package verify shop@1.2.0 shop@1.3.0 --queries app-queries.sql\n\n\
        Without --queries: row counts, per-column count/min/max/sum, and rows sampled by primary key."
    )]
    Verify {
        /// One version (`name@x.y.z`)
        left: String,
        /// The other version
        right: String,
        /// A file of `;`-separated queries to run instead of the generated set
        #[arg(long, value_name = "FILE")]
        queries: Option<PathBuf>,
        #[command(flatten)]
        registry: RegistryArg,
    },
}

/// `--registry DIR` of the package tools.
#[derive(Debug, clap::Args)]
pub struct RegistryArg {
    /// Directory of package manifests [default: the bundled demo registry]
    #[arg(long, value_name = "DIR")]
    pub registry: Option<PathBuf>,
}

/// Runs a `packwire package` subcommand.
pub async fn package(command: PackageCommand) -> Result<(), String> {
    use crate::tooling;
    match command {
        PackageCommand::Init { from, schema, tables, name, version, out, registry: _ } => {
            let text = tooling::init(&from, &schema, &tables, &name, &version).await?;
            match out {
                Some(path) => {
                    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
                    eprintln!("wrote {}", path.display());
                }
                None => print!("{text}"),
            }
            Ok(())
        }
        PackageCommand::Check { manifest, registry: _ } => {
            let problems = tooling::check(&manifest).await?;
            if problems.is_empty() {
                println!("{}: every table and column matches the live source", manifest.display());
                Ok(())
            } else {
                for problem in &problems {
                    println!("mismatch: {problem}");
                }
                Err(format!("{} mismatches", problems.len()))
            }
        }
        PackageCommand::Diff { old, new, registry } => {
            let registry = crate::load_registry(&registry_dir(registry.registry)?).map_err(|e| e.to_string())?;
            let old = tooling::lookup(&registry, &old)?;
            let new = tooling::lookup(&registry, &new)?;
            let (bump, lines) = tooling::diff_report(&old, &new);
            println!("{} → {}: {bump}", old.id(), new.id());
            for line in lines {
                println!("  {line}");
            }
            Ok(())
        }
        PackageCommand::Publish { manifest, registry } => {
            let dir = registry_dir(registry.registry)?;
            let path = tooling::publish(&manifest, &dir)?;
            println!("published {}", path.display());
            Ok(())
        }
        PackageCommand::Materialize { source, to, version, registry } => {
            let dir = registry_dir(registry.registry)?;
            let path = tooling::materialize(&dir, &source, &to, &version).await?;
            println!("published {}", path.display());
            Ok(())
        }
        PackageCommand::Verify { left, right, queries, registry } => {
            let dir = registry_dir(registry.registry)?;
            let (count, differences) = tooling::verify(&dir, &left, &right, queries.as_deref()).await?;
            for difference in &differences {
                println!("DIFFERENT: {difference}");
            }
            if differences.is_empty() {
                println!("{left} and {right} agree on all {count} queries");
                Ok(())
            } else {
                Err(format!("{} of {count} queries differ", differences.len()))
            }
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:6432]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
    /// Directory of package manifests [default: the bundled demo registry]
    #[arg(long, value_name = "DIR")]
    pub registry: Option<PathBuf>,
    /// Configuration file (TOML: `listen`, `registry`, `[tls]`, `[auth]`, `[limits]`)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Authentication method: trust, md5 or scram-sha-256 [default: trust for the bundled demo
    /// on loopback, else scram-sha-256]
    #[arg(long, value_name = "METHOD")]
    pub auth: Option<crate::auth::Method>,
    /// Users file (verifiers and grants, written by `packwire user add`)
    #[arg(long, value_name = "FILE")]
    pub users: Option<PathBuf>,
    /// Address of the HTTP listener for /metrics (Prometheus), /healthz and /readyz [default:
    /// none]
    #[arg(long, value_name = "ADDR")]
    pub metrics: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// Package and version, as a client would pin it (`tpch@1.1.0`, `tpch@1`)
    pub package: String,
    /// The SQL statement, as the client would send it
    pub sql: String,
    /// Directory of package manifests [default: the bundled demo registry]
    #[arg(long, value_name = "DIR")]
    pub registry: Option<PathBuf>,
}

/// `packwire user …`.
pub fn user(command: UserCommand) -> Result<(), String> {
    match command {
        UserCommand::Add { name, users, grants, max_connections, md5, admin } => {
            for grant in &grants {
                crate::auth::users::Grant::parse(grant)?;
            }
            let mut file = crate::auth::users::UsersFile::read(&users)?;
            let password = read_password(&name)?;
            let verifier = if md5 {
                crate::auth::exchange::md5_verifier(&password, &name)
            } else {
                crate::auth::exchange::scram_verifier(&password)
            };
            let previous = file.users.remove(&name);
            let grants = match (grants.is_empty(), &previous) {
                (true, Some(previous)) => previous.grants.clone(),
                _ => grants,
            };
            let max_connections = max_connections.or(previous.as_ref().and_then(|p| p.max_connections));
            let admin = admin || previous.is_some_and(|p| p.admin);
            if grants.is_empty() {
                eprintln!("note: {name} has no grants yet and cannot use any package (add --grant)");
            }
            file.users.insert(
                name.clone(),
                crate::auth::users::UserEntry { password: verifier, grants, max_connections, admin },
            );
            file.ensure_mock_secret()?;
            file.write(&users)?;
            eprintln!("{name} saved in {}", users.display());
            Ok(())
        }
    }
}

/// The new password: prompted twice without echo on a terminal, else one line of stdin.
fn read_password(user: &str) -> Result<String, String> {
    use std::io::IsTerminal;
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(format!("Password for {user}: ")).map_err(|e| e.to_string())?;
        let again = rpassword::prompt_password("Again: ").map_err(|e| e.to_string())?;
        if first != again {
            return Err("the passwords do not match".to_string());
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map_err(|e| e.to_string())?;
        line.trim_end_matches(['\r', '\n']).to_string()
    };
    if password.is_empty() {
        return Err("an empty password is not allowed".to_string());
    }
    Ok(password)
}

/// The default listen address.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:6432";

/// The registry directory to use: the one given, else the bundled demo (installed on demand).
pub fn registry_dir(given: Option<PathBuf>) -> Result<PathBuf, String> {
    match given {
        Some(dir) => Ok(dir),
        None => {
            crate::demo::install(&crate::demo::data_dir()).map_err(|e| format!("cannot install the demo registry: {e}"))
        }
    }
}

/// `packwire config check`: everything `serve` would load, loaded and summarized.
pub fn config(command: ConfigCommand) -> Result<(), String> {
    let ConfigCommand::Check { config } = command;
    let file = crate::config::ConfigFile::load(config.as_deref(), std::env::vars())?;
    let listen = file.listen.clone().unwrap_or_else(|| DEFAULT_LISTEN.to_string());
    let address: std::net::SocketAddr =
        listen.parse().map_err(|e| format!("listen `{listen}` is not an address like 0.0.0.0:6432: {e}"))?;
    if let Some(metrics) = &file.metrics {
        metrics.parse::<std::net::SocketAddr>().map_err(|e| format!("metrics `{metrics}`: {e}"))?;
    }
    let demo = file.registry.is_none();
    let front = file.front_door(None, None, demo, address)?;
    let registry_dir = registry_dir(file.registry.clone())?;
    let registry =
        package::Registry::load_dir(&registry_dir).map_err(|e| format!("{}: {e}", registry_dir.display()))?;
    if let Some(problem) = registry.problems().first() {
        return Err(format!("registry: {problem}"));
    }
    let limits = &front.limits;
    println!("configuration OK");
    println!("  listen            {address}");
    println!("  metrics           {}", file.metrics.as_deref().unwrap_or("(off)"));
    println!("  registry          {} ({} versions)", registry_dir.display(), registry.versions().count());
    println!("  registry_poll     {:?}", file.registry_poll()?);
    println!("  auth              {:?}{}", front.method, if front.tls.is_some() { ", TLS" } else { "" });
    println!("  require_tls       {}", front.require_tls);
    println!("  max_connections   {}", limits.max_connections);
    println!(
        "  statement_timeout {} ms (ceiling: {} ms)",
        limits.statement_timeout_ms, limits.max_statement_timeout_ms
    );
    println!("  shutdown_timeout  {:?}", limits.shutdown_timeout);
    println!("  after_sunset      {}", if limits.refuse_after_sunset { "refuse" } else { "warn" });
    Ok(())
}

/// `packwire generate-data MANIFEST`: writes the files of a generated dataset.
pub fn generate_data(manifest: &std::path::Path) -> Result<(), String> {
    let text = std::fs::read_to_string(manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let version =
        package::PackageVersion::from_toml(&text, manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    connectors::generate::ensure_generated(&version).map_err(|e| e.message)
}

/// Generates a version's missing data in a child process (`packwire generate-data`), so the
/// generator's memory is returned to the system when it exits. Falls back to generating on
/// first use in-process if the child cannot run.
pub async fn generate_in_child(version: &package::PackageVersion) {
    if !connectors::generate::needs_generation(version) {
        return;
    }
    let Ok(exe) = std::env::current_exe() else { return };
    tracing::info!(package = %version.id(), "generating demo data (first start only)");
    let origin = version.origin.clone();
    let status =
        tokio::task::spawn_blocking(move || std::process::Command::new(exe).arg("generate-data").arg(origin).status())
            .await;
    if !matches!(status, Ok(Ok(s)) if s.success()) {
        tracing::warn!(package = %version.id(), ?status, "data generation in a child process failed; generating in-process");
    }
}

/// `packwire explain`: plans the statement like a session would and prints the backend SQL and
/// the backend's plan. Nothing is executed.
pub async fn explain(args: ExplainArgs) -> Result<(), String> {
    let registry = crate::load_registry(&registry_dir(args.registry)?).map_err(|e| e.to_string())?;
    let spec = PackageSpec::parse(&args.package)?;
    let version = registry.resolve(&spec).map_err(|e| e.to_string())?;
    let shared = Arc::new(crate::Shared::new(registry, crate::auth::FrontDoor::trust()));
    let connector = shared.connector(&version).await.map_err(|e| e.message)?;
    let info = rewrite::SessionInfo {
        database: version.id(),
        user: std::env::var("USER").unwrap_or_else(|_| "packwire".into()),
        version: crate::session::version_string(),
    };
    let show = |e: PgError| {
        let mut text = format!("ERROR {}: {}", e.code, e.message);
        if let Some(hint) = e.hint {
            text.push_str(&format!("\nHINT: {hint}"));
        }
        text
    };
    let mut statements = rewrite::parse(&args.sql).map_err(|e| show(e.into()))?;
    if statements.len() != 1 {
        return Err("give exactly one statement".into());
    }
    let planned =
        rewrite::plan(statements.remove(0), &args.sql, &version, rewrite::Target::for_source(&version.source), &info)
            .map_err(|e| show(e.into()))?;
    let query = match planned {
        rewrite::Planned::Query(query) | rewrite::Planned::Explain { query, .. } => query,
        rewrite::Planned::Session(command) => {
            println!(
                "{}: answered by the packwire session itself ({command:?}); nothing reaches the backend",
                version.id()
            );
            return Ok(());
        }
        rewrite::Planned::Catalog { statement, .. } => {
            println!("{}: answered from packwire's catalog of the package:\n  {statement}", version.id());
            return Ok(());
        }
    };
    println!("package:  {} ({} source)", version.id(), version.source.kind());
    println!("tables:   {}", query.tables.join(", "));
    println!("columns:  {}", query.columns.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", "));
    println!("backend statement:\n  {}", query.sql);
    println!("backend plan:");
    for line in connector.explain(&query.statement, false).await.map_err(|e| e.message)? {
        println!("  {line}");
    }
    Ok(())
}
