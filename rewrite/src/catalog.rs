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

use std::collections::HashSet;
use std::ops::ControlFlow;

use sqlparser::ast::{
    BinaryOperator, CastKind, DataType, Expr, Function, FunctionArg, FunctionArgExpr, FunctionArguments, Ident,
    ObjectName, Query, Select, SelectItem, SetExpr, Statement, TableFactor, Value, VisitorMut,
};

use crate::error::RewriteError;
use crate::names::{column_name, normalize, normalize_object_name};

/// Postgres' catalog schema (always on the search path, first).
pub const CATALOG_SCHEMA: &str = "pg_catalog";
/// The SQL-standard catalog schema.
pub const INFORMATION_SCHEMA: &str = "information_schema";

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
    let mut rewriter = CatalogRewriter { error: None };
    let _ = query.visit(&mut rewriter);
    if let Some(error) = rewriter.error {
        return Err(error);
    }
    empty_selects(query);
    single_row_subqueries(query);
    show_reg_names(&mut query.body);
    Ok(())
}

/// The aggregate the catalog engine reads a scalar subquery's one value with.
pub const SINGLE_VALUE: &str = "pg_single_value";

/// `(SELECT x FROM … WHERE outer.c = …)` → `(SELECT pg_single_value(x) FROM …)`: DataFusion
/// plans a correlated scalar subquery only when it aggregates, and [`SINGLE_VALUE`] is the
/// aggregate that answers as the subquery does (NULL, the one value, or Postgres' error 21000).
/// Subqueries that aggregate, group or limit are left as they are.
fn single_row_subqueries(query: &mut Query) {
    struct Single;
    impl VisitorMut for Single {
        type Break = ();
        fn post_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
            let Expr::Subquery(query) = expr else { return ControlFlow::Continue(()) };
            if query.limit_clause.is_some() || query.fetch.is_some() {
                return ControlFlow::Continue(());
            }
            let SetExpr::Select(select) = query.body.as_mut() else { return ControlFlow::Continue(()) };
            if has_aggregate(select) || select.distinct.is_some() {
                return ControlFlow::Continue(());
            }
            let [SelectItem::UnnamedExpr(item) | SelectItem::ExprWithAlias { expr: item, .. }] =
                select.projection.as_mut_slice()
            else {
                return ControlFlow::Continue(());
            };
            *item = crate::dialect::function_call(SINGLE_VALUE, vec![item.clone()]);
            substitute_correlated(select);
            // The order of at most one row does not matter.
            query.order_by = None;
            ControlFlow::Continue(())
        }
    }
    let _ = query.visit(&mut Single);
}

/// In a subquery filtered by `inner.x = outer.y`, other conditions on `outer.y` may read
/// `inner.x` instead (they are equal on every row the filter keeps): psql's
/// `c.oid = a.attcollation AND … AND a.attcollation <> t.typcollation` becomes decorrelatable,
/// since DataFusion pulls up only equalities with the outer query.
fn substitute_correlated(select: &mut Select) {
    let inner: HashSet<String> = select
        .from
        .iter()
        .flat_map(|from| std::iter::once(&from.relation).chain(from.joins.iter().map(|j| &j.relation)))
        .filter_map(|factor| match factor {
            TableFactor::Table { alias: Some(alias), .. } | TableFactor::Derived { alias: Some(alias), .. } => {
                Some(normalize(&alias.name))
            }
            TableFactor::Table { name, .. } => normalize_object_name(name).last().cloned(),
            _ => None,
        })
        .collect();
    let qualifier = |expr: &Expr| match expr {
        Expr::CompoundIdentifier(parts) if parts.len() == 2 => Some(normalize(&parts[0])),
        _ => None,
    };
    let Some(selection) = select.selection.take() else { return };
    let mut conjuncts = Vec::new();
    split_and(selection, &mut conjuncts);
    // outer column → the inner column it equals.
    let mut equal: Vec<(Expr, Expr)> = Vec::new();
    for conjunct in &conjuncts {
        if let Expr::BinaryOp { left, op: BinaryOperator::Eq, right } = conjunct
            && let (Some(l), Some(r)) = (qualifier(left), qualifier(right))
        {
            match (inner.contains(&l), inner.contains(&r)) {
                (true, false) => equal.push(((**right).clone(), (**left).clone())),
                (false, true) => equal.push(((**left).clone(), (**right).clone())),
                _ => {}
            }
        }
    }
    for conjunct in &mut conjuncts {
        let is_equality = matches!(conjunct, Expr::BinaryOp { op: BinaryOperator::Eq, left, right }
            if equal.iter().any(|(outer, inner)| (**left == *outer && **right == *inner) || (**left == *inner && **right == *outer)));
        if is_equality {
            continue;
        }
        let _ = sqlparser::ast::visit_expressions_mut(conjunct, |expr| {
            if let Some((_, inner)) = equal.iter().find(|(outer, _)| outer == expr) {
                *expr = inner.clone();
            }
            ControlFlow::<()>::Continue(())
        });
    }
    select.selection = conjuncts.into_iter().reduce(|a, b| Expr::BinaryOp {
        left: Box::new(a),
        op: BinaryOperator::And,
        right: Box::new(b),
    });
}

