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
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:6432]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
    /// Directory of package manifests [default: the bundled demo registry]
    #[arg(long, value_name = "DIR")]
    pub registry: Option<PathBuf>,
    /// Configuration file (TOML with `listen` and `registry` keys)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
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

/// Settings `serve` reads from `--config`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub listen: Option<String>,
    pub registry: Option<PathBuf>,
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

/// `packwire explain`: plans the statement like a session would and prints the backend SQL and
/// the backend's plan. Nothing is executed.
pub async fn explain(args: ExplainArgs) -> Result<(), String> {
    let registry = crate::load_registry(&registry_dir(args.registry)?).map_err(|e| e.to_string())?;
    let spec = PackageSpec::parse(&args.package)?;
    let version = registry.resolve(&spec).map_err(|e| e.to_string())?;
    let shared = Arc::new(crate::Shared::new(registry));
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
