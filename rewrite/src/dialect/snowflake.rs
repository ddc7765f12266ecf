//! Postgres → Snowflake SQL. Snowflake folds unquoted identifiers to upper case; physical names
//! are always written quoted, exactly as the manifest spells them (see `Target`).
//!
//! Listed here is only what the conformance suite shows Snowflake (through the fakesnow
//! emulator) answering as Postgres does. Left out on purpose: casts to text, varchar and real (Snowflake's text forms, default NUMBER scale and double-only floats differ),
//! `EXTRACT` of fractional or week-based fields and `date_part` (whole seconds, week settings),
//! `TRIM` and `substr`, `left`/`right` (negative counts), `concat_ws`, `greatest`/`least`
//! (NULL handling). Backslashes in strings are escapes in Snowflake, so they are doubled; `LIKE`
//! gets Postgres' default escape character explicitly; `DISTINCT ON` becomes a `QUALIFY` on
//! `row_number()`.
//!
//! Written as they are but checked by the connector, which knows the types: `avg` and `/` (only
//! whole result columns, divided by the connector at Postgres' scale), `round` (of exact
//! numbers, or of such a quotient), casts to integers and numerics (of exact numbers and integer
//! literals) and `EXTRACT` (only of a date or timestamp column).

use sqlparser::ast::{Expr, Ident, ObjectName, Value};

use super::{Construct, Dialect, FunctionRule, Support};

use FunctionRule::{Rename, Rewrite, Same};

pub(super) static DIALECT: Dialect = Dialect {
    name: "Snowflake",
    functions: FUNCTIONS,
    constructs: &[
        (Construct::IntegerLiteral, Support::Native),
        (Construct::DecimalLiteral, Support::Native),
        (Construct::BackslashString, Support::Native), // doubled for every value: `backslash_escapes`
        (Construct::Like, Support::Rewrite(like_escape)),
        (Construct::ILike, Support::Rewrite(like_escape)),
        (Construct::StringConcat, Support::Native),
        (Construct::Position, Support::Native),
        (Construct::Substring, Support::Rewrite(substring)),
        (Construct::Interval, Support::Native),
        (Construct::Division, Support::Native),
        (Construct::Extract, Support::Rewrite(extract)),
        (Construct::TypedLiteral, Support::Native),
        (Construct::Cast, Support::Native),
        (Construct::InList, Support::Native),
        (Construct::InSubquery, Support::Native),
        (Construct::Exists, Support::Native),
        (Construct::ScalarSubquery, Support::Native),
        (Construct::SubqueryIsNull, Support::Native),
        (Construct::IsDistinctFrom, Support::Native),
        (Construct::RowComparison, Support::Expand(super::expand::row_comparison)),
        (Construct::Between, Support::Native),
        (Construct::GroupingSets, Support::Native),
        (Construct::Lateral, Support::Native),
        (Construct::WindowFunction, Support::Native),
        (Construct::WithinGroup, Support::Native),
        (Construct::AggregateFilter, Support::Expand(super::expand::aggregate_filter)),
        (Construct::SetOperation, Support::Native),
        (Construct::Values, Support::Native),
    ],
    cast_types: &[
        "bool",
        "boolean",
        "smallint",
        "int",
        "integer",
        "bigint",
        "numeric", // of exact numbers only: the connector checks
        "decimal",
        "float8",
        "double precision",
        "double",
        "date",
        "timestamp",
        "time",
    ],
    table_functions: &[],
    unique_output_names: false,
    fetch_as_limit: false,
    distinct_on_as_qualify: true,
    backslash_escapes: true,
};