fn split_and(expr: Expr, out: &mut Vec<Expr>) {
    match expr {
        Expr::BinaryOp { left, op: BinaryOperator::And, right } => {
            split_and(*left, out);
            split_and(*right, out);
        }
        Expr::Nested(inner) if matches!(inner.as_ref(), Expr::BinaryOp { op: BinaryOperator::And, .. }) => {
            split_and(*inner, out)
        }
        other => out.push(other),
    }
}

use sqlparser::ast::VisitMut;

/// The session's view of its settings, for [`inline_session_values`].
pub struct SessionValues<'a> {
    /// The value of one parameter (`None` when unknown).
    pub lookup: &'a dyn Fn(&str) -> Option<String>,
    /// Every parameter: (name, value, description).
    pub all: &'a dyn Fn() -> Vec<[String; 3]>,
    /// The session's process id (`pg_backend_pid()`).
    pub pid: i32,
}

/// Writes the session's values into a catalog statement: `current_setting('name'[, missing_ok])`
/// becomes the setting's text (an unknown name is 42704 unless missing_ok), `pg_backend_pid()`
/// the session's process id, and `pg_settings` a table of the session's current settings.
/// Returns whether anything was written, in which case the statement is the session's own and
/// must not be shared through a cache.
pub fn inline_session_values(statement: &mut Statement, session: &SessionValues<'_>) -> Result<bool, RewriteError> {
    let mut inlined = inline_settings_table(statement, session);
    let lookup = session.lookup;
    let pid = session.pid;
    let mut error = None;
    let _ = sqlparser::ast::visit_expressions_mut(statement, |expr| {
        let Expr::Function(function) = expr else { return ControlFlow::Continue(()) };
        let name = function_name(&function.name);
        if !SESSION_FUNCTIONS.contains(&name.as_str()) {
            return ControlFlow::Continue(());
        }
        let args: Vec<&Expr> = match &function.args {
            FunctionArguments::List(list) => list
                .args
                .iter()
                .filter_map(|arg| match arg {
                    FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Some(e),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let value = match (name.as_str(), args.as_slice()) {
            ("pg_backend_pid", []) => Expr::Value(Value::Number(pid.to_string(), false).into()),
            ("current_setting", [setting, rest @ ..]) if rest.len() <= 1 => {
                let Some(setting) = string_literal(setting) else {
                    error = Some(RewriteError::unsupported("current_setting() of a non-constant name", 0));
                    return ControlFlow::Break(());
                };
                let missing_ok = matches!(rest.first(), Some(Expr::Value(v)) if v.value == Value::Boolean(true));
                match lookup(&setting) {
                    Some(value) => Expr::Value(Value::SingleQuotedString(value).into()),
                    None if missing_ok => Expr::Value(Value::Null.into()),
                    None => {
                        error = Some(RewriteError::UndefinedObject {
                            message: format!("unrecognized configuration parameter \"{setting}\""),
                        });
                        return ControlFlow::Break(());
                    }
                }
            }
            _ => return ControlFlow::Continue(()),
        };
        *expr = value;
        inlined = true;
        ControlFlow::Continue(())
    });
    match error {
        Some(error) => Err(error),
        None => Ok(inlined),
    }
}

/// `pg_settings` → a derived table of the session's settings with `pg_settings`' columns.
fn inline_settings_table(statement: &mut Statement, session: &SessionValues<'_>) -> bool {
    struct Settings<'s, 'a> {
        session: &'s SessionValues<'a>,
        replaced: bool,
    }
    impl VisitorMut for Settings<'_, '_> {
        type Break = ();
        fn pre_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
            let TableFactor::Table { name, alias, args: None, .. } = factor else { return ControlFlow::Continue(()) };
            let parts = normalize_object_name(name);
            if !matches!(
                parts.iter().map(String::as_str).collect::<Vec<_>>().as_slice(),
                ["pg_settings"] | ["pg_catalog", "pg_settings"]
            ) {
                return ControlFlow::Continue(());
            }
            let quote = |text: &str| format!("'{}'", text.replace('\'', "''"));
            let rows: Vec<String> = (self.session.all)()
                .iter()
                .map(|[name, value, description]| {
                    format!(
                        "({}, {}, NULL, 'Client Connection Defaults', {}, NULL, 'user', 'string', 'session', NULL, \
                         NULL, NULL, NULL, NULL, NULL, NULL, false)",
                        quote(&name.to_lowercase()),
                        quote(value),
                        quote(description)
                    )
                })
                .collect();
            let sql = format!(
                "SELECT * FROM (VALUES {}) AS s(name, setting, unit, category, short_desc, extra_desc, context, \
                 vartype, source, min_val, max_val, enumvals, boot_val, reset_val, sourcefile, sourceline, \
                 pending_restart)",
                rows.join(", ")
            );
            let Ok(Some(Statement::Query(subquery))) = crate::parse::parse(&sql).map(|mut s| s.pop()) else {
                return ControlFlow::Continue(());
            };
            let alias = alias.clone().or_else(|| {
                Some(sqlparser::ast::TableAlias {
                    explicit: true,
                    name: Ident::new("pg_settings"),
                    columns: Vec::new(),
                    at: None,
                })
            });
            *factor = TableFactor::Derived { lateral: false, subquery, alias, sample: None };
            self.replaced = true;
            ControlFlow::Continue(())
        }
    }
    let mut visitor = Settings { session, replaced: false };
    let _ = statement.visit(&mut visitor);
    visitor.replaced
}

fn string_literal(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(s) | Value::EscapedStringLiteral(s) => Some(s.clone()),
            _ => None,
        },
        Expr::Cast { expr, .. } | Expr::Nested(expr) => string_literal(expr),
        _ => None,
    }
}

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

