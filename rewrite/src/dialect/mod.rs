//! Dialects: how a validated, name-mapped Postgres statement is written for each target.
//!
//! A dialect is data: a function table (Postgres name → same, renamed, rewritten, or forbidden)
//! and a construct table (syntax such as `ILIKE`, `AT TIME ZONE`, `DISTINCT ON` → native,
//! rewritten, or refused). Anything missing from a target's tables is refused with 0A000 naming
//! the construct and the target: a statement is translated faithfully or not at all, never
//! approximately. Adding a function is one row here and one conformance case.
//!
//! This pass runs after name resolution (identifiers are already physical) and never does I/O.

mod datafusion;
mod expand;
mod postgres;
mod qualify;
mod snowflake;
mod windows;

use std::ops::ControlFlow;

use sqlparser::ast::{
    BinaryOperator, Expr, Ident, ObjectName, Query, Select, SetExpr, Statement, TableFactor, VisitorMut,
};

use crate::error::RewriteError;
use crate::names::normalize_object_name;
use crate::target::Target;

/// What a target does with one Postgres function.
#[derive(Clone, Copy)]
pub enum FunctionRule {
    /// The same name, arguments and result.
    Same,
    /// Another name, the same arguments and result.
    Rename(&'static str),
    /// Rewritten in place (the whole call expression: arguments, wrapping); an `Err` is a refusal
    /// with that reason.
    Rewrite(fn(&mut Expr) -> Result<(), String>),
}

/// Syntax that targets support differently. Every expression or clause that is not plain
/// arithmetic, comparison, logic, CASE or a column reference is one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Construct {
    /// An integer literal (Postgres types it `integer` when it fits, else `bigint`/`numeric`).
    IntegerLiteral,
    /// A literal with a decimal point or exponent (Postgres types it `numeric`).
    DecimalLiteral,
    /// A string constant holding a backslash: a plain character in Postgres' standard strings,
    /// an escape in some targets' string syntax.
    BackslashString,
    /// `/` (integer, float or numeric division by the operand types).
    Division,
    Like,
    ILike,
    SimilarTo,
    RegexMatch,
    StringConcat,
    AtTimeZone,
    Extract,
    Substring,
    Position,
    Trim,
    Overlay,
    Collate,
    Interval,
    TypedLiteral,
    Cast,
    JsonAccess,
    JsonContainment,
    /// `?|` / `?&` (any / all of an array of keys).
    JsonKeySet,
    /// `jsonb - key`, `jsonb #- path`.
    JsonDelete,
    ArrayLiteral,
    ArraySubscript,
    AnyAll,
    InList,
    InSubquery,
    Exists,
    ScalarSubquery,
    IsDistinctFrom,
    Between,
    BitwiseOperator,
    Exponent,
    Tuple,
    /// Comparison of two row constructors: `(a, b) < (c, d)`, `ROW(a, b) IS DISTINCT FROM …`.
    RowComparison,
    DistinctOn,
    GroupingSets,
    Lateral,
    TableFunction,
    WindowFunction,
    AggregateFilter,
    WithinGroup,
    SetOperation,
    /// `INTERSECT ALL` / `EXCEPT ALL` (multiset semantics).
    SetOperationAll,
    /// A window that names another and refines it: `OVER (w ORDER BY x)`.
    RefinedWindow,
    /// `FULL JOIN … USING (k)`: an unqualified `k` is `COALESCE(left.k, right.k)`.
    FullJoinUsing,
    /// `(start, end) OVERLAPS (start, end)`.
    Overlaps,
    /// The prefix operators `|/` (square root), `||/` (cube root), `@` (absolute value).
    MathOperator,
    /// `a && b`: two arrays share an element.
    ArrayOverlap,
    /// `j @? path`, `j @@ predicate`: SQL/JSON path tests.
    JsonPath,
    /// `(scalar subquery) IS [NOT] NULL`.
    SubqueryIsNull,
    Values,
    Other,
}

