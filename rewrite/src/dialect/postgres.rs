//! Postgres → Postgres: the identity plus name mapping (done by the resolver). The tables still
//! matter: only functions known to be pure reads of their arguments are forwarded, so a package
//! client can never reach the server's files, settings, locks or other databases through one.

use super::{Construct, Dialect, FunctionRule, Support};

use FunctionRule::{Forbidden, Same};

pub(super) static DIALECT: Dialect = Dialect {
    name: "Postgres",
    functions: FUNCTIONS,
    constructs: &[
        (Construct::Like, Support::Native),
        (Construct::ILike, Support::Native),
        (Construct::SimilarTo, Support::Native),
        (Construct::RegexMatch, Support::Native),
        (Construct::StringConcat, Support::Native),
        (Construct::AtTimeZone, Support::Native),
        (Construct::Extract, Support::Native),
        (Construct::Substring, Support::Native),
        (Construct::Position, Support::Native),
        (Construct::Trim, Support::Native),
        (Construct::Overlay, Support::Native),
        (Construct::Collate, Support::Native),
        (Construct::Interval, Support::Native),
        (Construct::TypedLiteral, Support::Native),
        (Construct::Cast, Support::Native),
        (Construct::JsonAccess, Support::Native),
        (Construct::JsonContainment, Support::Native),
        (Construct::ArrayLiteral, Support::Native),
        (Construct::ArraySubscript, Support::Native),
        (Construct::AnyAll, Support::Native),
        (Construct::InList, Support::Native),
        (Construct::InSubquery, Support::Native),
        (Construct::Exists, Support::Native),
        (Construct::ScalarSubquery, Support::Native),
        (Construct::IsDistinctFrom, Support::Native),
        (Construct::Between, Support::Native),
        (Construct::BitwiseOperator, Support::Native),
        (Construct::Exponent, Support::Native),
        (Construct::Tuple, Support::Native),
        (Construct::DistinctOn, Support::Native),
        (Construct::GroupingSets, Support::Native),
        (Construct::Lateral, Support::Native),
        (Construct::TableFunction, Support::Native),
        (Construct::WindowFunction, Support::Native),
        (Construct::AggregateFilter, Support::Native),
        (Construct::WithinGroup, Support::Native),
        (Construct::SetOperation, Support::Native),
        (Construct::Values, Support::Native),
    ],
    cast_types: CAST_TYPES,
};

/// Every type a package column can have, in the spellings sqlparser prints, plus arrays of them.
pub(super) const CAST_TYPES: &[&str] = &[
    "bool", "boolean", "smallint", "int2", "int", "integer", "int4", "bigint", "int8", "real", "float4", "float",
    "float8", "double precision", "double", "numeric", "decimal", "dec", "text", "varchar", "character varying",
    "char", "character", "bpchar", "date", "time", "time without time zone", "timestamp",
    "timestamp without time zone", "timestamptz", "timestamp with time zone", "interval", "uuid", "json", "jsonb",
    "bytea", "int[]", "integer[]", "bigint[]", "int4[]", "int8[]", "text[]", "varchar[]", "numeric[]", "float8[]",
    "date[]", "bool[]", "boolean[]",
];