/// `name`, or `name` marked with its position when an earlier column has it.
fn unique_name(seen: &mut HashSet<String>, name: String, index: usize) -> String {
    if seen.insert(name.clone()) { name } else { format!("{name}{DUPLICATE_NAME_MARK}{index}") }
}

/// Rewrites Postgres-only expressions and names bottom-up.
struct CatalogRewriter {
    error: Option<RewriteError>,
}

impl VisitorMut for CatalogRewriter {
    type Break = ();

    fn pre_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
        let TableFactor::Table { name, args, alias, .. } = factor else { return ControlFlow::Continue(()) };
        if args.is_none() {
            return ControlFlow::Continue(());
        }
        let function = function_name(name);
        if EMPTY_TABLE_FUNCTIONS.contains(&function.as_str()) || unnests_null_column(&function, args.as_ref()) {
            // `pg_partition_ancestors(x) [WITH ORDINALITY] AS a(relid, depth)`: no package
            // relation is partitioned, so the result is empty whatever the argument.
            let alias = alias.clone().unwrap_or_else(|| sqlparser::ast::TableAlias {
                explicit: true,
                name: Ident::new(function.clone()),
                columns: Vec::new(),
                at: None,
            });
            // `unnest(a) x` names its column after the alias; the partition functions return
            // `relid` (and more, which a query names in its alias).
            let (columns, ty): (Vec<String>, &str) = match (alias.columns.is_empty(), function.as_str()) {
                (false, "unnest") => (alias.columns.iter().map(|c| normalize(&c.name)).collect(), "TEXT"),
                (true, "unnest") => (vec![normalize(&alias.name)], "TEXT"),
                (true, _) => (vec!["relid".into()], "BIGINT"),
                (false, _) => (alias.columns.iter().map(|c| normalize(&c.name)).collect(), "BIGINT"),
            };
            let select = columns
                .iter()
                .map(|c| format!("CAST(NULL AS {ty}) AS \"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(", ");
            let Ok(Some(Statement::Query(subquery))) =
                crate::parse::parse(&format!("SELECT {select} WHERE false")).map(|mut s| s.pop())
            else {
                return ControlFlow::Continue(());
            };
            let alias = sqlparser::ast::TableAlias { columns: Vec::new(), ..alias };
            *factor = TableFactor::Derived { lateral: false, subquery, alias: Some(alias), sample: None };
        } else {
            *name = ObjectName::from(vec![Ident::new(function)]);
        }
        ControlFlow::Continue(())
    }

    fn post_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
        match expr {
            Expr::Collate { expr: inner, .. } => *expr = (**inner).clone(),
            // `(record).field` → `get_field(record, 'field')`, the engine's struct access.
            Expr::CompoundFieldAccess { root, access_chain } => {
                if let [sqlparser::ast::AccessExpr::Dot(Expr::Identifier(field))] = access_chain.as_slice() {
                    let field = Expr::Value(Value::SingleQuotedString(normalize(field)).into());
                    *expr = crate::dialect::function_call("get_field", vec![(**root).clone(), field]);
                }
            }
            Expr::AnyOp { right, .. } | Expr::AllOp { right, .. } => {
                if let Some(array) = array_literal(right) {
                    **right = array;
                }
            }
            Expr::BinaryOp { op: op @ BinaryOperator::PGCustomBinaryOperator(_), .. } => {
                let BinaryOperator::PGCustomBinaryOperator(parts) = &*op else { return ControlFlow::Continue(()) };
                let symbol = match parts.as_slice() {
                    [schema, symbol] if schema == CATALOG_SCHEMA => symbol.as_str(),
                    [symbol] => symbol.as_str(),
                    _ => "",
                };
                *op = match symbol {
                    "~" => BinaryOperator::PGRegexMatch,
                    "~*" => BinaryOperator::PGRegexIMatch,
                    "!~" => BinaryOperator::PGRegexNotMatch,
                    "!~*" => BinaryOperator::PGRegexNotIMatch,
                    "~~" => BinaryOperator::PGLikeMatch,
                    "~~*" => BinaryOperator::PGILikeMatch,
                    "=" => BinaryOperator::Eq,
                    "<>" => BinaryOperator::NotEq,
                    "<" => BinaryOperator::Lt,
                    "<=" => BinaryOperator::LtEq,
                    ">" => BinaryOperator::Gt,
                    ">=" => BinaryOperator::GtEq,
                    "||" => BinaryOperator::StringConcat,
                    _ => {
                        self.error = Some(RewriteError::unsupported(format!("OPERATOR({})", parts.join(".")), 0));
                        return ControlFlow::Break(());
                    }
                };
            }
            Expr::Function(function) => {
                let name = function_name(&function.name);
                if name == "array"
                    && let FunctionArguments::Subquery(query) = &function.args
                {
                    *expr = array_of_subquery(query);
                } else if let Some(rewritten) = subscripts(&name, function) {
                    *expr = rewritten;
                } else {
                    function.name = ObjectName::from(vec![Ident::new(name)]);
                }
            }
            Expr::Cast { kind, expr: inner, data_type, format: None, array: false } => {
                let target = type_name(data_type);
                if REG_TYPES.contains(&target.as_str()) {
                    *expr = crate::dialect::function_call(&format!("{target}_oid"), vec![(**inner).clone()]);
                } else if let Some(reg) = reg_oid_call(inner)
                    && matches!(target.as_str(), "text" | "name" | "varchar")
                {
                    *expr = reg_name_call(reg, (**inner).clone());
                } else {
                    let replacement = match target.as_str() {
                        "oid" | "xid" | "cid" => Some(DataType::BigInt(None)),
                        "name" | "\"char\"" | "char" | "text" => Some(DataType::Text),
                        _ => None,
                    };
                    if let Some(replacement) = replacement {
                        *data_type = replacement;
                        *kind = CastKind::Cast;
                    }
                }
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }
}

/// `'{r,p}'` (an array in text, as in `relkind = ANY('{r,p}')`) as `ARRAY['r', 'p']`, or
/// `ARRAY[1, 2]` when every element is an integer. Quoted elements and NULLs are left alone.
fn array_literal(expr: &Expr) -> Option<Expr> {
    let Expr::Value(value) = expr else { return None };
    let (Value::SingleQuotedString(text) | Value::EscapedStringLiteral(text)) = &value.value else { return None };
    let inner = text.trim().strip_prefix('{')?.strip_suffix('}')?;
    if inner.contains(['"', '\\', '{']) {
        return None;
    }
    let items: Vec<&str> = if inner.trim().is_empty() { Vec::new() } else { inner.split(',').map(str::trim).collect() };
    if items.iter().any(|item| item.eq_ignore_ascii_case("null")) {
        return None;
    }
    let numbers = !items.is_empty() && items.iter().all(|item| item.parse::<i64>().is_ok());
    let elem = items
        .into_iter()
        .map(|item| match numbers {
            true => Expr::Value(Value::Number(item.to_string(), false).into()),
            false => Expr::Value(Value::SingleQuotedString(item.to_string()).into()),
        })
        .collect();
    Some(Expr::Array(sqlparser::ast::Array { elem, named: true }))
}

/// `unnest(x.col)` of a column in [`NULL_COLUMNS`].
fn unnests_null_column(function: &str, args: Option<&sqlparser::ast::TableFunctionArgs>) -> bool {
    let Some(args) = args.filter(|_| function == "unnest") else { return false };
    match args.args.as_slice() {
        [FunctionArg::Unnamed(FunctionArgExpr::Expr(column))] => {
            let name = match column {
                Expr::Identifier(ident) => normalize(ident),
                Expr::CompoundIdentifier(parts) => parts.last().map(normalize).unwrap_or_default(),
                _ => return false,
            };
            NULL_COLUMNS.contains(&name.as_str())
        }
        _ => false,
    }
}

/// The set-returning functions over array subscripts, in the engine's terms (which zips the
/// `unnest`s of one select list row by row, as Postgres does with set-returning functions):
/// `generate_subscripts(a, d)` → `unnest(generate_series(1, array_length(a, d)))`, and
/// `information_schema._pg_expandarray(a)` (pgJDBC) → the struct `{x: element, n: subscript}`.
fn subscripts(name: &str, function: &Function) -> Option<Expr> {
    let FunctionArguments::List(list) = &function.args else { return None };
    let args: Vec<Expr> = list
        .args
        .iter()
        .filter_map(|arg| match arg {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Some(e.clone()),
            _ => None,
        })
        .collect();
    let call = crate::dialect::function_call;
    let indexes = |array: &Expr, dimension: Expr| {
        let length = Expr::Cast {
            kind: CastKind::Cast,
            expr: Box::new(call("array_length", vec![array.clone(), dimension])),
            data_type: DataType::BigInt(None),
            array: false,
            format: None,
        };
        call("unnest", vec![call("generate_series", vec![number("1"), length])])
    };
    match (name, args.as_slice()) {
        ("generate_subscripts", [array, dimension]) => Some(indexes(array, dimension.clone())),
        ("information_schema._pg_expandarray", [array]) => Some(call(
            "named_struct",
            vec![
                Expr::Value(Value::SingleQuotedString("x".into()).into()),
                call("unnest", vec![array.clone()]),
                Expr::Value(Value::SingleQuotedString("n".into()).into()),
                indexes(array, number("1")),
            ],
        )),
        _ => None,
    }
}

fn number(text: &str) -> Expr {
    Expr::Value(Value::Number(text.into(), false).into())
}

/// The `reg*` type of a `regclass_oid(x)`-style call (a cast to a `reg*` type, rewritten).
fn reg_oid_call(expr: &Expr) -> Option<&'static str> {
    let Expr::Function(function) = expr else { return None };
    let name = function_name(&function.name);
    REG_TYPES.iter().copied().find(|reg| name.strip_suffix("_oid") == Some(*reg))
}

/// `regclass_name(regclass_oid(x))`: the name a `reg*` value prints as.
fn reg_name_call(reg: &str, oid: Expr) -> Expr {
    crate::dialect::function_call(&format!("{reg}_name"), vec![oid])
}

/// `ARRAY(SELECT e FROM …)` → `(SELECT coalesce(array_agg(e), …) FROM …)`: the engine has no
/// array subqueries; an aggregate over the same rows gives the same array (in the subquery's
/// order when it has one).
fn array_of_subquery(query: &Query) -> Expr {
    let mut query = query.clone();
    let order_by = query.order_by.take();
    if let SetExpr::Select(select) = query.body.as_mut()
        && select.projection.len() == 1
        && let Some(SelectItem::UnnamedExpr(item) | SelectItem::ExprWithAlias { expr: item, .. }) =
            select.projection.first().cloned()
    {
        let mut aggregate = crate::dialect::function_call("array_agg", vec![item]);
        if let (Expr::Function(function), Some(order_by)) = (&mut aggregate, order_by)
            && let FunctionArguments::List(list) = &mut function.args
            && let sqlparser::ast::OrderByKind::Expressions(items) = order_by.kind
        {
            list.clauses.push(sqlparser::ast::FunctionArgumentClause::OrderBy(items));
        }
        select.projection = vec![SelectItem::UnnamedExpr(aggregate)];
        return Expr::Subquery(Box::new(query));
    }
    // Anything else (several columns, set operations) is not an array Postgres would build
    // either way; leave it for the engine to reject.
    Expr::Function(Function {
        name: ObjectName::from(vec![Ident::new("array")]),
        uses_odbc_syntax: false,
        parameters: FunctionArguments::None,
        args: FunctionArguments::Subquery(Box::new(query)),
        filter: None,
        null_treatment: None,
        over: None,
        within_group: Vec::new(),
    })
}

/// A select that inner-joins a relation of [`EMPTY_RELATIONS`] and computes no aggregate returns
/// no rows whatever its expressions compute: its select list becomes typed NULLs under the same
/// names and its filter `false`, so expressions the engine cannot plan (correlated table
/// functions, `pg_get_triggerdef`, …) never reach it.
fn empty_selects(query: &mut Query) {
    struct Empties;
    impl VisitorMut for Empties {
        type Break = ();
        fn post_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
            if simplify_body(&mut query.body) {
                // No rows: their order is moot (and may name columns the empty select dropped).
                query.order_by = None;
            }
            ControlFlow::Continue(())
        }
    }
    /// Empties what returns no rows; true when the whole body is such a select.
    fn simplify_body(body: &mut SetExpr) -> bool {
        match body {
            SetExpr::Select(select) => {
                let empty =
                    (reads_empty_relation(select) || calls_empty_table_function(select)) && !has_aggregate(select);
                if empty {
                    empty_select(select);
                }
                empty
            }
            SetExpr::SetOperation { left, right, .. } => {
                simplify_body(left);
                simplify_body(right);
                false
            }
            _ => false,
        }
    }
    let _ = query.visit(&mut Empties);
}

