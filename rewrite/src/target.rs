//! Targets: the dialect a rewritten statement is written in and how physical tables are named.
//! Dialect translation tables grow here, one module per target, as backends are added.

use package::{Source, Table};
use sqlparser::ast::{Ident, ObjectName};

/// The engine a package version's statements are rewritten for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// The embedded DataFusion engine over CSV/Parquet files.
    DataFusion,
    /// A PostgreSQL server.
    Postgres,
}

/// The schema the embedded engine registers every package table in.
pub const DATAFUSION_SCHEMA: &str = "public";

/// Postgres functions each target spells differently: (target, Postgres name, target name).
/// The embedded engine's `pg_*` functions compute exactly what Postgres computes.
const FUNCTION_NAMES: &[(Target, &str, &str)] = &[(Target::DataFusion, "avg", "pg_avg_decimal")];

/// Functions whose value, when it is a whole result column, the target renders exactly as
/// Postgres does under another name: (target, name inside expressions, name as a result column).
pub const RESULT_COLUMN_NAMES: &[(Target, &str, &str)] = &[(Target::DataFusion, "pg_avg_decimal", "pg_avg")];

impl Target {
    /// The name `target` uses for Postgres function `name`, when it differs.
    pub fn function_name(self, name: &str) -> Option<&'static str> {
        FUNCTION_NAMES.iter().find(|(t, from, _)| *t == self && *from == name).map(|(_, _, to)| *to)
    }

    /// The target that serves a source.
    pub fn for_source(source: &Source) -> Target {
        match source {
            Source::Files { .. } => Target::DataFusion,
            Source::Postgres { .. } => Target::Postgres,
        }
    }

    /// The fully qualified, quoted physical name of a table. Always schema-qualified, so a CTE
    /// of the same name can never capture the reference.
    pub fn physical_table_name(self, source: &Source, table: &Table) -> ObjectName {
        let schema = match (self, source) {
            (Target::Postgres, Source::Postgres { schema, .. }) => {
                table.physical_schema.clone().unwrap_or_else(|| schema.clone())
            }
            (Target::Postgres, _) => table.physical_schema.clone().unwrap_or_else(|| "public".into()),
            (Target::DataFusion, _) => DATAFUSION_SCHEMA.to_string(),
        };
        ObjectName::from(vec![Ident::with_quote('"', schema), Ident::with_quote('"', table.physical.clone())])
    }
}
