-- Set operations, subqueries, CTEs, LATERAL and joins of every kind.

-- case: setops_subqueries/union_dedup
SELECT n_name FROM nation WHERE n_regionkey = 0 UNION SELECT n_name FROM nation WHERE n_nationkey < 3 ORDER BY n_name;

-- case: setops_subqueries/union_all_keeps_duplicates
SELECT 1 AS x UNION ALL SELECT 1 UNION ALL SELECT 2 ORDER BY x;

-- case: setops_subqueries/union_all_tpch_counts
SELECT 'customer' AS tbl, count(*) AS cnt FROM customer UNION ALL SELECT 'supplier', count(*) FROM supplier UNION ALL SELECT 'nation', count(*) FROM nation ORDER BY cnt DESC;

-- case: setops_subqueries/intersect
SELECT c_nationkey FROM customer WHERE c_acctbal > 9900 INTERSECT SELECT s_nationkey FROM supplier ORDER BY 1;

-- case: setops_subqueries/except
SELECT n_nationkey FROM nation EXCEPT SELECT s_nationkey FROM supplier WHERE s_acctbal > 5000 ORDER BY 1;

-- case: setops_subqueries/intersect_all_except_all
SELECT 'intersect_all' AS op, x FROM (SELECT x FROM (VALUES (1), (1), (2), (3)) AS a(x) INTERSECT ALL SELECT y FROM (VALUES (1), (1), (1), (3)) AS b(y)) AS i UNION ALL SELECT 'except_all', x FROM (SELECT x FROM (VALUES (1), (1), (2), (3)) AS a(x) EXCEPT ALL SELECT y FROM (VALUES (1), (3)) AS b(y)) AS e ORDER BY op, x;

-- case: setops_subqueries/nested_set_operations
(SELECT n_nationkey FROM nation WHERE n_regionkey = 1 UNION SELECT n_nationkey FROM nation WHERE n_regionkey = 2) EXCEPT SELECT n_nationkey FROM nation WHERE n_name LIKE '%A' ORDER BY 1;

-- case: setops_subqueries/set_op_precedence
SELECT 1 AS v UNION SELECT 2 INTERSECT SELECT 2 ORDER BY v;

-- case: setops_subqueries/union_type_coercion
SELECT 1 AS v UNION SELECT 2.5 UNION SELECT -1 ORDER BY v;

-- case: setops_subqueries/union_nulls_dedup
SELECT NULL::int AS v UNION SELECT NULL::int UNION SELECT 1 ORDER BY v NULLS FIRST;

-- case: setops_subqueries/union_with_limited_branches
(SELECT o_orderkey, o_totalprice FROM orders ORDER BY o_totalprice DESC, o_orderkey LIMIT 2) UNION ALL (SELECT o_orderkey, o_totalprice FROM orders ORDER BY o_totalprice, o_orderkey LIMIT 2) ORDER BY o_totalprice;

-- case: setops_subqueries/scalar_subquery_in_select
SELECT n_nationkey, n_name, (SELECT count(*) FROM customer AS c WHERE c.c_nationkey = n.n_nationkey) AS customers FROM nation AS n WHERE n_regionkey = 4 ORDER BY n_nationkey;

-- case: setops_subqueries/scalar_subquery_in_where
SELECT count(*) AS above_avg FROM orders WHERE o_totalprice > (SELECT avg(o_totalprice) FROM orders);

-- case: setops_subqueries/scalar_subquery_empty_is_null
SELECT (SELECT n_name FROM nation WHERE n_nationkey = 999) IS NULL AS is_null, (SELECT max(n_nationkey) FROM nation WHERE false) AS max_empty;

-- case: setops_subqueries/exists
SELECT count(*) AS customers_with_orders FROM customer AS c WHERE EXISTS (SELECT 1 FROM orders AS o WHERE o.o_custkey = c.c_custkey);

-- case: setops_subqueries/not_exists
SELECT count(*) AS customers_without_orders FROM customer AS c WHERE NOT EXISTS (SELECT 1 FROM orders AS o WHERE o.o_custkey = c.c_custkey);

