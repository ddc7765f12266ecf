-- DISTINCT, DISTINCT ON, LIMIT / OFFSET / FETCH. Every LIMIT has a total ORDER BY.

-- case: distinct_limit/distinct_single_column
SELECT DISTINCT o_orderstatus FROM orders ORDER BY o_orderstatus;

-- case: distinct_limit/distinct_multi_column
SELECT DISTINCT l_returnflag, l_linestatus FROM lineitem ORDER BY l_returnflag, l_linestatus;

-- case: distinct_limit/distinct_with_nulls
SELECT DISTINCT b FROM alltypes ORDER BY b NULLS FIRST;

-- case: distinct_limit/distinct_jsonb_and_uuid
SELECT count(DISTINCT j) AS distinct_j, count(DISTINCT u) AS distinct_u, (SELECT count(*) FROM (SELECT DISTINCT j, u FROM alltypes) AS s) AS distinct_pairs_incl_null FROM alltypes;

-- case: distinct_limit/distinct_count_subquery
SELECT count(*) AS combos FROM (SELECT DISTINCT c_nationkey, c_mktsegment FROM customer) AS s;

-- case: distinct_limit/distinct_expression
SELECT DISTINCT extract(year from o_orderdate) AS yr FROM orders ORDER BY yr;

-- case: distinct_limit/distinct_order_by_alias_desc
SELECT DISTINCT p_size % 5 AS r FROM part ORDER BY r DESC;

-- case: distinct_limit/distinct_on_top_per_group
SELECT DISTINCT ON (c_nationkey) c_nationkey, c_custkey, c_acctbal FROM customer ORDER BY c_nationkey, c_acctbal DESC, c_custkey;

-- case: distinct_limit/distinct_on_multi_key
SELECT DISTINCT ON (o_orderpriority, o_orderstatus) o_orderpriority, o_orderstatus, o_orderkey, o_totalprice FROM orders ORDER BY o_orderpriority, o_orderstatus, o_totalprice DESC, o_orderkey;

-- case: distinct_limit/distinct_on_earliest_order
SELECT DISTINCT ON (o_custkey) o_custkey, o_orderkey, o_orderdate FROM orders WHERE o_custkey <= 20 ORDER BY o_custkey, o_orderdate, o_orderkey;

-- case: distinct_limit/distinct_on_alltypes_uuid
SELECT DISTINCT ON (u) u, id FROM alltypes ORDER BY u, id;

-- case: distinct_limit/distinct_on_expression
SELECT DISTINCT ON (p_size / 10) p_size / 10 AS bucket, p_partkey, p_retailprice FROM part ORDER BY p_size / 10, p_retailprice DESC, p_partkey;

-- case: distinct_limit/limit_basic
SELECT o_orderkey, o_totalprice FROM orders ORDER BY o_totalprice DESC, o_orderkey LIMIT 5;

-- case: distinct_limit/limit_offset
SELECT o_orderkey, o_totalprice FROM orders ORDER BY o_totalprice DESC, o_orderkey LIMIT 5 OFFSET 10;

-- case: distinct_limit/offset_only
SELECT n_nationkey, n_name FROM nation ORDER BY n_nationkey OFFSET 20;

-- case: distinct_limit/offset_past_end
SELECT n_nationkey FROM nation ORDER BY n_nationkey LIMIT 5 OFFSET 100;

-- case: distinct_limit/limit_all
SELECT r_regionkey, r_name FROM region ORDER BY r_regionkey LIMIT ALL;

-- case: distinct_limit/limit_zero
SELECT r_regionkey FROM region ORDER BY r_regionkey LIMIT 0;

-- case: distinct_limit/limit_null
SELECT r_regionkey FROM region ORDER BY r_regionkey LIMIT NULL;

-- case: distinct_limit/limit_expression
SELECT n_nationkey FROM nation ORDER BY n_nationkey DESC LIMIT 2 + 1;

-- case: distinct_limit/fetch_first_n_rows
SELECT c_custkey, c_acctbal FROM customer ORDER BY c_acctbal, c_custkey FETCH FIRST 3 ROWS ONLY;

-- case: distinct_limit/fetch_first_row_only
SELECT c_custkey, c_acctbal FROM customer ORDER BY c_acctbal DESC, c_custkey FETCH FIRST ROW ONLY;

-- case: distinct_limit/offset_rows_fetch_next
SELECT n_nationkey, n_name FROM nation ORDER BY n_nationkey OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY;

-- case: distinct_limit/offset_row_singular
SELECT n_nationkey FROM nation ORDER BY n_nationkey OFFSET 1 ROW FETCH FIRST 1 ROW ONLY;

-- case: distinct_limit/fetch_with_ties
SELECT p_partkey, p_size FROM (SELECT p_partkey, p_size FROM part WHERE p_partkey <= 50 ORDER BY p_size FETCH FIRST 3 ROWS WITH TIES) AS s ORDER BY p_size, p_partkey;

-- case: distinct_limit/limit_in_subquery
SELECT sum(o_totalprice) AS first_100_total, count(*) AS cnt FROM (SELECT o_totalprice FROM orders ORDER BY o_orderdate, o_orderkey LIMIT 100) AS s;

-- case: distinct_limit/distinct_with_limit
SELECT DISTINCT c_mktsegment FROM customer ORDER BY c_mktsegment LIMIT 3;

-- case: distinct_limit/limit_with_nulls_ordering
SELECT id, f8 FROM alltypes ORDER BY f8 DESC NULLS LAST, id LIMIT 4;

-- case: distinct_limit/distinct_vs_group_by_count
SELECT (SELECT count(*) FROM (SELECT DISTINCT l_shipmode FROM lineitem) AS a) AS via_distinct, (SELECT count(*) FROM (SELECT l_shipmode FROM lineitem GROUP BY l_shipmode) AS b) AS via_group_by;

-- case: distinct_limit/distinct_char_padding
SELECT DISTINCT c FROM alltypes WHERE c IS NOT NULL AND c <> '' ORDER BY c LIMIT 3;
