-- Window functions, frames and named windows. Window and outer ORDER BY are kept total.

-- case: window_functions/row_number_partitioned
SELECT n_regionkey, n_nationkey, n_name, row_number() OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS rn FROM nation ORDER BY n_regionkey, rn;

-- case: window_functions/rank_dense_rank_ties
SELECT p_partkey, p_size, rank() OVER (ORDER BY p_size) AS rnk, dense_rank() OVER (ORDER BY p_size) AS drnk, row_number() OVER (ORDER BY p_size, p_partkey) AS rn FROM part WHERE p_partkey <= 20 ORDER BY p_partkey;

-- case: window_functions/rank_desc_per_group
SELECT c_nationkey, c_custkey, c_acctbal, rank() OVER (PARTITION BY c_nationkey ORDER BY c_acctbal DESC) AS rnk FROM customer WHERE c_nationkey IN (0, 1) AND c_custkey <= 300 ORDER BY c_nationkey, rnk, c_custkey;

-- case: window_functions/top_n_per_group
SELECT c_nationkey, rn, c_custkey, c_acctbal FROM (SELECT c_nationkey, c_custkey, c_acctbal, row_number() OVER (PARTITION BY c_nationkey ORDER BY c_acctbal DESC, c_custkey) AS rn FROM customer) AS s WHERE rn <= 2 ORDER BY c_nationkey, rn;

-- case: window_functions/ntile
SELECT n_nationkey, ntile(4) OVER (ORDER BY n_nationkey) AS quartile, ntile(3) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS tercile FROM nation ORDER BY n_nationkey;

-- case: window_functions/lag_lead_basic
SELECT o_orderkey, o_totalprice, lag(o_totalprice) OVER (ORDER BY o_orderkey) AS prev_price, lead(o_totalprice) OVER (ORDER BY o_orderkey) AS next_price FROM orders WHERE o_custkey = 370 ORDER BY o_orderkey;

-- case: window_functions/lag_lead_offset_default
SELECT o_orderkey, lag(o_orderkey, 2, -1::bigint) OVER w AS lag2, lead(o_orderkey, 2, 0::bigint) OVER w AS lead2, lead(o_orderdate, 1, DATE '1999-01-01') OVER w AS next_date FROM orders WHERE o_custkey = 370 WINDOW w AS (ORDER BY o_orderkey) ORDER BY o_orderkey;

-- case: window_functions/lag_text_default
SELECT n_regionkey, n_nationkey, lag(n_name, 1, 'none') OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS prev_name FROM nation ORDER BY n_regionkey, n_nationkey;

-- case: window_functions/lead_date_gaps
SELECT o_custkey, o_orderkey, o_orderdate, lead(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) - o_orderdate AS days_to_next FROM orders WHERE o_custkey IN (1, 2, 4) ORDER BY o_custkey, o_orderdate, o_orderkey;

-- case: window_functions/first_last_nth_value
SELECT n_regionkey, n_nationkey, first_value(n_name) OVER w AS first_name, last_value(n_name) OVER w AS last_so_far, nth_value(n_name, 2) OVER w AS second_name FROM nation WINDOW w AS (PARTITION BY n_regionkey ORDER BY n_nationkey) ORDER BY n_regionkey, n_nationkey;

-- case: window_functions/last_value_full_frame
SELECT n_regionkey, n_nationkey, last_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_name, nth_value(n_nationkey, 3) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS third_key FROM nation ORDER BY n_regionkey, n_nationkey;

-- case: window_functions/aggregates_over_partition
SELECT n_nationkey, n_regionkey, count(*) OVER (PARTITION BY n_regionkey) AS in_region, sum(n_nationkey) OVER (PARTITION BY n_regionkey) AS key_sum, avg(n_nationkey) OVER (PARTITION BY n_regionkey) AS key_avg, max(n_name) OVER (PARTITION BY n_regionkey) AS max_name FROM nation ORDER BY n_nationkey;

-- case: window_functions/empty_over
SELECT r_regionkey, r_name, count(*) OVER () AS total, sum(r_regionkey) OVER () AS key_sum FROM region ORDER BY r_regionkey;

-- case: window_functions/running_sum
SELECT o_orderkey, o_totalprice, sum(o_totalprice) OVER (ORDER BY o_orderkey) AS running_total, count(*) OVER (ORDER BY o_orderkey) AS running_count FROM orders WHERE o_custkey = 781 ORDER BY o_orderkey;

