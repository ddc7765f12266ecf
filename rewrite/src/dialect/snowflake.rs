//! Postgres → Snowflake SQL. Snowflake folds unquoted identifiers to upper case; physical names
//! are always written quoted, exactly as the manifest spells them (see `Target`).

use sqlparser::ast::{Function, Ident, ObjectName};

use super::{Construct, Dialect, FunctionRule, Support};

use FunctionRule::{Rename, Rewrite, Same};

pub(super) static DIALECT: Dialect = Dialect {
    name: "Snowflake",
    functions: FUNCTIONS,
    constructs: &[
        (Construct::Like, Support::Native),
        (Construct::ILike, Support::Native),
        (Construct::StringConcat, Support::Native),
        (Construct::Extract, Support::Native),
        (Construct::Substring, Support::Native),
        (Construct::Position, Support::Native),
        (Construct::Trim, Support::Native),
        (Construct::Interval, Support::Native),
        (Construct::TypedLiteral, Support::Native),
        (Construct::Cast, Support::Native),
        (Construct::InList, Support::Native),
        (Construct::InSubquery, Support::Native),
        (Construct::Exists, Support::Native),
        (Construct::ScalarSubquery, Support::Native),
        (Construct::IsDistinctFrom, Support::Native),
        (Construct::Between, Support::Native),
        (Construct::GroupingSets, Support::Native),
        (Construct::Lateral, Support::Native),
        (Construct::WindowFunction, Support::Native),
        (Construct::WithinGroup, Support::Native),
        (Construct::SetOperation, Support::Native),
        (Construct::Values, Support::Native),
    ],
    cast_types: &[
        "bool", "boolean", "smallint", "int", "integer", "bigint", "real", "float8", "double precision", "double",
        "numeric", "decimal", "text", "varchar", "character varying", "date", "timestamp", "time",
    ],
};

/// `string_agg(x, sep)` → `LISTAGG(x, sep)` (same argument order, same NULL handling).
fn string_agg(function: &mut Function) -> Result<(), String> {
    function.name = ObjectName::from(vec![Ident::new("LISTAGG")]);
    Ok(())
}

const FUNCTIONS: &[(&str, FunctionRule)] = &[
    ("count", Same), ("sum", Same), ("min", Same), ("max", Same), ("bool_and", Rename("BOOLAND_AGG")),
    ("bool_or", Rename("BOOLOR_AGG")), ("string_agg", Rewrite(string_agg)), ("percentile_cont", Same),
    ("mode", Same), ("stddev_samp", Same), ("stddev_pop", Same), ("var_samp", Same), ("var_pop", Same),
    ("row_number", Same), ("rank", Same), ("dense_rank", Same), ("percent_rank", Same), ("cume_dist", Same),
    ("ntile", Same), ("lag", Same), ("lead", Same), ("first_value", Same), ("last_value", Same),
    ("abs", Same), ("sqrt", Same), ("power", Same), ("exp", Same), ("ln", Same), ("mod", Same),
    ("coalesce", Same), ("nullif", Same), ("greatest", Same), ("least", Same),
    ("length", Same), ("char_length", Rename("LENGTH")), ("lower", Same), ("upper", Same), ("initcap", Same),
    ("substr", Same), ("split_part", Same), ("lpad", Same), ("rpad", Same), ("concat_ws", Same),
    ("replace", Same), ("reverse", Same), ("repeat", Same), ("left", Same), ("right", Same), ("btrim", Rename("TRIM")),
    ("ltrim", Same), ("rtrim", Same), ("md5", Same), ("starts_with", Rename("STARTSWITH")), ("translate", Same),
    ("ascii", Same), ("chr", Same),
    ("current_date", Same), ("current_timestamp", Same), ("date_trunc", Same), ("date_part", Same),
];