fn reads_empty_relation(select: &Select) -> bool {
    use sqlparser::ast::JoinOperator;
    let empty = |factor: &TableFactor| match factor {
        TableFactor::Table { name, args: None, .. } => match normalize_object_name(name).as_slice() {
            [schema, table] => schema == CATALOG_SCHEMA && EMPTY_RELATIONS.contains(&table.as_str()),
            [table] => EMPTY_RELATIONS.contains(&table.as_str()),
            _ => false,
        },
        _ => false,
    };
    select.from.iter().any(|from| {
        empty(&from.relation)
            || from.joins.iter().any(|join| {
                matches!(
                    join.join_operator,
                    JoinOperator::Inner(_) | JoinOperator::Join(_) | JoinOperator::CrossJoin(_)
                ) && empty(&join.relation)
            })
    })
}

/// `SELECT pg_partition_ancestors(x)`: a set-returning call in the select list that returns no
/// rows makes the select return none.
fn calls_empty_table_function(select: &Select) -> bool {
    sqlparser::ast::visit_expressions(&select.projection, |expr| match expr {
        Expr::Function(f) if EMPTY_TABLE_FUNCTIONS.contains(&function_name(&f.name).as_str()) => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    })
    .is_break()
}

/// Whether a select aggregates (subqueries in its select list aggregate for themselves).
fn has_aggregate(select: &Select) -> bool {
    let grouped = !matches!(&select.group_by, sqlparser::ast::GroupByExpr::Expressions(keys, _) if keys.is_empty());
    let mut own = select.projection.clone();
    let _ = sqlparser::ast::visit_expressions_mut(&mut own, |expr| {
        if matches!(expr, Expr::Subquery(_) | Expr::Exists { .. } | Expr::InSubquery { .. }) {
            *expr = Expr::Value(Value::Null.into());
        }
        ControlFlow::<()>::Continue(())
    });
    grouped
        || select.having.is_some()
        || sqlparser::ast::visit_expressions(&own, |expr| match expr {
            Expr::Function(f) if f.over.is_none() && AGGREGATES.contains(&function_name(&f.name).as_str()) => {
                ControlFlow::Break(())
            }
            _ => ControlFlow::Continue(()),
        })
        .is_break()
}