impl Construct {
    /// How a person reads the construct in an error message.
    pub fn describe(self) -> &'static str {
        match self {
            Construct::IntegerLiteral => "integer literals",
            Construct::DecimalLiteral => "decimal literals",
            Construct::BackslashString => "strings with backslashes",
            Construct::Division => "division",
            Construct::Like => "LIKE",
            Construct::ILike => "ILIKE",
            Construct::SimilarTo => "SIMILAR TO",
            Construct::RegexMatch => "regular expression operators (~, ~*, !~, !~*)",
            Construct::StringConcat => "||",
            Construct::AtTimeZone => "AT TIME ZONE",
            Construct::Extract => "EXTRACT",
            Construct::Substring => "SUBSTRING",
            Construct::Position => "POSITION",
            Construct::Trim => "TRIM",
            Construct::Overlay => "OVERLAY",
            Construct::Collate => "COLLATE",
            Construct::Interval => "interval literals",
            Construct::TypedLiteral => "typed literals",
            Construct::Cast => "casts",
            Construct::JsonAccess => "JSON operators (->, ->>, #>, #>>)",
            Construct::JsonContainment => "JSON containment and existence operators",
            Construct::JsonKeySet => "the JSON key-set operators ?| and ?&",
            Construct::JsonDelete => "the JSON deletion operators (jsonb - key, #-)",
            Construct::ArrayLiteral => "arrays",
            Construct::ArraySubscript => "array subscripts",
            Construct::AnyAll => "ANY/ALL",
            Construct::InList => "IN lists",
            Construct::InSubquery => "IN (subquery)",
            Construct::Exists => "EXISTS",
            Construct::ScalarSubquery => "scalar subqueries",
            Construct::IsDistinctFrom => "IS DISTINCT FROM",
            Construct::Between => "BETWEEN",
            Construct::BitwiseOperator => "bitwise operators",
            Construct::Exponent => "the ^ operator",
            Construct::Tuple => "row constructors",
            Construct::RowComparison => "row comparisons",
            Construct::DistinctOn => "DISTINCT ON",
            Construct::GroupingSets => "GROUPING SETS, ROLLUP and CUBE",
            Construct::Lateral => "LATERAL",
            Construct::TableFunction => "functions in FROM",
            Construct::WindowFunction => "window functions",
            Construct::AggregateFilter => "FILTER (WHERE …)",
            Construct::WithinGroup => "WITHIN GROUP",
            Construct::SetOperation => "set operations",
            Construct::SetOperationAll => "INTERSECT ALL and EXCEPT ALL",
            Construct::RefinedWindow => "a window that refines a named window",
            Construct::FullJoinUsing => "FULL JOIN … USING",
            Construct::Overlaps => "OVERLAPS",
            Construct::MathOperator => "the operators |/, ||/ and @",
            Construct::ArrayOverlap => "the array overlap operator &&",
            Construct::JsonPath => "JSON path operators (@?, @@)",
            Construct::SubqueryIsNull => "IS NULL on a scalar subquery",
            Construct::Values => "VALUES",
            Construct::Other => "this expression",
        }
    }
}

/// How a target handles a construct.
#[derive(Clone, Copy)]
pub enum Support {
    /// Written as Postgres writes it and computed the same.
    Native,
    /// Rewritten in place; an `Err` is a refusal with that reason.
    Rewrite(fn(&mut Expr) -> Result<(), String>),
    /// Rewritten into other constructs before its parts are translated (the parts, now parts
    /// of the new expression, are then translated as usual); an `Err` is a refusal.
    Expand(fn(&mut Expr) -> Result<(), String>),
}

/// Rewrites a set-returning function in FROM into the target's form; `Err` refuses with a reason.
pub type TableFunctionRewrite = fn(&mut TableFactor) -> Result<(), String>;

/// One target's tables.
pub struct Dialect {
    pub name: &'static str,
    /// Postgres functions (lower-case names) the target computes identically, after their rule.
    pub functions: &'static [(&'static str, FunctionRule)],
    /// Constructs the target supports; the rest are refused.
    pub constructs: &'static [(Construct, Support)],
    /// `CAST` / `::` target types (Postgres spellings, lower-case, without modifiers) the
    /// target converts to exactly as Postgres does.
    pub cast_types: &'static [&'static str],
    /// Set-returning functions the target evaluates in FROM (`generate_series(…) AS g`), with
    /// the rewrite of the FROM item where the target's differs (`None`: written as is).
    pub table_functions: &'static [(&'static str, Option<TableFunctionRewrite>)],
    /// The target refuses two result columns of the same name (Postgres allows them): later
    /// duplicates get a private alias (clients see the names the rewrite described).
    pub unique_output_names: bool,
    /// The target has no `FETCH FIRST n ROWS ONLY`: it is written as `LIMIT n` (and `WITH
    /// TIES` / `PERCENT` are refused).
    pub fetch_as_limit: bool,
    /// The target has no `DISTINCT ON`: it is written as a `QUALIFY row_number() … = 1`.
    pub distinct_on_as_qualify: bool,
    /// The target reads a backslash inside `'…'` as an escape (Snowflake): the backslashes of
    /// every string value — wherever it sits: a plain literal, a typed literal, an `ESCAPE`
    /// character — are doubled, so no literal can end early and let its text become SQL.
    pub backslash_escapes: bool,
    /// The target has a `WINDOW` clause; without one, every `OVER w` is written out in full.
    pub named_windows: bool,
}

impl Dialect {
    /// The dialect of a target.
    pub fn of(target: Target) -> &'static Dialect {
        match target {
            Target::Postgres => &postgres::DIALECT,
            Target::DataFusion => &datafusion::DIALECT,
            Target::Snowflake => &snowflake::DIALECT,
        }
    }

    fn function(&self, name: &str) -> Option<FunctionRule> {
        self.functions.iter().find(|(n, _)| *n == name).map(|(_, rule)| *rule)
    }

    fn construct(&self, construct: Construct) -> Option<Support> {
        self.constructs.iter().find(|(c, _)| *c == construct).map(|(_, support)| *support)
    }

    fn refuse(&self, what: impl std::fmt::Display) -> RewriteError {
        RewriteError::Unsupported { message: format!("{what} is not supported on {}", self.name), position: 0 }
    }

    fn check_construct(&self, construct: Construct, expr: Option<&mut Expr>) -> Result<(), RewriteError> {
        match self.construct(construct) {
            // Expanded on the way down (`pre_visit_expr`); what is left is the target's.
            Some(Support::Native | Support::Expand(_)) => Ok(()),
            Some(Support::Rewrite(rewrite)) => match expr {
                Some(expr) => rewrite(expr).map_err(|reason| self.refuse(reason)),
                None => Ok(()),
            },
            None => Err(self.refuse(construct.describe())),
        }
    }
}