-- case: window_functions/moving_average_rows
SELECT o_orderkey, o_totalprice, avg(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS mov_avg3, sum(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS centered_sum FROM orders WHERE o_orderkey <= 40 ORDER BY o_orderkey;

-- case: window_functions/range_unbounded_preceding_peers
SELECT p_partkey, p_size, sum(p_size) OVER (ORDER BY p_size RANGE UNBOUNDED PRECEDING) AS range_sum, sum(p_size) OVER (ORDER BY p_size, p_partkey ROWS UNBOUNDED PRECEDING) AS rows_sum FROM part WHERE p_partkey <= 20 ORDER BY p_size, p_partkey;

-- case: window_functions/rows_current_to_unbounded_following
SELECT n_nationkey, sum(n_nationkey) OVER (ORDER BY n_nationkey ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS remaining_sum, count(*) OVER (ORDER BY n_nationkey ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS remaining FROM nation ORDER BY n_nationkey;

-- case: window_functions/range_offset_frame
SELECT p_partkey, p_size, count(*) OVER (ORDER BY p_size RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS near_sizes FROM part WHERE p_partkey <= 20 ORDER BY p_size, p_partkey;

-- case: window_functions/groups_frame
SELECT p_partkey, p_size, sum(p_partkey) OVER (ORDER BY p_size GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) AS two_groups FROM part WHERE p_partkey <= 15 ORDER BY p_size, p_partkey;

-- case: window_functions/frame_exclude_current_row
SELECT n_nationkey, sum(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) AS others FROM nation ORDER BY n_nationkey;

-- case: window_functions/named_window_clause
SELECT s_nationkey, s_suppkey, s_acctbal, row_number() OVER w AS rn, rank() OVER w AS rnk, sum(s_acctbal) OVER w AS running FROM supplier WHERE s_nationkey < 4 WINDOW w AS (PARTITION BY s_nationkey ORDER BY s_acctbal DESC, s_suppkey) ORDER BY s_nationkey, rn;

-- case: window_functions/named_window_refined
SELECT n_nationkey, sum(n_nationkey) OVER (w ORDER BY n_nationkey) AS running_in_region, count(*) OVER w AS region_size FROM nation WINDOW w AS (PARTITION BY n_regionkey) ORDER BY n_nationkey;

-- case: window_functions/percent_rank_cume_dist
SELECT p_partkey, p_size, percent_rank() OVER (ORDER BY p_size) AS prank, cume_dist() OVER (ORDER BY p_size) AS cdist FROM part WHERE p_partkey <= 20 ORDER BY p_partkey;

-- case: window_functions/window_over_group_by
SELECT o_orderpriority, count(*) AS cnt, sum(count(*)) OVER () AS total, rank() OVER (ORDER BY count(*) DESC) AS rnk, round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS pct FROM orders GROUP BY o_orderpriority ORDER BY o_orderpriority;

-- case: window_functions/share_of_order
SELECT l_orderkey, l_linenumber, l_extendedprice, round(l_extendedprice / sum(l_extendedprice) OVER (PARTITION BY l_orderkey), 4) AS share FROM lineitem WHERE l_orderkey <= 7 ORDER BY l_orderkey, l_linenumber;

-- case: window_functions/nulls_in_window_order
SELECT id, i4, rank() OVER (ORDER BY i4 NULLS FIRST) AS rank_nulls_first, rank() OVER (ORDER BY i4 DESC) AS rank_desc, sum(i4::bigint) OVER (ORDER BY id) AS running FROM alltypes ORDER BY id;

-- case: window_functions/window_filter_clause
SELECT n_regionkey, n_nationkey, count(*) FILTER (WHERE n_name LIKE '%A%') OVER (PARTITION BY n_regionkey) AS with_a FROM nation ORDER BY n_regionkey, n_nationkey;

-- case: window_functions/row_number_dedup
SELECT id, u FROM (SELECT id, u, row_number() OVER (PARTITION BY u ORDER BY id DESC) AS rn FROM alltypes WHERE u IS NOT NULL) AS s WHERE rn = 1 ORDER BY id;

-- case: window_functions/lag_over_aggregate
SELECT yr, orders, orders - lag(orders) OVER (ORDER BY yr) AS change FROM (SELECT extract(year from o_orderdate) AS yr, count(*) AS orders FROM orders GROUP BY 1) AS s ORDER BY yr;

-- case: window_functions/dense_rank_by_segment
SELECT c_mktsegment, dense_rank() OVER (ORDER BY c_mktsegment) AS seg_rank, count(*) AS cnt FROM customer GROUP BY c_mktsegment ORDER BY c_mktsegment;

-- case: window_functions/cumulative_share_by_year
SELECT yr, revenue, round(sum(revenue) OVER (ORDER BY yr) / sum(revenue) OVER (), 4) AS cum_share FROM (SELECT extract(year from l_shipdate) AS yr, sum(l_extendedprice) AS revenue FROM lineitem GROUP BY 1) AS s ORDER BY yr;
