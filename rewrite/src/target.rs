//! Targets: which engine a rewritten statement is written for and how physical tables are
//! named there. The dialect differences themselves live in `dialect/`, one module per target.

use package::{Source, Table};
use sqlparser::ast::{Ident, ObjectName};

/// The engine a package version's statements are rewritten for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// The embedded DataFusion engine over CSV/Parquet files.
    DataFusion,
    /// A PostgreSQL server.
    Postgres,
    /// Snowflake (upper-case folding: physical names are always quoted exactly).
    Snowflake,
}

/// The schema the embedded engine registers every package table in.
pub const DATAFUSION_SCHEMA: &str = "public";

/// Functions whose value, when it is a whole result column, the target renders exactly as
/// Postgres does under another name: (target, name inside expressions, name as a result column).
pub const RESULT_COLUMN_NAMES: &[(Target, &str, &str)] =
    &[(Target::DataFusion, "pg_avg_decimal", "pg_avg"), (Target::DataFusion, "pg_div_decimal", "pg_div")];

impl Target {
    /// The target that serves a source.
    pub fn for_source(source: &Source) -> Target {
        match source {
            Source::Files { .. } => Target::DataFusion,
            Source::Postgres { .. } => Target::Postgres,
            Source::Snowflake { .. } => Target::Snowflake,
        }
    }

    /// The fully qualified, quoted physical name of a table. Always schema-qualified, so a CTE
    /// of the same name can never capture the reference.
    pub fn physical_table_name(self, source: &Source, table: &Table) -> ObjectName {
        let schema = match (self, source) {
            (Target::Postgres, Source::Postgres { schema, .. }) => {
                table.physical_schema.clone().unwrap_or_else(|| schema.clone())
            }
            (Target::Snowflake, Source::Snowflake { schema, .. }) => {
                table.physical_schema.clone().unwrap_or_else(|| schema.clone())
            }
            (Target::Postgres | Target::Snowflake, _) => {
                table.physical_schema.clone().unwrap_or_else(|| "public".into())
            }
            (Target::DataFusion, _) => DATAFUSION_SCHEMA.to_string(),
        };
        ObjectName::from(vec![Ident::with_quote('"', schema), Ident::with_quote('"', table.physical.clone())])
    }
}