/// `name(args…)`, a plain call.
/// Functions that reach the server rather than read their arguments — files, large objects,
/// other databases, sessions and backends, locks, sequences, settings, WAL and replication,
/// SQL executed from text — refused with 42501 on every target. Every target's table is an
/// allowlist anyway (an unlisted function is 42883 or 0A000); naming these gives the answer a
/// client should see for an attempt, whichever backend serves the version.
pub(crate) const FORBIDDEN_FUNCTIONS: &[&str] = &[
    // files and directories
    "pg_read_file",
    "pg_read_binary_file",
    "pg_ls_dir",
    "pg_stat_file",
    "pg_ls_logdir",
    "pg_ls_waldir",
    "pg_ls_tmpdir",
    "pg_ls_archive_statusdir",
    "pg_ls_logicalsnapdir",
    "pg_ls_logicalmapdir",
    "pg_ls_replslotdir",
    "pg_file_write",
    "pg_file_rename",
    "pg_file_unlink",
    "pg_current_logfile",
    // large objects
    "lo_import",
    "lo_export",
    "lo_get",
    "lo_put",
    "lo_open",
    "lo_close",
    "lo_creat",
    "lo_create",
    "lo_unlink",
    "lo_from_bytea",
    "loread",
    "lowrite",
    "lo_truncate",
    "lo_lseek",
    "lo_tell",
    // other databases and servers
    "dblink",
    "dblink_exec",
    "dblink_connect",
    "dblink_connect_u",
    "dblink_send_query",
    "dblink_get_result",
    "dblink_open",
    "dblink_fetch",
    // sessions, backends and server administration
    "pg_terminate_backend",
    "pg_cancel_backend",
    "pg_reload_conf",
    "pg_rotate_logfile",
    "pg_promote",
    "pg_log_backend_memory_contexts",
    "pg_stat_reset",
    "pg_stat_reset_shared",
    "pg_stat_get_activity",
    "pg_backend_pid",
    "pg_postmaster_start_time",
    "pg_conf_load_time",
    "inet_server_addr",
    "inet_server_port",
    "inet_client_addr",
    "inet_client_port",
    "pg_notify",
    "pg_listening_channels",
    "pg_import_system_collations",
    "pg_sleep_for",
    "pg_sleep_until",
    // settings
    "set_config",
    "current_setting",
    // locks
    "pg_advisory_lock",
    "pg_advisory_lock_shared",
    "pg_advisory_xact_lock",
    "pg_advisory_xact_lock_shared",
    "pg_try_advisory_lock",
    "pg_try_advisory_lock_shared",
    "pg_try_advisory_xact_lock",
    "pg_try_advisory_xact_lock_shared",
    "pg_advisory_unlock",
    "pg_advisory_unlock_shared",
    "pg_advisory_unlock_all",
    // sequences and transaction ids
    "nextval",
    "setval",
    "currval",
    "lastval",
    "txid_current",
    "txid_current_if_assigned",
    "pg_current_xact_id",
    "pg_current_xact_id_if_assigned",
    // WAL, backups and replication
    "pg_switch_wal",
    "pg_create_restore_point",
    "pg_backup_start",
    "pg_backup_stop",
    "pg_start_backup",
    "pg_stop_backup",
    "pg_current_wal_lsn",
    "pg_logical_emit_message",
    "pg_create_physical_replication_slot",
    "pg_create_logical_replication_slot",
    "pg_drop_replication_slot",
    "pg_replication_origin_create",
    // SQL executed from text
    "query_to_xml",
    "query_to_xmlschema",
    "query_to_xml_and_xmlschema",
    "cursor_to_xml",
    "cursor_to_xmlschema",
    "table_to_xml",
    "table_to_xmlschema",
    "table_to_xml_and_xmlschema",
    "schema_to_xml",
    "schema_to_xmlschema",
    "database_to_xml",
    "database_to_xmlschema",
];

pub(crate) fn function_call(name: &str, args: Vec<Expr>) -> Expr {
    use sqlparser::ast::{Function, FunctionArg, FunctionArgExpr, FunctionArguments, Ident, ObjectName};
    Expr::Function(Function {
        name: ObjectName::from(vec![Ident::new(name)]),
        uses_odbc_syntax: false,
        parameters: FunctionArguments::None,
        args: FunctionArguments::List(sqlparser::ast::FunctionArgumentList {
            duplicate_treatment: None,
            args: args.into_iter().map(|e| FunctionArg::Unnamed(FunctionArgExpr::Expr(e))).collect(),
            clauses: Vec::new(),
        }),
        filter: None,
        null_treatment: None,
        over: None,
        within_group: Vec::new(),
    })
}

/// `CAST(expr AS type)`.
pub(crate) fn cast(expr: Expr, data_type: sqlparser::ast::DataType) -> Expr {
    Expr::Cast { kind: sqlparser::ast::CastKind::Cast, expr: Box::new(expr), data_type, array: false, format: None }
}

