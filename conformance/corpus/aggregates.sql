-- Aggregate functions, FILTER, ordered-set aggregates, GROUP BY variants.

-- case: aggregates/count_variants
SELECT count(*) AS all_rows, count(i4) AS non_null_i4, count(t) AS non_null_t, count(DISTINCT t) AS distinct_t, count(DISTINCT u) AS distinct_u, count(DISTINCT j) AS distinct_j FROM alltypes;

-- case: aggregates/count_tpch
SELECT count(*) AS lines, count(DISTINCT l_orderkey) AS orders, count(DISTINCT l_suppkey) AS suppliers, count(DISTINCT (l_returnflag, l_linestatus)) AS flag_status_pairs FROM lineitem;

-- case: aggregates/sum_avg_integers
SELECT sum(i2) AS sum_i2, sum(i4) AS sum_i4, sum(i8) AS sum_i8, avg(i2) AS avg_i2, avg(i4) AS avg_i4, avg(i8) AS avg_i8 FROM alltypes;

-- case: aggregates/sum_avg_integers_no_extremes
SELECT sum(i2) AS sum_i2, sum(i4) AS sum_i4, sum(i8) AS sum_i8, avg(i4) AS avg_i4 FROM alltypes WHERE id NOT IN (4, 5);

-- case: aggregates/sum_avg_numeric
SELECT sum(n) AS sum_n, avg(n) AS avg_n, sum(m) AS sum_m, avg(m) AS avg_m, min(n) AS min_n, max(m) AS max_m FROM alltypes;

-- case: aggregates/sum_avg_float
SELECT sum(f8) AS sum_f8, avg(f8) AS avg_f8, sum(f4) AS sum_f4, min(f8) AS min_f8, max(f4) AS max_f4 FROM alltypes WHERE id NOT IN (4, 5);

-- case: aggregates/min_max_extremes
SELECT min(i2) AS min_i2, max(i2) AS max_i2, min(i8) AS min_i8, max(i8) AS max_i8, min(f8) AS min_f8, max(f8) AS max_f8, min(f4) AS min_f4 FROM alltypes;

-- case: aggregates/min_max_temporal
SELECT min(d) AS min_d, max(d) AS max_d, min(ts) AS min_ts, max(ts) AS max_ts, min(tstz) AS min_tstz, max(tstz) AS max_tstz, min(tm) AS min_tm, max(tm) AS max_tm FROM alltypes;

-- case: aggregates/pricing_summary_by_flag
SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_price, avg(l_discount) AS avg_disc, count(*) AS cnt FROM lineitem GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus;

-- case: aggregates/filter_clause
SELECT count(*) FILTER (WHERE o_orderstatus = 'F') AS finished, count(*) FILTER (WHERE o_orderstatus = 'O') AS open, sum(o_totalprice) FILTER (WHERE o_orderpriority = '1-URGENT') AS urgent_total, avg(o_totalprice) FILTER (WHERE false) AS never FROM orders;

-- case: aggregates/filter_grouped
SELECT c_mktsegment, count(*) AS customers, count(*) FILTER (WHERE c_acctbal < 0) AS negative_balance, max(c_acctbal) FILTER (WHERE c_nationkey = 1) AS max_argentina FROM customer GROUP BY c_mktsegment ORDER BY c_mktsegment;

-- case: aggregates/bool_aggregates
SELECT bool_and(b) AS all_true, bool_or(b) AS any_true, every(b) AS every_true, bool_and(i4 > -100) AS all_gt, bool_or(t = '') AS any_empty FROM alltypes;

-- case: aggregates/bool_aggregates_grouped
SELECT o_orderpriority, bool_and(o_totalprice > 1000) AS all_over_1000, bool_or(o_orderstatus = 'P') AS any_partial, every(o_shippriority = 0) AS all_zero_ship FROM orders GROUP BY o_orderpriority ORDER BY o_orderpriority;

-- case: aggregates/percentile_cont_disc
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY o_totalprice) AS median_cont, percentile_cont(0.25) WITHIN GROUP (ORDER BY o_totalprice) AS p25, percentile_disc(0.5) WITHIN GROUP (ORDER BY o_totalprice) AS median_disc, percentile_disc(0.9) WITHIN GROUP (ORDER BY o_orderdate) AS p90_date FROM orders;

-- case: aggregates/percentile_grouped
SELECT o_orderpriority, percentile_cont(0.5) WITHIN GROUP (ORDER BY o_totalprice) AS median, percentile_disc(0.5) WITHIN GROUP (ORDER BY o_totalprice DESC) AS median_desc FROM orders GROUP BY o_orderpriority ORDER BY o_orderpriority;

-- case: aggregates/percentile_alltypes_nulls
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY i4) AS median_i4, percentile_disc(0.5) WITHIN GROUP (ORDER BY d) AS median_d, percentile_cont(0.5) WITHIN GROUP (ORDER BY iv) AS median_iv FROM alltypes;