fn empty_select(select: &mut Select) {
    let mut seen = HashSet::new();
    for (index, item) in select.projection.iter_mut().enumerate() {
        let (name, expr) = match item {
            SelectItem::UnnamedExpr(expr) => (column_name(expr), expr),
            SelectItem::ExprWithAlias { alias, expr } => (normalize(alias), expr),
            _ => continue,
        };
        let name = Ident::with_quote('"', unique_name(&mut seen, name, index));
        let keep = matches!(expr, Expr::Identifier(_) | Expr::CompoundIdentifier(_) | Expr::Value(_));
        if !keep {
            *expr = Expr::Value(Value::Null.into());
        }
        *item = SelectItem::ExprWithAlias { expr: expr.clone(), alias: name };
    }
    select.selection = Some(Expr::Value(Value::Boolean(false).into()));
}

/// A `reg*` value in a select list prints as its name (`c.oid::regclass` shows `lineitem`); in
/// comparisons it stays an OID.
fn show_reg_names(body: &mut SetExpr) {
    match body {
        SetExpr::Select(select) => {
            for item in &mut select.projection {
                if let SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. } = item {
                    show_reg_name(expr);
                }
            }
        }
        SetExpr::Query(query) => show_reg_names(&mut query.body),
        SetExpr::SetOperation { left, right, .. } => {
            show_reg_names(left);
            show_reg_names(right);
        }
        _ => {}
    }
}

fn show_reg_name(expr: &mut Expr) {
    if let Some(reg) = reg_oid_call(expr) {
        *expr = reg_name_call(reg, expr.clone());
        return;
    }
    // Scalar subqueries and CASE branches whose value is a `reg*`.
    match expr {
        Expr::Subquery(query) => show_reg_names(&mut query.body),
        Expr::Nested(inner) => show_reg_name(inner),
        Expr::Case { conditions, else_result, .. } => {
            for when in conditions {
                show_reg_name(&mut when.result);
            }
            if let Some(other) = else_result {
                show_reg_name(other);
            }
        }
        _ => {}
    }
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