const FUNCTIONS: &[(&str, FunctionRule)] = &[
    // aggregates
    ("count", Same), ("sum", Same), ("avg", Same), ("min", Same), ("max", Same), ("bool_and", Same),
    ("bool_or", Same), ("every", Same), ("string_agg", Same), ("array_agg", Same), ("stddev", Same),
    ("stddev_samp", Same), ("stddev_pop", Same), ("variance", Same), ("var_samp", Same), ("var_pop", Same),
    ("percentile_cont", Same), ("percentile_disc", Same), ("mode", Same), ("corr", Same), ("covar_pop", Same),
    ("covar_samp", Same), ("regr_slope", Same), ("regr_intercept", Same), ("bit_and", Same), ("bit_or", Same),
    ("json_agg", Same), ("jsonb_agg", Same), ("json_object_agg", Same), ("jsonb_object_agg", Same),
    ("grouping", Same),
    // window functions
    ("row_number", Same), ("rank", Same), ("dense_rank", Same), ("percent_rank", Same), ("cume_dist", Same),
    ("ntile", Same), ("lag", Same), ("lead", Same), ("first_value", Same), ("last_value", Same),
    ("nth_value", Same),
    // math
    ("abs", Same), ("ceil", Same), ("ceiling", Same), ("floor", Same), ("round", Same), ("trunc", Same),
    ("sign", Same), ("sqrt", Same), ("cbrt", Same), ("power", Same), ("pow", Same), ("exp", Same), ("ln", Same),
    ("log", Same), ("log10", Same), ("mod", Same), ("div", Same), ("pi", Same), ("degrees", Same),
    ("radians", Same), ("sin", Same), ("cos", Same), ("tan", Same), ("asin", Same), ("acos", Same),
    ("atan", Same), ("atan2", Same), ("gcd", Same), ("lcm", Same), ("factorial", Same), ("width_bucket", Same),
    ("scale", Same), ("trim_scale", Same), ("greatest", Same), ("least", Same), ("coalesce", Same),
    ("nullif", Same),
    // strings
    ("length", Same), ("char_length", Same), ("character_length", Same), ("octet_length", Same),
    ("bit_length", Same), ("lower", Same), ("upper", Same), ("initcap", Same), ("substr", Same),
    ("substring", Same), ("strpos", Same), ("position", Same), ("split_part", Same), ("lpad", Same),
    ("rpad", Same), ("concat", Same), ("concat_ws", Same), ("replace", Same), ("reverse", Same),
    ("repeat", Same), ("left", Same), ("right", Same), ("btrim", Same), ("ltrim", Same), ("rtrim", Same),
    ("trim", Same), ("md5", Same), ("sha256", Same), ("starts_with", Same), ("translate", Same),
    ("ascii", Same), ("chr", Same), ("format", Same), ("quote_ident", Same), ("quote_literal", Same),
    ("regexp_replace", Same), ("regexp_match", Same), ("regexp_matches", Same), ("regexp_split_to_array", Same),
    ("regexp_split_to_table", Same), ("regexp_count", Same), ("regexp_like", Same), ("regexp_substr", Same),
    ("regexp_instr", Same), ("to_hex", Same), ("encode", Same), ("decode", Same), ("overlay", Same),
    ("string_to_array", Same), ("array_to_string", Same), ("to_char", Same), ("to_number", Same),
    ("unistr", Same), ("normalize", Same), ("get_byte", Same),
    // dates and times
    ("now", Same), ("current_date", Same), ("current_time", Same), ("current_timestamp", Same),
    ("localtime", Same), ("localtimestamp", Same), ("transaction_timestamp", Same), ("statement_timestamp", Same),
    ("date_trunc", Same), ("date_part", Same), ("extract", Same), ("age", Same), ("to_date", Same),
    ("to_timestamp", Same), ("make_date", Same), ("make_time", Same), ("make_timestamp", Same),
    ("make_timestamptz", Same), ("make_interval", Same), ("justify_days", Same), ("justify_hours", Same),
    ("justify_interval", Same), ("date_bin", Same), ("isfinite", Same), ("timezone", Same),
    // arrays and sets
    ("array_length", Same), ("cardinality", Same), ("array_position", Same), ("array_positions", Same),
    ("array_append", Same), ("array_prepend", Same), ("array_cat", Same), ("array_remove", Same),
    ("array_replace", Same), ("array_lower", Same), ("array_upper", Same), ("array_ndims", Same),
    ("array_dims", Same), ("unnest", Same), ("generate_series", Same), ("generate_subscripts", Same),
    // json
    ("jsonb_typeof", Same), ("json_typeof", Same), ("jsonb_array_length", Same), ("json_array_length", Same),
    ("jsonb_extract_path", Same), ("jsonb_extract_path_text", Same), ("json_extract_path", Same),
    ("json_extract_path_text", Same), ("jsonb_build_object", Same), ("json_build_object", Same),
    ("jsonb_build_array", Same), ("json_build_array", Same), ("to_json", Same), ("to_jsonb", Same),
    ("jsonb_pretty", Same), ("jsonb_strip_nulls", Same), ("jsonb_object_keys", Same),
    ("jsonb_array_elements", Same), ("jsonb_array_elements_text", Same), ("jsonb_each", Same),
    ("jsonb_each_text", Same), ("jsonb_path_query", Same), ("jsonb_path_exists", Same),
    // misc pure
    ("num_nulls", Same), ("num_nonnulls", Same), ("gen_random_uuid", Same), ("random", Same),
    ("pg_sleep", Same),
    // never: files, server state, the pooled backend session, other databases
    ("pg_read_file", Forbidden), ("pg_read_binary_file", Forbidden), ("pg_ls_dir", Forbidden),
    ("pg_stat_file", Forbidden), ("lo_import", Forbidden), ("lo_export", Forbidden), ("lo_get", Forbidden),
    ("set_config", Forbidden), ("current_setting", Forbidden), ("pg_terminate_backend", Forbidden),
    ("pg_cancel_backend", Forbidden), ("pg_reload_conf", Forbidden), ("pg_advisory_lock", Forbidden),
    ("pg_advisory_xact_lock", Forbidden), ("pg_try_advisory_lock", Forbidden), ("dblink", Forbidden),
    ("dblink_exec", Forbidden), ("nextval", Forbidden), ("setval", Forbidden), ("currval", Forbidden),
    ("txid_current", Forbidden), ("pg_backend_pid", Forbidden), ("inet_server_addr", Forbidden),
    ("pg_switch_wal", Forbidden), ("query_to_xml", Forbidden), ("pg_notify", Forbidden),
];