/// A string constant's text.
pub(crate) fn string_constant(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Value(v) => match &v.value {
            sqlparser::ast::Value::SingleQuotedString(text) => Some(text),
            _ => None,
        },
        Expr::Nested(inner) => string_constant(inner),
        _ => None,
    }
}

/// A call's arguments, when each is a plain (unnamed, non-`*`) expression.
pub(crate) fn unnamed_arguments(function: &sqlparser::ast::Function) -> Result<Vec<Expr>, String> {
    use sqlparser::ast::{FunctionArg, FunctionArgExpr, FunctionArguments};
    let name = &function.name;
    let FunctionArguments::List(list) = &function.args else { return Err(format!("{name}() without arguments")) };
    list.args
        .iter()
        .map(|arg| match arg {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(arg)) => Ok(arg.clone()),
            _ => Err(format!("{name}() with a named or * argument")),
        })
        .collect()
}

/// The relation and column names of a function in FROM ([`crate::names::function_columns`]),
/// quoted as written. Duplicates are refused (a derived table here needs distinct names); too
/// many column aliases the resolver has already refused.
pub(crate) fn function_columns(
    alias: &Option<sqlparser::ast::TableAlias>,
    function: &str,
    values: usize,
    ordinality: bool,
) -> Result<(String, Vec<sqlparser::ast::Ident>), String> {
    distinct_names(crate::names::function_columns(alias.as_ref(), function, values, ordinality), function)
}

/// Names from [`crate::names`] for a derived table: quoted as written, refused when two are the
/// same (a derived table here needs distinct names) or there were too many column aliases.
pub(crate) fn distinct_names(
    named: Option<(String, Vec<String>)>,
    function: &str,
) -> Result<(String, Vec<sqlparser::ast::Ident>), String> {
    let (relation, names) =
        named.ok_or_else(|| format!("too many column aliases specified for function {function}"))?;
    if names.iter().enumerate().any(|(i, name)| names[..i].contains(name)) {
        return Err(format!("{function}() in FROM with columns of one name (name them in the alias)"));
    }
    Ok((relation, names.into_iter().map(|name| sqlparser::ast::Ident::with_quote('"', name)).collect()))
}

/// A FROM item that is the query `sql` (written by a dialect's rewrite) under the name `relation`.
pub(crate) fn derived_table(sql: &str, relation: String, what: &str) -> Result<sqlparser::ast::TableFactor, String> {
    let subquery = sqlparser::parser::Parser::new(&sqlparser::dialect::PostgreSqlDialect {})
        .try_with_sql(sql)
        .and_then(|mut parser| parser.parse_query())
        .map_err(|e| format!("{what} ({e})"))?;
    Ok(sqlparser::ast::TableFactor::Derived {
        lateral: false,
        subquery,
        alias: Some(sqlparser::ast::TableAlias {
            explicit: true,
            name: sqlparser::ast::Ident::with_quote('"', relation),
            columns: Vec::new(),
            at: None,
        }),
        sample: None,
    })
}

