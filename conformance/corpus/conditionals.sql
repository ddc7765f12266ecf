-- Conditional expressions, NULL semantics, predicates.

-- case: conditionals/coalesce_columns
SELECT id, coalesce(t, vc, 'none') AS first_text, coalesce(i4, i2, -1) AS first_int, coalesce(d, DATE '2000-01-01') AS d_or_default FROM alltypes ORDER BY id;

-- case: conditionals/coalesce_literals
SELECT coalesce(NULL, 1, 2) AS a, coalesce(NULL::text, NULL) AS b, coalesce(1, 2.5) AS c, coalesce(NULL, NULL, 'x') AS d, coalesce('', 'fallback') AS e;

-- case: conditionals/coalesce_empty_aggregate
SELECT coalesce(sum(o_totalprice), 0) AS total, coalesce(max(o_orderdate), DATE '1970-01-01') AS latest FROM orders WHERE o_custkey = -1;

-- case: conditionals/nullif
SELECT nullif(1, 1) AS a, nullif(1, 2) AS b, nullif('a', 'b') AS c, nullif('', '') AS d, nullif(NULL::int, 1) AS e;

-- case: conditionals/nullif_columns
SELECT id, nullif(t, '') AS t_or_null, nullif(i4, 0) AS i4_or_null, coalesce(nullif(trim(t), ''), '<blank>') AS cleaned FROM alltypes ORDER BY id;

-- case: conditionals/nullif_safe_division
SELECT o_orderpriority, round(sum(o_totalprice) / nullif(count(*) FILTER (WHERE o_orderstatus = 'X'), 0), 2) AS never_divides, round(sum(o_totalprice) / nullif(count(*), 0), 2) AS avg_price FROM orders GROUP BY o_orderpriority ORDER BY o_orderpriority;

-- case: conditionals/greatest_least_literals
SELECT greatest(1, 5, 3) AS g, least(1, 5, 3) AS l, greatest(1, NULL, 3) AS g_null, least(NULL, NULL::int) AS l_all_null, greatest('apple', 'banana') AS g_text, least(DATE '2024-01-01', DATE '2023-06-01') AS l_date, greatest(1, 2.5) AS g_mixed;

-- case: conditionals/greatest_least_columns
SELECT id, greatest(i2, i4, i8) AS g_int, least(i2, i4, i8) AS l_int, least(f4, f8) AS l_float, greatest(d, DATE '2000-01-01') AS g_date FROM alltypes ORDER BY id;

-- case: conditionals/greatest_tpch
SELECT l_orderkey, l_linenumber, greatest(l_shipdate, l_commitdate, l_receiptdate) AS latest_date, least(l_shipdate, l_commitdate) AS earliest FROM lineitem WHERE l_orderkey <= 3 ORDER BY l_orderkey, l_linenumber;

-- case: conditionals/case_simple
SELECT o_orderstatus, CASE o_orderstatus WHEN 'F' THEN 'finished' WHEN 'O' THEN 'open' ELSE 'partial' END AS status_name, count(*) AS cnt FROM orders GROUP BY 1, 2 ORDER BY 1;

-- case: conditionals/case_searched_buckets
SELECT CASE WHEN o_totalprice < 50000 THEN 'small' WHEN o_totalprice < 200000 THEN 'medium' ELSE 'large' END AS bucket, count(*) AS cnt, min(o_totalprice) AS lo, max(o_totalprice) AS hi FROM orders GROUP BY 1 ORDER BY lo;

-- case: conditionals/case_nested
SELECT id, CASE WHEN i4 IS NULL THEN 'null' WHEN i4 > 0 THEN CASE WHEN i4 > 100 THEN 'big' ELSE 'small' END WHEN i4 < 0 THEN 'negative' ELSE 'zero' END AS kind FROM alltypes ORDER BY id;

-- case: conditionals/case_without_else
SELECT id, CASE WHEN i4 > 0 THEN 'pos' END AS pos_only, CASE b WHEN true THEN 1 END AS true_only FROM alltypes ORDER BY id;

-- case: conditionals/case_simple_null_never_matches
SELECT id, CASE b WHEN true THEN 'yes' WHEN false THEN 'no' ELSE 'unknown' END AS b_text, CASE t WHEN NULL THEN 'null matched' ELSE 'no match' END AS null_when FROM alltypes ORDER BY id;

-- case: conditionals/case_with_aggregates
SELECT sum(CASE WHEN l_returnflag = 'R' THEN 1 ELSE 0 END) AS returned, sum(CASE WHEN l_shipmode IN ('AIR', 'REG AIR') THEN l_quantity END) AS air_qty, count(CASE WHEN l_discount = 0 THEN 1 END) AS no_discount FROM lineitem;

-- case: conditionals/case_in_order_by
SELECT r_regionkey, r_name FROM region ORDER BY CASE r_name WHEN 'EUROPE' THEN 0 WHEN 'ASIA' THEN 1 ELSE 2 END, r_regionkey;

