//! Catalog statements: what clients ask `pg_catalog` and `information_schema` (psql's `\d`,
//! drivers' metadata calls, ORM reflection), and the catalog functions they call.
//!
//! packwire answers these from the pinned version's own catalog (the proxy builds it from the
//! manifest), never from a backend: the backend's physical schema cannot leak, and every backend
//! shows the same catalog. This module recognizes such statements and rewrites the Postgres-only
//! syntax clients use in them into what the catalog engine (DataFusion) reads —
//! `OPERATOR(pg_catalog.~)`, `COLLATE`, `pg_catalog.`-qualified functions and types, casts to
//! `regclass`/`regtype`/`oid`/`name`/`"char"`, `ARRAY(subquery)` — and names every result column
//! as Postgres would.

mod empty;
mod session_values;
mod subqueries;
mod syntax;

use std::collections::HashSet;
use std::ops::ControlFlow;

use sqlparser::ast::{DataType, Expr, Ident, ObjectName, Query, SelectItem, SetExpr, Statement, TableFactor, VisitMut};

use crate::error::RewriteError;
use crate::names::{column_name, normalize, normalize_object_name};

use empty::*;
pub use session_values::{SessionValues, inline_session_values};
use subqueries::*;
use syntax::*;

/// Postgres' catalog schema (always on the search path, first).
pub const CATALOG_SCHEMA: &str = "pg_catalog";

/// The SQL-standard catalog schema.
pub const INFORMATION_SCHEMA: &str = "information_schema";

/// Kind columns and the only kinds packwire's catalog has rows of: base types (`pg_type.typtype`
/// `b`; no composite, domain, enum, pseudo, range or multirange types) and primary keys
/// (`pg_constraint.contype` `p`; no foreign keys, checks, unique or exclusion constraints). A
/// condition asking for another kind never holds (see `empty::impossible_branches`); the proxy's
/// catalog tests check its rows keep to these.
pub const KIND_COLUMNS: &[(&str, &[char])] = &[("typtype", &['b']), ("contype", &['p'])];

/// Catalog relations that are empty in every package: packwire serves no triggers, policies,
/// publications, inheritance, defaults, rules, extended statistics or partitions. The proxy's
/// catalog builds them without rows (its tests check that), which lets this module simplify
/// selects that read them: see [`empty_selects`].
pub const EMPTY_RELATIONS: &[&str] = &[
    "pg_trigger",
    "pg_policy",
    "pg_statistic_ext",
    "pg_publication",
    "pg_publication_rel",
    "pg_publication_namespace",
    "pg_inherits",
    "pg_attrdef",
    "pg_rewrite",
    "pg_partitioned_table",
    "pg_event_trigger",
    "pg_sequence",
    "pg_foreign_table",
    "pg_foreign_server",
    "pg_foreign_data_wrapper",
    "pg_enum",
    "pg_range",
    "pg_views",
    "pg_matviews",
    "pg_extension",
    // No functions of their own (psql's `\df` and pgcli list only those outside pg_catalog).
    "pg_proc",
    "pg_depend",
];

/// Table functions whose result is empty for every package relation (no relation is a
/// partition or partitioned).
const EMPTY_TABLE_FUNCTIONS: &[&str] = &["pg_partition_ancestors", "pg_partition_tree"];

/// Catalog columns that are NULL in every row packwire's catalog has (no options, access lists
/// or per-object settings): `unnest` of one of them is empty. The proxy's catalog tests check it.
pub const NULL_COLUMNS: &[&str] = &[
    "reloptions",
    "relacl",
    "datacl",
    "nspacl",
    "attacl",
    "attoptions",
    "attfdwoptions",
    "proacl",
    "proconfig",
    "spcacl",
    "spcoptions",
    "typacl",
    "lanacl",
    "rolconfig",
    "useconfig",
];

/// Functions only the catalog answers: a statement calling one is a catalog statement.
pub const CATALOG_FUNCTIONS: &[&str] = &[
    "format_type",
    "pg_table_is_visible",
    "pg_type_is_visible",
    "pg_function_is_visible",
    "pg_get_userbyid",
    "pg_get_expr",
    "pg_get_indexdef",
    "pg_get_constraintdef",
    "pg_get_viewdef",
    "pg_get_function_result",
    "pg_get_function_arguments",
    "pg_get_function_identity_arguments",
    "col_description",
    "obj_description",
    "shobj_description",
    "pg_encoding_to_char",
    "has_table_privilege",
    "has_schema_privilege",
    "has_database_privilege",
    "has_column_privilege",
    "has_any_column_privilege",
    "has_function_privilege",
    "has_type_privilege",
    "pg_has_role",
    "to_regtype",
    "to_regclass",
    "to_regnamespace",
    "to_regproc",
    "pg_is_in_recovery",
    "current_schemas",
    "has_sequence_privilege",
    "pg_get_triggerdef",
    "pg_get_statisticsobjdef_columns",
    "pg_table_size",
    "pg_relation_size",
    "pg_total_relation_size",
    "pg_indexes_size",
    "pg_size_pretty",
    "current_setting",
    "pg_backend_pid",
];