-- case: aggregates/percentile_array
SELECT percentile_disc(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY p_size) AS quartiles FROM part;

-- case: aggregates/percentile_array_fractions
SELECT percentile_disc(ARRAY[0.25, 0.50, 0.75, NULL]) WITHIN GROUP (ORDER BY p_size) AS quartiles, percentile_cont(ARRAY[0.10, 0.90]) WITHIN GROUP (ORDER BY p_retailprice) AS deciles FROM part;

-- case: aggregates/percentile_mode_alltypes
SELECT percentile_cont(0.3) WITHIN GROUP (ORDER BY i4 DESC) AS cont_desc, percentile_cont(1) WITHIN GROUP (ORDER BY f8) AS f8_top, percentile_disc(0.5) WITHIN GROUP (ORDER BY t) AS t_median, percentile_disc(0.5) WITHIN GROUP (ORDER BY c DESC) AS c_median, percentile_disc(0) WITHIN GROUP (ORDER BY m) AS m_first, mode() WITHIN GROUP (ORDER BY b) AS b_mode, mode() WITHIN GROUP (ORDER BY i2 DESC) AS i2_mode FROM alltypes;

-- case: aggregates/percentile_empty_and_filtered
SELECT o_orderstatus, percentile_cont(0.5) WITHIN GROUP (ORDER BY o_totalprice) FILTER (WHERE o_totalprice > 400000) AS high_median, mode() WITHIN GROUP (ORDER BY o_orderpriority) AS priority_mode FROM orders GROUP BY o_orderstatus ORDER BY o_orderstatus;

-- case: aggregates/mode
SELECT mode() WITHIN GROUP (ORDER BY l_quantity) AS mode_qty, mode() WITHIN GROUP (ORDER BY l_shipmode) AS mode_shipmode, mode() WITHIN GROUP (ORDER BY l_linenumber) AS mode_linenumber FROM lineitem;

-- case: aggregates/mode_grouped
SELECT n_regionkey, mode() WITHIN GROUP (ORDER BY c_mktsegment) AS top_segment, count(*) AS customers FROM customer JOIN nation ON c_nationkey = n_nationkey GROUP BY n_regionkey ORDER BY n_regionkey;

-- case: aggregates/array_agg_ordered
SELECT n_regionkey, array_agg(n_nationkey ORDER BY n_nationkey) AS keys, array_agg(n_name ORDER BY n_name DESC) AS names_desc FROM nation GROUP BY n_regionkey ORDER BY n_regionkey;

-- case: aggregates/array_agg_nulls
SELECT array_agg(i2 ORDER BY id) AS i2s, array_agg(b ORDER BY id) AS bs, array_agg(DISTINCT c_len ORDER BY c_len) AS c_lens FROM (SELECT id, i2, b, length(c) AS c_len FROM alltypes) s;

-- case: aggregates/stddev_variance_numeric
SELECT stddev(l_quantity) AS sd, stddev_samp(l_quantity) AS sd_samp, stddev_pop(l_quantity) AS sd_pop, variance(l_quantity) AS var, var_samp(l_quantity) AS var_samp, var_pop(l_quantity) AS var_pop FROM lineitem;

-- case: aggregates/stddev_variance_float
SELECT stddev_samp(f8) AS sd_samp, stddev_pop(f8) AS sd_pop, var_samp(f8) AS var_samp, var_pop(f8) AS var_pop FROM alltypes WHERE id NOT IN (4, 5, 8);

-- case: aggregates/stddev_single_row
SELECT stddev_samp(x) AS samp, stddev_pop(x) AS pop, var_samp(x) AS vsamp FROM (VALUES (5.0)) AS v(x);

-- case: aggregates/group_by_having
SELECT c_nationkey, count(*) AS customers, sum(c_acctbal) AS total_balance FROM customer GROUP BY c_nationkey HAVING count(*) > 65 ORDER BY c_nationkey;

-- case: aggregates/having_on_aggregate_not_selected
SELECT o_orderpriority FROM orders GROUP BY o_orderpriority HAVING avg(o_totalprice) > 141500 ORDER BY o_orderpriority;

-- case: aggregates/group_by_ordinal
SELECT o_orderpriority, o_orderstatus, count(*) AS cnt FROM orders GROUP BY 1, 2 ORDER BY 1, 2;

-- case: aggregates/group_by_alias_expression
SELECT p_size / 10 AS bucket, count(*) AS cnt, min(p_size) AS lo, max(p_size) AS hi FROM part GROUP BY bucket ORDER BY bucket;

-- case: aggregates/group_by_nulls
SELECT b, count(*) AS cnt, sum(i4) AS sum_i4 FROM alltypes GROUP BY b ORDER BY b NULLS FIRST;