/// `substring(s FROM a FOR b)` with a constant start of 1 or more and a constant length of 0 or
/// more: Snowflake's `SUBSTR(s, a, b)`, which counts characters alike. Other positions differ
/// (Postgres counts a start below 1 into the length, Snowflake reads it as 1 or from the end;
/// Postgres refuses a negative length), and so does the regular-expression form: refused.
fn substring(expr: &mut Expr) -> Result<(), String> {
    let Expr::Substring { expr: text, substring_from, substring_for, .. } = expr else { return Ok(()) };
    let constant = |e: &Option<Box<Expr>>, least: i64, default: Option<i64>| match e.as_deref() {
        None => default,
        Some(Expr::Value(v)) => match &v.value {
            Value::Number(n, _) => n.parse::<i64>().ok().filter(|n| *n >= least),
            _ => None,
        },
        Some(_) => None,
    };
    let refused =
        || "SUBSTRING with positions other than a constant start of 1 or more and length of 0 or more".to_string();
    let start = constant(substring_from, 1, Some(1)).ok_or_else(refused)?;
    let number = |n: i64| Expr::Value(Value::Number(n.to_string(), false).into());
    let mut args = vec![*text.clone(), number(start)];
    if substring_for.is_some() {
        args.push(number(constant(substring_for, 0, None).ok_or_else(refused)?));
    }
    *expr = super::function_call("SUBSTR", args);
    Ok(())
}

/// `EXTRACT` of the whole-number fields Snowflake counts as Postgres does (year, quarter,
/// month, day, hour, minute). The connector checks the argument is a date or timestamp column.
fn extract(expr: &mut Expr) -> Result<(), String> {
    use sqlparser::ast::DateTimeField as F;
    let Expr::Extract { field, .. } = expr else { return Ok(()) };
    match field {
        F::Year
        | F::Years
        | F::Quarter
        | F::Month
        | F::Months
        | F::Day
        | F::Days
        | F::Hour
        | F::Hours
        | F::Minute
        | F::Minutes => Ok(()),
        other => Err(format!("EXTRACT({other} FROM …)")),
    }
}

/// `x LIKE p` → `x LIKE p ESCAPE '\\'`: backslash is Postgres' default escape character; the
/// escape string is written as Snowflake reads one backslash.
fn like_escape(expr: &mut Expr) -> Result<(), String> {
    if let Expr::Like { escape_char, .. } | Expr::ILike { escape_char, .. } = expr
        && escape_char.is_none()
    {
        *escape_char = Some(Value::SingleQuotedString("\\\\".into()).into());
    }
    Ok(())
}

/// `string_agg(x, sep)` → `LISTAGG(x, sep)` (same argument order, same NULL handling).
fn string_agg(expr: &mut Expr) -> Result<(), String> {
    if let Expr::Function(function) = expr {
        function.name = ObjectName::from(vec![Ident::new("LISTAGG")]);
    }
    Ok(())
}

const FUNCTIONS: &[(&str, FunctionRule)] = &[
    ("count", Same),
    ("sum", Same),
    ("avg", Same),
    ("min", Same),
    ("max", Same),
    ("bool_and", Rename("BOOLAND_AGG")),
    ("bool_or", Rename("BOOLOR_AGG")),
    ("string_agg", Rewrite(string_agg)),
    ("percentile_cont", Same),
    ("mode", Same),
    ("stddev_samp", Same),
    ("stddev_pop", Same),
    ("var_samp", Same),
    ("var_pop", Same),
    ("row_number", Same),
    ("rank", Same),
    ("dense_rank", Same),
    ("percent_rank", Same),
    ("cume_dist", Same),
    ("ntile", Same),
    ("lag", Same),
    ("lead", Same),
    ("first_value", Same),
    ("last_value", Same),
    ("abs", Same),
    ("round", Same),
    ("sqrt", Same),
    ("power", Same),
    ("exp", Same),
    ("ln", Same),
    ("mod", Same),
    ("coalesce", Same),
    ("nullif", Same),
    ("length", Same),
    ("char_length", Rename("LENGTH")),
    ("lower", Same),
    ("upper", Same),
    ("initcap", Same),
    ("split_part", Same),
    ("lpad", Same),
    ("rpad", Same),
    ("replace", Same),
    ("reverse", Same),
    ("repeat", Same),
    ("md5", Same),
    ("starts_with", Rename("STARTSWITH")),
    ("translate", Same),
    ("ascii", Same),
    ("chr", Same),
    ("current_date", Same),
    ("current_timestamp", Same),
    ("date_trunc", Same),
];