/// Writes a resolved statement in `target`'s dialect, or refuses it.
pub fn translate(statement: &mut Statement, target: Target) -> Result<(), RewriteError> {
    let mut visitor = Translator { dialect: Dialect::of(target), error: None };
    let _ = statement.visit(&mut visitor);
    match visitor.error {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

use sqlparser::ast::VisitMut;

struct Translator {
    dialect: &'static Dialect,
    error: Option<RewriteError>,
}

impl Translator {
    fn fail(&mut self, error: RewriteError) -> ControlFlow<()> {
        self.error = Some(error);
        ControlFlow::Break(())
    }

    fn check(&mut self, result: Result<(), RewriteError>) -> ControlFlow<()> {
        match result {
            Ok(()) => ControlFlow::Continue(()),
            Err(error) => self.fail(error),
        }
    }

    fn function(&self, expr: &mut Expr) -> Result<(), RewriteError> {
        let Expr::Function(function) = expr else { return Ok(()) };
        let parts = normalize_object_name(&function.name);
        let name = match parts.as_slice() {
            [name] => name.clone(),
            [schema, name] if schema == "pg_catalog" => name.clone(),
            _ => return Err(self.dialect.refuse(format!("function {}()", function.name))),
        };
        if FORBIDDEN_FUNCTIONS.contains(&name.as_str()) {
            return Err(RewriteError::NotAllowed {
                message: format!("permission denied for function {name}"),
                hint: Some("A package is read-only data: functions that reach the server are not available.".into()),
            });
        }
        if function.filter.is_some() {
            self.dialect.check_construct(Construct::AggregateFilter, None)?;
        }
        if !function.within_group.is_empty() {
            self.dialect.check_construct(Construct::WithinGroup, None)?;
        }
        if function.over.is_some() {
            self.dialect.check_construct(Construct::WindowFunction, None)?;
        }
        match self.dialect.function(&name) {
            Some(FunctionRule::Same) => Ok(()),
            Some(FunctionRule::Rename(to)) => {
                function.name = ObjectName::from(vec![Ident::new(to)]);
                Ok(())
            }
            Some(FunctionRule::Rewrite(rewrite)) => rewrite(expr).map_err(|reason| self.dialect.refuse(reason)),
            // A function Postgres has but this target cannot compute the same is refused (0A000);
            // one packwire does not know at all does not exist, as far as the client can tell.
            None if Dialect::of(Target::Postgres).function(&name).is_some() => {
                Err(self.dialect.refuse(format!("function {name}()")))
            }
            None => Err(RewriteError::UndefinedFunction {
                message: format!("function {name}() does not exist"),
                hint: Some("packwire passes on the functions Postgres has that only read their arguments.".into()),
            }),
        }
    }

    fn cast_type(&self, data_type: &sqlparser::ast::DataType) -> Result<(), RewriteError> {
        let spelled = data_type.to_string().to_lowercase();
        let base = spelled.split('(').next().unwrap_or("").trim().to_string();
        if self.dialect.cast_types.contains(&base.as_str()) {
            Ok(())
        } else {
            Err(self.dialect.refuse(format!("casting to {spelled}")))
        }
    }
}

/// Functions whose result is `jsonb`, as Postgres names them and as targets rename them.
const JSONB_FUNCTIONS: &[&str] = &[
    "to_jsonb",
    "jsonb_build_object",
    "jsonb_build_array",
    "jsonb_strip_nulls",
    "jsonb_set",
    "jsonb_insert",
    "jsonb_extract_path",
    "pg_jsonb",
    "pg_jsonb_get",
    "pg_jsonb_get_path",
    "pg_jsonb_concat",
    "pg_jsonb_delete",
    "pg_jsonb_delete_path",
    "pg_jsonb_set",
    "jsonb_agg",
    "jsonb_object_agg",
    "pg_jsonb_from_list",
    "pg_jsonb_object_from_lists",
];

/// Whether an expression is `jsonb` by its form (a cast to `jsonb`, a `jsonb` operator or
/// function): what decides, without types, that `||` and `-` are the `jsonb` operators.
/// A `jsonb` column is not recognized here; the embedded engine's plan check refuses those.
pub(crate) fn is_jsonb(expr: &Expr) -> bool {
    use BinaryOperator as B;
    match expr {
        Expr::Nested(inner) => is_jsonb(inner),
        Expr::Cast { data_type: sqlparser::ast::DataType::JSONB, .. } => true,
        Expr::BinaryOp { op: B::Arrow | B::HashArrow | B::HashMinus, .. } => true,
        Expr::BinaryOp { left, op: B::Minus, .. } => is_jsonb(left),
        Expr::BinaryOp { left, op: B::StringConcat, right } => is_jsonb(left) || is_jsonb(right),
        Expr::Function(function) => match normalize_object_name(&function.name).as_slice() {
            [name] => JSONB_FUNCTIONS.contains(&name.as_str()),
            _ => false,
        },
        _ => false,
    }
}

/// The construct an expression is, if it is one of the target-dependent ones.
fn construct_of(expr: &Expr) -> Option<Construct> {
    use BinaryOperator as B;
    Some(match expr {
        Expr::Like { .. } => Construct::Like,
        Expr::ILike { .. } => Construct::ILike,
        Expr::SimilarTo { .. } => Construct::SimilarTo,
        Expr::RLike { .. } => Construct::RegexMatch,
        Expr::BinaryOp { left, op: B::Minus, .. } if is_jsonb(left) => Construct::JsonDelete,
        Expr::BinaryOp { left, op: B::Eq | B::NotEq | B::Lt | B::LtEq | B::Gt | B::GtEq, right }
            if expand::row_elements(left).is_some() && expand::row_elements(right).is_some() =>
        {
            Construct::RowComparison
        }
        Expr::IsDistinctFrom(left, right) | Expr::IsNotDistinctFrom(left, right)
            if expand::row_elements(left).is_some() && expand::row_elements(right).is_some() =>
        {
            Construct::RowComparison
        }
        Expr::InList { expr: left, .. } if expand::row_elements(left).is_some() => Construct::RowComparison,
        Expr::InSubquery { expr: left, subquery, .. }
            if expand::row_elements(left).is_some() && expand::values_rows(subquery).is_some() =>
        {
            Construct::RowComparison
        }
        Expr::BinaryOp { op, .. } => match op {
            B::PGRegexMatch | B::PGRegexIMatch | B::PGRegexNotMatch | B::PGRegexNotIMatch => Construct::RegexMatch,
            B::PGLikeMatch | B::PGNotLikeMatch => Construct::Like,
            B::PGILikeMatch | B::PGNotILikeMatch => Construct::ILike,
            B::StringConcat => Construct::StringConcat,
            B::Arrow | B::LongArrow | B::HashArrow | B::HashLongArrow => Construct::JsonAccess,
            B::AtArrow | B::ArrowAt | B::Question => Construct::JsonContainment,
            B::QuestionAnd | B::QuestionPipe => Construct::JsonKeySet,
            B::HashMinus => Construct::JsonDelete,
            B::BitwiseAnd | B::BitwiseOr | B::PGBitwiseXor | B::PGBitwiseShiftLeft | B::PGBitwiseShiftRight => {
                Construct::BitwiseOperator
            }
            B::PGExp => Construct::Exponent,
            B::Overlaps => Construct::Overlaps,
            B::PGOverlap => Construct::ArrayOverlap,
            B::AtQuestion | B::AtAt => Construct::JsonPath,
            B::Divide => Construct::Division,
            B::Plus
            | B::Minus
            | B::Multiply
            | B::Modulo
            | B::Gt
            | B::Lt
            | B::GtEq
            | B::LtEq
            | B::Eq
            | B::NotEq
            | B::And
            | B::Or => return None,
            _ => Construct::Other,
        },
        Expr::UnaryOp { op, .. } => match op {
            sqlparser::ast::UnaryOperator::Plus
            | sqlparser::ast::UnaryOperator::Minus
            | sqlparser::ast::UnaryOperator::Not => return None,
            sqlparser::ast::UnaryOperator::BitwiseNot => Construct::BitwiseOperator,
            sqlparser::ast::UnaryOperator::PGSquareRoot
            | sqlparser::ast::UnaryOperator::PGCubeRoot
            | sqlparser::ast::UnaryOperator::PGAbs => Construct::MathOperator,
            _ => Construct::Other,
        },
        Expr::Function(function) if function.filter.is_some() => Construct::AggregateFilter,
        Expr::AtTimeZone { .. } => Construct::AtTimeZone,
        Expr::Extract { .. } => Construct::Extract,
        Expr::Substring { .. } => Construct::Substring,
        Expr::Position { .. } => Construct::Position,
        Expr::Trim { .. } => Construct::Trim,
        Expr::Overlay { .. } => Construct::Overlay,
        Expr::Collate { .. } => Construct::Collate,
        Expr::Interval(_) => Construct::Interval,
        Expr::TypedString(_) => Construct::TypedLiteral,
        Expr::Cast { .. } => Construct::Cast,
        Expr::JsonAccess { .. } => Construct::JsonAccess,
        Expr::Array(_) => Construct::ArrayLiteral,
        Expr::CompoundFieldAccess { .. } => Construct::ArraySubscript,
        Expr::AnyOp { .. } | Expr::AllOp { .. } => Construct::AnyAll,
        Expr::InList { .. } => Construct::InList,
        Expr::InSubquery { .. } => Construct::InSubquery,
        Expr::Exists { .. } => Construct::Exists,
        Expr::Subquery(_) => Construct::ScalarSubquery,
        Expr::IsDistinctFrom(..) | Expr::IsNotDistinctFrom(..) => Construct::IsDistinctFrom,
        Expr::Between { .. } => Construct::Between,
        Expr::Tuple(_) => Construct::Tuple,
        Expr::GroupingSets(_) | Expr::Cube(_) | Expr::Rollup(_) => Construct::GroupingSets,
        Expr::Value(value) => match &value.value {
            sqlparser::ast::Value::Number(text, _) if text.contains(['.', 'e', 'E']) => Construct::DecimalLiteral,
            sqlparser::ast::Value::Number(..) => Construct::IntegerLiteral,
            sqlparser::ast::Value::SingleQuotedString(text) if text.contains('\\') => Construct::BackslashString,
            _ => return None,
        },
        Expr::IsNull(inner) | Expr::IsNotNull(inner) if matches!(inner.as_ref(), Expr::Subquery(_)) => {
            Construct::SubqueryIsNull
        }
        Expr::Identifier(_)
        | Expr::CompoundIdentifier(_)
        | Expr::IsFalse(_)
        | Expr::IsNotFalse(_)
        | Expr::IsTrue(_)
        | Expr::IsNotTrue(_)
        | Expr::IsNull(_)
        | Expr::IsNotNull(_)
        | Expr::IsUnknown(_)
        | Expr::IsNotUnknown(_)
        | Expr::Nested(_)
        | Expr::Function(_)
        | Expr::Case { .. }
        | Expr::Ceil { .. }
        | Expr::Floor { .. }
        | Expr::Wildcard(_)
        | Expr::QualifiedWildcard(..) => return None,
        _ => Construct::Other,
    })
}

impl VisitorMut for Translator {
    type Break = ();

    fn post_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
        // Numbers that are positions or counts, not values, stay plain numbers.
        if let Some(sqlparser::ast::OrderBy { kind: sqlparser::ast::OrderByKind::Expressions(items), .. }) =
            &mut query.order_by
        {
            items.iter_mut().for_each(|item| plain_number(&mut item.expr));
        }
        if let SetExpr::Select(select) = query.body.as_mut()
            && let sqlparser::ast::GroupByExpr::Expressions(exprs, _) = &mut select.group_by
        {
            exprs.iter_mut().for_each(plain_number);
        }
        if let Some(sqlparser::ast::LimitClause::LimitOffset { limit, offset, .. }) = &mut query.limit_clause {
            limit.iter_mut().for_each(plain_number);
            offset.iter_mut().for_each(|offset| plain_number(&mut offset.value));
        }
        if let Some(fetch) = &mut query.fetch {
            fetch.quantity.iter_mut().for_each(plain_number);
        }
        if self.dialect.fetch_as_limit {
            let result = qualify::fetch_as_limit(query).map_err(|what| self.dialect.refuse(what));
            return self.check(result);
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
        // Before the select is visited: the query's ORDER BY may name the select's windows.
        if !self.dialect.named_windows
            && let SetExpr::Select(select) = query.body.as_mut()
        {
            windows::inline_named_windows(select, query.order_by.as_mut());
        }
        if self.dialect.distinct_on_as_qualify {
            let result = qualify::distinct_on_as_qualify(query).map_err(|what| self.dialect.refuse(what));
            if result.is_err() {
                return self.check(result);
            }
        }
        if matches!(query.body.as_ref(), SetExpr::SetOperation { .. }) {
            let result = self.dialect.check_construct(Construct::SetOperation, None);
            if result.is_err() || !has_multiset_operation(&query.body) {
                return self.check(result);
            }
            let result = self.dialect.check_construct(Construct::SetOperationAll, None);
            return self.check(result);
        }
        if let SetExpr::Select(select) = query.body.as_mut()
            && self.dialect.unique_output_names
        {
            unique_output_names(select);
        }
        if matches!(query.body.as_ref(), SetExpr::Values(_)) {
            let result = self.dialect.check_construct(Construct::Values, None);
            return self.check(result);
        }
        ControlFlow::Continue(())
    }

    /// Every SELECT, also the branches of set operations.
    fn pre_visit_select(&mut self, select: &mut Select) -> ControlFlow<()> {
        if !self.dialect.named_windows {
            windows::inline_named_windows(select, None);
        } else if !matches!(self.dialect.construct(Construct::RefinedWindow), Some(Support::Native)) {
            windows::inline_refinements(select);
        }
        self.select(select)
    }

    fn pre_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
        match factor {
            TableFactor::Derived { lateral: true, .. } => {
                let result = self.dialect.check_construct(Construct::Lateral, None);
                self.check(result)
            }
            TableFactor::NestedJoin { table_with_joins, .. } => {
                let result = self.joins(table_with_joins);
                self.check(result)
            }
            TableFactor::UNNEST { .. } => {
                let result = self.table_function("unnest").map(|_| ());
                self.check(result)
            }
            TableFactor::Table { args: Some(_), name, .. } => {
                let function_name = normalize_object_name(name).join(".");
                let result = self.table_function(&function_name).map(|_| ());
                self.check(result)
            }
            _ => ControlFlow::Continue(()),
        }
    }

    /// Set-returning functions in FROM take the target's form once their arguments are written.
    fn post_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
        let function_name = match factor {
            TableFactor::Table { args: Some(_), name, .. } => Some(normalize_object_name(name).join(".")),
            TableFactor::UNNEST { .. } => Some("unnest".to_string()),
            _ => None,
        };
        if let Some(function_name) = function_name {
            let result = match self.table_function(&function_name) {
                Ok(Some(rewrite)) => rewrite(factor).map_err(|reason| self.dialect.refuse(reason)),
                Ok(None) => Ok(()),
                Err(error) => Err(error),
            };
            return self.check(result);
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_value(&mut self, value: &mut sqlparser::ast::ValueWithSpan) -> ControlFlow<()> {
        // Strings reach the backend in one canonical form, '…' with doubled quotes: a dollar
        // quote, E'…' or U&'…' re-printed as written would be lexed again by the backend, and
        // any difference between sqlparser's lexer and the backend's (`$1$…$1$` is a string to
        // sqlparser and a parameter to Postgres) would let text inside a literal become SQL.
        use sqlparser::ast::Value;
        let text = match &mut value.value {
            // Postgres reads `$1$` as the parameter `$1` followed by `$`: a tag never starts
            // with a digit, so such text is not a string there, and must not be one here.
            Value::DollarQuotedString(dollar)
                if dollar.tag.as_deref().is_some_and(|tag| tag.starts_with(|c: char| c.is_ascii_digit())) =>
            {
                let tag = dollar.tag.clone().unwrap_or_default();
                return self.fail(RewriteError::Syntax {
                    message: format!("syntax error at or near \"${tag}\""),
                    detail: Some("A dollar-quote tag cannot start with a digit; `$n` is a parameter.".into()),
                    position: 0,
                });
            }
            Value::DollarQuotedString(dollar) => std::mem::take(&mut dollar.value),
            Value::EscapedStringLiteral(text) | Value::UnicodeStringLiteral(text) => std::mem::take(text),
            _ => return ControlFlow::Continue(()),
        };
        value.value = Value::SingleQuotedString(text);
        ControlFlow::Continue(())
    }

    fn post_visit_value(&mut self, value: &mut sqlparser::ast::ValueWithSpan) -> ControlFlow<()> {
        if self.dialect.backslash_escapes
            && let sqlparser::ast::Value::SingleQuotedString(text) = &mut value.value
            && text.contains('\\')
        {
            *text = text.replace('\\', "\\\\");
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
        // `-2147483648` is one integer constant in Postgres (an `integer`), not the negation of
        // a `bigint`: fold the sign into the literal before the literal is typed.
        if let Expr::UnaryOp { op: sqlparser::ast::UnaryOperator::Minus, expr: inner } = expr
            && let Expr::Value(value) = inner.as_ref()
            && let sqlparser::ast::Value::Number(text, long) = &value.value
            && !text.starts_with('-')
        {
            *expr = Expr::Value(sqlparser::ast::Value::Number(format!("-{text}"), *long).into());
        }
        if let Some(construct) = construct_of(expr)
            && let Some(Support::Expand(expand)) = self.dialect.construct(construct)
        {
            let result = expand(expr).map_err(|reason| self.dialect.refuse(reason));
            return self.check(result);
        }
        ControlFlow::Continue(())
    }

    fn post_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
        if let Expr::Function(function) = expr {
            // Frame offsets (`ROWS 2 PRECEDING`) are counts, not values.
            if let Some(sqlparser::ast::WindowType::WindowSpec(spec)) = &mut function.over
                && let Some(frame) = &mut spec.window_frame
            {
                for bound in std::iter::once(&mut frame.start_bound).chain(frame.end_bound.as_mut()) {
                    if let sqlparser::ast::WindowFrameBound::Preceding(Some(offset))
                    | sqlparser::ast::WindowFrameBound::Following(Some(offset)) = bound
                    {
                        plain_number(offset);
                    }
                }
            }
            if let Some(sqlparser::ast::WindowType::WindowSpec(spec)) = &function.over
                && spec.window_name.is_some()
            {
                let result = self.dialect.check_construct(Construct::RefinedWindow, None);
                if result.is_err() {
                    return self.check(result);
                }
            }
            let result = self.function(expr);
            return self.check(result);
        }
        if let Some(construct) = construct_of(expr) {
            if let Expr::Cast { data_type, .. } = &*expr {
                let result = self.cast_type(data_type);
                if result.is_err() {
                    return self.check(result);
                }
            }
            if let Expr::TypedString(typed) = &*expr {
                let result = self.cast_type(&typed.data_type);
                if result.is_err() {
                    return self.check(result);
                }
            }
            let result = self.dialect.check_construct(construct, Some(expr));
            return self.check(result);
        }
        ControlFlow::Continue(())
    }
}

/// Aliases result columns whose name an earlier column already has.
fn unique_output_names(select: &mut Select) {
    use sqlparser::ast::SelectItem;
    let mut seen: Vec<String> = Vec::new();
    for (index, item) in select.projection.iter_mut().enumerate() {
        let name = match item {
            SelectItem::UnnamedExpr(expr) => crate::names::column_name(expr),
            SelectItem::ExprWithAlias { alias, .. } => crate::names::normalize(alias),
            _ => continue,
        };
        if seen.contains(&name) {
            let alias = Ident::with_quote('"', format!("{name} #{}", index + 1));
            *item = match std::mem::replace(item, SelectItem::Wildcard(Default::default())) {
                SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. } => {
                    SelectItem::ExprWithAlias { expr, alias }
                }
                other => other,
            };
        } else {
            seen.push(name);
        }
    }
}

/// Undoes a literal rewrite where a number is a position (`ORDER BY 1`) or a count (`LIMIT 5`).
fn plain_number(expr: &mut Expr) {
    if let Expr::Cast { expr: inner, .. } = expr
        && matches!(inner.as_ref(), Expr::Value(v) if matches!(v.value, sqlparser::ast::Value::Number(..)))
    {
        let inner = std::mem::replace(inner.as_mut(), Expr::Value(sqlparser::ast::Value::Null.into()));
        *expr = inner;
    }
}

impl Translator {
    /// The target's rule for a set-returning function in FROM, or the refusal.
    fn table_function(&self, name: &str) -> Result<Option<TableFunctionRewrite>, RewriteError> {
        self.dialect.check_construct(Construct::TableFunction, None)?;
        match self.dialect.table_functions.iter().find(|(n, _)| *n == name) {
            Some((_, rule)) => Ok(*rule),
            None => Err(self.dialect.refuse(format!("function {name}() in FROM"))),
        }
    }

    fn select(&mut self, select: &Select) -> ControlFlow<()> {
        if let Some(sqlparser::ast::Distinct::On(_)) = &select.distinct {
            let result = self.dialect.check_construct(Construct::DistinctOn, None);
            return self.check(result);
        }
        for from in &select.from {
            let result = self.joins(from);
            if result.is_err() {
                return self.check(result);
            }
        }
        let refines = select.named_window.iter().any(|definition| {
            matches!(&definition.1, sqlparser::ast::NamedWindowExpr::WindowSpec(spec) if spec.window_name.is_some())
        });
        if refines {
            let result = self.dialect.check_construct(Construct::RefinedWindow, None);
            return self.check(result);
        }
        ControlFlow::Continue(())
    }

    /// Checks the join kinds of one FROM item that targets compute differently.
    fn joins(&self, from: &sqlparser::ast::TableWithJoins) -> Result<(), RewriteError> {
        use sqlparser::ast::{JoinConstraint, JoinOperator};
        for join in &from.joins {
            if let JoinOperator::FullOuter(JoinConstraint::Using(_)) = &join.join_operator {
                self.dialect.check_construct(Construct::FullJoinUsing, None)?;
            }
        }
        Ok(())
    }
}

/// Whether a set-operation tree has an `INTERSECT ALL` or `EXCEPT ALL`.
fn has_multiset_operation(body: &SetExpr) -> bool {
    use sqlparser::ast::{SetOperator, SetQuantifier};
    match body {
        SetExpr::SetOperation { op, set_quantifier, left, right } => {
            (matches!(op, SetOperator::Intersect | SetOperator::Except | SetOperator::Minus)
                && matches!(set_quantifier, SetQuantifier::All))
                || has_multiset_operation(left)
                || has_multiset_operation(right)
        }
        SetExpr::Query(query) => has_multiset_operation(&query.body),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