-- case: conditionals/case_result_type_mix
SELECT CASE WHEN true THEN 1 ELSE 2.5 END AS num_mix, CASE WHEN false THEN 'a' END AS null_text, CASE WHEN 1 = 1 THEN DATE '2024-01-01' ELSE NULL END AS d;

-- case: conditionals/is_distinct_from
SELECT id, b IS DISTINCT FROM true AS not_true, b IS NOT DISTINCT FROM NULL AS b_is_null, i4 IS DISTINCT FROM 10 AS i4_not_10, t IS NOT DISTINCT FROM 'Hello World' AS t_hello FROM alltypes ORDER BY id;

-- case: conditionals/null_comparison_matrix
SELECT NULL = NULL AS eq, NULL IS NULL AS is_null, NULL::int IS DISTINCT FROM NULL AS distinct_nulls, 1 <> NULL AS ne, 1 IS DISTINCT FROM NULL AS distinct_1, NULL::int < 1 AS lt;

-- case: conditionals/boolean_logic_with_nulls
SELECT true AND NULL AS a, false AND NULL AS b, true OR NULL AS c, false OR NULL AS d, NOT NULL::boolean AS e, NULL::boolean AND NULL AS f;

-- case: conditionals/is_null_counts
SELECT count(*) FILTER (WHERE t IS NULL) AS t_null, count(*) FILTER (WHERE t IS NOT NULL) AS t_not_null, count(*) FILTER (WHERE j IS NULL) AS j_null, count(*) FILTER (WHERE b IS NULL) AS b_null, count(*) FILTER (WHERE c IS NOT NULL) AS c_not_null FROM alltypes;

-- case: conditionals/is_true_false_unknown
SELECT id, b IS TRUE AS is_t, b IS NOT TRUE AS not_t, b IS FALSE AS is_f, b IS NOT FALSE AS not_f, b IS UNKNOWN AS is_u, b IS NOT UNKNOWN AS not_u FROM alltypes ORDER BY id;

-- case: conditionals/is_true_on_expressions
SELECT count(*) FILTER (WHERE (i4 > 5) IS TRUE) AS gt5_true, count(*) FILTER (WHERE (i4 > 5) IS NOT TRUE) AS gt5_not_true, count(*) FILTER (WHERE (i4 > 5) IS UNKNOWN) AS gt5_unknown FROM alltypes;

-- case: conditionals/between
SELECT count(*) AS cnt FROM lineitem WHERE l_quantity BETWEEN 10 AND 20;

-- case: conditionals/not_between
SELECT count(*) AS cnt FROM lineitem WHERE l_discount NOT BETWEEN 0.02 AND 0.08;

-- case: conditionals/between_symmetric
SELECT 5 BETWEEN 10 AND 1 AS plain, 5 BETWEEN SYMMETRIC 10 AND 1 AS sym, 5 NOT BETWEEN SYMMETRIC 1 AND 4 AS not_sym, 'b' BETWEEN 'a' AND 'c' AS text_between, NULL BETWEEN 1 AND 2 AS null_between;

-- case: conditionals/between_dates_and_nulls
SELECT id, d BETWEEN DATE '2000-01-01' AND DATE '2024-12-31' AS in_range, i4 BETWEEN -10 AND 10 AS small FROM alltypes ORDER BY id;

-- case: conditionals/in_list
SELECT n_nationkey, n_name FROM nation WHERE n_nationkey IN (1, 3, 5, 7) ORDER BY n_nationkey;

-- case: conditionals/not_in_list
SELECT count(*) AS cnt FROM nation WHERE n_regionkey NOT IN (0, 1);

-- case: conditionals/in_list_null_semantics
SELECT 1 IN (1, NULL) AS a, 2 IN (1, NULL) AS b, 2 NOT IN (1, NULL) AS c, 1 NOT IN (2, 3) AS d, NULL IN (1, 2) AS e;

-- case: conditionals/in_list_on_nullable_column
SELECT id, i4 FROM alltypes WHERE i4 IN (7, 8, NULL) ORDER BY id;

-- case: conditionals/in_text_list
SELECT l_shipmode, count(*) AS cnt FROM lineitem WHERE l_shipmode IN ('MAIL', 'SHIP', 'BOAT') GROUP BY l_shipmode ORDER BY l_shipmode;

-- case: conditionals/not_in_subquery
SELECT count(*) AS customers_without_orders FROM customer WHERE c_custkey NOT IN (SELECT o_custkey FROM orders);

-- case: conditionals/not_in_subquery_with_null
SELECT count(*) AS cnt FROM alltypes WHERE id NOT IN (SELECT i4 FROM alltypes);

-- case: conditionals/not_in_subquery_nulls_filtered
SELECT id FROM alltypes WHERE id NOT IN (SELECT i4 FROM alltypes WHERE i4 IS NOT NULL) ORDER BY id;
