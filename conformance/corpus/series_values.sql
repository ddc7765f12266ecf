-- generate_series in its integer, numeric and timestamp forms, and VALUES lists.

-- case: series_values/int_basic
SELECT * FROM generate_series(1, 5) ORDER BY 1;

-- case: series_values/int_with_step
SELECT g FROM generate_series(0, 20, 5) AS g ORDER BY g;

-- case: series_values/int_step_not_landing_on_stop
SELECT g FROM generate_series(1, 10, 4) AS g ORDER BY g;

-- case: series_values/negative_step
SELECT g FROM generate_series(10, 1, -3) AS g ORDER BY g DESC;

-- case: series_values/empty_when_start_after_stop
SELECT count(*) AS cnt FROM generate_series(5, 1) AS g;

-- case: series_values/single_element
SELECT g FROM generate_series(7, 7) AS g ORDER BY g;

-- case: series_values/bigint_near_max
SELECT g FROM generate_series(9223372036854775805, 9223372036854775807) AS g ORDER BY g;

-- case: series_values/numeric_step
SELECT x FROM generate_series(0.5, 2.0, 0.5) AS x ORDER BY x;

-- case: series_values/aggregate_over_series
SELECT sum(g) AS total, count(*) AS cnt, avg(g) AS mean, max(g) AS mx FROM generate_series(1, 1000) AS g;

-- case: series_values/in_select_list
SELECT generate_series(1, 3) AS x ORDER BY x;

-- case: series_values/in_select_list_per_row_and_decimal
SELECT n_nationkey, generate_series(1, 2) AS k, generate_series(0.5, 1.5, 0.5) AS d FROM nation WHERE n_nationkey < 3 ORDER BY 1, 2, 3;

-- case: series_values/function_alias_as_value
SELECT g, g.n, g + 1 AS next FROM generate_series(1, 3) AS g(n) ORDER BY 1;

-- case: series_values/with_ordinality
SELECT * FROM generate_series(10, 30, 10) WITH ORDINALITY AS t(v, i) ORDER BY i;

-- case: series_values/timestamps_hourly_step
SELECT ts FROM generate_series(TIMESTAMP '2024-01-01 00:00', TIMESTAMP '2024-01-02 00:00', interval '6 hours') AS ts ORDER BY ts;

-- case: series_values/timestamptz_daily
SELECT ts FROM generate_series(TIMESTAMPTZ '2024-02-27 00:00:00+00', TIMESTAMPTZ '2024-03-02 00:00:00+00', interval '1 day') AS ts ORDER BY ts;

-- case: series_values/dates_monthly_end_of_month
SELECT d::date AS d FROM generate_series(DATE '2024-01-31', DATE '2024-06-30', interval '1 month') AS d ORDER BY d;

-- case: series_values/timestamps_month_end_steps
SELECT g.t, extract(dow FROM g.t) AS dow FROM generate_series(TIMESTAMP '2024-01-31 10:00', TIMESTAMP '2024-07-01', interval '1 month 1 day 30 minutes') AS g(t) ORDER BY g.t;

-- case: series_values/timestamps_empty_and_count
SELECT (SELECT count(*) FROM generate_series(TIMESTAMP '2024-02-01', TIMESTAMP '2024-01-01', interval '1 day') AS x) AS none, (SELECT count(*) FROM generate_series(TIMESTAMP '2024-01-01', TIMESTAMP '2024-12-31 23:59:59', interval '1 week') AS w) AS weeks;

-- case: series_values/timestamps_descending
SELECT ts FROM generate_series(TIMESTAMP '2024-01-01 12:00', TIMESTAMP '2024-01-01 10:00', interval '-30 minutes') AS ts ORDER BY ts DESC;

-- case: series_values/months_joined_to_orders
SELECT g.m, count(o.o_orderkey) AS orders FROM generate_series(1, 12) AS g(m) LEFT JOIN orders AS o ON extract(month from o.o_orderdate) = g.m AND extract(year from o.o_orderdate) = 1995 GROUP BY g.m ORDER BY g.m;

-- case: series_values/calendar_fill_zero
SELECT month_start::date AS month_start, count(o_orderkey) AS orders FROM generate_series(DATE '1998-01-01', DATE '1998-12-01', interval '1 month') AS month_start LEFT JOIN orders ON date_trunc('month', o_orderdate) = month_start GROUP BY month_start ORDER BY month_start;

-- case: series_values/lateral_series_per_row
SELECT n_nationkey, g FROM nation, generate_series(1, n_regionkey::int) AS g WHERE n_nationkey < 5 ORDER BY n_nationkey, g;

-- case: series_values/series_join_table
SELECT g AS key, n_name FROM generate_series(0, 24, 6) AS g JOIN nation ON n_nationkey = g ORDER BY g;

-- case: series_values/series_cross_join_count
SELECT r_name, count(*) AS cnt FROM region CROSS JOIN generate_series(1, 3) AS g GROUP BY r_name ORDER BY r_name;

-- case: series_values/values_basic
VALUES (1, 'a'), (2, 'b'), (3, 'c') ORDER BY 1;

-- case: series_values/values_in_from_with_aliases
SELECT * FROM (VALUES (1, 'one'), (2, 'two'), (3, NULL)) AS v(num, word) ORDER BY num;

-- case: series_values/values_lookup_join
SELECT n.n_nationkey, n.n_name, v.label FROM nation AS n JOIN (VALUES (0::bigint, 'zero'), (1, 'one'), (24, 'last')) AS v(k, label) ON n.n_nationkey = v.k ORDER BY n.n_nationkey;

-- case: series_values/values_type_resolution
VALUES (1, 1.5), (2, 3), (3, -0.25) ORDER BY 1;

-- case: series_values/values_aggregate_with_null
SELECT sum(x) AS s, avg(x) AS a, count(x) AS c, count(*) AS c_star FROM (VALUES (1), (2), (NULL::int)) AS t(x);

-- case: series_values/values_in_cte
WITH v(a) AS (VALUES ('x'), ('y'), ('z')) SELECT string_agg(a, '' ORDER BY a DESC) AS joined FROM v;

-- case: series_values/values_nulls_ordering
SELECT * FROM (VALUES (NULL, 1), ('a', NULL), ('b', 2)) AS v(s, n) ORDER BY n NULLS FIRST;

-- case: series_values/values_mixed_types
SELECT * FROM (VALUES (DATE '2024-01-01', TRUE, 10::bigint), (DATE '2024-12-31', FALSE, NULL)) AS v(d, flag, amount) ORDER BY d;

-- case: series_values/values_in_where_in
SELECT count(*) AS cnt FROM lineitem WHERE (l_returnflag, l_linestatus) IN (VALUES ('R', 'F'), ('A', 'F'));

-- case: series_values/values_single_row_column_names
VALUES (1, 'x', true);

-- case: series_values/numeric_negative_step
SELECT x FROM generate_series(2.5, -1.0, -0.5) AS x;