/// Functions whose value belongs to the session, not the catalog: [`inline_session_values`]
/// writes their values into the statement before it runs.
pub const SESSION_FUNCTIONS: &[&str] = &["current_setting", "pg_backend_pid"];

/// Aggregates a select may compute over an empty relation (they still return a row).
const AGGREGATES: &[&str] = &[
    "count",
    "sum",
    "min",
    "max",
    "avg",
    "string_agg",
    "array_agg",
    "bool_and",
    "bool_or",
    "every",
    "json_agg",
    "jsonb_agg",
    "json_object_agg",
    "jsonb_object_agg",
    SINGLE_VALUE,
];

/// The `reg*` types: an OID shown as a name.
const REG_TYPES: &[&str] = &["regclass", "regtype", "regproc", "regprocedure", "regnamespace", "regrole"];

/// Whether `statement` reads the catalog: it names a relation in `pg_catalog` or
/// `information_schema` (unqualified `pg_*` names that are not package tables or CTEs included),
/// calls a catalog-only function or casts to a `reg*` type. Only queries are catalog statements.
pub fn is_catalog_statement(statement: &Statement, is_package_table: impl Fn(&str) -> bool) -> bool {
    // Writes and DDL naming the catalog are refused like any other.
    if !matches!(statement, Statement::Query(_)) {
        return false;
    }
    let ctes = cte_names(statement);
    let reads_catalog = sqlparser::ast::visit_relations(statement, |name| {
        let parts = normalize_object_name(name);
        let catalog = match parts.as_slice() {
            [schema, _] | [_, schema, _] => schema == CATALOG_SCHEMA || schema == INFORMATION_SCHEMA,
            [table] => table.starts_with("pg_") && !is_package_table(table) && !ctes.contains(table),
            _ => false,
        };
        if catalog { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
    });
    if reads_catalog.is_break() {
        return true;
    }
    sqlparser::ast::visit_expressions(statement, |expr| {
        let catalog = match expr {
            Expr::Function(function) => CATALOG_FUNCTIONS.contains(&function_name(&function.name).as_str()),
            Expr::Cast { data_type, .. } => REG_TYPES.contains(&type_name(data_type).as_str()),
            _ => false,
        };
        if catalog { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
    })
    .is_break()
}

/// Rewrites a catalog query for the catalog engine (see the module header). Every result
/// column gets its Postgres name as an explicit alias.
pub fn for_catalog_engine(statement: &mut Statement) -> Result<(), RewriteError> {
    let Statement::Query(query) = statement else {
        return Err(RewriteError::unsupported("catalog statements other than queries", 0));
    };
    name_result_columns(&mut query.body);
    name_inner_result_columns(query);
    let mut rewriter = CatalogRewriter { error: None };
    let _ = query.visit(&mut rewriter);
    if let Some(error) = rewriter.error {
        return Err(error);
    }
    impossible_branches(query);
    empty_selects(query);
    single_row_subqueries(query);
    show_reg_names(&mut query.body);
    Ok(())
}

/// The aggregate the catalog engine reads a scalar subquery's one value with.
pub const SINGLE_VALUE: &str = "pg_single_value";

/// The first relation a catalog query names that is neither a CTE nor one `known` accepts
/// (schema — `pg_catalog` when unqualified — and name), as Postgres' 42P01 error.
pub fn check_relations(statement: &Statement, known: impl Fn(&str, &str) -> bool) -> Result<(), RewriteError> {
    let ctes = cte_names(statement);
    struct Tables<'a, F: Fn(&str, &str) -> bool> {
        ctes: &'a HashSet<String>,
        known: F,
        unknown: Option<String>,
    }
    impl<F: Fn(&str, &str) -> bool> sqlparser::ast::Visitor for Tables<'_, F> {
        type Break = ();
        fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<()> {
            let TableFactor::Table { name, args: None, .. } = factor else { return ControlFlow::Continue(()) };
            let parts = normalize_object_name(name);
            let found = match parts.as_slice() {
                [table] => self.ctes.contains(table) || (self.known)(CATALOG_SCHEMA, table),
                [schema, table] | [_, schema, table] => (self.known)(schema, table),
                _ => false,
            };
            if found {
                return ControlFlow::Continue(());
            }
            self.unknown = Some(parts.join("."));
            ControlFlow::Break(())
        }
    }
    let mut tables = Tables { ctes: &ctes, known, unknown: None };
    let _ = sqlparser::ast::Visit::visit(statement, &mut tables);
    match tables.unknown {
        Some(name) => Err(RewriteError::UndefinedTable {
            message: format!("relation \"{name}\" does not exist"),
            hint: None,
            position: 0,
        }),
        None => Ok(()),
    }
}