-- case: setops_subqueries/exists_uncorrelated
SELECT r_regionkey FROM region WHERE EXISTS (SELECT 1 FROM nation WHERE n_name = 'PERU') ORDER BY r_regionkey;

-- case: setops_subqueries/in_subquery
SELECT n_nationkey, n_name FROM nation WHERE n_nationkey IN (SELECT s_nationkey FROM supplier WHERE s_acctbal > 9000) ORDER BY n_nationkey;

-- case: setops_subqueries/any_all_subquery
SELECT count(*) FILTER (WHERE p_retailprice > ALL (SELECT p_retailprice FROM part WHERE p_size = 1)) AS above_all_size1, count(*) FILTER (WHERE p_size = ANY (SELECT n_regionkey FROM nation)) AS size_is_region FROM part;

-- case: setops_subqueries/correlated_max_per_customer
SELECT o_custkey, o_orderkey, o_totalprice FROM orders AS o WHERE o_totalprice = (SELECT max(o2.o_totalprice) FROM orders AS o2 WHERE o2.o_custkey = o.o_custkey) AND o_custkey <= 10 ORDER BY o_custkey, o_orderkey;

-- case: setops_subqueries/correlated_in_select_avg
SELECT s_suppkey, s_acctbal, round(s_acctbal - (SELECT avg(s2.s_acctbal) FROM supplier AS s2 WHERE s2.s_nationkey = s.s_nationkey), 2) AS diff_from_nation_avg FROM supplier AS s WHERE s_suppkey <= 10 ORDER BY s_suppkey;

-- case: setops_subqueries/derived_table
SELECT avg(n) AS avg_orders, max(n) AS max_orders FROM (SELECT o_custkey, count(*) AS n FROM orders GROUP BY o_custkey) AS t;

-- case: setops_subqueries/derived_table_join
SELECT t.c_mktsegment, t.customers, t.total_balance FROM (SELECT c_mktsegment, count(*) AS customers, sum(c_acctbal) AS total_balance FROM customer GROUP BY c_mktsegment) AS t WHERE t.customers > 290 ORDER BY t.c_mktsegment;

-- case: setops_subqueries/cte_basic
WITH big_orders AS (SELECT o_orderkey, o_custkey, o_totalprice FROM orders WHERE o_totalprice > 400000) SELECT count(*) AS cnt, min(o_totalprice) AS lo FROM big_orders;

-- case: setops_subqueries/cte_multiple
WITH cust_orders AS (SELECT o_custkey, count(*) AS n, sum(o_totalprice) AS spent FROM orders GROUP BY o_custkey), top_customers AS (SELECT o_custkey FROM cust_orders WHERE n >= 30) SELECT c.c_custkey, c.c_name, co.n, co.spent FROM customer AS c JOIN cust_orders AS co ON co.o_custkey = c.c_custkey JOIN top_customers AS t ON t.o_custkey = c.c_custkey ORDER BY c.c_custkey;

-- case: setops_subqueries/cte_referenced_twice
WITH nation_counts AS (SELECT c_nationkey, count(*) AS cnt FROM customer GROUP BY c_nationkey) SELECT a.c_nationkey, a.cnt FROM nation_counts AS a WHERE a.cnt = (SELECT max(cnt) FROM nation_counts) ORDER BY a.c_nationkey;

-- case: setops_subqueries/cte_nested_reference
WITH a AS (SELECT n_nationkey, n_regionkey FROM nation), b AS (SELECT n_regionkey, count(*) AS cnt FROM a GROUP BY n_regionkey), c AS (SELECT sum(cnt) AS total FROM b) SELECT b.n_regionkey, b.cnt, c.total FROM b CROSS JOIN c ORDER BY b.n_regionkey;

-- case: setops_subqueries/cte_recursive
WITH RECURSIVE t(n, fact) AS (SELECT 1, 1::numeric UNION ALL SELECT n + 1, fact * (n + 1) FROM t WHERE n < 15) SELECT n, fact FROM t ORDER BY n;