-- case: aggregates/rollup
SELECT r_name, n_name, count(*) AS customers FROM customer JOIN nation ON c_nationkey = n_nationkey JOIN region ON n_regionkey = r_regionkey WHERE r_regionkey IN (0, 1) GROUP BY ROLLUP (r_name, n_name) ORDER BY r_name NULLS LAST, n_name NULLS LAST;

-- case: aggregates/cube
SELECT o_orderstatus, o_orderpriority, count(*) AS cnt FROM orders GROUP BY CUBE (o_orderstatus, o_orderpriority) ORDER BY o_orderstatus NULLS LAST, o_orderpriority NULLS LAST;

-- case: aggregates/grouping_sets
SELECT l_returnflag, l_shipmode, count(*) AS cnt, GROUPING(l_returnflag, l_shipmode) AS grp FROM lineitem GROUP BY GROUPING SETS ((l_returnflag), (l_shipmode), ()) ORDER BY grp, l_returnflag, l_shipmode;

-- case: aggregates/empty_input
SELECT sum(o_totalprice) AS s, count(*) AS c_star, count(o_orderkey) AS c_col, avg(o_totalprice) AS a, max(o_orderdate) AS mx, bool_and(true) AS ba, string_agg(o_comment, ',') AS sa, array_agg(o_orderkey) AS aa FROM orders WHERE false;

-- case: aggregates/empty_input_grouped
SELECT o_orderstatus, count(*) AS cnt FROM orders WHERE o_totalprice < 0 GROUP BY o_orderstatus ORDER BY o_orderstatus;

-- case: aggregates/all_null_input
SELECT sum(i4) AS s, avg(f8) AS a, min(t) AS mn, count(i4) AS c, count(*) AS c_star FROM alltypes WHERE id = 3;

-- case: aggregates/having_without_group_by
SELECT count(*) AS cnt FROM nation HAVING count(*) > 20;

-- case: aggregates/having_false_no_rows
SELECT count(*) AS cnt FROM nation HAVING count(*) > 1000;

-- case: aggregates/sum_distinct
SELECT sum(DISTINCT p_size) AS sum_distinct, avg(DISTINCT p_size) AS avg_distinct, count(DISTINCT p_size) AS n_sizes, sum(p_size) AS sum_all FROM part;

-- case: aggregates/expression_of_aggregates
SELECT round(sum(l_extendedprice * (1 - l_discount)), 2) AS revenue, max(l_quantity) - min(l_quantity) AS qty_range, round(avg(l_extendedprice), 4) AS avg_price, sum(l_quantity) / count(*) AS manual_avg FROM lineitem;

-- case: aggregates/nested_via_subquery
SELECT avg(cnt) AS avg_orders_per_customer, max(cnt) AS max_orders, min(cnt) AS min_orders FROM (SELECT o_custkey, count(*) AS cnt FROM orders GROUP BY o_custkey) AS s;

-- case: aggregates/bit_and_or
SELECT bit_and(i4) AS band, bit_or(i4) AS bor, bit_and(i2) FILTER (WHERE i2 > 0) AS band_pos, bit_or(i8) FILTER (WHERE i8 BETWEEN 0 AND 100) AS bor_small FROM alltypes;

-- case: aggregates/corr_regr
SELECT round(corr(l_quantity, l_extendedprice)::numeric, 6) AS corr, round(regr_slope(l_extendedprice, l_quantity)::numeric, 4) AS slope, regr_count(l_extendedprice, l_quantity) AS n FROM lineitem WHERE l_partkey < 100;

-- case: aggregates/count_distinct_grouped
SELECT l_shipmode, count(DISTINCT l_orderkey) AS orders, count(*) AS lines FROM lineitem GROUP BY l_shipmode ORDER BY l_shipmode;

-- case: aggregates/group_by_date_parts
SELECT extract(year from l_shipdate) AS yr, sum(l_quantity) AS qty, count(*) FILTER (WHERE l_returnflag = 'R') AS returned FROM lineitem GROUP BY 1 ORDER BY 1;

-- case: aggregates/avg_of_intervals_and_dates
SELECT avg(iv) AS avg_iv, max(d) - min(d) AS date_span FROM alltypes;

-- case: aggregates/avg_distinct_numeric_grouped
SELECT l_returnflag, avg(DISTINCT l_quantity) AS avg_q, avg(DISTINCT l_linenumber) AS avg_line, avg(DISTINCT l_quantity) * 2 > 50 AS big FROM lineitem GROUP BY l_returnflag ORDER BY l_returnflag;

-- case: aggregates/avg_distinct_with_nulls
SELECT avg(DISTINCT x) AS with_nulls, count(DISTINCT x) AS n FROM (VALUES (1), (1), (NULL::int), (2)) AS v(x);

-- case: aggregates/avg_distinct_empty
SELECT avg(DISTINCT p_size) AS none FROM part WHERE false;