/// The CTE names a statement defines anywhere.
fn cte_names(statement: &Statement) -> HashSet<String> {
    struct Ctes(HashSet<String>);
    impl sqlparser::ast::Visitor for Ctes {
        type Break = ();
        fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
            if let Some(with) = &query.with {
                self.0.extend(with.cte_tables.iter().map(|cte| normalize(&cte.alias.name)));
            }
            ControlFlow::Continue(())
        }
    }
    let mut ctes = Ctes(HashSet::new());
    let _ = sqlparser::ast::Visit::visit(statement, &mut ctes);
    ctes.0
}

/// A function or type name without its `pg_catalog.` qualifier.
fn function_name(name: &ObjectName) -> String {
    match normalize_object_name(name).as_slice() {
        [schema, name] if schema == CATALOG_SCHEMA => name.clone(),
        parts => parts.join("."),
    }
}

fn type_name(data_type: &DataType) -> String {
    match data_type {
        DataType::Custom(name, modifiers) if modifiers.is_empty() => function_name(name),
        DataType::Char(None) => "bpchar".into(),
        other => other.to_string().to_lowercase(),
    }
}

/// Marks a repeated result column name: the engine wants unique names, Postgres does not
/// (`SELECT c.relname, c2.relname`). The proxy cuts a name at the mark ([`result_name`]).
pub const DUPLICATE_NAME_MARK: char = '\u{1}';

/// The name a client sees for an engine column named by [`name_result_columns`].
pub fn result_name(engine_name: &str) -> &str {
    engine_name.split(DUPLICATE_NAME_MARK).next().unwrap_or(engine_name)
}

/// Gives every select-list item of the outer query its Postgres name as an alias (the engine
/// names columns differently). Set operations take their names from the first branch.
fn name_result_columns(body: &mut SetExpr) {
    match body {
        SetExpr::Select(select) => {
            let mut seen = HashSet::new();
            for (index, item) in select.projection.iter_mut().enumerate() {
                let (name, expr) = match item {
                    SelectItem::UnnamedExpr(expr) => (column_name(expr), expr.clone()),
                    SelectItem::ExprWithAlias { alias, expr } => (normalize(alias), expr.clone()),
                    _ => continue,
                };
                let alias = Ident::with_quote('"', unique_name(&mut seen, name, index));
                *item = SelectItem::ExprWithAlias { expr, alias };
            }
        }
        SetExpr::Query(query) => name_result_columns(&mut query.body),
        // The first branch names the result; the others need unique names for the engine.
        SetExpr::SetOperation { left, right, .. } => {
            name_result_columns(left);
            name_result_columns(right);
        }
        _ => {}
    }
}

/// The columns of CTEs and derived tables without a column list, named as Postgres names them
/// (`WITH w AS (SELECT row_number() OVER (…) …) SELECT row_number FROM w`).
fn name_inner_result_columns(query: &mut Query) {
    struct Inner;
    impl sqlparser::ast::VisitorMut for Inner {
        type Break = ();
        fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
            for cte in query.with.iter_mut().flat_map(|with| with.cte_tables.iter_mut()) {
                if cte.alias.columns.is_empty() {
                    name_result_columns(&mut cte.query.body);
                }
            }
            ControlFlow::Continue(())
        }
        fn pre_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
            if let TableFactor::Derived { subquery, alias, .. } = factor
                && alias.as_ref().is_none_or(|a| a.columns.is_empty())
            {
                name_result_columns(&mut subquery.body);
            }
            ControlFlow::Continue(())
        }
    }
    let _ = query.visit(&mut Inner);
}