-- case: setops_subqueries/cte_materialized
WITH totals AS MATERIALIZED (SELECT l_orderkey, sum(l_quantity) AS qty FROM lineitem GROUP BY l_orderkey) SELECT count(*) AS orders, max(qty) AS max_qty FROM totals;

-- case: setops_subqueries/lateral_top_n_per_row
SELECT c.c_custkey, o.o_orderkey, o.o_totalprice FROM customer AS c CROSS JOIN LATERAL (SELECT o_orderkey, o_totalprice FROM orders WHERE o_custkey = c.c_custkey ORDER BY o_totalprice DESC, o_orderkey LIMIT 2) AS o WHERE c.c_custkey <= 10 ORDER BY c.c_custkey, o.o_totalprice DESC, o.o_orderkey;

-- case: setops_subqueries/left_join_lateral
SELECT c.c_custkey, o.last_order, o.n FROM customer AS c LEFT JOIN LATERAL (SELECT max(o_orderdate) AS last_order, count(*) AS n FROM orders WHERE o_custkey = c.c_custkey) AS o ON true WHERE c.c_custkey <= 6 ORDER BY c.c_custkey;

-- case: setops_subqueries/lateral_comma_syntax
SELECT r.r_name, x.n_name FROM region AS r, LATERAL (SELECT n_name FROM nation WHERE n_regionkey = r.r_regionkey ORDER BY n_nationkey LIMIT 1) AS x ORDER BY r.r_regionkey;

-- case: setops_subqueries/inner_join
SELECT n.n_nationkey, n.n_name, r.r_name FROM nation AS n INNER JOIN region AS r ON n.n_regionkey = r.r_regionkey WHERE r.r_name = 'ASIA' ORDER BY n.n_nationkey;

-- case: setops_subqueries/left_join_with_on_filter
SELECT r.r_regionkey, count(n.n_nationkey) AS nations_starting_with_a FROM region AS r LEFT JOIN nation AS n ON n.n_regionkey = r.r_regionkey AND n.n_name LIKE 'A%' GROUP BY r.r_regionkey ORDER BY r.r_regionkey;

-- case: setops_subqueries/left_join_anti
SELECT count(*) AS customers_without_orders FROM customer AS c LEFT JOIN orders AS o ON o.o_custkey = c.c_custkey WHERE o.o_orderkey IS NULL;

-- case: setops_subqueries/right_join
SELECT r.r_name, n.n_name FROM nation AS n RIGHT JOIN region AS r ON n.n_regionkey = r.r_regionkey AND n.n_nationkey < 3 ORDER BY r.r_regionkey, n.n_nationkey;

-- case: setops_subqueries/full_join
SELECT a.n_nationkey AS left_key, b.n_nationkey AS right_key FROM (SELECT n_nationkey FROM nation WHERE n_nationkey < 5) AS a FULL JOIN (SELECT n_nationkey FROM nation WHERE n_nationkey BETWEEN 3 AND 7) AS b ON a.n_nationkey = b.n_nationkey ORDER BY coalesce(a.n_nationkey, b.n_nationkey);

-- case: setops_subqueries/full_join_using
SELECT k, a.label AS a_label, b.label AS b_label FROM (VALUES (1, 'a1'), (2, 'a2'), (NULL, 'anull')) AS a(k, label) FULL JOIN (VALUES (2, 'b2'), (3, 'b3')) AS b(k, label) USING (k) ORDER BY k NULLS LAST, a_label;

-- case: setops_subqueries/cross_join
SELECT r.r_name, count(*) AS pairs FROM region AS r CROSS JOIN nation AS n WHERE n.n_nationkey < 4 GROUP BY r.r_name ORDER BY r.r_name;

-- case: setops_subqueries/right_join_using_takes_the_right_value
SELECT k, a_v, b_v FROM (VALUES (1, 'a1'), (2, 'a2')) AS a(k, a_v) RIGHT JOIN (VALUES (2, 'b2'), (3, 'b3')) AS b(k, b_v) USING (k) WHERE k > 1 ORDER BY k;

