//! Dialect rows, one behaviour each: what a target writes for a Postgres construct, or that it
//! refuses it (0A000) or forbids it (42501). The conformance suite checks the answers; these
//! check the rewriting itself.

use std::path::Path;

use crate::{Planned, RewriteError, SessionInfo, Target, parse, plan};

const MANIFEST: &str = r#"
[package]
name = "shop"
version = "1.0.0"
[source]
kind = "files"
format = "parquet"
root = "data"
[[tables]]
name = "orders"
columns = [
  { name = "id", type = "int8" },
  { name = "total", type = "numeric(12,2)" },
  { name = "placed", type = "date" },
]
"#;

fn sql(text: &str, target: Target) -> Result<String, RewriteError> {
    let version = package::PackageVersion::from_toml(MANIFEST, Path::new("/r/shop.toml")).unwrap();
    let info = SessionInfo { database: "shop@1.0.0".into(), user: "app".into(), version: "v".into() };
    match plan(parse(text)?.remove(0), text, &version, target, &info)? {
        Planned::Query(query) => Ok(query.sql),
        other => panic!("not a query: {other:?}"),
    }
}

fn embedded(text: &str) -> String {
    sql(text, Target::DataFusion).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn refused(text: &str, target: Target) -> String {
    match sql(text, target) {
        Err(RewriteError::Unsupported { message, .. }) => message,
        other => panic!("{text} should be refused on {target:?}: {other:?}"),
    }
}

#[test]
fn literals_keep_their_postgres_types_on_the_embedded_engine() {
    assert_eq!(
        embedded("select 1 as a, 0.06 as b, 1e3 as c, -1.5e-2 as d"),
        "SELECT CAST(1 AS INT) AS a, CAST('0.06' AS DECIMAL(2,2)) AS b, CAST('1000' AS DECIMAL(4,0)) AS c, \
         CAST('-0.015' AS DECIMAL(3,3)) AS d"
    );
    // An exponent no numeric can have is refused, not overflowed.
    refused("select 1e-9223372036854775808", Target::DataFusion);
    // Positions and counts stay numbers.
    assert_eq!(
        embedded("select id, total from orders order by 2, 1 limit 5 offset 1"),
        "SELECT id, total FROM \"public\".\"orders\" AS \"orders\" ORDER BY 2, 1 LIMIT 5 OFFSET 1"
    );
}

#[test]
fn division_and_aggregates_use_postgres_semantics_on_the_embedded_engine() {
    assert_eq!(
        embedded("select sum(total) / 7 from orders"),
        "SELECT pg_div(pg_sum(total), CAST(7 AS INT)) FROM \"public\".\"orders\" AS \"orders\""
    );
    // Inside an expression the typed variant stays; ORDER BY the column sorts by it.
    assert_eq!(
        embedded("select id, avg(total) from orders group by id order by 2"),
        "SELECT id, pg_avg(total) FROM \"public\".\"orders\" AS \"orders\" GROUP BY id ORDER BY pg_avg_decimal(total)"
    );
    assert_eq!(
        embedded("select extract(year from placed) from orders"),
        "SELECT CAST(date_part('year', placed) AS DECIMAL(20,0)) FROM \"public\".\"orders\" AS \"orders\""
    );
}

#[test]
fn what_a_target_cannot_express_is_refused_by_name() {
    assert!(refused("select extract(julian from placed) from orders", Target::DataFusion).contains("EXTRACT(JULIAN"));
    // Casts to text take Postgres' output forms through pg_text; string literals stay.
    assert_eq!(
        embedded("select total::text as a, 'x'::text as b from orders fetch first 2 rows only"),
        "SELECT pg_text(total) AS a, 'x'::TEXT AS b FROM \"public\".\"orders\" AS \"orders\" LIMIT 2"
    );
    // WITH TIES ranks the rows; with an OFFSET or DISTINCT the rank would count other rows.
    assert_eq!(
        embedded("select id as k, total from orders order by 2 desc, k fetch first 3 rows with ties"),
        "SELECT id AS k, total FROM \"public\".\"orders\" AS \"orders\" \
         QUALIFY rank() OVER (ORDER BY total DESC, id) <= 3 ORDER BY 2 DESC, k"
    );
    for text in [
        "select id from orders order by id offset 1 fetch first 1 row with ties",
        "select distinct id from orders order by id fetch first 1 row with ties",
        "select id from orders order by id fetch first $1 rows with ties",
    ] {
        assert!(refused(text, Target::DataFusion).contains("WITH TIES"), "{text}");
    }
    // Casts to integers take Postgres' rounding through pg_int2/4/8.
    assert_eq!(
        embedded("select total::int as a, id::smallint as b from orders"),
        "SELECT pg_int4(total) AS a, pg_int2(id) AS b FROM \"public\".\"orders\" AS \"orders\""
    );
    assert_eq!(
        embedded("select mode() within group (order by id desc) from orders"),
        "SELECT pg_mode() WITHIN GROUP (ORDER BY id DESC) FROM \"public\".\"orders\" AS \"orders\""
    );
    assert!(refused("select 'a' like placed::text escape '!' from orders", Target::DataFusion).contains("ESCAPE"));
    assert!(refused("select substring('a1' from 'a|1')", Target::DataFusion).contains("alternation"));
    assert_eq!(
        embedded("select substring('a1' from '[0-9]') as d, ~id as n, regr_count(total, id) as c from orders"),
        "SELECT array_element(regexp_match('a1', '[0-9]'), 1) AS d, pg_bitnot(id) AS n, \
         CAST(regr_count(total, id) AS BIGINT) AS c FROM \"public\".\"orders\" AS \"orders\""
    );
    assert_eq!(
        embedded("select ' 12.340 '::numeric as a, '-.5'::numeric as b, '1e3'::numeric as c"),
        "SELECT CAST('12.340' AS DECIMAL(5,3)) AS a, CAST('-0.5' AS DECIMAL(1,1)) AS b, CAST('1000' AS DECIMAL(4,0)) AS c"
    );
    refused("select 'NaN'::numeric", Target::DataFusion);
    assert_eq!(
        embedded("select avg(distinct id) as a from orders"),
        "SELECT pg_div(pg_numeric(pg_sum(DISTINCT id)), NULLIF(count(DISTINCT id), 0)) AS a FROM \"public\".\"orders\" AS \"orders\""
    );
    assert_eq!(
        embedded("select mod(id, 3) as m, div(total, 2) as d from orders"),
        "SELECT (id % CAST(3 AS INT)) AS m, pg_integer_div(total, CAST(2 AS INT)) AS d FROM \"public\".\"orders\" AS \"orders\""
    );
    assert_eq!(
        embedded("select id & 3 as a, id # 1 as b from orders where 'a' like 'a\\%' escape '\\'"),
        "SELECT id & CAST(3 AS INT) AS a, id # CAST(1 AS INT) AS b FROM \"public\".\"orders\" AS \"orders\" WHERE 'a' LIKE 'a\\%' ESCAPE '\\'"
    );
    assert_eq!(
        sql("select distinct on (id) id, total as t from orders order by 1, t desc limit 3", Target::Snowflake)
            .unwrap(),
        "SELECT id, total AS t FROM \"public\".\"orders\" AS \"orders\" QUALIFY row_number() OVER (PARTITION BY id \
         ORDER BY id, total DESC) = 1 ORDER BY 1, t DESC LIMIT 3"
    );
    // An output name is matched as Postgres folds it (T is t).
    assert!(
        sql("select distinct on (id) id, total as t from orders order by id, T", Target::Snowflake)
            .unwrap()
            .contains("ORDER BY id, total)")
    );
    // Postgres requires ORDER BY to start with the DISTINCT ON keys.
    assert!(
        refused("select distinct on (id) id from orders order by total", Target::Snowflake).contains("DISTINCT ON")
    );
    assert!(matches!(
        sql("select made_up(id) from orders", Target::Postgres),
        Err(RewriteError::UndefinedFunction { .. })
    ));
    // Postgres → Postgres is the identity for what it lists.
    assert_eq!(
        sql("select 1.50 / 3 from orders", Target::Postgres).unwrap(),
        "SELECT 1.50 / 3 FROM \"public\".\"orders\" AS \"orders\""
    );
}

#[test]
fn functions_that_reach_the_server_are_forbidden_everywhere() {
    for target in [Target::Postgres, Target::DataFusion] {
        match sql("select pg_read_file('/etc/passwd')", target) {
            Err(RewriteError::NotAllowed { .. }) | Err(RewriteError::Unsupported { .. }) => {}
            other => panic!("{other:?}"),
        }
    }
    // `SELECT set_config(…)` alone is a SET the session answers; inside a query it stays forbidden.
    assert!(matches!(
        sql("select set_config('a', 'b', false) from orders", Target::Postgres),
        Err(RewriteError::NotAllowed { .. })
    ));
}

#[test]
fn snowflake_spells_string_agg_as_listagg() {
    assert_eq!(
        sql("select string_agg('a', ',') from orders", Target::Snowflake).unwrap(),
        "SELECT LISTAGG('a', ',') FROM \"public\".\"orders\" AS \"orders\""
    );
    assert_eq!(
        snowflake_items("string_agg(distinct 'a', ',' order by 'a' desc)"),
        "LISTAGG(DISTINCT 'a', ',') WITHIN GROUP (ORDER BY 'a' DESC)"
    );
    // Snowflake's floats are all doubles.
    assert!(matches!(
        sql("select cast(id as real) from orders", Target::Snowflake),
        Err(RewriteError::Unsupported { .. })
    ));
}

#[test]
fn snowflake_reads_backslashes_as_postgres_does() {
    // Backslashes are escapes in Snowflake strings; LIKE gets Postgres' default escape.
    assert_eq!(
        sql(r"select 'a\b' as s from orders where 'x_y' like 'x\_y'", Target::Snowflake).unwrap(),
        r#"SELECT 'a\\b' AS s FROM "public"."orders" AS "orders" WHERE 'x_y' LIKE 'x\\_y' ESCAPE '\\'"#
    );
}

#[test]
fn round_keeps_its_places_as_a_constant_on_the_embedded_engine() {
    assert_eq!(
        embedded("select round(total, 1) as a, round(total) as b from orders"),
        "SELECT pg_round(total, 1) AS a, pg_round(total) AS b FROM \"public\".\"orders\" AS \"orders\""
    );
    assert!(refused("select round(total, id) from orders", Target::DataFusion).contains("computed n"));
}

#[test]
fn constructs_datafusion_answers_differently_are_refused_there_only() {
    for text in [
        "select id from orders intersect all select id from orders",
        "select id from orders union (select id from orders except all select id from orders)",
        "select sum(id) over (w order by id) from orders window w as (partition by placed rows 2 preceding)",
    ] {
        refused(text, Target::DataFusion);
        sql(text, Target::Postgres).unwrap_or_else(|e| panic!("{text} on Postgres: {e}"));
    }
    // A scalar subquery tested for NULL yields a value the engine knows may be NULL.
    assert_eq!(
        embedded("select (select id from orders where id = 0) is null"),
        "SELECT (SELECT nullif(id, NULL) FROM \"public\".\"orders\" AS \"orders\" WHERE id = CAST(0 AS INT)) IS NULL"
    );
}

#[test]
fn full_join_merged_columns_are_the_first_non_null_on_the_embedded_engine() {
    assert_eq!(
        embedded("select id, a.total from orders a full join orders b using (id) order by id"),
        "SELECT COALESCE(\"a\".id, \"b\".id) AS \"id\", a.total FROM \"public\".\"orders\" a FULL JOIN \
         \"public\".\"orders\" b USING(id) ORDER BY id"
    );
    let star = embedded("select * from orders a full join orders b using (id)");
    assert!(star.starts_with("SELECT COALESCE(\"a\".\"id\", \"b\".\"id\") AS \"id\", \"a\"."), "{star}");
}

#[test]
fn refined_windows_are_written_out_on_the_embedded_engine() {
    assert_eq!(
        embedded("select sum(id) over (w order by id) as s from orders window w as (partition by placed)"),
        "SELECT pg_sum(id) OVER (PARTITION BY placed ORDER BY id) AS s FROM \"public\".\"orders\" AS \"orders\" \
         WINDOW w AS (PARTITION BY placed)"
    );
}

#[test]
fn unnest_in_from_names_its_columns_like_postgres() {
    let postgres = |text: &str| sql(text, Target::Postgres).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(postgres("select x from unnest(array[1, 2]) as x"), "SELECT x FROM UNNEST(ARRAY[1, 2]) AS x");
    postgres("select t.v, t.n from unnest(array['a']) with ordinality as t(v, n)");
    postgres("select * from unnest(array[1], array[2]) with ordinality");
    // The embedded engine's own unnest, in a subquery that names the column as Postgres does.
    assert_eq!(
        embedded("select x from unnest(array[1, 2]) as x"),
        "SELECT x FROM (SELECT unnest(ARRAY[CAST(1 AS INT), CAST(2 AS INT)]) AS \"x\") AS \"x\""
    );
    // Several arrays and the counter are lists unnested side by side.
    assert_eq!(
        embedded("select t.v, t.n from unnest(array['a'], array['b']) with ordinality as t(v, w, n)"),
        "SELECT t.v, t.n FROM (SELECT unnest(ARRAY['a']) AS \"v\", unnest(ARRAY['b']) AS \"w\", \
         unnest(generate_series(1, greatest(CAST(cardinality(ARRAY['a']) AS BIGINT), \
         CAST(cardinality(ARRAY['b']) AS BIGINT)))) AS \"n\") AS \"t\""
    );
    assert!(refused("select * from unnest(array[1], array[2])", Target::DataFusion).contains("columns of one name"));
}

#[test]
fn set_returning_jsonb_functions_name_their_columns_like_postgres() {
    let postgres = |text: &str| sql(text, Target::Postgres).unwrap_or_else(|e| panic!("{text}: {e}"));
    // OUT parameters name the columns whatever the alias; the alias alone means the value.
    assert_eq!(
        postgres("select x, x.value from jsonb_array_elements_text('[1]') as x"),
        "SELECT x.\"value\", x.value FROM jsonb_array_elements_text('[1]') AS x"
    );
    postgres("select key, value from jsonb_each('{}') as e");
    postgres("select k from json_object_keys('{}') as k");
    postgres("select e.v, e.n from jsonb_array_elements('[]') with ordinality as e(v, n)");
    match sql("select e from jsonb_each('{}') as e", Target::Postgres) {
        Err(RewriteError::UndefinedColumn { message, .. }) => assert_eq!(message, "column \"e\" does not exist"),
        other => panic!("{other:?}"),
    }
    // On the embedded engine: lists of each row's values, unnested side by side.
    assert_eq!(
        embedded("select key, value from jsonb_each('{\"a\": 1}')"),
        "SELECT key, value FROM (SELECT unnest(pg_jsonb_each_keys('{\"a\": 1}')) AS \"key\", \
         pg_jsonb(unnest(pg_jsonb_each_values('{\"a\": 1}'))) AS \"value\") AS \"jsonb_each\""
    );
    assert_eq!(
        embedded("select k, n from jsonb_object_keys('{}'::jsonb) with ordinality as t(k, n)"),
        "SELECT k, n FROM (SELECT unnest(pg_jsonb_object_keys(pg_jsonb('{}'))) AS \"k\", \
         unnest(generate_series(1, CAST(cardinality(pg_jsonb_object_keys(pg_jsonb('{}'))) AS BIGINT))) AS \"n\") \
         AS \"t\""
    );
    assert!(refused("select * from json_each('{}')", Target::DataFusion).contains("json_each"));
}

#[test]
fn series_in_the_select_list_are_unnested_lists() {
    assert_eq!(embedded("select generate_series(1, 3) as x"), "SELECT CAST(unnest(generate_series(1, 3)) AS INT) AS x");
    assert_eq!(
        embedded("select generate_series(0.50, 1, 0.25) as x"),
        "SELECT CAST(unnest(generate_series(50, 100, 25)) AS DECIMAL(38,0)) * CAST('0.01' AS DECIMAL(3,2)) AS x"
    );
    // DataFusion's one-argument series counts from 0; Postgres has none.
    assert!(refused("select generate_series(3)", Target::DataFusion).contains("two or three arguments"));
    assert!(refused("select * from generate_series(3)", Target::DataFusion).contains("two or three arguments"));
    assert!(refused("select generate_series(1, id) from orders", Target::DataFusion).contains("constants"));
}

#[test]
fn series_count_their_rows_with_ordinality() {
    let postgres = |text: &str| sql(text, Target::Postgres).unwrap_or_else(|e| panic!("{text}: {e}"));
    postgres("select t.v, t.i from generate_series(10, 30, 10) with ordinality as t(v, i)");
    postgres("select g.ordinality from generate_series(1, 3) with ordinality as g");
    assert_eq!(
        embedded("select * from generate_series(10, 30, 10) with ordinality as t(v, i)"),
        "SELECT * FROM (SELECT CAST(value AS INT) AS \"v\", (value - (10)) / (10) + 1 AS \"i\" \
         FROM generate_series(10, 30, 10)) AS \"t\""
    );
    assert!(
        embedded("select * from generate_series(0.5, 2.0) with ordinality")
            .contains("value - (5) + 1 AS \"ordinality\"")
    );
    refused(
        "select * from generate_series(timestamp '2024-01-01', timestamp '2024-01-02', interval '1 hour') with ordinality",
        Target::DataFusion,
    );
}

#[test]
fn integer_series_keep_postgres_types_and_names_on_the_embedded_engine() {
    assert_eq!(
        embedded("select g from generate_series(1, 10, 4) as g"),
        "SELECT g FROM (SELECT CAST(value AS INT) AS \"g\" FROM generate_series(1, 10, 4)) AS \"g\""
    );
    assert_eq!(
        embedded("select * from generate_series(-3, 9223372036854775807)"),
        "SELECT * FROM (SELECT CAST(value AS BIGINT) AS \"generate_series\" FROM generate_series(-3, \
         9223372036854775807)) AS \"generate_series\""
    );
    assert_eq!(
        embedded("select x from generate_series(-0.5, 2.0, 0.5) as x"),
        "SELECT x FROM (SELECT CAST(value AS DECIMAL(38,0)) * CAST('0.1' AS DECIMAL(2,1)) AS \"x\" FROM \
         generate_series(-5, 20, 5)) AS \"x\""
    );
    // Postgres shows `1` and then `1.5`: rows of different scales.
    refused("select x from generate_series(1, 2, 0.5) as x", Target::DataFusion);
    refused("select g from orders, generate_series(1, id) as g", Target::DataFusion);
}

#[test]
fn any_and_all_over_written_out_arrays_expand_on_the_embedded_engine() {
    assert_eq!(
        embedded("select id from orders where id = any (array[1, 2])"),
        "SELECT id FROM \"public\".\"orders\" AS \"orders\" WHERE (id = CAST(1 AS INT) OR id = CAST(2 AS INT))"
    );
    assert_eq!(
        embedded("select id from orders where id <> all ('{4, NULL}'::bigint[])"),
        "SELECT id FROM \"public\".\"orders\" AS \"orders\" WHERE (id <> CAST('4' AS BIGINT) AND id <> CAST(NULL AS BIGINT))"
    );
    // An empty array: false for ANY, true for ALL, whatever the left side is.
    assert_eq!(
        embedded("select 1 = any ('{}'::int[]) as a, 1 <> all ('{}'::int[]) as b"),
        "SELECT false AS a, true AS b"
    );
    assert_eq!(
        embedded("select id from orders where id = any (select id from orders)"),
        "SELECT id FROM \"public\".\"orders\" AS \"orders\" WHERE id IN (SELECT id FROM \"public\".\"orders\" AS \"orders\")"
    );
    for text in [
        "select id from orders where id > any (select id from orders)",
        "select id from orders where id = any (array[[1, 2], [3, 4]])",
        "select id from orders where 'a ' = any (array['a ', 'b'])",
        "select id from orders where id < any (string_to_array('1,2', ','))",
        "select id from orders where id = all ($1)",
    ] {
        refused(text, Target::DataFusion);
    }
    // `= ANY` over any other array is left to DataFusion (the plan check gives it Postgres' NULL
    // rules); `<> ALL` is its negation.
    assert_eq!(
        embedded("select id from orders where id = any ($1) and id <> all (string_to_array('1,2', ','))"),
        "SELECT id FROM \"public\".\"orders\" AS \"orders\" WHERE id = ANY($1) AND NOT (id = ANY(string_to_array('1,2', ',')))"
    );
}

#[test]
fn similar_to_is_an_anchored_regular_expression_on_the_embedded_engine() {
    assert_eq!(
        embedded("select id from orders where 'abc' similar to '(a|b)%' and 'x' not similar to 'y_'"),
        "SELECT id FROM \"public\".\"orders\" AS \"orders\" WHERE 'abc' ~ '(?s)^(?:(?:a|b).*)$' AND 'x' !~ '(?s)^(?:y.)$'"
    );
    refused("select id from orders where 'abc' similar to 'a' || 'b'", Target::DataFusion);
}

#[test]
fn concat_writes_its_arguments_as_postgres_text_on_the_embedded_engine() {
    assert_eq!(
        embedded("select concat('a', id, true), concat_ws(',', total, 'x'), every(id > 0) from orders"),
        "SELECT concat('a', pg_output(id), pg_output(true)), concat_ws(',', pg_output(total), 'x'), bool_and(id > CAST(0 AS INT)) \
         FROM \"public\".\"orders\" AS \"orders\""
    );
}

#[test]
fn date_and_timestamp_literals_are_written_as_both_engines_read_them() {
    assert_eq!(
        embedded(
            "select timestamp '2024-01-01 10:00' as a, '2024-01-01T10:00:00.5'::timestamp as b, date '2024-02-29' as c"
        ),
        "SELECT TIMESTAMP '2024-01-01 10:00:00' AS a, '2024-01-01 10:00:00.5'::TIMESTAMP AS b, DATE '2024-02-29' AS c"
    );
    assert_eq!(
        embedded(
            "select 'Feb 29 2024'::date as a, date '2024-1-5' as b, '20240229'::date as c, '1:02:03 PM'::time as d"
        ),
        "SELECT '2024-02-29'::DATE AS a, DATE '2024-01-05' AS b, '2024-02-29'::DATE AS c, '13:02:03'::TIME AS d"
    );
    for text in [
        "select timestamp '2024-01-01 10:00:00+02'",
        "select 'epoch'::timestamp",
        "select '1/2/2024'::date",
        "select '13:00 PM'::time",
        "select placed::timestamp(0) from orders",
    ] {
        refused(text, Target::DataFusion);
    }
}

#[test]
fn interval_literals_are_read_as_postgres_reads_them_on_the_embedded_engine() {
    assert_eq!(
        embedded("select interval '1 mon -1 hour' as a, interval '1.5 days' as b, interval '3' day as c"),
        "SELECT INTERVAL '1 months -1 hours' AS a, INTERVAL '1 days 12 hours' AS b, INTERVAL '3' DAY AS c"
    );
    assert_eq!(
        embedded("select interval '1 month - 1 day' as a, '1:30'::interval as b, cast('P1M' as interval) as c"),
        "SELECT INTERVAL '1 months -1 days' AS a, INTERVAL '1 hours 30 minutes' AS b, INTERVAL '1 months' AS c"
    );
    for text in [
        "select interval '1 fortnight'",
        "select interval '1 day 1 day'",
        "select interval '1.5' day",
        "select placed::text::interval from orders",
        "select '1 day'::interval(2)",
    ] {
        refused(text, Target::DataFusion);
    }
}

#[test]
fn like_escapes_and_arrays_are_written_out_on_the_embedded_engine() {
    assert_eq!(
        embedded("select 'a_b' like 'a#_%' escape '#' as a, 'a\\b' like 'a\\b' escape '' as b"),
        "SELECT 'a_b' LIKE 'a\\_%' AS a, 'a\\b' LIKE 'a\\\\b' AS b"
    );
    assert_eq!(
        embedded("select 'ab' like any (array['a%', 'b%']) as a, 'ab' not ilike all (array['x%']) as b"),
        "SELECT ('ab' LIKE 'a%' OR 'ab' LIKE 'b%') AS a, ('ab' NOT ILIKE 'x%') AS b"
    );
    refused("select 'ab' like 'a#' escape '#'", Target::DataFusion);
}

#[test]
fn format_takes_its_arguments_as_postgres_text_on_the_embedded_engine() {
    assert_eq!(
        embedded("select format('%s (%5s) %%I', id, total) from orders"),
        "SELECT pg_format('%s (%5s) %%I', pg_output(id), pg_output(total)) FROM \"public\".\"orders\" AS \"orders\""
    );
    for text in ["select format('%*s', 3, 'x')", "select format(min(placed)::text) from orders"] {
        refused(text, Target::DataFusion);
    }
}

#[test]
fn jsonb_operators_become_packwire_functions_on_the_embedded_engine() {
    assert_eq!(
        embedded(r#"select '{"a": [1]}'::jsonb #> '{a,0}' as x, '{"a": 1}'::jsonb ->> 'a' as y"#),
        r#"SELECT pg_jsonb_get_path(pg_jsonb('{"a": [1]}'), 'a', '0') AS x, pg_jsonb_get_text(pg_jsonb('{"a": 1}'), 'a') AS y"#
    );
    // `?|` over written-out keys is an OR of `?`; NULL keys are skipped as Postgres skips them.
    assert_eq!(
        embedded(r#"select '{}'::jsonb ?| array['a', null, 'b'] as k"#),
        r#"SELECT (pg_jsonb_exists(pg_jsonb('{}'), 'a') OR pg_jsonb_exists(pg_jsonb('{}'), 'b')) AS k"#
    );
    // `||` is the jsonb operator only when an operand is jsonb by its form.
    assert_eq!(
        embedded(r#"select '[1]'::jsonb || '[2]' as j, 'a' || 'b' as t"#),
        r#"SELECT pg_jsonb_concat(pg_jsonb('[1]'), '[2]') AS j, 'a' || 'b' AS t"#
    );
    assert!(refused(r#"select '[1]'::jsonb || id::text from orders"#, Target::DataFusion).contains("||"));
    assert_eq!(embedded(r#"select ('{"a": 2}'::jsonb -> 'a')::int as i"#).matches("pg_jsonb_int4(").count(), 1);
}

#[test]
fn arrays_are_lists_on_the_embedded_engine() {
    assert_eq!(
        embedded("select '{1,NULL}'::int[] as a, '{}'::text[] as e"),
        "SELECT ARRAY[CAST('1' AS INT), CAST(NULL AS INT)] AS a, CAST(ARRAY[] AS TEXT[]) AS e"
    );
    // A subscript that may not be positive reaches DataFusion only when it is.
    assert_eq!(
        embedded("select (array[1, 2])[id] as x from orders"),
        "SELECT (ARRAY[CAST(1 AS INT), CAST(2 AS INT)])[CASE WHEN id > 0 THEN id END] AS x FROM \"public\".\"orders\" AS \"orders\""
    );
    assert!(refused("select array[[1, 2], [3, 4]]", Target::DataFusion).contains("multi-dimensional"));
    assert!(refused("select (array[1, 2])[-1:1]", Target::DataFusion).contains("slices"));
    assert!(refused("select array_length(array[1], 2)", Target::DataFusion).contains("dimension"));
}

#[test]
fn timestamptz_literals_are_normalized_or_refused_never_misread() {
    assert_eq!(
        embedded("select timestamptz '2024-01-01 10:00+0530' as t"),
        "SELECT arrow_cast('2024-01-01 10:00:00+05:30', 'Timestamp(Microsecond, Some(\"UTC\"))') AS t"
    );
    // A four-byte offset that is not ASCII is refused, not split inside a character.
    assert!(refused("select timestamptz '2024-01-01 00:00:00+1é1'", Target::DataFusion).contains("TIMESTAMPTZ"));
    // A zone abbreviation is not read (a zone name is: see below).
    assert!(refused("select timestamptz '2024-06-01 00:00 EDT'", Target::DataFusion).contains("TIMESTAMPTZ"));
}

#[test]
fn row_comparisons_compare_elements_left_to_right() {
    assert_eq!(
        embedded("select id from orders where (id, total) <= (5, 7)"),
        "SELECT id FROM \"public\".\"orders\" AS \"orders\" WHERE (id < CAST(5 AS INT) OR (id = CAST(5 AS INT) AND (total <= CAST(7 AS INT))))"
    );
    assert!(
        embedded("select row(id, 1) = (2, total) from orders")
            .contains("(id = CAST(2 AS INT) AND CAST(1 AS INT) = total)")
    );
    assert!(
        embedded("select (id, 1) is distinct from (2, null) from orders")
            .contains("(id IS DISTINCT FROM CAST(2 AS INT) OR CAST(1 AS INT) IS DISTINCT FROM NULL)")
    );
    assert!(refused("select (id, random()) < (2, 0.5) from orders", Target::DataFusion).contains("function calls"));
    assert!(refused("select (id, 1) = (2, 3, 4) from orders", Target::DataFusion).contains("different lengths"));
    // Postgres compares rows itself.
    assert!(sql("select (id, 1) < (2, 3) from orders", Target::Postgres).unwrap().contains("(id, 1) < (2, 3)"));
}

#[test]
fn casts_to_varchar_and_char_cut_the_text() {
    assert!(embedded("select id::varchar(2) as v from orders").contains("pg_varchar(id, 2) AS v"));
    assert!(embedded("select cast(total as character varying) as v from orders").contains("pg_varchar(total, 0) AS v"));
    // char(n) also pads to n; `char` alone is char(1).
    assert!(embedded("select id::char(4) as v from orders").contains("pg_bpchar(id, 4) AS v"));
    assert!(embedded("select cast(id as character) as v from orders").contains("pg_bpchar(id, 1) AS v"));
}

#[test]
fn merged_using_columns_are_qualified_for_the_embedded_engine() {
    let sql = "select id from (select id from orders) a right join (select id from orders) b using (id) where id > 1";
    assert!(embedded(sql).contains("WHERE \"b\".id > CAST(1 AS INT)"), "{}", embedded(sql));
    let sql = "select id from (select id from orders) a join (select id from orders) b using (id) where id > 1";
    assert!(embedded(sql).contains("WHERE \"a\".id > CAST(1 AS INT)"), "{}", embedded(sql));
    // Postgres merges the columns itself.
    assert!(sql_for_postgres(sql).contains("WHERE id > 1"));
}

fn sql_for_postgres(text: &str) -> String {
    sql(text, Target::Postgres).unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn snowflake_substring_only_where_positions_count_alike() {
    assert_eq!(
        sql("select substring('abcdef' from 2 for 3), substring('abcdef', 1, 0), substring('abcdef' from 4) from orders", Target::Snowflake)
            .unwrap(),
        "SELECT SUBSTR('abcdef', 2, 3), SUBSTR('abcdef', 1, 0), SUBSTR('abcdef', 4) FROM \"public\".\"orders\" AS \"orders\""
    );
    for text in [
        "select substring('abcdef' from 0 for 2) from orders",
        "select substring('abcdef' from 1 for -1) from orders",
        "select substring('abcdef' from id) from orders",
        "select substring('abcdef' from 'a.c') from orders",
    ] {
        assert!(refused(text, Target::Snowflake).contains("SUBSTRING"), "{text}");
    }
}

#[test]
fn the_exponent_operator_is_power_on_the_embedded_engine() {
    // Postgres: unary minus binds tighter than `^`, and `^` is left-associative:
    // select -2 ^ 2, 2 ^ 3 ^ 2; → 4, 64
    assert_eq!(
        embedded("select -2 ^ 2 as c, 2 ^ 3 ^ 2 as d"),
        "SELECT power(CAST(-2 AS INT), CAST(2 AS INT)) AS c, \
         power(power(CAST(2 AS INT), CAST(3 AS INT)), CAST(2 AS INT)) AS d"
    );
    // Written with parentheses, the sign applies to the power.
    assert_eq!(embedded("select -(2 ^ 2) as e"), "SELECT -(power(CAST(2 AS INT), CAST(2 AS INT))) AS e");
}

#[test]
fn snowflake_writes_aggregate_filters_as_case() {
    assert_eq!(
        sql("select count(*) filter (where id > 1), sum(total) filter (where id < 3) from orders", Target::Snowflake)
            .unwrap(),
        "SELECT count(CASE WHEN id > 1 THEN 1 END), sum(CASE WHEN id < 3 THEN total END) FROM \"public\".\"orders\" AS \
         \"orders\""
    );
    // array_agg keeps NULL inputs: a CASE would add them.
    assert!(refused("select array_agg(id) filter (where id > 1) from orders", Target::Snowflake).contains("FILTER"));
}

#[test]
fn rows_and_periods_are_written_out_on_the_embedded_engine() {
    // A row IN a list of rows is the OR of the rows' equalities, each an AND of its elements'.
    assert_eq!(
        embedded("select id from orders where (id, placed) not in (values (1, date '2024-01-01'), (2, null))"),
        "SELECT id FROM \"public\".\"orders\" AS \"orders\" WHERE NOT ((id = CAST(1 AS INT) AND placed = \
         DATE '2024-01-01') OR (id = CAST(2 AS INT) AND placed = NULL))"
    );
    assert!(embedded("select id from orders where (id, total) in ((1, 2.5))").contains("(id = CAST(1 AS INT) AND"));
    assert!(
        refused("select id from orders where (random(), id) in ((1, 2), (3, 4))", Target::DataFusion)
            .contains("function calls")
    );
    assert_eq!(
        embedded("select (placed, interval '1 day') overlaps (date '2024-01-01', placed) from orders"),
        "SELECT pg_overlaps(placed, INTERVAL '1 days', DATE '2024-01-01', placed) FROM \"public\".\"orders\" AS \"orders\""
    );
    // Text read by Postgres' input functions.
    assert_eq!(
        embedded("select '\\x01'::bytea as b, cast('{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}' as uuid) as u"),
        "SELECT pg_bytea('\\x01') AS b, pg_uuid('{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}') AS u"
    );
}

#[test]
fn timestamptz_literals_with_a_zone_name_are_that_zone_s_wall_clock() {
    assert_eq!(
        embedded(
            "select '2024-06-01 00:00 America/New_York'::timestamptz as a, timestamptz '2024-01-01 12:00 UTC' as b"
        ),
        "SELECT pg_at_time_zone(TIMESTAMP '2024-06-01 00:00:00', 'America/New_York') AS a, \
         pg_at_time_zone(TIMESTAMP '2024-01-01 12:00:00', 'UTC') AS b"
    );
    refused("select '2024-06-01 00:00 EST'::timestamptz", Target::DataFusion);
}

#[test]
fn fixed_offsets_are_written_east_of_greenwich() {
    assert_eq!(
        embedded(
            "select placed at time zone interval '+05:30' as a, placed at time zone '+05' as b, \
             placed at time zone 'utc-3:30' as c from orders"
        ),
        "SELECT pg_at_time_zone(placed, '+05:30') AS a, pg_at_time_zone(placed, '-05:00') AS b, \
         pg_at_time_zone(placed, '+03:30') AS c FROM \"public\".\"orders\" AS \"orders\""
    );
    refused("select placed at time zone 'EST' from orders", Target::DataFusion);
    refused("select placed at time zone interval '1 day' from orders", Target::DataFusion);
}

#[test]
fn prefix_math_operators_are_their_functions_on_the_embedded_engine() {
    assert_eq!(
        embedded("select |/ id as a, ||/ total as b, @ total as c from orders"),
        "SELECT sqrt(CAST(id AS DOUBLE PRECISION)) AS a, cbrt(CAST(total AS DOUBLE PRECISION)) AS b, abs(total) AS c \
         FROM \"public\".\"orders\" AS \"orders\""
    );
    sql("select |/ 25, ||/ 27, @ -5", Target::Postgres).unwrap();
}

#[test]
fn array_subqueries_aggregate_the_same_rows_on_the_embedded_engine() {
    assert_eq!(
        embedded("select array(select id from orders order by placed desc) as ids"),
        "SELECT (SELECT coalesce(array_agg(id ORDER BY placed DESC), make_array()) FROM \"public\".\"orders\" AS \
         \"orders\") AS ids"
    );
    for text in [
        "select array(select id from orders order by 1)",
        "select array(select id from orders limit 2)",
        "select array(select distinct id from orders)",
        "select array(select id from orders group by id)",
        "select array(select id from orders union select id from orders)",
    ] {
        assert!(refused(text, Target::DataFusion).contains("ARRAY(subquery)"), "{text}");
    }
}

fn snowflake(text: &str) -> String {
    sql(text, Target::Snowflake).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// The select list of a statement written for Snowflake.
fn snowflake_items(items: &str) -> String {
    let text = snowflake(&format!("select {items} from orders"));
    text.trim_start_matches("SELECT ").trim_end_matches(" FROM \"public\".\"orders\" AS \"orders\"").to_string()
}

#[test]
fn snowflake_string_functions_count_and_trim_as_postgres_does() {
    assert_eq!(
        snowflake_items("strpos('hello', 'l'), character_length('ab')"),
        "POSITION('l' IN 'hello'), LENGTH('ab')"
    );
    assert_eq!(
        snowflake_items("btrim(' a '), ltrim(' a '), rtrim(' a '), trim(' a '), trim(leading from ' a ')"),
        "TRIM(' a '), LTRIM(' a '), RTRIM(' a '), TRIM(' a '), LTRIM(' a ')"
    );
    for text in ["select btrim('xax', 'x') from orders", "select trim(both 'x' from 'xax') from orders"] {
        assert!(refused(text, Target::Snowflake).contains("trimming characters other than spaces"), "{text}");
    }
    assert_eq!(
        snowflake_items("left('abc', 2), right('abc', 0), left('abc', -1), right('abc', -2)"),
        "LEFT('abc', 2), RIGHT('abc', 0), LEFT('abc', GREATEST(LENGTH('abc') - 1, 0)), SUBSTR('abc', 3)"
    );
    assert!(refused("select left('abc', id::int) from orders", Target::Snowflake).contains("count"));
}

#[test]
fn snowflake_greatest_and_least_skip_nulls_as_postgres_does() {
    assert_eq!(
        snowflake_items("greatest(id, 2, null), least(id, total)"),
        "GREATEST(COALESCE(id, 2, NULL), COALESCE(2, id, NULL), COALESCE(NULL, id, 2)), \
         LEAST(COALESCE(id, total), COALESCE(total, id))"
    );
    assert!(refused("select greatest(id, abs(id)) from orders", Target::Snowflake).contains("function calls"));
}

#[test]
fn snowflake_gets_postgres_window_frames_and_no_window_clause() {
    assert_eq!(
        snowflake(
            "select last_value(id) over w, nth_value(id, 2) over (w rows between unbounded preceding and \
             unbounded following), first_value(id) over (partition by placed) from orders window w as (order by \
             total) order by sum(id) over w"
        ),
        "SELECT last_value(id) OVER (ORDER BY total RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), \
         nth_value(id, 2) OVER (ORDER BY total ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), \
         first_value(id) OVER (PARTITION BY placed) FROM \"public\".\"orders\" AS \"orders\" ORDER BY sum(id) OVER \
         (ORDER BY total)"
    );
    assert_eq!(snowflake_items("every(id > 1), now()"), "BOOLAND_AGG(id > 1), CURRENT_TIMESTAMP()");
}

#[test]
fn snowflake_regular_expressions_search_as_postgres_does() {
    assert_eq!(
        snowflake_items(r"'abc' ~ '^a\d{2,}', 'abc' !~* '[a-c]+|x'"),
        r"(REGEXP_INSTR('abc', '^a\\d{2,}', 1, 1, 0, 's') > 0), NOT (REGEXP_INSTR('abc', '[a-c]+|x', 1, 1, 0, 'is') > 0)"
    );
    for pattern in [r"\w", r"[[:alpha:]]", "(?i)a", "a+?", "a{x}", r"[\d]", r"\1"] {
        let text = format!("select 'abc' ~ '{}' from orders", pattern.replace('\'', "''"));
        assert!(refused(&text, Target::Snowflake).contains("regular expression"), "{text}");
    }
    assert!(refused("select 'abc' ~ (select 'a') from orders", Target::Snowflake).contains("constant"));
}

#[test]
fn snowflake_extracts_iso_week_fields_whatever_its_week_start() {
    assert_eq!(
        snowflake_items(
            "extract(dow from placed), extract(isodow from placed), extract(week from placed), extract(isoyear from placed), extract(doy from placed)"
        ),
        "(EXTRACT(DAYOFWEEKISO FROM placed) % 7), EXTRACT(DAYOFWEEKISO FROM placed), EXTRACT(WEEKISO FROM placed), \
         EXTRACT(YEAROFWEEKISO FROM placed), EXTRACT(DAYOFYEAR FROM placed)"
    );
    assert_eq!(
        snowflake_items("extract(second from placed)"),
        "(EXTRACT(SECOND FROM placed) + EXTRACT(NANOSECOND FROM placed) * 0.000000001)"
    );
    assert!(refused("select extract(epoch from placed) from orders", Target::Snowflake).contains("EPOCH"));
}

#[test]
fn snowflake_integer_series_are_numbered_generator_rows() {
    assert_eq!(
        snowflake("select * from generate_series(1, 10, 3) with ordinality as g(x, n)"),
        "SELECT * FROM (SELECT 1 + 3 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS \"x\", ROW_NUMBER() OVER \
         (ORDER BY SEQ8()) AS \"n\" FROM TABLE(GENERATOR(ROWCOUNT => 4))) AS \"g\""
    );
    assert_eq!(
        snowflake("select * from generate_series(5, -5, -2)"),
        "SELECT * FROM (SELECT 5 + -2 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS \"generate_series\" FROM \
         TABLE(GENERATOR(ROWCOUNT => 6))) AS \"generate_series\""
    );
    for (text, reason) in [
        ("select * from generate_series(1, 3, 0)", "step of zero"),
        ("select * from generate_series(1, 9223372036854775808)", "generate_series"),
        ("select * from generate_series(1.5, 3)", "integer constants"),
        ("select * from orders, generate_series(1, id)", "generate_series"),
        ("select * from unnest(array[1])", "unnest"),
    ] {
        assert!(refused(text, Target::Snowflake).contains(reason), "{text}: {}", refused(text, Target::Snowflake));
    }
}
