//! The catalog a package version shows its clients: `pg_catalog` and `information_schema`
//! generated from the manifest (`model.rs`), with the columns of Postgres' own relations
//! (`columns.rs`) and the functions catalog queries call (`functions.rs`), served by an
//! in-memory DataFusion engine. The rewrite (`rewrite::catalog`) routes catalog statements here;
//! nothing of them reaches a backend, so every backend of a version shows the same catalog and
//! the backend's physical schema never leaks.

mod columns;
mod functions;
mod keywords;
mod model;
mod single_value;
mod tables;

use std::sync::Arc;

use connectors::datafusion::catalog::MemorySchemaProvider;
use connectors::datafusion::common::TableReference;
use connectors::datafusion::datasource::MemTable;
use connectors::embedded::{EmbeddedEngine, postgres_context};
use connectors::{Connector, ConnectorError};
use package::PackageVersion;

pub use functions::format_type;

/// Whether the catalog has relation `schema.name`.
pub fn has_relation(schema: &str, name: &str) -> bool {
    columns::RELATIONS.iter().any(|r| r.schema == schema && r.name == name)
}

/// Builds the catalog engine of `package` as `user` sees it; `version` is what `version()` says.
pub fn open(package: &PackageVersion, user: &str, version: String) -> Result<Arc<dyn Connector>, ConnectorError> {
    let model = Arc::new(model::Model::new(package, user));
    let ctx = postgres_context(rewrite::catalog::CATALOG_SCHEMA)?;
    if let Some(catalog) = ctx.catalog("datafusion") {
        catalog.register_schema(rewrite::catalog::INFORMATION_SCHEMA, Arc::new(MemorySchemaProvider::new()))?;
    }
    for relation in columns::RELATIONS {
        let rows = model.rows(relation.schema, relation.name);
        let batch = tables::batch(relation.columns, &rows)?;
        let table = MemTable::try_new(batch.schema(), vec![vec![batch]])?;
        ctx.register_table(TableReference::partial(relation.schema, relation.name), Arc::new(table))?;
    }
    for function in functions::functions(model, version) {
        ctx.register_udf(function);
    }
    ctx.register_udaf(single_value::single_value());
    ctx.register_udtf("pg_get_keywords", Arc::new(keywords::PgGetKeywords::new()?));
    Ok(Arc::new(EmbeddedEngine::over(ctx)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package() -> PackageVersion {
        let manifest = r#"
[package]
name = "shop"
version = "1.0.0"
description = "Orders"
[source]
kind = "files"
format = "parquet"
root = "data"
[[tables]]
name = "orders"
description = "One row per order"
primary_key = ["id"]
columns = [
  { name = "id", type = "int8", nullable = false, description = "Order id" },
  { name = "total", type = "numeric(12,2)" },
]
"#;
        PackageVersion::from_toml(manifest, std::path::Path::new("/r/shop.toml")).expect("manifest")
    }

    /// The rewrite empties selects over these relations and `unnest`s of these columns, and
    /// takes kinds of type and constraint it does not list for absent: the catalog must have no
    /// rows, values or kinds there.
    #[test]
    fn what_the_rewrite_assumes_empty_is_empty() {
        let model = model::Model::new(&package(), "app");
        for relation in columns::RELATIONS {
            let rows = model.rows(relation.schema, relation.name);
            if relation.schema == "pg_catalog" && rewrite::catalog::EMPTY_RELATIONS.contains(&relation.name) {
                assert!(rows.is_empty(), "{} has rows", relation.name);
            }
            for row in &rows {
                for (column, value) in row {
                    assert!(!rewrite::catalog::NULL_COLUMNS.contains(column), "{}.{column} has a value", relation.name);
                    // Kinds the rewrite takes for absent (`typtype = 'd'` never holds) are absent.
                    if let Some((_, kinds)) = rewrite::catalog::KIND_COLUMNS.iter().find(|(name, _)| name == column) {
                        let present = kinds.iter().any(|kind| *value == tables::Cell::from(*kind));
                        assert!(present, "{}.{column} = {value:?}", relation.name);
                    }
                }
            }
        }
        for name in rewrite::catalog::EMPTY_RELATIONS {
            assert!(has_relation("pg_catalog", name), "{name} is not a catalog relation");
        }
    }

    /// Every function that makes a statement a catalog statement is one the engine has (or one
    /// the session writes in before the engine sees it).
    #[test]
    fn every_catalog_function_is_registered() {
        let model = std::sync::Arc::new(model::Model::new(&package(), "app"));
        let registered: Vec<String> =
            functions::functions(model, "v".into()).iter().map(|f| f.name().to_string()).collect();
        for name in rewrite::catalog::CATALOG_FUNCTIONS {
            assert!(
                registered.iter().any(|r| r == name) || rewrite::catalog::SESSION_FUNCTIONS.contains(name),
                "{name} is not registered"
            );
        }
    }

    #[test]
    fn the_catalog_builds_and_describes_the_package() {
        let model = model::Model::new(&package(), "app");
        let classes = model.rows("pg_catalog", "pg_class");
        let orders = classes.iter().find(|row| row.contains(&("relname", "orders".into()))).expect("orders");
        assert!(orders.contains(&("oid", tables::Cell::Int(16400))));
        assert!(orders.contains(&("relnamespace", tables::Cell::Int(model::PUBLIC))));
        let index = model.index_definition(16401).expect("primary key index");
        assert_eq!(index, "CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)");
        assert_eq!(model.constraint_definition(16402).as_deref(), Some("PRIMARY KEY (id)"));
        for relation in columns::RELATIONS {
            let rows = model.rows(relation.schema, relation.name);
            tables::batch(relation.columns, &rows).unwrap_or_else(|e| panic!("{}: {e}", relation.name));
        }
        assert!(open(&package(), "app", "v".into()).is_ok());
    }
}