-- case: setops_subqueries/left_join_using_grouped
SELECT k, count(*) AS n, count(b_v) AS matched FROM (VALUES (1), (2), (2)) AS a(k) LEFT JOIN (VALUES (2, 'x'), (3, 'y')) AS b(k, b_v) USING (k) GROUP BY k ORDER BY k;

-- case: setops_subqueries/natural_then_using_chain
SELECT regionkey, n_name, r_name, one FROM (SELECT n_regionkey AS regionkey, n_name FROM nation) AS n NATURAL JOIN (SELECT r_regionkey AS regionkey, r_name FROM region) AS r JOIN (SELECT r_regionkey AS regionkey, 1 AS one FROM region) AS r2 USING (regionkey) WHERE regionkey IN (1, 2) ORDER BY regionkey, n_name;

-- case: setops_subqueries/join_using
SELECT * FROM (SELECT n_regionkey AS regionkey, n_name FROM nation) AS n JOIN (SELECT r_regionkey AS regionkey, r_name FROM region) AS r USING (regionkey) WHERE regionkey = 3 ORDER BY n_name;

-- case: setops_subqueries/natural_join
SELECT regionkey, n_name, r_name FROM (SELECT n_regionkey AS regionkey, n_name FROM nation WHERE n_nationkey < 6) AS n NATURAL JOIN (SELECT r_regionkey AS regionkey, r_name FROM region) AS r ORDER BY n_name;

-- case: setops_subqueries/self_join
SELECT a.n_name AS nation_a, b.n_name AS nation_b FROM nation AS a JOIN nation AS b ON a.n_regionkey = b.n_regionkey AND a.n_nationkey < b.n_nationkey WHERE a.n_regionkey = 1 ORDER BY a.n_nationkey, b.n_nationkey;

-- case: setops_subqueries/multi_way_join
SELECT n.n_name, count(DISTINCT o.o_orderkey) AS orders, sum(l.l_quantity) AS qty FROM nation AS n JOIN customer AS c ON c.c_nationkey = n.n_nationkey JOIN orders AS o ON o.o_custkey = c.c_custkey JOIN lineitem AS l ON l.l_orderkey = o.o_orderkey WHERE n.n_regionkey = 3 GROUP BY n.n_name ORDER BY n.n_name;

-- case: setops_subqueries/non_equi_join
SELECT a.id AS a_id, b.id AS b_id FROM alltypes AS a JOIN alltypes AS b ON a.i4 < b.i4 AND b.i4::bigint - a.i4 <= 2 ORDER BY a.id, b.id;

-- case: setops_subqueries/join_on_nullable_keys
SELECT a.id AS a_id, b.id AS b_id FROM alltypes AS a JOIN alltypes AS b ON a.u = b.u AND a.id < b.id ORDER BY a.id, b.id;

-- case: setops_subqueries/join_jsonb_equality
SELECT a.id AS a_id, b.id AS b_id FROM alltypes AS a JOIN alltypes AS b ON a.j = b.j AND a.id <> b.id ORDER BY a.id, b.id;

-- case: setops_subqueries/semi_join_in_with_join
SELECT s.s_suppkey, s.s_name FROM supplier AS s WHERE s.s_suppkey IN (SELECT ps_suppkey FROM partsupp JOIN part ON p_partkey = ps_partkey WHERE p_size = 50 AND ps_availqty > 9900) ORDER BY s.s_suppkey;

-- case: setops_subqueries/full_join_using_star
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS a(k, x) FULL JOIN (VALUES (2, 'c'), (3, 'd')) AS b(k, y) USING (k) ORDER BY k;

-- case: setops_subqueries/natural_full_join_nulls
SELECT k, x, y FROM (VALUES (1, 'a'), (NULL, 'n')) AS a(k, x) NATURAL FULL JOIN (VALUES (1, 'c'), (3, 'd')) AS b(k, y) ORDER BY k NULLS FIRST, x;
