//! Postgres → the embedded DataFusion engine. Only what the conformance suite shows DataFusion
//! computes exactly as Postgres does (same values, same result types) is listed; everything else
//! is refused. `pg_*` functions are packwire's own UDFs with Postgres semantics.

use super::{Construct, Dialect, FunctionRule, Support};

use FunctionRule::{Rename, Same};

pub(super) static DIALECT: Dialect = Dialect {
    name: "the embedded engine",
    functions: FUNCTIONS,
    constructs: &[
        (Construct::Like, Support::Native),
        (Construct::ILike, Support::Native),
        (Construct::RegexMatch, Support::Native),
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
        (Construct::DistinctOn, Support::Native),
        (Construct::GroupingSets, Support::Native),
        (Construct::WindowFunction, Support::Native),
        (Construct::AggregateFilter, Support::Native),
        (Construct::WithinGroup, Support::Native),
        (Construct::SetOperation, Support::Native),
        (Construct::Values, Support::Native),
        (Construct::TableFunction, Support::Native),
    ],
    cast_types: &[
        "bool", "boolean", "smallint", "int2", "int", "integer", "int4", "bigint", "int8", "real", "float4",
        "float8", "double precision", "double", "numeric", "decimal", "text", "varchar", "character varying",
        "date", "timestamp",
    ],
};

const FUNCTIONS: &[(&str, FunctionRule)] = &[
    ("count", Same), ("sum", Same), ("avg", Rename("pg_avg_decimal")), ("min", Same), ("max", Same),
    ("bool_and", Same), ("bool_or", Same), ("string_agg", Same), ("array_agg", Same), ("stddev", Same),
    ("stddev_samp", Same), ("stddev_pop", Same), ("variance", Same), ("var_samp", Same), ("var_pop", Same),
    ("percentile_cont", Same), ("grouping", Same),
    ("row_number", Same), ("rank", Same), ("dense_rank", Same), ("percent_rank", Same), ("cume_dist", Same),
    ("ntile", Same), ("lag", Same), ("lead", Same), ("first_value", Same), ("last_value", Same),
    ("nth_value", Same),
    ("abs", Same), ("sqrt", Same), ("power", Same), ("exp", Same), ("ln", Same), ("mod", Same),
    ("greatest", Same), ("least", Same), ("coalesce", Same), ("nullif", Same),
    ("length", Same), ("char_length", Same), ("character_length", Same), ("octet_length", Same),
    ("lower", Same), ("upper", Same), ("initcap", Same), ("substr", Same), ("substring", Same),
    ("strpos", Same), ("split_part", Same), ("lpad", Same), ("rpad", Same), ("concat", Same),
    ("concat_ws", Same), ("replace", Same), ("reverse", Same), ("repeat", Same), ("left", Same),
    ("right", Same), ("btrim", Same), ("ltrim", Same), ("rtrim", Same), ("md5", Same), ("starts_with", Same),
    ("translate", Same), ("ascii", Same), ("chr", Same), ("regexp_replace", Same),
    ("now", Same), ("current_date", Same), ("current_timestamp", Same), ("date_trunc", Same),
    ("date_part", Same), ("make_date", Same), ("to_date", Same),
    ("generate_series", Same),
];