/// `name`, or `name` marked with its position when an earlier column has it.
fn unique_name(seen: &mut HashSet<String>, name: String, index: usize) -> String {
    if seen.insert(name.clone()) { name } else { format!("{name}{DUPLICATE_NAME_MARK}{index}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(sql: &str) -> Statement {
        crate::parse::parse(sql).expect("parse").remove(0)
    }

    fn rewritten(sql: &str) -> String {
        let mut statement = statement(sql);
        for_catalog_engine(&mut statement).expect("rewrite");
        statement.to_string()
    }

    #[test]
    fn recognizes_catalog_statements() {
        let package_table = |name: &str| name == "lineitem" || name == "pg_stats_of_mine";
        let catalog = |sql: &str| is_catalog_statement(&statement(sql), package_table);
        assert!(catalog("SELECT * FROM pg_class"));
        assert!(catalog("SELECT * FROM pg_catalog.pg_class c JOIN lineitem l ON true"));
        assert!(catalog("SELECT table_name FROM information_schema.tables"));
        assert!(catalog("SELECT format_type(23, -1)"));
        assert!(catalog("SELECT 'lineitem'::regclass"));
        assert!(!catalog("SELECT * FROM lineitem"));
        assert!(!catalog("SELECT * FROM pg_stats_of_mine"));
        assert!(!catalog("WITH pg_x AS (SELECT 1) SELECT * FROM pg_x"));
        assert!(!catalog("DELETE FROM pg_catalog.pg_class"));
        assert!(!catalog("SELECT version()"));
    }

    #[test]
    fn rewrites_postgres_only_syntax() {
        assert_eq!(
            rewritten(
                "SELECT c.oid, c.relname FROM pg_catalog.pg_class c \
                 WHERE c.relname OPERATOR(pg_catalog.~) '^(x)$' COLLATE pg_catalog.default \
                 AND pg_catalog.pg_table_is_visible(c.oid)"
            ),
            "SELECT c.oid AS \"oid\", c.relname AS \"relname\" FROM pg_catalog.pg_class c \
             WHERE c.relname ~ '^(x)$' AND pg_table_is_visible(c.oid)"
        );
        assert_eq!(
            rewritten("SELECT c.oid::pg_catalog.regclass, x::oid FROM pg_class c WHERE c.oid = 'x'::regclass"),
            "SELECT regclass_name(regclass_oid(c.oid)) AS \"oid\", CAST(x AS BIGINT) AS \"x\" FROM pg_class c \
             WHERE c.oid = regclass_oid('x')"
        );
        assert_eq!(
            rewritten("SELECT CASE WHEN t = 0 THEN '' ELSE t::pg_catalog.regtype::pg_catalog.text END FROM pg_type"),
            "SELECT CASE WHEN t = 0 THEN '' ELSE regtype_name(regtype_oid(t)) END AS \"case\" FROM pg_type"
        );
    }

    #[test]
    fn correlated_scalar_subqueries_read_one_value() {
        assert_eq!(
            rewritten(
                "SELECT (SELECT c.collname FROM pg_collation c, pg_type t WHERE c.oid = a.attcollation \
                 AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS coll FROM pg_attribute a"
            ),
            "SELECT (SELECT pg_single_value(c.collname) FROM pg_collation c, pg_type t WHERE c.oid = a.attcollation \
             AND t.oid = a.atttypid AND c.oid <> t.typcollation) AS \"coll\" FROM pg_attribute a"
        );
    }

    #[test]
    fn array_subqueries_become_aggregates() {
        assert_eq!(
            rewritten("SELECT array(SELECT a.attname FROM pg_attribute a ORDER BY a.attnum) FROM pg_class"),
            "SELECT (SELECT array_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a) AS \"array\" FROM pg_class"
        );
    }

    #[test]
    fn selects_from_empty_relations_return_no_rows_and_keep_names() {
        assert_eq!(
            rewritten(
                "SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true) FROM pg_catalog.pg_trigger t \
                 WHERE t.tgrelid = '1' ORDER BY 1"
            ),
            "SELECT t.tgname AS \"tgname\", NULL AS \"pg_get_triggerdef\" FROM pg_catalog.pg_trigger t \
             WHERE false"
        );
        // Aggregates still return their row over no input.
        assert_eq!(rewritten("SELECT count(*) FROM pg_trigger"), "SELECT count(*) AS \"count\" FROM pg_trigger");
        // No relation is partitioned: ancestors are empty, also as a set-returning select item.
        assert_eq!(
            rewritten("SELECT x FROM pg_class WHERE oid IN (SELECT pg_partition_ancestors('1') UNION ALL VALUES (1))"),
            "SELECT x AS \"x\" FROM pg_class WHERE oid IN (SELECT NULL AS \"pg_partition_ancestors\" WHERE false \
             UNION ALL VALUES (1))"
        );
        assert_eq!(
            rewritten("SELECT (SELECT string_agg(x, ',') FROM pg_catalog.unnest(c.reloptions) x) FROM pg_class c"),
            "SELECT (SELECT string_agg(x, ',') FROM (SELECT CAST(NULL AS TEXT) AS \"x\" WHERE false) x) \
             AS \"string_agg\" FROM pg_class c"
        );
    }
}
