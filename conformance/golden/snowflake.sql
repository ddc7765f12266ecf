-- case: tpch/q01
SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price, sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price, sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge, avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc, count(*) AS count_order FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '68 days' GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus;
-- case: tpch/q02
SELECT s_acctbal, s_name, n_name, p_partkey, p_mfgr, s_address, s_phone, s_comment FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."partsupp" AS "partsupp", "public"."nation" AS "nation", "public"."region" AS "region" WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND p_size = 48 AND p_type LIKE '%TIN' ESCAPE '\\' AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'ASIA' AND ps_supplycost = (SELECT min(ps_supplycost) FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation", "public"."region" AS "region" WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'ASIA') ORDER BY s_acctbal DESC, n_name, s_name, p_partkey LIMIT 100;
-- case: tpch/q03
SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15' GROUP BY l_orderkey, o_orderdate, o_shippriority ORDER BY revenue DESC, o_orderdate LIMIT 10;
-- case: tpch/q04
SELECT o_orderpriority, count(*) AS order_count FROM "public"."orders" AS "orders" WHERE o_orderdate >= DATE '1995-04-01' AND o_orderdate < DATE '1995-04-01' + INTERVAL '3' MONTH AND EXISTS (SELECT * FROM "public"."lineitem" AS "lineitem" WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate) GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: tpch/q05
SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem", "public"."supplier" AS "supplier", "public"."nation" AS "nation", "public"."region" AS "region" WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey AND c_nationkey = s_nationkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'AFRICA' AND o_orderdate >= DATE '1994-01-01' AND o_orderdate < DATE '1994-01-01' + INTERVAL '1' YEAR GROUP BY n_name ORDER BY revenue DESC;
-- case: tpch/q06
SELECT sum(l_extendedprice * l_discount) AS revenue FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1994-01-01' + INTERVAL '1' YEAR AND l_discount BETWEEN 0.04 - 0.01 AND 0.04 + 0.01 AND l_quantity < 24;
-- case: tpch/q07
SELECT supp_nation, cust_nation, l_year, sum(volume) AS revenue FROM (SELECT n1.n_name AS supp_nation, n2.n_name AS cust_nation, EXTRACT(YEAR FROM l_shipdate) AS l_year, l_extendedprice * (1 - l_discount) AS volume FROM "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."orders" AS "orders", "public"."customer" AS "customer", "public"."nation" n1, "public"."nation" n2 WHERE s_suppkey = l_suppkey AND o_orderkey = l_orderkey AND c_custkey = o_custkey AND s_nationkey = n1.n_nationkey AND c_nationkey = n2.n_nationkey AND ((n1.n_name = 'GERMANY' AND n2.n_name = 'IRAQ') OR (n1.n_name = 'IRAQ' AND n2.n_name = 'GERMANY')) AND l_shipdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31') AS shipping GROUP BY supp_nation, cust_nation, l_year ORDER BY supp_nation, cust_nation, l_year;
-- case: tpch/q08
SELECT o_year, sum(CASE WHEN nation = 'IRAQ' THEN volume ELSE 0 END) / sum(volume) AS mkt_share FROM (SELECT EXTRACT(YEAR FROM o_orderdate) AS o_year, l_extendedprice * (1 - l_discount) AS volume, n2.n_name AS nation FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."orders" AS "orders", "public"."customer" AS "customer", "public"."nation" n1, "public"."nation" n2, "public"."region" AS "region" WHERE p_partkey = l_partkey AND s_suppkey = l_suppkey AND l_orderkey = o_orderkey AND o_custkey = c_custkey AND c_nationkey = n1.n_nationkey AND n1.n_regionkey = r_regionkey AND r_name = 'MIDDLE EAST' AND s_nationkey = n2.n_nationkey AND o_orderdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31' AND p_type = 'LARGE PLATED STEEL') AS all_nations GROUP BY o_year ORDER BY o_year;
-- case: tpch/q09
SELECT nation, o_year, sum(amount) AS sum_profit FROM (SELECT n_name AS nation, EXTRACT(YEAR FROM o_orderdate) AS o_year, l_extendedprice * (1 - l_discount) - ps_supplycost * l_quantity AS amount FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."partsupp" AS "partsupp", "public"."orders" AS "orders", "public"."nation" AS "nation" WHERE s_suppkey = l_suppkey AND ps_suppkey = l_suppkey AND ps_partkey = l_partkey AND p_partkey = l_partkey AND o_orderkey = l_orderkey AND s_nationkey = n_nationkey AND p_name LIKE '%moccasin%' ESCAPE '\\') AS profit GROUP BY nation, o_year ORDER BY nation, o_year DESC;
-- case: tpch/q10
SELECT c_custkey, c_name, sum(l_extendedprice * (1 - l_discount)) AS revenue, c_acctbal, n_name, c_address, c_phone, c_comment FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem", "public"."nation" AS "nation" WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate >= DATE '1993-07-01' AND o_orderdate < DATE '1993-07-01' + INTERVAL '3' MONTH AND l_returnflag = 'R' AND c_nationkey = n_nationkey GROUP BY c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment ORDER BY revenue DESC LIMIT 20;
-- case: tpch/q11
SELECT ps_partkey, sum(ps_supplycost * ps_availqty) AS value FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE ps_suppkey = s_suppkey AND s_nationkey = n_nationkey AND n_name = 'ALGERIA' GROUP BY ps_partkey HAVING sum(ps_supplycost * ps_availqty) > (SELECT sum(ps_supplycost * ps_availqty) * 0.0001000000 FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE ps_suppkey = s_suppkey AND s_nationkey = n_nationkey AND n_name = 'ALGERIA') ORDER BY value DESC;
-- case: tpch/q12
SELECT l_shipmode, sum(CASE WHEN o_orderpriority = '1-URGENT' OR o_orderpriority = '2-HIGH' THEN 1 ELSE 0 END) AS high_line_count, sum(CASE WHEN o_orderpriority <> '1-URGENT' AND o_orderpriority <> '2-HIGH' THEN 1 ELSE 0 END) AS low_line_count FROM "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE o_orderkey = l_orderkey AND l_shipmode IN ('FOB', 'SHIP') AND l_commitdate < l_receiptdate AND l_shipdate < l_commitdate AND l_receiptdate >= DATE '1995-01-01' AND l_receiptdate < DATE '1995-01-01' + INTERVAL '1' YEAR GROUP BY l_shipmode ORDER BY l_shipmode;
-- case: tpch/q13
SELECT c_count, count(*) AS custdist FROM (SELECT c_custkey, count(o_orderkey) FROM "public"."customer" AS "customer" LEFT OUTER JOIN "public"."orders" AS "orders" ON c_custkey = o_custkey AND o_comment NOT LIKE '%express%requests%' ESCAPE '\\' GROUP BY c_custkey) AS c_orders (c_custkey, c_count) GROUP BY c_count ORDER BY custdist DESC, c_count DESC;
-- case: tpch/q14
SELECT 100.00 * sum(CASE WHEN p_type LIKE 'PROMO%' ESCAPE '\\' THEN l_extendedprice * (1 - l_discount) ELSE 0 END) / sum(l_extendedprice * (1 - l_discount)) AS promo_revenue FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE l_partkey = p_partkey AND l_shipdate >= DATE '1995-02-01' AND l_shipdate < DATE '1995-02-01' + INTERVAL '1' MONTH;
-- case: tpch/q15
WITH revenue0 (supplier_no, total_revenue) AS (SELECT l_suppkey, sum(l_extendedprice * (1 - l_discount)) FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate >= DATE '1996-08-01' AND l_shipdate < DATE '1996-08-01' + INTERVAL '3' MONTH GROUP BY l_suppkey) SELECT s_suppkey, s_name, s_address, s_phone, total_revenue FROM "public"."supplier" AS "supplier", revenue0 WHERE s_suppkey = supplier_no AND total_revenue = (SELECT max(total_revenue) FROM revenue0) ORDER BY s_suppkey;
-- case: tpch/q16
SELECT p_brand, p_type, p_size, count(DISTINCT ps_suppkey) AS supplier_cnt FROM "public"."partsupp" AS "partsupp", "public"."part" AS "part" WHERE p_partkey = ps_partkey AND p_brand <> 'Brand#14' AND p_type NOT LIKE 'SMALL PLATED%' ESCAPE '\\' AND p_size IN (14, 6, 5, 31, 49, 15, 41, 47) AND ps_suppkey NOT IN (SELECT s_suppkey FROM "public"."supplier" AS "supplier" WHERE s_comment LIKE '%Customer%Complaints%' ESCAPE '\\') GROUP BY p_brand, p_type, p_size ORDER BY supplier_cnt DESC, p_brand, p_type, p_size;
-- case: tpch/q17
SELECT sum(l_extendedprice) / 7.0 AS avg_yearly FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE p_partkey = l_partkey AND p_brand = 'Brand#42' AND p_container = 'LG BAG' AND l_quantity < (SELECT 0.2 * avg(l_quantity) FROM "public"."lineitem" AS "lineitem" WHERE l_partkey = p_partkey);
-- case: tpch/q18
SELECT c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, sum(l_quantity) FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE o_orderkey IN (SELECT l_orderkey FROM "public"."lineitem" AS "lineitem" GROUP BY l_orderkey HAVING sum(l_quantity) > 313) AND c_custkey = o_custkey AND o_orderkey = l_orderkey GROUP BY c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice ORDER BY o_totalprice DESC, o_orderdate LIMIT 100;
-- case: tpch/q19
SELECT sum(l_extendedprice * (1 - l_discount)) AS revenue FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE (p_partkey = l_partkey AND p_brand = 'Brand#21' AND p_container IN ('SM CASE', 'SM BOX', 'SM PACK', 'SM PKG') AND l_quantity >= 8 AND l_quantity <= 8 + 10 AND p_size BETWEEN 1 AND 5 AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON') OR (p_partkey = l_partkey AND p_brand = 'Brand#13' AND p_container IN ('MED BAG', 'MED BOX', 'MED PKG', 'MED PACK') AND l_quantity >= 20 AND l_quantity <= 20 + 10 AND p_size BETWEEN 1 AND 10 AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON') OR (p_partkey = l_partkey AND p_brand = 'Brand#52' AND p_container IN ('LG CASE', 'LG BOX', 'LG PACK', 'LG PKG') AND l_quantity >= 30 AND l_quantity <= 30 + 10 AND p_size BETWEEN 1 AND 15 AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON');
-- case: tpch/q20
SELECT s_name, s_address FROM "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE s_suppkey IN (SELECT ps_suppkey FROM "public"."partsupp" AS "partsupp" WHERE ps_partkey IN (SELECT p_partkey FROM "public"."part" AS "part" WHERE p_name LIKE 'blanched%' ESCAPE '\\') AND ps_availqty > (SELECT 0.5 * sum(l_quantity) FROM "public"."lineitem" AS "lineitem" WHERE l_partkey = ps_partkey AND l_suppkey = ps_suppkey AND l_shipdate >= DATE '1993-01-01' AND l_shipdate < DATE '1993-01-01' + INTERVAL '1' YEAR)) AND s_nationkey = n_nationkey AND n_name = 'KENYA' ORDER BY s_name;
-- case: tpch/q21
SELECT s_name, count(*) AS numwait FROM "public"."supplier" AS "supplier", "public"."lineitem" l1, "public"."orders" AS "orders", "public"."nation" AS "nation" WHERE s_suppkey = l1.l_suppkey AND o_orderkey = l1.l_orderkey AND o_orderstatus = 'F' AND l1.l_receiptdate > l1.l_commitdate AND EXISTS (SELECT * FROM "public"."lineitem" l2 WHERE l2.l_orderkey = l1.l_orderkey AND l2.l_suppkey <> l1.l_suppkey) AND NOT EXISTS (SELECT * FROM "public"."lineitem" l3 WHERE l3.l_orderkey = l1.l_orderkey AND l3.l_suppkey <> l1.l_suppkey AND l3.l_receiptdate > l3.l_commitdate) AND s_nationkey = n_nationkey AND n_name = 'ARGENTINA' GROUP BY s_name ORDER BY numwait DESC, s_name LIMIT 100;
-- case: tpch/q22
SELECT cntrycode, count(*) AS numcust, sum(c_acctbal) AS totacctbal FROM (SELECT SUBSTR(c_phone, 1, 2) AS cntrycode, c_acctbal FROM "public"."customer" AS "customer" WHERE SUBSTR(c_phone, 1, 2) IN ('24', '34', '16', '30', '33', '14', '13') AND c_acctbal > (SELECT avg(c_acctbal) FROM "public"."customer" AS "customer" WHERE c_acctbal > 0.00 AND SUBSTR(c_phone, 1, 2) IN ('24', '34', '16', '30', '33', '14', '13')) AND NOT EXISTS (SELECT * FROM "public"."orders" AS "orders" WHERE o_custkey = c_custkey)) AS custsale GROUP BY cntrycode ORDER BY cntrycode;
-- case: aggregates/count_variants
SELECT count(*) AS all_rows, count(i4) AS non_null_i4, count(t) AS non_null_t, count(DISTINCT t) AS distinct_t, count(DISTINCT u) AS distinct_u, count(DISTINCT j) AS distinct_j FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/count_tpch
-- refused: row constructors is not supported on the embedded engine
-- case: aggregates/sum_avg_integers
SELECT sum(i2) AS sum_i2, sum(i4) AS sum_i4, sum(i8) AS sum_i8, avg(i2) AS avg_i2, avg(i4) AS avg_i4, avg(i8) AS avg_i8 FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/sum_avg_integers_no_extremes
SELECT sum(i2) AS sum_i2, sum(i4) AS sum_i4, sum(i8) AS sum_i8, avg(i4) AS avg_i4 FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (4, 5);
-- case: aggregates/sum_avg_numeric
SELECT sum(n) AS sum_n, avg(n) AS avg_n, sum(m) AS sum_m, avg(m) AS avg_m, min(n) AS min_n, max(m) AS max_m FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/sum_avg_float
SELECT sum(f8) AS sum_f8, avg(f8) AS avg_f8, sum(f4) AS sum_f4, min(f8) AS min_f8, max(f4) AS max_f4 FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (4, 5);
-- case: aggregates/min_max_extremes
SELECT min(i2) AS min_i2, max(i2) AS max_i2, min(i8) AS min_i8, max(i8) AS max_i8, min(f8) AS min_f8, max(f8) AS max_f8, min(f4) AS min_f4 FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/min_max_temporal
SELECT min(d) AS min_d, max(d) AS max_d, min(ts) AS min_ts, max(ts) AS max_ts, min(tstz) AS min_tstz, max(tstz) AS max_tstz, min(tm) AS min_tm, max(tm) AS max_tm FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/pricing_summary_by_flag
SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_price, avg(l_discount) AS avg_disc, count(*) AS cnt FROM "public"."lineitem" AS "lineitem" GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus;
-- case: aggregates/filter_clause
SELECT count(CASE WHEN o_orderstatus = 'F' THEN 1 END) AS finished, count(CASE WHEN o_orderstatus = 'O' THEN 1 END) AS open, sum(CASE WHEN o_orderpriority = '1-URGENT' THEN o_totalprice END) AS urgent_total, avg(CASE WHEN false THEN o_totalprice END) AS never FROM "public"."orders" AS "orders";
-- case: aggregates/filter_grouped
SELECT c_mktsegment, count(*) AS customers, count(CASE WHEN c_acctbal < 0 THEN 1 END) AS negative_balance, max(CASE WHEN c_nationkey = 1 THEN c_acctbal END) AS max_argentina FROM "public"."customer" AS "customer" GROUP BY c_mktsegment ORDER BY c_mktsegment;
-- case: aggregates/bool_aggregates
SELECT BOOLAND_AGG(b) AS all_true, BOOLOR_AGG(b) AS any_true, BOOLAND_AGG(b) AS every_true, BOOLAND_AGG(i4 > -100) AS all_gt, BOOLOR_AGG(t = '') AS any_empty FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/bool_aggregates_grouped
SELECT o_orderpriority, BOOLAND_AGG(o_totalprice > 1000) AS all_over_1000, BOOLOR_AGG(o_orderstatus = 'P') AS any_partial, BOOLAND_AGG(o_shippriority = 0) AS all_zero_ship FROM "public"."orders" AS "orders" GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: aggregates/percentile_cont_disc
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(o_totalprice AS DOUBLE PRECISION)) AS median_cont, percentile_cont(0.25) WITHIN GROUP (ORDER BY CAST(o_totalprice AS DOUBLE PRECISION)) AS p25, percentile_disc(0.5) WITHIN GROUP (ORDER BY o_totalprice) AS median_disc, percentile_disc(0.9) WITHIN GROUP (ORDER BY o_orderdate) AS p90_date FROM "public"."orders" AS "orders";
-- case: aggregates/percentile_grouped
SELECT o_orderpriority, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(o_totalprice AS DOUBLE PRECISION)) AS median, percentile_disc(0.5) WITHIN GROUP (ORDER BY o_totalprice DESC) AS median_desc FROM "public"."orders" AS "orders" GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: aggregates/percentile_alltypes_nulls
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(i4 AS DOUBLE PRECISION)) AS median_i4, percentile_disc(0.5) WITHIN GROUP (ORDER BY d) AS median_d, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(iv AS DOUBLE PRECISION)) AS median_iv FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/percentile_array
-- refused: arrays is not supported on Snowflake
-- case: aggregates/percentile_array_fractions
-- refused: arrays is not supported on Snowflake
-- case: aggregates/percentile_mode_alltypes
SELECT percentile_cont(0.3) WITHIN GROUP (ORDER BY CAST(i4 AS DOUBLE PRECISION) DESC) AS cont_desc, percentile_cont(1) WITHIN GROUP (ORDER BY CAST(f8 AS DOUBLE PRECISION)) AS f8_top, percentile_disc(0.5) WITHIN GROUP (ORDER BY t) AS t_median, percentile_disc(0.5) WITHIN GROUP (ORDER BY c DESC) AS c_median, percentile_disc(0) WITHIN GROUP (ORDER BY m) AS m_first, mode() WITHIN GROUP (ORDER BY b) AS b_mode, mode() WITHIN GROUP (ORDER BY i2 DESC) AS i2_mode FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/percentile_empty_and_filtered
-- refused: percentile_cont() with FILTER (WHERE …) is not supported on Snowflake
-- case: aggregates/mode
SELECT mode() WITHIN GROUP (ORDER BY l_quantity) AS mode_qty, mode() WITHIN GROUP (ORDER BY l_shipmode) AS mode_shipmode, mode() WITHIN GROUP (ORDER BY l_linenumber) AS mode_linenumber FROM "public"."lineitem" AS "lineitem";
-- case: aggregates/mode_grouped
SELECT n_regionkey, mode() WITHIN GROUP (ORDER BY c_mktsegment) AS top_segment, count(*) AS customers FROM "public"."customer" AS "customer" JOIN "public"."nation" AS "nation" ON c_nationkey = n_nationkey GROUP BY n_regionkey ORDER BY n_regionkey;
-- case: aggregates/array_agg_ordered
-- refused: function array_agg() is not supported on Snowflake
-- case: aggregates/array_agg_nulls
-- refused: function array_agg() is not supported on Snowflake
-- case: aggregates/stddev_variance_numeric
SELECT STDDEV_SAMP(l_quantity) AS sd, stddev_samp(l_quantity) AS sd_samp, stddev_pop(l_quantity) AS sd_pop, VAR_SAMP(l_quantity) AS var, var_samp(l_quantity) AS var_samp, var_pop(l_quantity) AS var_pop FROM "public"."lineitem" AS "lineitem";
-- case: aggregates/stddev_variance_float
SELECT stddev_samp(f8) AS sd_samp, stddev_pop(f8) AS sd_pop, var_samp(f8) AS var_samp, var_pop(f8) AS var_pop FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (4, 5, 8);
-- case: aggregates/stddev_single_row
SELECT stddev_samp(x) AS samp, stddev_pop(x) AS pop, var_samp(x) AS vsamp FROM (VALUES (5.0)) AS v (x);
-- case: aggregates/group_by_having
SELECT c_nationkey, count(*) AS customers, sum(c_acctbal) AS total_balance FROM "public"."customer" AS "customer" GROUP BY c_nationkey HAVING count(*) > 65 ORDER BY c_nationkey;
-- case: aggregates/having_on_aggregate_not_selected
SELECT o_orderpriority FROM "public"."orders" AS "orders" GROUP BY o_orderpriority HAVING avg(o_totalprice) > 141500 ORDER BY o_orderpriority;
-- case: aggregates/group_by_ordinal
SELECT o_orderpriority, o_orderstatus, count(*) AS cnt FROM "public"."orders" AS "orders" GROUP BY 1, 2 ORDER BY 1, 2;
-- case: aggregates/group_by_alias_expression
SELECT p_size / 10 AS bucket, count(*) AS cnt, min(p_size) AS lo, max(p_size) AS hi FROM "public"."part" AS "part" GROUP BY bucket ORDER BY bucket;
-- case: aggregates/group_by_nulls
SELECT b, count(*) AS cnt, sum(i4) AS sum_i4 FROM "public"."alltypes" AS "alltypes" GROUP BY b ORDER BY b NULLS FIRST;
-- case: aggregates/rollup
SELECT r_name, n_name, count(*) AS customers FROM "public"."customer" AS "customer" JOIN "public"."nation" AS "nation" ON c_nationkey = n_nationkey JOIN "public"."region" AS "region" ON n_regionkey = r_regionkey WHERE r_regionkey IN (0, 1) GROUP BY ROLLUP (r_name, n_name) ORDER BY r_name NULLS LAST, n_name NULLS LAST;
-- case: aggregates/cube
SELECT o_orderstatus, o_orderpriority, count(*) AS cnt FROM "public"."orders" AS "orders" GROUP BY CUBE (o_orderstatus, o_orderpriority) ORDER BY o_orderstatus NULLS LAST, o_orderpriority NULLS LAST;
-- case: aggregates/grouping_sets
SELECT l_returnflag, l_shipmode, count(*) AS cnt, GROUPING(l_returnflag, l_shipmode) AS grp FROM "public"."lineitem" AS "lineitem" GROUP BY GROUPING SETS ((l_returnflag), (l_shipmode), ()) ORDER BY grp, l_returnflag, l_shipmode;
-- case: aggregates/empty_input
-- refused: function array_agg() is not supported on Snowflake
-- case: aggregates/empty_input_grouped
SELECT o_orderstatus, count(*) AS cnt FROM "public"."orders" AS "orders" WHERE o_totalprice < 0 GROUP BY o_orderstatus ORDER BY o_orderstatus;
-- case: aggregates/all_null_input
SELECT sum(i4) AS s, avg(f8) AS a, min(t) AS mn, count(i4) AS c, count(*) AS c_star FROM "public"."alltypes" AS "alltypes" WHERE id = 3;
-- case: aggregates/having_without_group_by
SELECT count(*) AS cnt FROM "public"."nation" AS "nation" HAVING count(*) > 20;
-- case: aggregates/having_false_no_rows
SELECT count(*) AS cnt FROM "public"."nation" AS "nation" HAVING count(*) > 1000;
-- case: aggregates/sum_distinct
SELECT sum(DISTINCT p_size) AS sum_distinct, avg(DISTINCT p_size) AS avg_distinct, count(DISTINCT p_size) AS n_sizes, sum(p_size) AS sum_all FROM "public"."part" AS "part";
-- case: aggregates/expression_of_aggregates
SELECT round(sum(l_extendedprice * (1 - l_discount)), 2) AS revenue, max(l_quantity) - min(l_quantity) AS qty_range, round(avg(l_extendedprice), 4) AS avg_price, sum(l_quantity) / count(*) AS manual_avg FROM "public"."lineitem" AS "lineitem";
-- case: aggregates/nested_via_subquery
SELECT avg(cnt) AS avg_orders_per_customer, max(cnt) AS max_orders, min(cnt) AS min_orders FROM (SELECT o_custkey, count(*) AS cnt FROM "public"."orders" AS "orders" GROUP BY o_custkey) AS s;
-- case: aggregates/bit_and_or
-- refused: function bit_and() is not supported on Snowflake
-- case: aggregates/corr_regr
-- refused: function corr() is not supported on Snowflake
-- case: aggregates/count_distinct_grouped
SELECT l_shipmode, count(DISTINCT l_orderkey) AS orders, count(*) AS lines FROM "public"."lineitem" AS "lineitem" GROUP BY l_shipmode ORDER BY l_shipmode;
-- case: aggregates/group_by_date_parts
SELECT EXTRACT(YEAR FROM l_shipdate) AS yr, sum(l_quantity) AS qty, count(CASE WHEN l_returnflag = 'R' THEN 1 END) AS returned FROM "public"."lineitem" AS "lineitem" GROUP BY 1 ORDER BY 1;
-- case: aggregates/avg_of_intervals_and_dates
SELECT avg(iv) AS avg_iv, max(d) - min(d) AS date_span FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/avg_distinct_numeric_grouped
SELECT l_returnflag, avg(DISTINCT l_quantity) AS avg_q, avg(DISTINCT l_linenumber) AS avg_line, avg(DISTINCT l_quantity) * 2 > 50 AS big FROM "public"."lineitem" AS "lineitem" GROUP BY l_returnflag ORDER BY l_returnflag;
-- case: aggregates/avg_distinct_with_nulls
SELECT avg(DISTINCT x) AS with_nulls, count(DISTINCT x) AS n FROM (VALUES (1), (1), (NULL::INT), (2)) AS v (x);
-- case: aggregates/avg_distinct_empty
SELECT avg(DISTINCT p_size) AS none FROM "public"."part" AS "part" WHERE false;
-- case: arrays/any_array_constructor
-- refused: arrays is not supported on Snowflake
-- case: arrays/any_array_literal_string
-- refused: casting to bigint[] is not supported on Snowflake
-- case: arrays/all_not_equal
-- refused: arrays is not supported on Snowflake
-- case: arrays/any_all_comparisons
-- refused: arrays is not supported on Snowflake
-- case: arrays/any_all_null_semantics
-- refused: arrays is not supported on Snowflake
-- case: arrays/any_text_array
-- refused: arrays is not supported on Snowflake
-- case: arrays/any_from_string_to_array
-- refused: function string_to_array() is not supported on Snowflake
-- case: arrays/length_and_cardinality
-- refused: array_length() of a dimension other than 1 is not supported on the embedded engine
-- case: arrays/dims_and_bounds
-- refused: multi-dimensional arrays is not supported on the embedded engine
-- case: arrays/element_access
-- refused: multi-dimensional arrays is not supported on the embedded engine
-- case: arrays/slices
-- refused: arrays is not supported on Snowflake
-- case: arrays/unnest_in_from
-- refused: function unnest() in FROM is not supported on Snowflake
-- case: arrays/unnest_with_ordinality
-- refused: function unnest() in FROM is not supported on Snowflake
-- case: arrays/unnest_multiple_arrays
-- refused: function unnest() in FROM is not supported on Snowflake
-- case: arrays/unnest_nulls_and_empty
-- refused: function unnest() in FROM is not supported on Snowflake
-- case: arrays/unnest_join_table
-- refused: function unnest() in FROM is not supported on Snowflake
-- case: arrays/unnest_in_select_list
-- refused: arrays is not supported on Snowflake
-- case: arrays/array_position
-- refused: arrays is not supported on Snowflake
-- case: arrays/array_to_string
-- refused: arrays is not supported on Snowflake
-- case: arrays/string_to_array
-- refused: function string_to_array() is not supported on Snowflake
-- case: arrays/string_to_array_columns
-- refused: function string_to_array() is not supported on Snowflake
-- case: arrays/array_agg_then_access
-- refused: function array_agg() is not supported on Snowflake
-- case: arrays/array_literals_output
-- refused: multi-dimensional arrays is not supported on the embedded engine
-- case: arrays/concat_append_prepend
-- refused: arrays is not supported on Snowflake
-- case: arrays/contains_overlap_compare
-- refused: the array overlap operator && is not supported on the embedded engine
-- case: arrays/remove_replace
-- refused: arrays is not supported on Snowflake
-- case: arrays/array_subquery_constructor
-- refused: function array() is not supported on Snowflake
-- case: arrays/array_subquery_empty_and_correlated
-- refused: function array() is not supported on Snowflake
-- case: arrays/array_in_group_by_key
-- refused: arrays is not supported on Snowflake
-- case: arrays/array_from_columns
-- refused: arrays is not supported on Snowflake
-- case: casts/int_to_text
SELECT 42::TEXT AS a, CAST(42 AS TEXT) AS b, (-7)::TEXT AS c;
-- case: casts/text_to_int
SELECT '123'::INT + 1 AS a, CAST(' 456 ' AS INTEGER) AS b, '-0'::INT AS c;
-- case: casts/text_to_bigint_smallint
-- refused: casting to int4 is not supported on Snowflake
-- case: casts/numeric_typmod_rounding
SELECT 2.345::NUMERIC(10,2) AS a, 2.355::NUMERIC(10,2) AS b, (-2.345)::NUMERIC(10,2) AS c, 1234.5::NUMERIC(6,0) AS d, CAST(0.005 AS NUMERIC(4,2)) AS e;
-- case: casts/float_to_int_rounding
SELECT 2.5::FLOAT8::INT AS a, 3.5::FLOAT8::INT AS b, (-2.5)::FLOAT8::INT AS c, 2.5::NUMERIC::INT AS d, (-2.5)::NUMERIC::INT AS e, 2.4999::INT AS f;
-- case: casts/decimal_type
SELECT CAST('3.14159' AS DECIMAL(5,3)) AS pi3, CAST(1 AS DECIMAL) / 3 AS third, 10::DECIMAL(4,1) AS ten;
-- case: casts/real_and_double
-- refused: casting to real is not supported on Snowflake
-- case: casts/float_to_numeric
-- refused: casting to float4 is not supported on Snowflake
-- case: casts/varchar_truncation
SELECT 'abcdef'::VARCHAR(3) AS v3, CAST('abcdef' AS VARCHAR(10)) AS v10, CAST('héllo' AS VARCHAR(2)) AS v2;
-- case: casts/varchar_of_every_kind
SELECT id, i4::VARCHAR(2) AS i4v, f8::VARCHAR AS f8v, d::VARCHAR(7) AS dv, t::VARCHAR(3) AS tv, c::VARCHAR AS cv, t::VARCHAR(5) || '|' AS concat, CAST(b AS CHARACTER VARYING(1)) AS bv FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/char_padding
-- refused: casting to char(4) is not supported on Snowflake
-- case: casts/char_column_to_text
SELECT id, c, c::TEXT || '|' AS as_text, c::VARCHAR(8) AS as_varchar, length(c) AS len FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/char_concatenation_and_casts
-- refused: function concat() is not supported on Snowflake
-- case: casts/date_to_timestamp
-- refused: casting to timestamptz is not supported on Snowflake
-- case: casts/timestamp_to_date_and_time
SELECT id, ts::DATE AS d, ts::TIME AS t, CAST(ts AS DATE) = d AS same_day FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/text_to_date_formats
SELECT '2024-02-29'::DATE AS iso, '20240229'::DATE AS compact, 'Feb 29 2024'::DATE AS words, CAST('1999-1-5' AS DATE) AS short;
-- case: casts/timestamptz_to_timestamp_utc
SELECT id, tstz, tstz::TIMESTAMP AS local_ts, tstz::DATE AS local_date FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/timestamp_to_timestamptz
-- refused: casting to timestamptz is not supported on Snowflake
-- case: casts/text_to_boolean
SELECT 'true'::BOOLEAN AS a, 'yes'::BOOLEAN AS b, 'on'::BOOLEAN AS c, '0'::BOOLEAN AS d, 'f'::BOOL AS e, CAST('N' AS BOOLEAN) AS f, ' TRUE '::BOOLEAN AS g;
-- case: casts/boolean_int_roundtrip
SELECT true::INT AS a, false::INT AS b, 1::BOOLEAN AS c, 0::BOOLEAN AS d, 5::BOOLEAN AS e, true::TEXT AS f;
-- case: casts/int_column_to_boolean
SELECT id, i4, i4::BOOLEAN AS nonzero FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/bytea_from_text
-- refused: casting to bytea is not supported on Snowflake
-- case: casts/bytea_column
SELECT id, by, length(by) AS len FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/uuid_from_text
-- refused: casting to uuid is not supported on Snowflake
-- case: casts/uuid_column_to_text
SELECT id, u::TEXT AS u_text, upper(u::TEXT) AS u_upper FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/jsonb_from_text
-- refused: casting to jsonb is not supported on Snowflake
-- case: casts/jsonb_scalar_to_sql
-- refused: casting to jsonb is not supported on Snowflake
-- case: casts/interval_from_text
-- refused: casting to interval is not supported on Snowflake
-- case: casts/time_from_text
SELECT '13:45'::TIME AS a, CAST('23:59:59.5' AS TIME) AS b, '1:02:03 PM'::TIME AS c, TIME '00:00' AS d;
-- case: casts/numeric_to_text_scale
SELECT 1.50::NUMERIC::TEXT AS a, 10::NUMERIC(5,2)::TEXT AS b, 0.000::TEXT AS c, (-0.5)::NUMERIC(4,1)::TEXT AS d;
-- case: casts/numeric_column_to_text
SELECT id, m::TEXT AS m_text, n::TEXT AS n_text FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/string_to_numeric
SELECT '  12.340 '::NUMERIC AS a, '-0.5'::NUMERIC * 2 AS b, '1e3'::NUMERIC AS c, '.25'::NUMERIC AS d, CAST('+7' AS NUMERIC) AS e;
-- case: casts/number_to_text_concat
-- refused: the literal 1e100 (more than 38 digits) is not supported on the embedded engine
-- case: casts/cast_in_where
SELECT count(*) AS cnt FROM "public"."orders" AS "orders" WHERE o_orderdate::TEXT LIKE '1995-%' ESCAPE '\\';
-- case: casts/tpch_price_casts
SELECT p_partkey, p_retailprice, p_retailprice::INT AS as_int, p_retailprice::FLOAT8 AS as_float, CAST(p_retailprice AS NUMERIC(10,0)) AS as_num0 FROM "public"."part" AS "part" ORDER BY p_partkey LIMIT 5;
-- case: casts/int_widening
SELECT id, i4::BIGINT + 1 AS plus_one, i2::INT * 2 AS doubled, i8::NUMERIC * 2 AS numeric_doubled FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/float_columns
-- refused: casting to real is not supported on Snowflake
-- case: casts/alltypes_to_text
SELECT id, b::TEXT AS b, d::TEXT AS d, iv::TEXT AS iv, j::TEXT AS j, tm::TEXT AS tm FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/time_and_interval
-- refused: casting a value other than a string constant to interval is not supported on the embedded engine
-- case: casts/to_char_numbers
-- refused: function to_char() is not supported on Snowflake
-- case: casts/to_number
-- refused: function to_number() is not supported on the embedded engine
-- case: conditionals/coalesce_columns
SELECT id, coalesce(t, vc, 'none') AS first_text, coalesce(i4, i2, -1) AS first_int, coalesce(d, DATE '2000-01-01') AS d_or_default FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/coalesce_literals
SELECT coalesce(NULL, 1, 2) AS a, coalesce(NULL::TEXT, NULL) AS b, coalesce(1, 2.5) AS c, coalesce(NULL, NULL, 'x') AS d, coalesce('', 'fallback') AS e;
-- case: conditionals/coalesce_empty_aggregate
SELECT coalesce(sum(o_totalprice), 0) AS total, coalesce(max(o_orderdate), DATE '1970-01-01') AS latest FROM "public"."orders" AS "orders" WHERE o_custkey = -1;
-- case: conditionals/nullif
SELECT nullif(1, 1) AS a, nullif(1, 2) AS b, nullif('a', 'b') AS c, nullif('', '') AS d, nullif(NULL::INT, 1) AS e;
-- case: conditionals/nullif_columns
SELECT id, nullif(t, '') AS t_or_null, nullif(i4, 0) AS i4_or_null, coalesce(nullif(TRIM(t), ''), '<blank>') AS cleaned FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/nullif_safe_division
SELECT o_orderpriority, round(sum(o_totalprice) / nullif(count(CASE WHEN o_orderstatus = 'X' THEN 1 END), 0), 2) AS never_divides, round(sum(o_totalprice) / nullif(count(*), 0), 2) AS avg_price FROM "public"."orders" AS "orders" GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: conditionals/greatest_least_literals
SELECT GREATEST(COALESCE(1, 5, 3), COALESCE(5, 1, 3), COALESCE(3, 1, 5)) AS g, LEAST(COALESCE(1, 5, 3), COALESCE(5, 1, 3), COALESCE(3, 1, 5)) AS l, GREATEST(COALESCE(1, NULL, 3), COALESCE(NULL, 1, 3), COALESCE(3, 1, NULL)) AS g_null, LEAST(COALESCE(NULL, NULL::INT), COALESCE(NULL::INT, NULL)) AS l_all_null, GREATEST(COALESCE('apple', 'banana'), COALESCE('banana', 'apple')) AS g_text, LEAST(COALESCE(DATE '2024-01-01', DATE '2023-06-01'), COALESCE(DATE '2023-06-01', DATE '2024-01-01')) AS l_date, GREATEST(COALESCE(1, 2.5), COALESCE(2.5, 1)) AS g_mixed;
-- case: conditionals/greatest_least_columns
SELECT id, GREATEST(COALESCE(i2, i4, i8), COALESCE(i4, i2, i8), COALESCE(i8, i2, i4)) AS g_int, LEAST(COALESCE(i2, i4, i8), COALESCE(i4, i2, i8), COALESCE(i8, i2, i4)) AS l_int, LEAST(COALESCE(f4, f8), COALESCE(f8, f4)) AS l_float, GREATEST(COALESCE(d, DATE '2000-01-01'), COALESCE(DATE '2000-01-01', d)) AS g_date FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/greatest_tpch
SELECT l_orderkey, l_linenumber, GREATEST(COALESCE(l_shipdate, l_commitdate, l_receiptdate), COALESCE(l_commitdate, l_shipdate, l_receiptdate), COALESCE(l_receiptdate, l_shipdate, l_commitdate)) AS latest_date, LEAST(COALESCE(l_shipdate, l_commitdate), COALESCE(l_commitdate, l_shipdate)) AS earliest FROM "public"."lineitem" AS "lineitem" WHERE l_orderkey <= 3 ORDER BY l_orderkey, l_linenumber;
-- case: conditionals/case_simple
SELECT o_orderstatus, CASE o_orderstatus WHEN 'F' THEN 'finished' WHEN 'O' THEN 'open' ELSE 'partial' END AS status_name, count(*) AS cnt FROM "public"."orders" AS "orders" GROUP BY 1, 2 ORDER BY 1;
-- case: conditionals/case_searched_buckets
SELECT CASE WHEN o_totalprice < 50000 THEN 'small' WHEN o_totalprice < 200000 THEN 'medium' ELSE 'large' END AS bucket, count(*) AS cnt, min(o_totalprice) AS lo, max(o_totalprice) AS hi FROM "public"."orders" AS "orders" GROUP BY 1 ORDER BY lo;
-- case: conditionals/case_nested
SELECT id, CASE WHEN i4 IS NULL THEN 'null' WHEN i4 > 0 THEN CASE WHEN i4 > 100 THEN 'big' ELSE 'small' END WHEN i4 < 0 THEN 'negative' ELSE 'zero' END AS kind FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/case_without_else
SELECT id, CASE WHEN i4 > 0 THEN 'pos' END AS pos_only, CASE b WHEN true THEN 1 END AS true_only FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/case_simple_null_never_matches
SELECT id, CASE b WHEN true THEN 'yes' WHEN false THEN 'no' ELSE 'unknown' END AS b_text, CASE t WHEN NULL THEN 'null matched' ELSE 'no match' END AS null_when FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/case_with_aggregates
SELECT sum(CASE WHEN l_returnflag = 'R' THEN 1 ELSE 0 END) AS returned, sum(CASE WHEN l_shipmode IN ('AIR', 'REG AIR') THEN l_quantity END) AS air_qty, count(CASE WHEN l_discount = 0 THEN 1 END) AS no_discount FROM "public"."lineitem" AS "lineitem";
-- case: conditionals/case_in_order_by
SELECT r_regionkey, r_name FROM "public"."region" AS "region" ORDER BY CASE r_name WHEN 'EUROPE' THEN 0 WHEN 'ASIA' THEN 1 ELSE 2 END, r_regionkey;
-- case: conditionals/case_result_type_mix
SELECT CASE WHEN true THEN 1 ELSE 2.5 END AS num_mix, CASE WHEN false THEN 'a' END AS null_text, CASE WHEN 1 = 1 THEN DATE '2024-01-01' ELSE NULL END AS d;
-- case: conditionals/is_distinct_from
SELECT id, b IS DISTINCT FROM true AS not_true, b IS NOT DISTINCT FROM NULL AS b_is_null, i4 IS DISTINCT FROM 10 AS i4_not_10, t IS NOT DISTINCT FROM 'Hello World' AS t_hello FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/null_comparison_matrix
SELECT NULL = NULL AS eq, NULL IS NULL AS is_null, NULL::INT IS DISTINCT FROM NULL AS distinct_nulls, 1 <> NULL AS ne, 1 IS DISTINCT FROM NULL AS distinct_1, NULL::INT < 1 AS lt;
-- case: conditionals/boolean_logic_with_nulls
SELECT true AND NULL AS a, false AND NULL AS b, true OR NULL AS c, false OR NULL AS d, NOT NULL::BOOLEAN AS e, NULL::BOOLEAN AND NULL AS f;
-- case: conditionals/is_null_counts
SELECT count(CASE WHEN t IS NULL THEN 1 END) AS t_null, count(CASE WHEN t IS NOT NULL THEN 1 END) AS t_not_null, count(CASE WHEN j IS NULL THEN 1 END) AS j_null, count(CASE WHEN b IS NULL THEN 1 END) AS b_null, count(CASE WHEN c IS NOT NULL THEN 1 END) AS c_not_null FROM "public"."alltypes" AS "alltypes";
-- case: conditionals/is_true_false_unknown
SELECT id, b IS TRUE AS is_t, b IS NOT TRUE AS not_t, b IS FALSE AS is_f, b IS NOT FALSE AS not_f, b IS UNKNOWN AS is_u, b IS NOT UNKNOWN AS not_u FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/is_true_on_expressions
SELECT count(CASE WHEN (i4 > 5) IS TRUE THEN 1 END) AS gt5_true, count(CASE WHEN (i4 > 5) IS NOT TRUE THEN 1 END) AS gt5_not_true, count(CASE WHEN (i4 > 5) IS UNKNOWN THEN 1 END) AS gt5_unknown FROM "public"."alltypes" AS "alltypes";
-- case: conditionals/between
SELECT count(*) AS cnt FROM "public"."lineitem" AS "lineitem" WHERE l_quantity BETWEEN 10 AND 20;
-- case: conditionals/not_between
SELECT count(*) AS cnt FROM "public"."lineitem" AS "lineitem" WHERE l_discount NOT BETWEEN 0.02 AND 0.08;
-- case: conditionals/between_symmetric
-- refused: BETWEEN SYMMETRIC (write (x BETWEEN a AND b OR x BETWEEN b AND a)) is not supported
-- case: conditionals/between_dates_and_nulls
SELECT id, d BETWEEN DATE '2000-01-01' AND DATE '2024-12-31' AS in_range, i4 BETWEEN -10 AND 10 AS small FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/in_list
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" WHERE n_nationkey IN (1, 3, 5, 7) ORDER BY n_nationkey;
-- case: conditionals/not_in_list
SELECT count(*) AS cnt FROM "public"."nation" AS "nation" WHERE n_regionkey NOT IN (0, 1);
-- case: conditionals/in_list_null_semantics
SELECT 1 IN (1, NULL) AS a, 2 IN (1, NULL) AS b, 2 NOT IN (1, NULL) AS c, 1 NOT IN (2, 3) AS d, NULL IN (1, 2) AS e;
-- case: conditionals/in_list_on_nullable_column
SELECT id, i4 FROM "public"."alltypes" AS "alltypes" WHERE i4 IN (7, 8, NULL) ORDER BY id;
-- case: conditionals/in_text_list
SELECT l_shipmode, count(*) AS cnt FROM "public"."lineitem" AS "lineitem" WHERE l_shipmode IN ('MAIL', 'SHIP', 'BOAT') GROUP BY l_shipmode ORDER BY l_shipmode;
-- case: conditionals/not_in_subquery
SELECT count(*) AS customers_without_orders FROM "public"."customer" AS "customer" WHERE c_custkey NOT IN (SELECT o_custkey FROM "public"."orders" AS "orders");
-- case: conditionals/not_in_subquery_with_null
SELECT count(*) AS cnt FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (SELECT i4 FROM "public"."alltypes" AS "alltypes");
-- case: conditionals/not_in_subquery_nulls_filtered
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (SELECT i4 FROM "public"."alltypes" AS "alltypes" WHERE i4 IS NOT NULL) ORDER BY id;
-- case: datetime/now_deterministic_forms
-- refused: casting to timestamptz is not supported on Snowflake
-- case: datetime/current_date_forms
SELECT current_date > DATE '2020-01-01' AS after_2020, current_date = current_timestamp::DATE AS same_day, (current_date + 1) - current_date AS one, EXTRACT(YEAR FROM current_date) >= 2024 AS recent;
-- case: datetime/now_interval_math
-- refused: function age() is not supported on Snowflake
-- case: datetime/date_trunc_timestamp_fields
SELECT id, date_trunc('year', ts) AS y, date_trunc('quarter', ts) AS q, date_trunc('month', ts) AS mo, date_trunc('week', ts) AS w, date_trunc('day', ts) AS d FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/date_trunc_time_fields
SELECT id, date_trunc('hour', ts) AS h, date_trunc('minute', ts) AS mi, date_trunc('second', ts) AS s, date_trunc('milliseconds', ts) AS ms FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/date_trunc_on_date
SELECT date_trunc('month', DATE '2024-02-29') AS m, date_trunc('year', DATE '2024-02-29')::DATE AS y, date_trunc('week', DATE '2024-02-29')::DATE AS w, date_trunc('quarter', DATE '2024-11-15')::DATE AS q;
-- case: datetime/date_trunc_timestamptz_utc
SELECT id, date_trunc('day', tstz) AS d, date_trunc('hour', tstz) AS h FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/date_trunc_interval
SELECT date_trunc('hour', INTERVAL '1 day 5 hours 30 minutes') AS a, date_trunc('year', INTERVAL '2 years 7 months') AS b;
-- case: datetime/date_trunc_group_orders
SELECT date_trunc('year', o_orderdate)::DATE AS yr, count(*) AS orders, sum(o_totalprice) AS total FROM "public"."orders" AS "orders" GROUP BY 1 ORDER BY 1;
-- case: datetime/extract_timestamp_fields
SELECT id, EXTRACT(YEAR FROM ts) AS y, EXTRACT(MONTH FROM ts) AS mo, EXTRACT(DAY FROM ts) AS d, EXTRACT(HOUR FROM ts) AS h, EXTRACT(MINUTE FROM ts) AS mi, (EXTRACT(SECOND FROM ts) + EXTRACT(NANOSECOND FROM ts) * 0.000000001) AS s FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/extract_calendar_fields
SELECT id, (EXTRACT(DAYOFWEEKISO FROM d) % 7) AS dow, EXTRACT(DAYOFWEEKISO FROM d) AS isodow, EXTRACT(DAYOFYEAR FROM d) AS doy, EXTRACT(QUARTER FROM d) AS q, EXTRACT(WEEKISO FROM d) AS wk, EXTRACT(YEAROFWEEKISO FROM d) AS isoyear FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/extract_epoch
-- refused: EXTRACT(EPOCH FROM …) is not supported on Snowflake
-- case: datetime/extract_subsecond
-- refused: EXTRACT(MILLISECONDS FROM …) is not supported on Snowflake
-- case: datetime/extract_time_and_interval
-- refused: EXTRACT(EPOCH FROM …) is not supported on Snowflake
-- case: datetime/extract_timestamptz_utc
-- refused: EXTRACT(TIMEZONE FROM …) is not supported on Snowflake
-- case: datetime/date_part
-- refused: function date_part() is not supported on Snowflake
-- case: datetime/extract_year_quarter_orders
SELECT EXTRACT(YEAR FROM o_orderdate) AS yr, EXTRACT(QUARTER FROM o_orderdate) AS q, count(*) AS cnt FROM "public"."orders" AS "orders" GROUP BY 1, 2 ORDER BY 1, 2;
-- case: datetime/age_two_args
-- refused: function age() is not supported on Snowflake
-- case: datetime/age_month_ends_fractions_timestamptz
-- refused: function age() is not supported on Snowflake
-- case: datetime/age_columns
-- refused: function age() is not supported on Snowflake
-- case: datetime/interval_literals
SELECT INTERVAL '1 day' AS a, INTERVAL '2 hours 30 minutes' AS b, INTERVAL '1 year 2 months' AS c, INTERVAL '1.5 days' AS d, INTERVAL '3' DAY AS e, INTERVAL '-1 week' AS f, INTERVAL '100 seconds' AS g;
-- case: datetime/interval_string_casts
-- refused: casting to interval is not supported on Snowflake
-- case: datetime/date_plus_minus_integer
SELECT DATE '2024-02-28' + 1 AS a, DATE '2024-02-28' + 2 AS b, DATE '2024-03-01' - 1 AS c, DATE '2024-03-01' - DATE '2024-01-01' AS days_between, 7 + DATE '2024-12-28' AS int_plus_date;
-- case: datetime/date_plus_interval
SELECT DATE '2024-01-31' + INTERVAL '1 month' AS a, DATE '2024-02-29' + INTERVAL '1 year' AS b, DATE '2024-01-01' - INTERVAL '1 day' AS c, DATE '2024-03-31' - INTERVAL '1 month' AS d, DATE '2024-01-01' + INTERVAL '36 hours' AS e;
-- case: datetime/timestamp_arithmetic
SELECT TIMESTAMP '2024-01-01 10:00' - TIMESTAMP '2023-12-31 08:30' AS diff, TIMESTAMP '2024-01-01' + INTERVAL '36 hours' AS plus, TIMESTAMP '2024-03-01' - INTERVAL '1 day 1 second' AS minus, TIMESTAMP '2024-01-01' - TIMESTAMP '2024-03-01' AS neg_diff;
-- case: datetime/timestamp_column_arithmetic
SELECT id, ts + iv AS ts_plus_iv, ts - INTERVAL '1 hour' AS ts_minus_1h, d + 30 AS d_plus_30, tstz + INTERVAL '1 day' AS tstz_plus_1d FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/interval_multiply_divide
SELECT INTERVAL '1 hour' * 2.5 AS a, INTERVAL '1 day' / 4 AS b, 3 * INTERVAL '20 minutes' AS c, -INTERVAL '1 day' AS d, INTERVAL '1 month' * 1.5 AS e, INTERVAL '1 hour' / 7 AS f;
-- case: datetime/interval_aggregates
SELECT sum(iv) AS total, min(iv) AS smallest, max(iv) AS largest, count(iv) AS cnt FROM "public"."alltypes" AS "alltypes";
-- case: datetime/date_differences_tpch
SELECT avg(l_receiptdate - l_shipdate) AS avg_transit, max(l_receiptdate - l_shipdate) AS max_transit, min(l_commitdate - l_shipdate) AS min_slack, count(CASE WHEN l_receiptdate > l_commitdate THEN 1 END) AS late FROM "public"."lineitem" AS "lineitem";
-- case: datetime/to_char_formats
-- refused: function to_char() is not supported on Snowflake
-- case: datetime/to_char_names
-- refused: function to_char() is not supported on Snowflake
-- case: datetime/to_char_misc_patterns
-- refused: function to_char() is not supported on Snowflake
-- case: datetime/to_char_columns
-- refused: function to_char() is not supported on Snowflake
-- case: datetime/to_char_orders
-- refused: function to_char() is not supported on Snowflake
-- case: datetime/to_char_interval
-- refused: function to_char() is not supported on Snowflake
-- case: datetime/to_date
-- refused: function to_date() is not supported on Snowflake
-- case: datetime/to_timestamp_text
-- refused: function to_timestamp() is not supported on Snowflake
-- case: datetime/to_timestamp_epoch
-- refused: function to_timestamp() is not supported on Snowflake
-- case: datetime/make_functions
-- refused: function make_date() is not supported on Snowflake
-- case: datetime/make_date_from_parts
-- refused: function make_date() is not supported on Snowflake
-- case: datetime/at_time_zone_on_timestamptz
-- refused: AT TIME ZONE is not supported on Snowflake
-- case: datetime/at_time_zone_on_timestamp
-- refused: AT TIME ZONE is not supported on Snowflake
-- case: datetime/at_time_zone_offsets
-- refused: casting to timestamptz is not supported on Snowflake
-- case: datetime/at_time_zone_roundtrip
-- refused: AT TIME ZONE is not supported on Snowflake
-- case: datetime/timezone_function
-- refused: casting to timestamptz is not supported on Snowflake
-- case: datetime/dst_transition
-- refused: casting to timestamptz is not supported on Snowflake
-- case: datetime/date_comparisons_orders
SELECT count(*) AS cnt FROM "public"."orders" AS "orders" WHERE o_orderdate >= DATE '1995-01-01' AND o_orderdate < DATE '1995-01-01' + INTERVAL '1 year';
-- case: datetime/date_between_and_timestamp_compare
SELECT count(CASE WHEN o_orderdate BETWEEN '1994-01-01' AND '1994-12-31' THEN 1 END) AS in_1994, count(CASE WHEN o_orderdate::TIMESTAMP < TIMESTAMP '1992-02-01 00:00:00' THEN 1 END) AS early, count(CASE WHEN o_orderdate = DATE '1996-01-02' THEN 1 END) AS one_day FROM "public"."orders" AS "orders";
-- case: datetime/timestamp_comparisons
-- refused: casting to timestamptz is not supported on Snowflake
-- case: datetime/justify_functions
-- refused: function justify_days() is not supported on Snowflake
-- case: datetime/justify_columns
-- refused: function justify_hours() is not supported on Snowflake
-- case: datetime/overlaps
-- refused: row constructors is not supported on Snowflake
-- case: datetime/time_arithmetic
SELECT TIME '23:30' + INTERVAL '1 hour' AS wraps, TIME '10:00' - TIME '08:15' AS diff, TIME '10:00' - INTERVAL '30 minutes' AS minus, DATE '2024-02-29' + TIME '13:00' AS date_plus_time;
-- case: datetime/time_column_arithmetic
SELECT id, tm, tm + INTERVAL '30 minutes' AS plus_30m, tm - TIME '06:00' AS since_six FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/infinity_values
-- refused: the DATE literal 'infinity' (written other than YYYY-MM-DD HH:MM:SS) is not supported on the embedded engine
-- case: datetime/date_series_weekday_counts
SELECT EXTRACT(DAYOFWEEKISO FROM o_orderdate) AS isodow, count(*) AS cnt FROM "public"."orders" AS "orders" WHERE o_orderdate < DATE '1992-07-01' GROUP BY 1 ORDER BY 1;
-- case: datetime/last_day_of_month
SELECT (date_trunc('month', DATE '2024-02-10') + INTERVAL '1 month' - INTERVAL '1 day')::DATE AS feb_end, (date_trunc('month', DATE '2023-02-10') + INTERVAL '1 month - 1 day')::DATE AS feb_end_2023;
-- case: datetime/interval_text_forms
-- refused: casting to interval is not supported on Snowflake
-- case: datetime/to_date_to_timestamp_forms
-- refused: function to_date() is not supported on Snowflake
-- case: datetime/interval_compare_and_sort
SELECT id, iv FROM "public"."alltypes" AS "alltypes" WHERE iv > INTERVAL '1 hour' OR iv IS NULL ORDER BY iv DESC NULLS LAST, id;
-- case: datetime/make_and_scale_intervals
-- refused: function make_interval() is not supported on Snowflake
-- case: distinct_limit/distinct_single_column
SELECT DISTINCT o_orderstatus FROM "public"."orders" AS "orders" ORDER BY o_orderstatus;
-- case: distinct_limit/distinct_multi_column
SELECT DISTINCT l_returnflag, l_linestatus FROM "public"."lineitem" AS "lineitem" ORDER BY l_returnflag, l_linestatus;
-- case: distinct_limit/distinct_with_nulls
SELECT DISTINCT b FROM "public"."alltypes" AS "alltypes" ORDER BY b NULLS FIRST;
-- case: distinct_limit/distinct_jsonb_and_uuid
SELECT count(DISTINCT j) AS distinct_j, count(DISTINCT u) AS distinct_u, (SELECT count(*) FROM (SELECT DISTINCT j, u FROM "public"."alltypes" AS "alltypes") AS s) AS distinct_pairs_incl_null FROM "public"."alltypes" AS "alltypes";
-- case: distinct_limit/distinct_count_subquery
SELECT count(*) AS combos FROM (SELECT DISTINCT c_nationkey, c_mktsegment FROM "public"."customer" AS "customer") AS s;
-- case: distinct_limit/distinct_expression
SELECT DISTINCT EXTRACT(YEAR FROM o_orderdate) AS yr FROM "public"."orders" AS "orders" ORDER BY yr;
-- case: distinct_limit/distinct_order_by_alias_desc
SELECT DISTINCT p_size % 5 AS r FROM "public"."part" AS "part" ORDER BY r DESC;
-- case: distinct_limit/distinct_on_top_per_group
SELECT c_nationkey, c_custkey, c_acctbal FROM "public"."customer" AS "customer" QUALIFY row_number() OVER (PARTITION BY c_nationkey ORDER BY c_nationkey, c_acctbal DESC, c_custkey) = 1 ORDER BY c_nationkey, c_acctbal DESC, c_custkey;
-- case: distinct_limit/distinct_on_multi_key
SELECT o_orderpriority, o_orderstatus, o_orderkey, o_totalprice FROM "public"."orders" AS "orders" QUALIFY row_number() OVER (PARTITION BY o_orderpriority, o_orderstatus ORDER BY o_orderpriority, o_orderstatus, o_totalprice DESC, o_orderkey) = 1 ORDER BY o_orderpriority, o_orderstatus, o_totalprice DESC, o_orderkey;
-- case: distinct_limit/distinct_on_earliest_order
SELECT o_custkey, o_orderkey, o_orderdate FROM "public"."orders" AS "orders" WHERE o_custkey <= 20 QUALIFY row_number() OVER (PARTITION BY o_custkey ORDER BY o_custkey, o_orderdate, o_orderkey) = 1 ORDER BY o_custkey, o_orderdate, o_orderkey;
-- case: distinct_limit/distinct_on_alltypes_uuid
SELECT u, id FROM "public"."alltypes" AS "alltypes" QUALIFY row_number() OVER (PARTITION BY u ORDER BY u, id) = 1 ORDER BY u, id;
-- case: distinct_limit/distinct_on_expression
SELECT p_size / 10 AS bucket, p_partkey, p_retailprice FROM "public"."part" AS "part" QUALIFY row_number() OVER (PARTITION BY p_size / 10 ORDER BY p_size / 10, p_retailprice DESC, p_partkey) = 1 ORDER BY p_size / 10, p_retailprice DESC, p_partkey;
-- case: distinct_limit/limit_basic
SELECT o_orderkey, o_totalprice FROM "public"."orders" AS "orders" ORDER BY o_totalprice DESC, o_orderkey LIMIT 5;
-- case: distinct_limit/limit_offset
SELECT o_orderkey, o_totalprice FROM "public"."orders" AS "orders" ORDER BY o_totalprice DESC, o_orderkey LIMIT 5 OFFSET 10;
-- case: distinct_limit/offset_only
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" ORDER BY n_nationkey OFFSET 20;
-- case: distinct_limit/offset_past_end
SELECT n_nationkey FROM "public"."nation" AS "nation" ORDER BY n_nationkey LIMIT 5 OFFSET 100;
-- case: distinct_limit/limit_all
SELECT r_regionkey, r_name FROM "public"."region" AS "region" ORDER BY r_regionkey;
-- case: distinct_limit/limit_zero
SELECT r_regionkey FROM "public"."region" AS "region" ORDER BY r_regionkey LIMIT 0;
-- case: distinct_limit/limit_null
SELECT r_regionkey FROM "public"."region" AS "region" ORDER BY r_regionkey LIMIT NULL;
-- case: distinct_limit/limit_expression
SELECT n_nationkey FROM "public"."nation" AS "nation" ORDER BY n_nationkey DESC LIMIT 2 + 1;
-- case: distinct_limit/fetch_first_n_rows
SELECT c_custkey, c_acctbal FROM "public"."customer" AS "customer" ORDER BY c_acctbal, c_custkey FETCH FIRST 3 ROWS ONLY;
-- case: distinct_limit/fetch_first_row_only
SELECT c_custkey, c_acctbal FROM "public"."customer" AS "customer" ORDER BY c_acctbal DESC, c_custkey FETCH FIRST ROWS ONLY;
-- case: distinct_limit/offset_rows_fetch_next
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" ORDER BY n_nationkey OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY;
-- case: distinct_limit/offset_row_singular
SELECT n_nationkey FROM "public"."nation" AS "nation" ORDER BY n_nationkey OFFSET 1 ROW FETCH FIRST 1 ROWS ONLY;
-- case: distinct_limit/fetch_with_ties
SELECT p_partkey, p_size FROM (SELECT p_partkey, p_size FROM "public"."part" AS "part" WHERE p_partkey <= 50 ORDER BY p_size FETCH FIRST 3 ROWS WITH TIES) AS s ORDER BY p_size, p_partkey;
-- case: distinct_limit/limit_in_subquery
SELECT sum(o_totalprice) AS first_100_total, count(*) AS cnt FROM (SELECT o_totalprice FROM "public"."orders" AS "orders" ORDER BY o_orderdate, o_orderkey LIMIT 100) AS s;
-- case: distinct_limit/distinct_with_limit
SELECT DISTINCT c_mktsegment FROM "public"."customer" AS "customer" ORDER BY c_mktsegment LIMIT 3;
-- case: distinct_limit/limit_with_nulls_ordering
SELECT id, f8 FROM "public"."alltypes" AS "alltypes" ORDER BY f8 DESC NULLS LAST, id LIMIT 4;
-- case: distinct_limit/distinct_vs_group_by_count
SELECT (SELECT count(*) FROM (SELECT DISTINCT l_shipmode FROM "public"."lineitem" AS "lineitem") AS a) AS via_distinct, (SELECT count(*) FROM (SELECT l_shipmode FROM "public"."lineitem" AS "lineitem" GROUP BY l_shipmode) AS b) AS via_group_by;
-- case: distinct_limit/distinct_char_padding
SELECT DISTINCT c FROM "public"."alltypes" AS "alltypes" WHERE c IS NOT NULL AND c <> '' ORDER BY c LIMIT 3;
-- case: json/arrow_object_key
-- refused: JSON operators (->, ->>, #>, #>>) is not supported on Snowflake
-- case: json/arrow_array_index
-- refused: JSON operators (->, ->>, #>, #>>) is not supported on Snowflake
-- case: json/path_operators
-- refused: JSON operators (->, ->>, #>, #>>) is not supported on Snowflake
-- case: json/nested_object_access
-- refused: JSON operators (->, ->>, #>, #>>) is not supported on Snowflake
-- case: json/typeof
-- refused: function jsonb_typeof() is not supported on Snowflake
-- case: json/array_length
-- refused: JSON operators (->, ->>, #>, #>>) is not supported on Snowflake
-- case: json/array_length_top_level
-- refused: function jsonb_array_length() is not supported on Snowflake
-- case: json/compare_extracted_text
-- refused: JSON operators (->, ->>, #>, #>>) is not supported on Snowflake
-- case: json/compare_extracted_numeric
-- refused: JSON operators (->, ->>, #>, #>>) is not supported on Snowflake
-- case: json/group_by_extracted_value
-- refused: JSON operators (->, ->>, #>, #>>) is not supported on Snowflake
-- case: json/nested_path_text_filter
-- refused: JSON operators (->, ->>, #>, #>>) is not supported on Snowflake
-- case: json/key_exists
-- refused: JSON containment and existence operators is not supported on Snowflake
-- case: json/key_exists_on_array_and_string
-- refused: casting to jsonb is not supported on Snowflake
-- case: json/containment
-- refused: JSON containment and existence operators is not supported on Snowflake
-- case: json/containment_filter
-- refused: JSON containment and existence operators is not supported on Snowflake
-- case: json/literal_extraction
-- refused: casting to jsonb is not supported on Snowflake
-- case: json/null_handling
-- refused: casting to jsonb is not supported on Snowflake
-- case: json/equality_and_normalisation
-- refused: casting to jsonb is not supported on Snowflake
-- case: json/build_functions
-- refused: function jsonb_build_object() is not supported on Snowflake
-- case: json/to_jsonb_types
-- refused: function to_jsonb() is not supported on Snowflake
-- case: json/build_from_tpch
-- refused: function jsonb_build_object() is not supported on Snowflake
-- case: json/jsonb_agg
-- refused: function jsonb_agg() is not supported on Snowflake
-- case: json/jsonb_object_agg
-- refused: function jsonb_object_agg() is not supported on Snowflake
-- case: json/each
-- refused: function jsonb_typeof() is not supported on Snowflake
-- case: json/each_text_on_column
-- refused: jsonb_each_text() in FROM over columns of the FROM items before it (LATERAL) is not supported on the embedded engine
-- case: json/array_elements_with_ordinality
-- refused: jsonb_array_elements() in FROM over columns of the FROM items before it (LATERAL) is not supported on the embedded engine
-- case: json/array_elements_text
-- refused: function jsonb_array_elements_text() in FROM is not supported on Snowflake
-- case: json/object_keys
-- refused: jsonb_object_keys() in FROM over columns of the FROM items before it (LATERAL) is not supported on the embedded engine
-- case: json/concat_and_delete
-- refused: casting to jsonb is not supported on Snowflake
-- case: json/jsonb_set
-- refused: casting to jsonb is not supported on Snowflake
-- case: json/jsonpath_exists
-- refused: JSON path operators (@?, @@) is not supported on the embedded engine
-- case: json/strip_nulls_and_pretty_free
-- refused: casting to jsonb is not supported on Snowflake
-- case: json/jsonb_ordering
SELECT id, j FROM "public"."alltypes" AS "alltypes" WHERE j IS NOT NULL ORDER BY j, id;
-- case: literals_misc/boolean_literals
SELECT true AS t, false AS f, 't'::BOOLEAN AS t_str, 'yes'::BOOLEAN AS yes, 'off'::BOOLEAN AS off, true AND 'y'::BOOL AS both_true, NOT false AS not_false;
-- case: literals_misc/e_string_escapes
SELECT 'a
b' AS newline, 'tab	here' AS tab, 'back\\slash' AS backslash, 'it''s' AS quote, 'Aé' AS hex_unicode, 'A' AS octal;
-- case: literals_misc/e_string_lengths
SELECT length('a
b') AS newline_len, length('	') AS tab_len, length('\\') AS backslash_len, length('\\n') AS standard_len, '
' = chr(10) AS same_char;
-- case: literals_misc/standard_strings_keep_backslash
SELECT 'a\\nb' AS raw, 'it''s' AS doubled_quote, '' AS empty, ' ' AS space;
-- case: literals_misc/dollar_quoted
SELECT 'it''s "quoted"' AS a, 'a $$ b' AS nested, length('') AS empty_len, 'back\\slash' AS backslash;
-- case: literals_misc/unicode_escapes
SELECT 'Aé' AS a, 'data' AS data, 'é' AS custom_escape, '日本' AS nihon;
-- case: literals_misc/numeric_literals
SELECT 1e3 AS sci, .5 AS leading_dot, 5. AS trailing_dot, 1.5e-2 AS small_sci, 0.1 + 0.2 AS exact_sum, 123456789012345678901234567890 AS huge;
-- case: literals_misc/integer_literal_types
SELECT 2147483647 AS max_int, 2147483648 AS becomes_bigint, 9223372036854775808 AS becomes_numeric, -2147483648 AS min_int, 2147483647::BIGINT + 1 AS widened_sum;
-- case: literals_misc/overflow_safe_arithmetic
SELECT i4::BIGINT * 2 AS doubled, i8::NUMERIC + 1 AS plus_one, i2::INT * i2 AS squared FROM "public"."alltypes" AS "alltypes" WHERE id IN (4, 5) ORDER BY id;
-- case: literals_misc/integer_division_and_modulo
-- refused: function div() is not supported on Snowflake
-- case: literals_misc/numeric_division
SELECT 7.0 / 2 AS a, 1 / 3.0 AS b, 10::NUMERIC / 4 AS c, 1::NUMERIC / 3 AS d, 2.0 / 3 * 3 AS e, 100.00 / 3 AS f, 5.5 % 2 AS g;
-- case: literals_misc/float_division
-- refused: the literal 1e-300 (more than 38 digits) is not supported on the embedded engine
-- case: literals_misc/power_sqrt_abs
-- refused: function cbrt() is not supported on the embedded engine
-- case: literals_misc/math_of_integers_and_floats
SELECT power(2, 10) AS p_int, power(2.5::FLOAT8, 2) AS p_float, sqrt(2) AS sqrt_int, exp(0) AS exp0, ln(10) AS ln10, sqrt(2::FLOAT8) AS sqrt_float;
-- case: literals_misc/math_of_numerics
SELECT power(2.0, 0.5) AS p_numeric, exp(1.0) AS e_numeric, sqrt(2.25) AS sqrt_numeric;
-- case: literals_misc/rounding_functions
-- refused: function trunc() is not supported on Snowflake
-- case: literals_misc/sign_mod_div
-- refused: function sign() is not supported on Snowflake
-- case: literals_misc/exp_ln_log
-- refused: function log() is not supported on the embedded engine
-- case: literals_misc/rounding_columns
-- refused: function trunc() is not supported on Snowflake
-- case: literals_misc/gcd_lcm_factorial
-- refused: function gcd() is not supported on Snowflake
-- case: literals_misc/width_bucket
-- refused: function width_bucket() is not supported on Snowflake
-- case: literals_misc/bit_operators
-- refused: bitwise operators is not supported on Snowflake
-- case: literals_misc/bit_operators_table
-- refused: bitwise operators is not supported on Snowflake
-- case: literals_misc/operator_precedence
-- refused: the ^ operator is not supported on Snowflake
-- case: literals_misc/float_special_values
-- refused: the numeric text 'NaN' is not supported on the embedded engine
-- case: literals_misc/numeric_exactness
-- refused: the ^ operator is not supported on Snowflake
-- case: literals_misc/row_constructor_comparison
SELECT (1 < 1 OR (1 = 1 AND (2 < 3))) AS a, (1 = 1 AND 'a' = 'a') AS b, (1 = 1 AND NULL = 2) AS c, (2 > 1 OR (2 = 1 AND (NULL > 5))) AS d, (1 IS DISTINCT FROM 1 OR 2 IS DISTINCT FROM NULL) AS e;
-- case: literals_misc/row_comparison_columns_nulls
SELECT id, (i4 < 10 OR (i4 = 10 AND (t < 'Hello'))) AS lt, (i4 > -10 OR (i4 = -10 AND (i2 >= 0))) AS ge, (b < true OR (b = true AND (i2 <= 1))) AS le, (i4 <> 10 OR t <> 'Hello World') AS ne, (i4 = 10 AND d = DATE '2024-02-29') AS eq, (i4 IS NOT DISTINCT FROM NULL AND i2 IS NOT DISTINCT FROM NULL) AS not_distinct FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: literals_misc/row_comparison_filter
SELECT o_orderkey, o_custkey FROM "public"."orders" AS "orders" WHERE (o_custkey > 1400 OR (o_custkey = 1400 AND (o_orderkey > 5000))) AND (o_custkey < 1450 OR (o_custkey = 1450 AND (o_orderkey <= 60000))) ORDER BY o_custkey, o_orderkey;
-- case: literals_misc/identifier_case_folding
SELECT N_NAME, N_NATIONKEY FROM "public"."nation" AS "nation" WHERE N_REGIONKEY = 2 ORDER BY N_NATIONKEY;
-- case: literals_misc/quoted_identifiers
SELECT "n_name", "n_nationkey" FROM "public"."nation" AS "nation" WHERE "n_regionkey" = 3 ORDER BY "n_nationkey";
-- case: literals_misc/mixed_case_quoted_aliases
SELECT n_name AS "NationName", n_nationkey AS "Key" FROM "public"."nation" AS "nation" ORDER BY "Key" LIMIT 3;
-- case: literals_misc/unquoted_alias_folds_to_lower
SELECT n_name AS NationName, n_nationkey AS KEY_COL FROM "public"."nation" AS "nation" ORDER BY nationname LIMIT 3;
-- case: literals_misc/alias_with_spaces_and_symbols
SELECT count(*) AS "Total Count", sum(o_totalprice) AS "Sum $", min(o_orderdate) AS "first-order" FROM "public"."orders" AS "orders";
-- case: literals_misc/select_typed_alias
SELECT 1 AS "Total Count", 'x'::TEXT AS "Label", 2.5::NUMERIC(3,1) AS "Ratio (x)";
-- case: literals_misc/default_column_names_aggregates
SELECT n_regionkey, count(*), sum(n_nationkey), 1 + 1, max(n_name), min(n_nationkey), avg(n_nationkey) FROM "public"."nation" AS "nation" GROUP BY n_regionkey ORDER BY n_regionkey;
-- case: literals_misc/default_column_names_expressions
-- refused: function row() is not supported on the embedded engine
-- case: literals_misc/default_column_names_columns
SELECT n.n_name, r.r_name, n.n_regionkey + 0, -n.n_nationkey, n.n_nationkey::TEXT FROM "public"."nation" AS n JOIN "public"."region" AS r ON n.n_regionkey = r.r_regionkey ORDER BY n.n_nationkey LIMIT 3;
-- case: literals_misc/order_by_nulls_first
SELECT id, i4 FROM "public"."alltypes" AS "alltypes" ORDER BY i4 NULLS FIRST, id;
-- case: literals_misc/order_by_nulls_last_desc
SELECT id, d FROM "public"."alltypes" AS "alltypes" ORDER BY d DESC NULLS LAST, id;
-- case: literals_misc/order_by_default_null_placement
SELECT id, f8 FROM "public"."alltypes" AS "alltypes" ORDER BY f8, id;
-- case: literals_misc/order_by_desc_default_nulls_first
SELECT id, tstz FROM "public"."alltypes" AS "alltypes" ORDER BY tstz DESC, id;
-- case: literals_misc/order_by_expression
SELECT n_name, length(n_name) AS len FROM "public"."nation" AS "nation" ORDER BY length(n_name) DESC, n_nationkey LIMIT 5;
-- case: literals_misc/order_by_alias_and_ordinal
SELECT o_orderpriority AS prio, count(*) AS cnt FROM "public"."orders" AS "orders" GROUP BY prio ORDER BY cnt DESC, 1;
-- case: literals_misc/order_by_column_not_selected
SELECT n_name FROM "public"."nation" AS "nation" WHERE n_regionkey = 0 ORDER BY n_nationkey DESC;
-- case: literals_misc/order_by_boolean_and_mixed_directions
SELECT id, b, i2 FROM "public"."alltypes" AS "alltypes" ORDER BY b DESC NULLS LAST, i2 ASC NULLS FIRST, id;
-- case: literals_misc/order_by_interval_nulls_first
SELECT id, iv FROM "public"."alltypes" AS "alltypes" ORDER BY iv NULLS FIRST, id;
-- case: literals_misc/comparison_of_mixed_numeric_types
-- refused: casting to real is not supported on Snowflake
-- case: literals_misc/string_comparisons_padding
-- refused: casting to char(5) is not supported on Snowflake
-- case: literals_misc/exact_math_functions
-- refused: function sign() is not supported on Snowflake
-- case: pattern_matching/like_prefix_count
SELECT count(*) AS cnt FROM "public"."part" AS "part" WHERE p_name LIKE 'forest%' ESCAPE '\\';
-- case: pattern_matching/like_suffix
SELECT p_size, count(*) AS cnt FROM "public"."part" AS "part" WHERE p_type LIKE '%BRASS' ESCAPE '\\' AND p_size <= 5 GROUP BY p_size ORDER BY p_size;
-- case: pattern_matching/not_like
SELECT count(*) AS cnt FROM "public"."customer" AS "customer" WHERE c_phone NOT LIKE '1%' ESCAPE '\\';
-- case: pattern_matching/like_single_char
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" WHERE n_name LIKE '_R%' ESCAPE '\\' ORDER BY n_nationkey;
-- case: pattern_matching/like_inner_wildcards
SELECT count(*) AS cnt FROM "public"."orders" AS "orders" WHERE o_comment LIKE '%special%requests%' ESCAPE '\\';
-- case: pattern_matching/ilike
SELECT id, t FROM "public"."alltypes" AS "alltypes" WHERE t ILIKE 'hello%' ESCAPE '\\' ORDER BY id;
-- case: pattern_matching/not_ilike_skips_nulls
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE t NOT ILIKE '%world%' ESCAPE '\\' ORDER BY id;
-- case: pattern_matching/ilike_tpch
SELECT count(*) AS cnt FROM "public"."part" AS "part" WHERE p_type ILIKE '%polished%' ESCAPE '\\' AND p_name NOT ILIKE '%RED%' ESCAPE '\\';
-- case: pattern_matching/like_escaped_underscore
SELECT id, vc FROM "public"."alltypes" AS "alltypes" WHERE vc LIKE '%\\_%' ESCAPE '\\' ORDER BY id;
-- case: pattern_matching/like_escaped_percent
SELECT id, vc FROM "public"."alltypes" AS "alltypes" WHERE vc LIKE '%\\%%' ESCAPE '\\' ORDER BY id;
-- case: pattern_matching/like_escape_clause
SELECT id, vc FROM "public"."alltypes" AS "alltypes" WHERE vc LIKE '%#_%' ESCAPE '#' OR vc LIKE 'a!.%' ESCAPE '!' ORDER BY id;
-- case: pattern_matching/like_literal_matrix
SELECT 'ABC' LIKE 'abc' ESCAPE '\\' AS a, 'ABC' ILIKE 'abc' ESCAPE '\\' AS b, 'abc' LIKE 'a%c' ESCAPE '\\' AS c, 'a' LIKE '' ESCAPE '\\' AS d, '' LIKE '%' ESCAPE '\\' AS e, 'a_c' LIKE 'a\\_c' ESCAPE '\\' AS f, 'abc' LIKE 'a\\_c' ESCAPE '\\' AS g;
-- case: pattern_matching/like_null_operands
SELECT NULL LIKE 'a' ESCAPE '\\' AS a, 'a' LIKE NULL ESCAPE '\\' AS b, NULL::TEXT NOT LIKE '%' ESCAPE '\\' AS c, 'x' NOT ILIKE NULL ESCAPE '\\' AS d;
-- case: pattern_matching/like_empty_string
SELECT id, t = '' AS is_empty FROM "public"."alltypes" AS "alltypes" WHERE t LIKE '' ESCAPE '\\' ORDER BY id;
-- case: pattern_matching/like_unicode
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE t LIKE '%日本' ESCAPE '\\' OR vc LIKE 'Ω%' ESCAPE '\\' OR t LIKE '_n%' ESCAPE '\\' ORDER BY id;
-- case: pattern_matching/like_char_column
SELECT id, c FROM "public"."alltypes" AS "alltypes" WHERE c LIKE 'ab%' ESCAPE '\\' OR c LIKE 'x%' ESCAPE '\\' ORDER BY id;
-- case: pattern_matching/like_with_newline
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE t LIKE '%and' || '
' || 'new%' ESCAPE '\\' ORDER BY id;
-- case: pattern_matching/like_any_array
-- refused: arrays is not supported on Snowflake
-- case: pattern_matching/like_all_array
-- refused: arrays is not supported on Snowflake
-- case: pattern_matching/regex_anchor
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" WHERE (REGEXP_INSTR(n_name, '^[A-C]', 1, 1, 0, 's') > 0) ORDER BY n_nationkey;
-- case: pattern_matching/regex_case_insensitive
SELECT id, t FROM "public"."alltypes" AS "alltypes" WHERE (REGEXP_INSTR(t, 'mixed|^hello', 1, 1, 0, 'is') > 0) ORDER BY id;
-- case: pattern_matching/regex_not_match
SELECT count(*) AS cnt FROM "public"."part" AS "part" WHERE NOT (REGEXP_INSTR(p_name, 'green|blue', 1, 1, 0, 's') > 0);
-- case: pattern_matching/regex_not_match_icase
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE NOT (REGEXP_INSTR(vc, '^a', 1, 1, 0, 'is') > 0) ORDER BY id;
-- case: pattern_matching/regex_digit_classes
SELECT (REGEXP_INSTR(c_phone, '^\\d{2}-\\d{3}-\\d{3}-\\d{4}$', 1, 1, 0, 's') > 0) AS well_formed, count(*) AS cnt FROM "public"."customer" AS "customer" GROUP BY 1 ORDER BY 1;
-- case: pattern_matching/regex_newline
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE (REGEXP_INSTR(t, '
', 1, 1, 0, 's') > 0) OR (REGEXP_INSTR(t, '\\t', 1, 1, 0, 's') > 0) ORDER BY id;
-- case: pattern_matching/regex_literal_matrix
SELECT (REGEXP_INSTR('abc', 'b', 1, 1, 0, 's') > 0) AS a, (REGEXP_INSTR('abc', '^b', 1, 1, 0, 's') > 0) AS b, (REGEXP_INSTR('ABC', 'b', 1, 1, 0, 'is') > 0) AS c, NOT (REGEXP_INSTR('abc', 'z', 1, 1, 0, 's') > 0) AS d, NOT (REGEXP_INSTR('abc', 'B', 1, 1, 0, 'is') > 0) AS e, (REGEXP_INSTR('a.c', 'a\\.c', 1, 1, 0, 's') > 0) AS f, (REGEXP_INSTR('abc', 'a\\.c', 1, 1, 0, 's') > 0) AS g;
-- case: pattern_matching/regex_in_case
SELECT CASE WHEN (REGEXP_INSTR(p_type, 'STEEL$', 1, 1, 0, 's') > 0) THEN 'steel' WHEN (REGEXP_INSTR(p_type, 'BRASS$', 1, 1, 0, 's') > 0) THEN 'brass' ELSE 'other' END AS metal, count(*) AS cnt FROM "public"."part" AS "part" GROUP BY 1 ORDER BY 1;
-- case: pattern_matching/similar_to_literals
-- refused: SIMILAR TO is not supported on Snowflake
-- case: pattern_matching/similar_to_table
-- refused: SIMILAR TO is not supported on Snowflake
-- case: pattern_matching/not_similar_to_table
-- refused: SIMILAR TO is not supported on Snowflake
-- case: pattern_matching/like_counts_with_nulls
SELECT count(CASE WHEN t LIKE '%o%' ESCAPE '\\' THEN 1 END) AS has_o, count(CASE WHEN t NOT LIKE '%o%' ESCAPE '\\' THEN 1 END) AS no_o, count(*) AS total FROM "public"."alltypes" AS "alltypes";
-- case: pattern_matching/substring_regex
-- refused: SUBSTRING with positions other than a constant start of 1 or more and length of 0 or more is not supported on Snowflake
-- case: pattern_matching/like_escape_and_arrays
-- refused: arrays is not supported on Snowflake
-- case: series_values/int_basic
SELECT * FROM (SELECT 1 + 1 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "generate_series" FROM TABLE(GENERATOR(ROWCOUNT => 5))) AS "generate_series" ORDER BY 1;
-- case: series_values/int_with_step
SELECT g FROM (SELECT 0 + 5 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "g" FROM TABLE(GENERATOR(ROWCOUNT => 5))) AS "g" ORDER BY g;
-- case: series_values/int_step_not_landing_on_stop
SELECT g FROM (SELECT 1 + 4 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "g" FROM TABLE(GENERATOR(ROWCOUNT => 3))) AS "g" ORDER BY g;
-- case: series_values/negative_step
SELECT g FROM (SELECT 10 + -3 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "g" FROM TABLE(GENERATOR(ROWCOUNT => 4))) AS "g" ORDER BY g DESC;
-- case: series_values/empty_when_start_after_stop
SELECT count(*) AS cnt FROM (SELECT 5 + 1 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "g" FROM TABLE(GENERATOR(ROWCOUNT => 0))) AS "g";
-- case: series_values/single_element
SELECT g FROM (SELECT 7 + 1 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "g" FROM TABLE(GENERATOR(ROWCOUNT => 1))) AS "g" ORDER BY g;
-- case: series_values/bigint_near_max
SELECT g FROM (SELECT 9223372036854775805 + 1 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "g" FROM TABLE(GENERATOR(ROWCOUNT => 3))) AS "g" ORDER BY g;
-- case: series_values/numeric_step
-- refused: generate_series() of other than integer constants is not supported on Snowflake
-- case: series_values/aggregate_over_series
SELECT sum(g) AS total, count(*) AS cnt, avg(g) AS mean, max(g) AS mx FROM (SELECT 1 + 1 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "g" FROM TABLE(GENERATOR(ROWCOUNT => 1000))) AS "g";
-- case: series_values/in_select_list
-- refused: function generate_series() is not supported on Snowflake
-- case: series_values/in_select_list_per_row_and_decimal
-- refused: function generate_series() is not supported on Snowflake
-- case: series_values/function_alias_as_value
SELECT g."n", g.n, g."n" + 1 AS next FROM (SELECT 1 + 1 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "n" FROM TABLE(GENERATOR(ROWCOUNT => 3))) AS "g" ORDER BY 1;
-- case: series_values/with_ordinality
SELECT * FROM (SELECT 10 + 10 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "v", ROW_NUMBER() OVER (ORDER BY SEQ8()) AS "i" FROM TABLE(GENERATOR(ROWCOUNT => 3))) AS "t" ORDER BY i;
-- case: series_values/timestamps_hourly_step
-- refused: generate_series() of other than integer constants is not supported on Snowflake
-- case: series_values/timestamptz_daily
-- refused: casting to timestamptz is not supported on Snowflake
-- case: series_values/dates_monthly_end_of_month
-- refused: generate_series() of other than integer constants is not supported on Snowflake
-- case: series_values/timestamps_month_end_steps
-- refused: generate_series() of other than integer constants is not supported on Snowflake
-- case: series_values/timestamps_empty_and_count
-- refused: generate_series() of other than integer constants is not supported on Snowflake
-- case: series_values/timestamps_descending
-- refused: generate_series() of other than integer constants is not supported on Snowflake
-- case: series_values/months_joined_to_orders
SELECT g.m, count(o.o_orderkey) AS orders FROM (SELECT 1 + 1 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "m" FROM TABLE(GENERATOR(ROWCOUNT => 12))) AS "g" LEFT JOIN "public"."orders" AS o ON EXTRACT(MONTH FROM o.o_orderdate) = g.m AND EXTRACT(YEAR FROM o.o_orderdate) = 1995 GROUP BY g.m ORDER BY g.m;
-- case: series_values/calendar_fill_zero
-- refused: generate_series() of other than integer constants is not supported on Snowflake
-- case: series_values/lateral_series_per_row
-- refused: generate_series over anything but number constants or timestamp literals is not supported on the embedded engine
-- case: series_values/series_join_table
SELECT g AS key, n_name FROM (SELECT 0 + 6 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "g" FROM TABLE(GENERATOR(ROWCOUNT => 5))) AS "g" JOIN "public"."nation" AS "nation" ON n_nationkey = g ORDER BY g;
-- case: series_values/series_cross_join_count
SELECT r_name, count(*) AS cnt FROM "public"."region" AS "region" CROSS JOIN (SELECT 1 + 1 * (ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1) AS "g" FROM TABLE(GENERATOR(ROWCOUNT => 3))) AS "g" GROUP BY r_name ORDER BY r_name;
-- case: series_values/values_basic
VALUES (1, 'a'), (2, 'b'), (3, 'c') ORDER BY 1;
-- case: series_values/values_in_from_with_aliases
SELECT * FROM (VALUES (1, 'one'), (2, 'two'), (3, NULL)) AS v (num, word) ORDER BY num;
-- case: series_values/values_lookup_join
SELECT n.n_nationkey, n.n_name, v.label FROM "public"."nation" AS n JOIN (VALUES (0::BIGINT, 'zero'), (1, 'one'), (24, 'last')) AS v (k, label) ON n.n_nationkey = v.k ORDER BY n.n_nationkey;
-- case: series_values/values_type_resolution
VALUES (1, 1.5), (2, 3), (3, -0.25) ORDER BY 1;
-- case: series_values/values_aggregate_with_null
SELECT sum(x) AS s, avg(x) AS a, count(x) AS c, count(*) AS c_star FROM (VALUES (1), (2), (NULL::INT)) AS t (x);
-- case: series_values/values_in_cte
WITH v (a) AS (VALUES ('x'), ('y'), ('z')) SELECT LISTAGG(a, '') WITHIN GROUP (ORDER BY a DESC) AS joined FROM v;
-- case: series_values/values_nulls_ordering
SELECT * FROM (VALUES (NULL, 1), ('a', NULL), ('b', 2)) AS v (s, n) ORDER BY n NULLS FIRST;
-- case: series_values/values_mixed_types
SELECT * FROM (VALUES (DATE '2024-01-01', true, 10::BIGINT), (DATE '2024-12-31', false, NULL)) AS v (d, flag, amount) ORDER BY d;
-- case: series_values/values_in_where_in
SELECT count(*) AS cnt FROM "public"."lineitem" AS "lineitem" WHERE ((l_returnflag = 'R' AND l_linestatus = 'F') OR (l_returnflag = 'A' AND l_linestatus = 'F'));
-- case: series_values/values_single_row_column_names
VALUES (1, 'x', true);
-- case: series_values/numeric_negative_step
-- refused: generate_series() of other than integer constants is not supported on Snowflake
-- case: setops_subqueries/union_dedup
SELECT n_name FROM "public"."nation" AS "nation" WHERE n_regionkey = 0 UNION SELECT n_name FROM "public"."nation" AS "nation" WHERE n_nationkey < 3 ORDER BY n_name;
-- case: setops_subqueries/union_all_keeps_duplicates
SELECT 1 AS x UNION ALL SELECT 1 UNION ALL SELECT 2 ORDER BY x;
-- case: setops_subqueries/union_all_tpch_counts
SELECT 'customer' AS tbl, count(*) AS cnt FROM "public"."customer" AS "customer" UNION ALL SELECT 'supplier', count(*) FROM "public"."supplier" AS "supplier" UNION ALL SELECT 'nation', count(*) FROM "public"."nation" AS "nation" ORDER BY cnt DESC;
-- case: setops_subqueries/intersect
SELECT c_nationkey FROM "public"."customer" AS "customer" WHERE c_acctbal > 9900 INTERSECT SELECT s_nationkey FROM "public"."supplier" AS "supplier" ORDER BY 1;
-- case: setops_subqueries/except
SELECT n_nationkey FROM "public"."nation" AS "nation" EXCEPT SELECT s_nationkey FROM "public"."supplier" AS "supplier" WHERE s_acctbal > 5000 ORDER BY 1;
-- case: setops_subqueries/intersect_all_except_all
-- refused: INTERSECT ALL and EXCEPT ALL is not supported on the embedded engine
-- case: setops_subqueries/nested_set_operations
(SELECT n_nationkey FROM "public"."nation" AS "nation" WHERE n_regionkey = 1 UNION SELECT n_nationkey FROM "public"."nation" AS "nation" WHERE n_regionkey = 2) EXCEPT SELECT n_nationkey FROM "public"."nation" AS "nation" WHERE n_name LIKE '%A' ESCAPE '\\' ORDER BY 1;
-- case: setops_subqueries/set_op_precedence
SELECT 1 AS v UNION SELECT 2 INTERSECT SELECT 2 ORDER BY v;
-- case: setops_subqueries/union_type_coercion
SELECT 1 AS v UNION SELECT 2.5 UNION SELECT -1 ORDER BY v;
-- case: setops_subqueries/union_nulls_dedup
SELECT NULL::INT AS v UNION SELECT NULL::INT UNION SELECT 1 ORDER BY v NULLS FIRST;
-- case: setops_subqueries/union_with_limited_branches
(SELECT o_orderkey, o_totalprice FROM "public"."orders" AS "orders" ORDER BY o_totalprice DESC, o_orderkey LIMIT 2) UNION ALL (SELECT o_orderkey, o_totalprice FROM "public"."orders" AS "orders" ORDER BY o_totalprice, o_orderkey LIMIT 2) ORDER BY o_totalprice;
-- case: setops_subqueries/scalar_subquery_in_select
SELECT n_nationkey, n_name, (SELECT count(*) FROM "public"."customer" AS c WHERE c.c_nationkey = n.n_nationkey) AS customers FROM "public"."nation" AS n WHERE n_regionkey = 4 ORDER BY n_nationkey;
-- case: setops_subqueries/scalar_subquery_in_where
SELECT count(*) AS above_avg FROM "public"."orders" AS "orders" WHERE o_totalprice > (SELECT avg(o_totalprice) FROM "public"."orders" AS "orders");
-- case: setops_subqueries/scalar_subquery_empty_is_null
SELECT (SELECT n_name FROM "public"."nation" AS "nation" WHERE n_nationkey = 999) IS NULL AS is_null, (SELECT max(n_nationkey) FROM "public"."nation" AS "nation" WHERE false) AS max_empty;
-- case: setops_subqueries/exists
SELECT count(*) AS customers_with_orders FROM "public"."customer" AS c WHERE EXISTS (SELECT 1 FROM "public"."orders" AS o WHERE o.o_custkey = c.c_custkey);
-- case: setops_subqueries/not_exists
SELECT count(*) AS customers_without_orders FROM "public"."customer" AS c WHERE NOT EXISTS (SELECT 1 FROM "public"."orders" AS o WHERE o.o_custkey = c.c_custkey);
-- case: setops_subqueries/exists_uncorrelated
SELECT r_regionkey FROM "public"."region" AS "region" WHERE EXISTS (SELECT 1 FROM "public"."nation" AS "nation" WHERE n_name = 'PERU') ORDER BY r_regionkey;
-- case: setops_subqueries/in_subquery
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" WHERE n_nationkey IN (SELECT s_nationkey FROM "public"."supplier" AS "supplier" WHERE s_acctbal > 9000) ORDER BY n_nationkey;
-- case: setops_subqueries/any_all_subquery
-- refused: ANY/ALL over a subquery with another operator than = ANY or <> ALL is not supported on the embedded engine
-- case: setops_subqueries/correlated_max_per_customer
SELECT o_custkey, o_orderkey, o_totalprice FROM "public"."orders" AS o WHERE o_totalprice = (SELECT max(o2.o_totalprice) FROM "public"."orders" AS o2 WHERE o2.o_custkey = o.o_custkey) AND o_custkey <= 10 ORDER BY o_custkey, o_orderkey;
-- case: setops_subqueries/correlated_in_select_avg
SELECT s_suppkey, s_acctbal, round(s_acctbal - (SELECT avg(s2.s_acctbal) FROM "public"."supplier" AS s2 WHERE s2.s_nationkey = s.s_nationkey), 2) AS diff_from_nation_avg FROM "public"."supplier" AS s WHERE s_suppkey <= 10 ORDER BY s_suppkey;
-- case: setops_subqueries/derived_table
SELECT avg(n) AS avg_orders, max(n) AS max_orders FROM (SELECT o_custkey, count(*) AS n FROM "public"."orders" AS "orders" GROUP BY o_custkey) AS t;
-- case: setops_subqueries/derived_table_join
SELECT t.c_mktsegment, t.customers, t.total_balance FROM (SELECT c_mktsegment, count(*) AS customers, sum(c_acctbal) AS total_balance FROM "public"."customer" AS "customer" GROUP BY c_mktsegment) AS t WHERE t.customers > 290 ORDER BY t.c_mktsegment;
-- case: setops_subqueries/cte_basic
WITH big_orders AS (SELECT o_orderkey, o_custkey, o_totalprice FROM "public"."orders" AS "orders" WHERE o_totalprice > 400000) SELECT count(*) AS cnt, min(o_totalprice) AS lo FROM big_orders;
-- case: setops_subqueries/cte_multiple
WITH cust_orders AS (SELECT o_custkey, count(*) AS n, sum(o_totalprice) AS spent FROM "public"."orders" AS "orders" GROUP BY o_custkey), top_customers AS (SELECT o_custkey FROM cust_orders WHERE n >= 30) SELECT c.c_custkey, c.c_name, co.n, co.spent FROM "public"."customer" AS c JOIN cust_orders AS co ON co.o_custkey = c.c_custkey JOIN top_customers AS t ON t.o_custkey = c.c_custkey ORDER BY c.c_custkey;
-- case: setops_subqueries/cte_referenced_twice
WITH nation_counts AS (SELECT c_nationkey, count(*) AS cnt FROM "public"."customer" AS "customer" GROUP BY c_nationkey) SELECT a.c_nationkey, a.cnt FROM nation_counts AS a WHERE a.cnt = (SELECT max(cnt) FROM nation_counts) ORDER BY a.c_nationkey;
-- case: setops_subqueries/cte_nested_reference
WITH a AS (SELECT n_nationkey, n_regionkey FROM "public"."nation" AS "nation"), b AS (SELECT n_regionkey, count(*) AS cnt FROM a GROUP BY n_regionkey), c AS (SELECT sum(cnt) AS total FROM b) SELECT b.n_regionkey, b.cnt, c.total FROM b CROSS JOIN c ORDER BY b.n_regionkey;
-- case: setops_subqueries/cte_recursive
WITH RECURSIVE t (n, fact) AS (SELECT 1, 1::NUMERIC UNION ALL SELECT n + 1, fact * (n + 1) FROM t WHERE n < 15) SELECT n, fact FROM t ORDER BY n;
-- case: setops_subqueries/cte_materialized
WITH totals AS MATERIALIZED (SELECT l_orderkey, sum(l_quantity) AS qty FROM "public"."lineitem" AS "lineitem" GROUP BY l_orderkey) SELECT count(*) AS orders, max(qty) AS max_qty FROM totals;
-- case: setops_subqueries/lateral_top_n_per_row
-- refused: LATERAL is not supported on the embedded engine
-- case: setops_subqueries/left_join_lateral
-- refused: LATERAL is not supported on the embedded engine
-- case: setops_subqueries/lateral_comma_syntax
-- refused: LATERAL is not supported on the embedded engine
-- case: setops_subqueries/inner_join
SELECT n.n_nationkey, n.n_name, r.r_name FROM "public"."nation" AS n INNER JOIN "public"."region" AS r ON n.n_regionkey = r.r_regionkey WHERE r.r_name = 'ASIA' ORDER BY n.n_nationkey;
-- case: setops_subqueries/left_join_with_on_filter
SELECT r.r_regionkey, count(n.n_nationkey) AS nations_starting_with_a FROM "public"."region" AS r LEFT JOIN "public"."nation" AS n ON n.n_regionkey = r.r_regionkey AND n.n_name LIKE 'A%' ESCAPE '\\' GROUP BY r.r_regionkey ORDER BY r.r_regionkey;
-- case: setops_subqueries/left_join_anti
SELECT count(*) AS customers_without_orders FROM "public"."customer" AS c LEFT JOIN "public"."orders" AS o ON o.o_custkey = c.c_custkey WHERE o.o_orderkey IS NULL;
-- case: setops_subqueries/right_join
SELECT r.r_name, n.n_name FROM "public"."nation" AS n RIGHT JOIN "public"."region" AS r ON n.n_regionkey = r.r_regionkey AND n.n_nationkey < 3 ORDER BY r.r_regionkey, n.n_nationkey;
-- case: setops_subqueries/full_join
SELECT a.n_nationkey AS left_key, b.n_nationkey AS right_key FROM (SELECT n_nationkey FROM "public"."nation" AS "nation" WHERE n_nationkey < 5) AS a FULL JOIN (SELECT n_nationkey FROM "public"."nation" AS "nation" WHERE n_nationkey BETWEEN 3 AND 7) AS b ON a.n_nationkey = b.n_nationkey ORDER BY coalesce(a.n_nationkey, b.n_nationkey);
-- case: setops_subqueries/full_join_using
-- refused: FULL JOIN … USING is not supported on Snowflake
-- case: setops_subqueries/cross_join
SELECT r.r_name, count(*) AS pairs FROM "public"."region" AS r CROSS JOIN "public"."nation" AS n WHERE n.n_nationkey < 4 GROUP BY r.r_name ORDER BY r.r_name;
-- case: setops_subqueries/right_join_using_takes_the_right_value
SELECT k, a_v, b_v FROM (VALUES (1, 'a1'), (2, 'a2')) AS a (k, a_v) RIGHT JOIN (VALUES (2, 'b2'), (3, 'b3')) AS b (k, b_v) USING(k) WHERE k > 1 ORDER BY k;
-- case: setops_subqueries/left_join_using_grouped
SELECT k, count(*) AS n, count(b_v) AS matched FROM (VALUES (1), (2), (2)) AS a (k) LEFT JOIN (VALUES (2, 'x'), (3, 'y')) AS b (k, b_v) USING(k) GROUP BY k ORDER BY k;
-- case: setops_subqueries/natural_then_using_chain
SELECT regionkey, n_name, r_name, one FROM (SELECT n_regionkey AS regionkey, n_name FROM "public"."nation" AS "nation") AS n NATURAL JOIN (SELECT r_regionkey AS regionkey, r_name FROM "public"."region" AS "region") AS r JOIN (SELECT r_regionkey AS regionkey, 1 AS one FROM "public"."region" AS "region") AS r2 USING(regionkey) WHERE regionkey IN (1, 2) ORDER BY regionkey, n_name;
-- case: setops_subqueries/join_using
SELECT "regionkey", "n"."n_name", "r"."r_name" FROM (SELECT n_regionkey AS regionkey, n_name FROM "public"."nation" AS "nation") AS n JOIN (SELECT r_regionkey AS regionkey, r_name FROM "public"."region" AS "region") AS r USING(regionkey) WHERE regionkey = 3 ORDER BY n_name;
-- case: setops_subqueries/natural_join
SELECT regionkey, n_name, r_name FROM (SELECT n_regionkey AS regionkey, n_name FROM "public"."nation" AS "nation" WHERE n_nationkey < 6) AS n NATURAL JOIN (SELECT r_regionkey AS regionkey, r_name FROM "public"."region" AS "region") AS r ORDER BY n_name;
-- case: setops_subqueries/self_join
SELECT a.n_name AS nation_a, b.n_name AS nation_b FROM "public"."nation" AS a JOIN "public"."nation" AS b ON a.n_regionkey = b.n_regionkey AND a.n_nationkey < b.n_nationkey WHERE a.n_regionkey = 1 ORDER BY a.n_nationkey, b.n_nationkey;
-- case: setops_subqueries/multi_way_join
SELECT n.n_name, count(DISTINCT o.o_orderkey) AS orders, sum(l.l_quantity) AS qty FROM "public"."nation" AS n JOIN "public"."customer" AS c ON c.c_nationkey = n.n_nationkey JOIN "public"."orders" AS o ON o.o_custkey = c.c_custkey JOIN "public"."lineitem" AS l ON l.l_orderkey = o.o_orderkey WHERE n.n_regionkey = 3 GROUP BY n.n_name ORDER BY n.n_name;
-- case: setops_subqueries/non_equi_join
SELECT a.id AS a_id, b.id AS b_id FROM "public"."alltypes" AS a JOIN "public"."alltypes" AS b ON a.i4 < b.i4 AND b.i4::BIGINT - a.i4 <= 2 ORDER BY a.id, b.id;
-- case: setops_subqueries/join_on_nullable_keys
SELECT a.id AS a_id, b.id AS b_id FROM "public"."alltypes" AS a JOIN "public"."alltypes" AS b ON a.u = b.u AND a.id < b.id ORDER BY a.id, b.id;
-- case: setops_subqueries/join_jsonb_equality
SELECT a.id AS a_id, b.id AS b_id FROM "public"."alltypes" AS a JOIN "public"."alltypes" AS b ON a.j = b.j AND a.id <> b.id ORDER BY a.id, b.id;
-- case: setops_subqueries/semi_join_in_with_join
SELECT s.s_suppkey, s.s_name FROM "public"."supplier" AS s WHERE s.s_suppkey IN (SELECT ps_suppkey FROM "public"."partsupp" AS "partsupp" JOIN "public"."part" AS "part" ON p_partkey = ps_partkey WHERE p_size = 50 AND ps_availqty > 9900) ORDER BY s.s_suppkey;
-- case: setops_subqueries/full_join_using_star
-- refused: FULL JOIN … USING is not supported on Snowflake
-- case: setops_subqueries/natural_full_join_nulls
SELECT k, x, y FROM (VALUES (1, 'a'), (NULL, 'n')) AS a (k, x) NATURAL FULL JOIN (VALUES (1, 'c'), (3, 'd')) AS b (k, y) ORDER BY k NULLS FIRST, x;
-- case: strings/concat_operator
SELECT 'a' || 'b' || 'c' AS abc, 'n=' || 42 AS with_int, 1.5 || 'x' AS with_numeric, 'd=' || DATE '2024-01-02' AS with_date, 'b=' || true AS with_bool;
-- case: strings/concat_operator_null
SELECT 'x' || NULL IS NULL AS is_null, NULL::TEXT || NULL::TEXT AS both_null, '' || '' = '' AS empty_ok;
-- case: strings/concat_operator_columns
SELECT id, t || '-' || vc AS joined FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: strings/concat_function
-- refused: function concat() is not supported on Snowflake
-- case: strings/concat_ws_function
-- refused: function concat_ws() is not supported on Snowflake
-- case: strings/concat_ws_tpch
-- refused: function concat_ws() is not supported on Snowflake
-- case: strings/substring_from_for
-- refused: SUBSTRING with positions other than a constant start of 1 or more and length of 0 or more is not supported on Snowflake
-- case: strings/substring_commas_grouped
SELECT SUBSTR(c_phone, 1, 2) AS country_code, count(*) AS cnt FROM "public"."customer" AS "customer" GROUP BY 1 ORDER BY 1;
-- case: strings/substr_unicode
SELECT id, SUBSTR(t, 2, 3) AS s1, SUBSTR(t, 1, 1) AS s2, SUBSTR(vc, 3) AS s3 FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: strings/position_strpos_literals
SELECT POSITION('lo' IN 'hello') AS a, POSITION('l' IN 'hello') AS b, POSITION('z' IN 'abc') AS c, POSITION('' IN 'abc') AS d, POSITION('語' IN '日本語') AS e;
-- case: strings/position_columns
SELECT id, POSITION('o' IN t) AS pos_o, POSITION('a' IN vc) AS pos_a, POSITION(' ' IN t) AS pos_space FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: strings/split_part_literals
SELECT split_part('a.b.c', '.', 2) AS a, split_part('a.b.c', '.', 5) AS b, split_part('a.b.c', '.', -1) AS c, split_part('a..c', '.', 2) AS d, split_part('abc', '', 1) AS e;
-- case: strings/split_part_columns
SELECT id, split_part(t, ',', 2) AS second_csv, split_part(vc, '.', 3) AS third_dot FROM "public"."alltypes" AS "alltypes" WHERE id IN (1, 5, 9) ORDER BY id;
-- case: strings/split_part_tpch
SELECT split_part(p_type, ' ', 1) AS kind, split_part(p_type, ' ', 3) AS metal, count(*) AS cnt FROM "public"."part" AS "part" WHERE p_size = 10 GROUP BY 1, 2 ORDER BY 1, 2;
-- case: strings/lpad_rpad
SELECT lpad('7', 3, '0') AS a, rpad('ab', 5, '*') AS b, lpad('hello', 3) AS c, rpad('x', 4) || '|' AS d, lpad('ab', 7, 'xy') AS e, lpad('ab', 5, '') AS f, rpad('日本', 4, '語') AS g;
-- case: strings/lpad_keys
SELECT lpad(n_nationkey::TEXT, 3, '0') AS padded, rpad(n_name, 12, '.') AS name FROM "public"."nation" AS "nation" ORDER BY n_nationkey LIMIT 6;
-- case: strings/initcap
SELECT initcap('hello wORLD foo-bar baz_qux 3rd') AS a, initcap('') AS b;
-- case: strings/initcap_columns
SELECT id, initcap(t) AS t_cap FROM "public"."alltypes" AS "alltypes" WHERE id <> 4 ORDER BY id;
-- case: strings/upper_lower
SELECT n_nationkey, lower(n_name) AS lo, upper(lower(n_name)) AS up FROM "public"."nation" AS "nation" WHERE n_regionkey = 3 ORDER BY n_nationkey;
-- case: strings/upper_lower_alltypes
SELECT id, upper(t) AS up, lower(t) AS lo FROM "public"."alltypes" AS "alltypes" WHERE id <> 4 ORDER BY id;
-- case: strings/length_variants
-- refused: function octet_length() is not supported on Snowflake
-- case: strings/length_bytea_and_char
-- refused: function octet_length() is not supported on Snowflake
-- case: strings/string_agg_ordered
SELECT r_regionkey, LISTAGG(n_name, ', ') WITHIN GROUP (ORDER BY n_nationkey) AS nations FROM "public"."nation" AS "nation" JOIN "public"."region" AS "region" ON n_regionkey = r_regionkey GROUP BY r_regionkey ORDER BY r_regionkey;
-- case: strings/string_agg_desc
SELECT LISTAGG(n_nationkey::TEXT, ',') WITHIN GROUP (ORDER BY n_nationkey DESC) AS keys FROM "public"."nation" AS "nation" WHERE n_regionkey = 2;
-- case: strings/string_agg_skips_nulls
SELECT LISTAGG(t, '|') WITHIN GROUP (ORDER BY id) AS all_t, LISTAGG(vc, '') WITHIN GROUP (ORDER BY id DESC) AS all_vc FROM "public"."alltypes" AS "alltypes";
-- case: strings/string_agg_distinct
SELECT LISTAGG(DISTINCT c_mktsegment, ',') WITHIN GROUP (ORDER BY c_mktsegment) AS segments FROM "public"."customer" AS "customer";
-- case: strings/regexp_replace_first_vs_global
-- refused: function regexp_replace() is not supported on Snowflake
-- case: strings/regexp_replace_flags
-- refused: function regexp_replace() is not supported on Snowflake
-- case: strings/regexp_replace_tpch
-- refused: function regexp_replace() is not supported on Snowflake
-- case: strings/left_right
SELECT LEFT('abcdef', 2) AS l2, RIGHT('abcdef', 2) AS r2, LEFT('abcdef', GREATEST(LENGTH('abcdef') - 2, 0)) AS lneg, SUBSTR('abcdef', 3) AS rneg, LEFT('ab', 10) AS lbig, LEFT('', 3) AS lempty, RIGHT('abc', 0) AS rzero;
-- case: strings/left_right_columns
SELECT id, LEFT(t, 3) AS l3, RIGHT(t, 2) AS r2, LEFT(vc, GREATEST(LENGTH(vc) - 1, 0)) AS drop_last FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: strings/trim_functions
-- refused: trimming characters other than spaces is not supported on Snowflake
-- case: strings/trim_sql_syntax
-- refused: trimming characters other than spaces is not supported on Snowflake
-- case: strings/trim_columns
SELECT id, '[' || TRIM(t) || ']' AS trimmed, '[' || LTRIM(t) || ']' AS ltrimmed, '[' || RTRIM(c) || ']' AS c_rtrim FROM "public"."alltypes" AS "alltypes" WHERE id IN (5, 6, 8) ORDER BY id;
-- case: strings/replace
SELECT replace('abcabc', 'b', 'XY') AS a, replace('aaa', 'a', '') AS b, replace('abc', '', 'z') AS c, replace('Hello World', 'o', '0') AS d;
-- case: strings/replace_tpch
SELECT p_partkey, replace(p_type, ' ', '_') AS type_key, replace(p_brand, 'Brand#', 'B') AS brand FROM "public"."part" AS "part" ORDER BY p_partkey LIMIT 5;
-- case: strings/reverse_repeat
SELECT reverse('abc') AS a, reverse('') AS b, repeat('ab', 3) AS c, repeat('x', 0) AS d, repeat('-', -1) AS e, reverse('ünï 日本') AS f;
-- case: strings/md5
SELECT md5('hello') AS a, md5('') AS b, md5('ünïcödé') AS c;
-- case: strings/md5_tpch
SELECT n_nationkey, md5(n_name) AS h FROM "public"."nation" AS "nation" WHERE n_nationkey < 4 ORDER BY n_nationkey;
-- case: strings/starts_with
SELECT STARTSWITH('alphabet', 'alph') AS a, STARTSWITH('alphabet', 'beta') AS b, STARTSWITH('', '') AS c, (SELECT count(*) FROM "public"."part" AS "part" WHERE STARTSWITH(p_name, 'a')) AS parts_a;
-- case: strings/translate
SELECT translate('12345', '143', 'ax') AS a, translate('hello', 'lo', 'LO') AS b, translate('abc', '', 'x') AS c, translate('ünï', 'ün', 'un') AS d;
-- case: strings/translate_tpch
SELECT c_custkey, translate(c_phone, '-', '.') AS dotted FROM "public"."customer" AS "customer" ORDER BY c_custkey LIMIT 3;
-- case: strings/ascii_chr
SELECT ascii('A') AS a, ascii('abc') AS b, ascii('') AS c, chr(65) AS d, chr(9731) AS e, ascii('日') AS f, chr(10) = '
' AS g;
-- case: strings/format_s
-- refused: function format() is not supported on Snowflake
-- case: strings/format_i_l
-- refused: function format() is not supported on Snowflake
-- case: strings/format_tpch
-- refused: function format() is not supported on Snowflake
-- case: strings/overlay
-- refused: OVERLAY is not supported on Snowflake
-- case: strings/quotes_in_data
SELECT id, vc, length(vc) AS len, vc = 'with''quote' AS matches FROM "public"."alltypes" AS "alltypes" WHERE vc LIKE '%''%' ESCAPE '\\' ORDER BY id;
-- case: strings/upper_initial_grouped
SELECT upper(LEFT(p_name, 1)) AS initial, count(*) AS cnt FROM "public"."part" AS "part" GROUP BY 1 ORDER BY 1;
-- case: strings/text_comparison_ascii
SELECT 'abc' < 'abd' AS a, 'abc' = 'abc' AS b, 'abc' <> 'ABC' AS c, 'a' < 'ab' AS d, '' < 'a' AS e;
-- case: tpch_queries/q01_pricing_summary
SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price, sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price, sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge, avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc, count(*) AS count_order FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90 days' GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus;
-- case: tpch_queries/q02_minimum_cost_supplier
SELECT s_acctbal, s_name, n_name, p_partkey, p_mfgr, s_address, s_phone, s_comment FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."partsupp" AS "partsupp", "public"."nation" AS "nation", "public"."region" AS "region" WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND p_size = 15 AND p_type LIKE '%BRASS' ESCAPE '\\' AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'EUROPE' AND ps_supplycost = (SELECT min(ps_supplycost) FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation", "public"."region" AS "region" WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'EUROPE') ORDER BY s_acctbal DESC, n_name, s_name, p_partkey LIMIT 100;
-- case: tpch_queries/q03_shipping_priority
SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15' GROUP BY l_orderkey, o_orderdate, o_shippriority ORDER BY revenue DESC, o_orderdate, l_orderkey LIMIT 10;
-- case: tpch_queries/q04_order_priority_checking
SELECT o_orderpriority, count(*) AS order_count FROM "public"."orders" AS "orders" WHERE o_orderdate >= DATE '1993-07-01' AND o_orderdate < DATE '1993-07-01' + INTERVAL '3 months' AND EXISTS (SELECT * FROM "public"."lineitem" AS "lineitem" WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate) GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: tpch_queries/q05_local_supplier_volume
SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem", "public"."supplier" AS "supplier", "public"."nation" AS "nation", "public"."region" AS "region" WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey AND c_nationkey = s_nationkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'ASIA' AND o_orderdate >= DATE '1994-01-01' AND o_orderdate < DATE '1994-01-01' + INTERVAL '1 year' GROUP BY n_name ORDER BY revenue DESC, n_name;
-- case: tpch_queries/q06_forecasting_revenue_change
SELECT sum(l_extendedprice * l_discount) AS revenue FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1994-01-01' + INTERVAL '1 year' AND l_discount BETWEEN 0.06 - 0.01 AND 0.06 + 0.01 AND l_quantity < 24;
-- case: tpch_queries/q07_volume_shipping
SELECT supp_nation, cust_nation, l_year, sum(volume) AS revenue FROM (SELECT n1.n_name AS supp_nation, n2.n_name AS cust_nation, EXTRACT(YEAR FROM l_shipdate) AS l_year, l_extendedprice * (1 - l_discount) AS volume FROM "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."orders" AS "orders", "public"."customer" AS "customer", "public"."nation" n1, "public"."nation" n2 WHERE s_suppkey = l_suppkey AND o_orderkey = l_orderkey AND c_custkey = o_custkey AND s_nationkey = n1.n_nationkey AND c_nationkey = n2.n_nationkey AND ((n1.n_name = 'FRANCE' AND n2.n_name = 'GERMANY') OR (n1.n_name = 'GERMANY' AND n2.n_name = 'FRANCE')) AND l_shipdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31') AS shipping GROUP BY supp_nation, cust_nation, l_year ORDER BY supp_nation, cust_nation, l_year;
-- case: tpch_queries/q08_national_market_share
SELECT o_year, round(sum(CASE WHEN nation = 'UNITED STATES' THEN volume ELSE 0 END) / sum(volume), 6) AS mkt_share FROM (SELECT EXTRACT(YEAR FROM o_orderdate) AS o_year, l_extendedprice * (1 - l_discount) AS volume, n2.n_name AS nation FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."orders" AS "orders", "public"."customer" AS "customer", "public"."nation" n1, "public"."nation" n2, "public"."region" AS "region" WHERE p_partkey = l_partkey AND s_suppkey = l_suppkey AND l_orderkey = o_orderkey AND o_custkey = c_custkey AND c_nationkey = n1.n_nationkey AND n1.n_regionkey = r_regionkey AND r_name = 'AMERICA' AND s_nationkey = n2.n_nationkey AND o_orderdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31' AND p_type = 'ECONOMY ANODIZED STEEL') AS all_nations GROUP BY o_year ORDER BY o_year;
-- case: tpch_queries/q09_product_type_profit
SELECT nation, o_year, sum(amount) AS sum_profit FROM (SELECT n_name AS nation, EXTRACT(YEAR FROM o_orderdate) AS o_year, l_extendedprice * (1 - l_discount) - ps_supplycost * l_quantity AS amount FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."partsupp" AS "partsupp", "public"."orders" AS "orders", "public"."nation" AS "nation" WHERE s_suppkey = l_suppkey AND ps_suppkey = l_suppkey AND ps_partkey = l_partkey AND p_partkey = l_partkey AND o_orderkey = l_orderkey AND s_nationkey = n_nationkey AND p_name LIKE '%green%' ESCAPE '\\') AS profit GROUP BY nation, o_year ORDER BY nation, o_year DESC;
-- case: tpch_queries/q10_returned_item_reporting
SELECT c_custkey, c_name, sum(l_extendedprice * (1 - l_discount)) AS revenue, c_acctbal, n_name, c_address, c_phone, c_comment FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem", "public"."nation" AS "nation" WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate >= DATE '1993-10-01' AND o_orderdate < DATE '1993-10-01' + INTERVAL '3 months' AND l_returnflag = 'R' AND c_nationkey = n_nationkey GROUP BY c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment ORDER BY revenue DESC, c_custkey LIMIT 20;
-- case: tpch_queries/q11_important_stock
SELECT ps_partkey, sum(ps_supplycost * ps_availqty) AS value FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE ps_suppkey = s_suppkey AND s_nationkey = n_nationkey AND n_name = 'GERMANY' GROUP BY ps_partkey HAVING sum(ps_supplycost * ps_availqty) > (SELECT sum(ps_supplycost * ps_availqty) * 0.005 FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE ps_suppkey = s_suppkey AND s_nationkey = n_nationkey AND n_name = 'GERMANY') ORDER BY value DESC, ps_partkey;
-- case: tpch_queries/q12_shipping_modes
SELECT l_shipmode, sum(CASE WHEN o_orderpriority = '1-URGENT' OR o_orderpriority = '2-HIGH' THEN 1 ELSE 0 END) AS high_line_count, sum(CASE WHEN o_orderpriority <> '1-URGENT' AND o_orderpriority <> '2-HIGH' THEN 1 ELSE 0 END) AS low_line_count FROM "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE o_orderkey = l_orderkey AND l_shipmode IN ('MAIL', 'SHIP') AND l_commitdate < l_receiptdate AND l_shipdate < l_commitdate AND l_receiptdate >= DATE '1994-01-01' AND l_receiptdate < DATE '1994-01-01' + INTERVAL '1 year' GROUP BY l_shipmode ORDER BY l_shipmode;
-- case: tpch_queries/q13_customer_distribution
SELECT c_count, count(*) AS custdist FROM (SELECT c_custkey, count(o_orderkey) AS c_count FROM "public"."customer" AS "customer" LEFT OUTER JOIN "public"."orders" AS "orders" ON c_custkey = o_custkey AND o_comment NOT LIKE '%special%requests%' ESCAPE '\\' GROUP BY c_custkey) AS c_orders GROUP BY c_count ORDER BY custdist DESC, c_count DESC;
-- case: tpch_queries/q14_promotion_effect
SELECT round(100.00 * sum(CASE WHEN p_type LIKE 'PROMO%' ESCAPE '\\' THEN l_extendedprice * (1 - l_discount) ELSE 0 END) / sum(l_extendedprice * (1 - l_discount)), 6) AS promo_revenue FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE l_partkey = p_partkey AND l_shipdate >= DATE '1995-09-01' AND l_shipdate < DATE '1995-09-01' + INTERVAL '1 month';
-- case: tpch_queries/q15_top_supplier
WITH revenue0 AS (SELECT l_suppkey AS supplier_no, sum(l_extendedprice * (1 - l_discount)) AS total_revenue FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate >= DATE '1996-01-01' AND l_shipdate < DATE '1996-01-01' + INTERVAL '3 months' GROUP BY l_suppkey) SELECT s_suppkey, s_name, s_address, s_phone, total_revenue FROM "public"."supplier" AS "supplier", revenue0 WHERE s_suppkey = supplier_no AND total_revenue = (SELECT max(total_revenue) FROM revenue0) ORDER BY s_suppkey;
-- case: tpch_queries/q16_parts_supplier_relationship
SELECT p_brand, p_type, p_size, count(DISTINCT ps_suppkey) AS supplier_cnt FROM "public"."partsupp" AS "partsupp", "public"."part" AS "part" WHERE p_partkey = ps_partkey AND p_brand <> 'Brand#45' AND p_type NOT LIKE 'MEDIUM POLISHED%' ESCAPE '\\' AND p_size IN (49, 14, 23, 45, 19, 3, 36, 9) AND ps_suppkey NOT IN (SELECT s_suppkey FROM "public"."supplier" AS "supplier" WHERE s_comment LIKE '%Customer%Complaints%' ESCAPE '\\') GROUP BY p_brand, p_type, p_size ORDER BY supplier_cnt DESC, p_brand, p_type, p_size LIMIT 40;
-- case: tpch_queries/q17_small_quantity_order_revenue
SELECT round(sum(l_extendedprice) / 7.0, 6) AS avg_yearly FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE p_partkey = l_partkey AND p_brand = 'Brand#44' AND p_container = 'WRAP CAN' AND l_quantity < (SELECT 0.2 * avg(l_quantity) FROM "public"."lineitem" AS "lineitem" WHERE l_partkey = p_partkey);
-- case: tpch_queries/q18_large_volume_customer
SELECT c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, sum(l_quantity) AS total_qty FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE o_orderkey IN (SELECT l_orderkey FROM "public"."lineitem" AS "lineitem" GROUP BY l_orderkey HAVING sum(l_quantity) > 300) AND c_custkey = o_custkey AND o_orderkey = l_orderkey GROUP BY c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice ORDER BY o_totalprice DESC, o_orderdate, o_orderkey LIMIT 100;
-- case: tpch_queries/q19_discounted_revenue
SELECT sum(l_extendedprice * (1 - l_discount)) AS revenue FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE (p_partkey = l_partkey AND p_brand = 'Brand#12' AND p_container IN ('SM CASE', 'SM BOX', 'SM PACK', 'SM PKG') AND l_quantity >= 1 AND l_quantity <= 1 + 10 AND p_size BETWEEN 1 AND 5 AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON') OR (p_partkey = l_partkey AND p_brand = 'Brand#23' AND p_container IN ('MED BAG', 'MED BOX', 'MED PKG', 'MED PACK') AND l_quantity >= 10 AND l_quantity <= 10 + 10 AND p_size BETWEEN 1 AND 10 AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON') OR (p_partkey = l_partkey AND p_brand = 'Brand#34' AND p_container IN ('LG CASE', 'LG BOX', 'LG PACK', 'LG PKG') AND l_quantity >= 20 AND l_quantity <= 20 + 10 AND p_size BETWEEN 1 AND 15 AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON');
-- case: tpch_queries/q20_potential_part_promotion
SELECT s_name, s_address FROM "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE s_suppkey IN (SELECT ps_suppkey FROM "public"."partsupp" AS "partsupp" WHERE ps_partkey IN (SELECT p_partkey FROM "public"."part" AS "part" WHERE p_name LIKE 'forest%' ESCAPE '\\') AND ps_availqty > (SELECT 0.5 * sum(l_quantity) FROM "public"."lineitem" AS "lineitem" WHERE l_partkey = ps_partkey AND l_suppkey = ps_suppkey AND l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1994-01-01' + INTERVAL '1 year')) AND s_nationkey = n_nationkey AND n_name = 'CANADA' ORDER BY s_name;
-- case: tpch_queries/q21_suppliers_who_kept_orders_waiting
SELECT s_name, count(*) AS numwait FROM "public"."supplier" AS "supplier", "public"."lineitem" l1, "public"."orders" AS "orders", "public"."nation" AS "nation" WHERE s_suppkey = l1.l_suppkey AND o_orderkey = l1.l_orderkey AND o_orderstatus = 'F' AND l1.l_receiptdate > l1.l_commitdate AND EXISTS (SELECT * FROM "public"."lineitem" l2 WHERE l2.l_orderkey = l1.l_orderkey AND l2.l_suppkey <> l1.l_suppkey) AND NOT EXISTS (SELECT * FROM "public"."lineitem" l3 WHERE l3.l_orderkey = l1.l_orderkey AND l3.l_suppkey <> l1.l_suppkey AND l3.l_receiptdate > l3.l_commitdate) AND s_nationkey = n_nationkey AND n_name = 'SAUDI ARABIA' GROUP BY s_name ORDER BY numwait DESC, s_name LIMIT 100;
-- case: tpch_queries/q22_global_sales_opportunity
SELECT cntrycode, count(*) AS numcust, sum(c_acctbal) AS totacctbal FROM (SELECT SUBSTR(c_phone, 1, 2) AS cntrycode, c_acctbal FROM "public"."customer" AS "customer" WHERE SUBSTR(c_phone, 1, 2) IN ('13', '31', '23', '29', '30', '18', '17') AND c_acctbal > (SELECT avg(c_acctbal) FROM "public"."customer" AS "customer" WHERE c_acctbal > 0.00 AND SUBSTR(c_phone, 1, 2) IN ('13', '31', '23', '29', '30', '18', '17')) AND NOT EXISTS (SELECT * FROM "public"."orders" AS "orders" WHERE o_custkey = c_custkey)) AS custsale GROUP BY cntrycode ORDER BY cntrycode;
-- case: tpch_queries/monthly_revenue_running_total
SELECT month, revenue, sum(revenue) OVER (ORDER BY month) AS running_revenue, round(revenue / sum(revenue) OVER () * 100, 2) AS pct_of_year FROM (SELECT date_trunc('month', l_shipdate)::DATE AS month, sum(l_extendedprice * (1 - l_discount)) AS revenue FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate >= DATE '1995-01-01' AND l_shipdate < DATE '1996-01-01' GROUP BY 1) AS m ORDER BY month;
-- case: tpch_queries/top_customers_per_nation_europe
SELECT n_name, rnk, c_custkey, total_spent FROM (SELECT n.n_name, c.c_custkey, sum(o.o_totalprice) AS total_spent, rank() OVER (PARTITION BY n.n_name ORDER BY sum(o.o_totalprice) DESC) AS rnk FROM "public"."customer" AS c JOIN "public"."nation" AS n ON c.c_nationkey = n.n_nationkey JOIN "public"."region" AS r ON n.n_regionkey = r.r_regionkey JOIN "public"."orders" AS o ON o.o_custkey = c.c_custkey WHERE r.r_name = 'EUROPE' GROUP BY n.n_name, c.c_custkey) AS ranked WHERE rnk <= 3 ORDER BY n_name, rnk, c_custkey;
-- case: tpch_queries/region_yearly_growth
SELECT r_name, yr, revenue, round(100.0 * (revenue - lag(revenue) OVER (PARTITION BY r_name ORDER BY yr)) / lag(revenue) OVER (PARTITION BY r_name ORDER BY yr), 2) AS growth_pct FROM (SELECT r.r_name, EXTRACT(YEAR FROM o.o_orderdate) AS yr, sum(o.o_totalprice) AS revenue FROM "public"."orders" AS o JOIN "public"."customer" AS c ON o.o_custkey = c.c_custkey JOIN "public"."nation" AS n ON c.c_nationkey = n.n_nationkey JOIN "public"."region" AS r ON n.n_regionkey = r.r_regionkey WHERE o.o_orderdate < DATE '1998-01-01' GROUP BY r.r_name, EXTRACT(YEAR FROM o.o_orderdate)) AS t ORDER BY r_name, yr;
-- case: tpch_queries/supplier_share_within_nation
SELECT n_name, s_suppkey, supplied_value, round(100.0 * supplied_value / sum(supplied_value) OVER (PARTITION BY n_name), 2) AS pct_of_nation FROM (SELECT n.n_name, s.s_suppkey, sum(ps.ps_supplycost * ps.ps_availqty) AS supplied_value FROM "public"."supplier" AS s JOIN "public"."nation" AS n ON s.s_nationkey = n.n_nationkey JOIN "public"."partsupp" AS ps ON ps.ps_suppkey = s.s_suppkey WHERE n.n_regionkey = 1 GROUP BY n.n_name, s.s_suppkey) AS v ORDER BY n_name, supplied_value DESC, s_suppkey;
-- case: tpch_queries/order_size_quartiles
SELECT quartile, count(*) AS orders, min(o_totalprice) AS min_price, max(o_totalprice) AS max_price, round(avg(o_totalprice), 2) AS avg_price FROM (SELECT o_orderkey, o_totalprice, ntile(4) OVER (ORDER BY o_totalprice, o_orderkey) AS quartile FROM "public"."orders" AS "orders") AS q GROUP BY quartile ORDER BY quartile;
-- case: tpch_queries/late_shipments_by_mode_and_priority
SELECT l.l_shipmode, o.o_orderpriority, count(*) AS late_lines, round(avg(l.l_receiptdate - l.l_commitdate), 2) AS avg_days_late FROM "public"."lineitem" AS l JOIN "public"."orders" AS o ON o.o_orderkey = l.l_orderkey WHERE l.l_receiptdate > l.l_commitdate AND l.l_shipmode IN ('AIR', 'TRUCK') GROUP BY l.l_shipmode, o.o_orderpriority HAVING count(*) > 100 ORDER BY l.l_shipmode, o.o_orderpriority;
-- case: tpch_queries/part_price_vs_brand_average
SELECT p_brand, count(*) AS parts, count(CASE WHEN p_retailprice > brand_avg THEN 1 END) AS above_avg, round(max(p_retailprice - brand_avg), 2) AS max_premium FROM (SELECT p_brand, p_retailprice, avg(p_retailprice) OVER (PARTITION BY p_brand) AS brand_avg FROM "public"."part" AS "part") AS p GROUP BY p_brand ORDER BY p_brand;
-- case: tpch_queries/customer_order_gaps
SELECT o_custkey, count(*) AS orders, max(gap) AS longest_gap_days, round(avg(gap), 2) AS avg_gap_days FROM (SELECT o_custkey, o_orderdate - lag(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) AS gap FROM "public"."orders" AS "orders" WHERE o_custkey <= 25) AS g GROUP BY o_custkey ORDER BY o_custkey;
-- case: tpch_queries/segment_nation_pivot
SELECT n_name, count(CASE WHEN c_mktsegment = 'AUTOMOBILE' THEN 1 END) AS automobile, count(CASE WHEN c_mktsegment = 'BUILDING' THEN 1 END) AS building, count(CASE WHEN c_mktsegment = 'FURNITURE' THEN 1 END) AS furniture, count(CASE WHEN c_mktsegment = 'HOUSEHOLD' THEN 1 END) AS household, count(CASE WHEN c_mktsegment = 'MACHINERY' THEN 1 END) AS machinery, count(*) AS total FROM "public"."customer" AS "customer" JOIN "public"."nation" AS "nation" ON c_nationkey = n_nationkey GROUP BY n_name ORDER BY n_name;
-- case: tpch_queries/discount_bands_revenue
SELECT CASE WHEN l_discount < 0.03 THEN 'low' WHEN l_discount < 0.07 THEN 'mid' ELSE 'high' END AS band, count(*) AS lines, sum(l_extendedprice * (1 - l_discount)) AS net_revenue, round(avg(l_discount), 4) AS avg_discount FROM "public"."lineitem" AS "lineitem" GROUP BY 1 ORDER BY min(l_discount);
-- case: tpch_queries/suppliers_without_recent_shipments
SELECT s.s_suppkey, s.s_name, max(l.l_shipdate) AS last_ship FROM "public"."supplier" AS s LEFT JOIN "public"."lineitem" AS l ON l.l_suppkey = s.s_suppkey GROUP BY s.s_suppkey, s.s_name HAVING max(l.l_shipdate) < DATE '1998-11-15' OR max(l.l_shipdate) IS NULL ORDER BY last_ship NULLS FIRST, s.s_suppkey LIMIT 15;
-- case: window_functions/row_number_partitioned
SELECT n_regionkey, n_nationkey, n_name, row_number() OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS rn FROM "public"."nation" AS "nation" ORDER BY n_regionkey, rn;
-- case: window_functions/rank_dense_rank_ties
SELECT p_partkey, p_size, rank() OVER (ORDER BY p_size) AS rnk, dense_rank() OVER (ORDER BY p_size) AS drnk, row_number() OVER (ORDER BY p_size, p_partkey) AS rn FROM "public"."part" AS "part" WHERE p_partkey <= 20 ORDER BY p_partkey;
-- case: window_functions/rank_desc_per_group
SELECT c_nationkey, c_custkey, c_acctbal, rank() OVER (PARTITION BY c_nationkey ORDER BY c_acctbal DESC) AS rnk FROM "public"."customer" AS "customer" WHERE c_nationkey IN (0, 1) AND c_custkey <= 300 ORDER BY c_nationkey, rnk, c_custkey;
-- case: window_functions/top_n_per_group
SELECT c_nationkey, rn, c_custkey, c_acctbal FROM (SELECT c_nationkey, c_custkey, c_acctbal, row_number() OVER (PARTITION BY c_nationkey ORDER BY c_acctbal DESC, c_custkey) AS rn FROM "public"."customer" AS "customer") AS s WHERE rn <= 2 ORDER BY c_nationkey, rn;
-- case: window_functions/ntile
SELECT n_nationkey, ntile(4) OVER (ORDER BY n_nationkey) AS quartile, ntile(3) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS tercile FROM "public"."nation" AS "nation" ORDER BY n_nationkey;
-- case: window_functions/lag_lead_basic
SELECT o_orderkey, o_totalprice, lag(o_totalprice) OVER (ORDER BY o_orderkey) AS prev_price, lead(o_totalprice) OVER (ORDER BY o_orderkey) AS next_price FROM "public"."orders" AS "orders" WHERE o_custkey = 370 ORDER BY o_orderkey;
-- case: window_functions/lag_lead_offset_default
SELECT o_orderkey, lag(o_orderkey, 2, -1::BIGINT) OVER (ORDER BY o_orderkey) AS lag2, lead(o_orderkey, 2, 0::BIGINT) OVER (ORDER BY o_orderkey) AS lead2, lead(o_orderdate, 1, DATE '1999-01-01') OVER (ORDER BY o_orderkey) AS next_date FROM "public"."orders" AS "orders" WHERE o_custkey = 370 ORDER BY o_orderkey;
-- case: window_functions/lag_text_default
SELECT n_regionkey, n_nationkey, lag(n_name, 1, 'none') OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS prev_name FROM "public"."nation" AS "nation" ORDER BY n_regionkey, n_nationkey;
-- case: window_functions/lead_date_gaps
SELECT o_custkey, o_orderkey, o_orderdate, lead(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) - o_orderdate AS days_to_next FROM "public"."orders" AS "orders" WHERE o_custkey IN (1, 2, 4) ORDER BY o_custkey, o_orderdate, o_orderkey;
-- case: window_functions/first_last_nth_value
SELECT n_regionkey, n_nationkey, first_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS first_name, last_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_so_far, nth_value(n_name, 2) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS second_name FROM "public"."nation" AS "nation" ORDER BY n_regionkey, n_nationkey;
-- case: window_functions/last_value_full_frame
SELECT n_regionkey, n_nationkey, last_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_name, nth_value(n_nationkey, 3) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS third_key FROM "public"."nation" AS "nation" ORDER BY n_regionkey, n_nationkey;
-- case: window_functions/aggregates_over_partition
SELECT n_nationkey, n_regionkey, count(*) OVER (PARTITION BY n_regionkey) AS in_region, sum(n_nationkey) OVER (PARTITION BY n_regionkey) AS key_sum, avg(n_nationkey) OVER (PARTITION BY n_regionkey) AS key_avg, max(n_name) OVER (PARTITION BY n_regionkey) AS max_name FROM "public"."nation" AS "nation" ORDER BY n_nationkey;
-- case: window_functions/empty_over
SELECT r_regionkey, r_name, count(*) OVER () AS total, sum(r_regionkey) OVER () AS key_sum FROM "public"."region" AS "region" ORDER BY r_regionkey;
-- case: window_functions/running_sum
SELECT o_orderkey, o_totalprice, sum(o_totalprice) OVER (ORDER BY o_orderkey) AS running_total, count(*) OVER (ORDER BY o_orderkey) AS running_count FROM "public"."orders" AS "orders" WHERE o_custkey = 781 ORDER BY o_orderkey;
-- case: window_functions/moving_average_rows
SELECT o_orderkey, o_totalprice, avg(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS mov_avg3, sum(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS centered_sum FROM "public"."orders" AS "orders" WHERE o_orderkey <= 40 ORDER BY o_orderkey;
-- case: window_functions/range_unbounded_preceding_peers
SELECT p_partkey, p_size, sum(p_size) OVER (ORDER BY p_size RANGE UNBOUNDED PRECEDING) AS range_sum, sum(p_size) OVER (ORDER BY p_size, p_partkey ROWS UNBOUNDED PRECEDING) AS rows_sum FROM "public"."part" AS "part" WHERE p_partkey <= 20 ORDER BY p_size, p_partkey;
-- case: window_functions/rows_current_to_unbounded_following
SELECT n_nationkey, sum(n_nationkey) OVER (ORDER BY n_nationkey ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS remaining_sum, count(*) OVER (ORDER BY n_nationkey ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS remaining FROM "public"."nation" AS "nation" ORDER BY n_nationkey;
-- case: window_functions/range_offset_frame
SELECT p_partkey, p_size, count(*) OVER (ORDER BY p_size RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS near_sizes FROM "public"."part" AS "part" WHERE p_partkey <= 20 ORDER BY p_size, p_partkey;
-- case: window_functions/groups_frame
SELECT p_partkey, p_size, sum(p_partkey) OVER (ORDER BY p_size GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) AS two_groups FROM "public"."part" AS "part" WHERE p_partkey <= 15 ORDER BY p_size, p_partkey;
-- case: window_functions/frame_exclude_current_row
-- refused: window frame EXCLUDE is not supported
-- case: window_functions/named_window_clause
SELECT s_nationkey, s_suppkey, s_acctbal, row_number() OVER (PARTITION BY s_nationkey ORDER BY s_acctbal DESC, s_suppkey) AS rn, rank() OVER (PARTITION BY s_nationkey ORDER BY s_acctbal DESC, s_suppkey) AS rnk, sum(s_acctbal) OVER (PARTITION BY s_nationkey ORDER BY s_acctbal DESC, s_suppkey) AS running FROM "public"."supplier" AS "supplier" WHERE s_nationkey < 4 ORDER BY s_nationkey, rn;
-- case: window_functions/named_window_refined
SELECT n_nationkey, sum(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS running_in_region, count(*) OVER (PARTITION BY n_regionkey) AS region_size FROM "public"."nation" AS "nation" ORDER BY n_nationkey;
-- case: window_functions/percent_rank_cume_dist
SELECT p_partkey, p_size, percent_rank() OVER (ORDER BY p_size) AS prank, cume_dist() OVER (ORDER BY p_size) AS cdist FROM "public"."part" AS "part" WHERE p_partkey <= 20 ORDER BY p_partkey;
-- case: window_functions/window_over_group_by
SELECT o_orderpriority, count(*) AS cnt, sum(count(*)) OVER () AS total, rank() OVER (ORDER BY count(*) DESC) AS rnk, round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS pct FROM "public"."orders" AS "orders" GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: window_functions/share_of_order
SELECT l_orderkey, l_linenumber, l_extendedprice, round(l_extendedprice / sum(l_extendedprice) OVER (PARTITION BY l_orderkey), 4) AS share FROM "public"."lineitem" AS "lineitem" WHERE l_orderkey <= 7 ORDER BY l_orderkey, l_linenumber;
-- case: window_functions/nulls_in_window_order
SELECT id, i4, rank() OVER (ORDER BY i4 NULLS FIRST) AS rank_nulls_first, rank() OVER (ORDER BY i4 DESC) AS rank_desc, sum(i4::BIGINT) OVER (ORDER BY id) AS running FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: window_functions/window_filter_clause
SELECT n_regionkey, n_nationkey, count(CASE WHEN n_name LIKE '%A%' ESCAPE '\\' THEN 1 END) OVER (PARTITION BY n_regionkey) AS with_a FROM "public"."nation" AS "nation" ORDER BY n_regionkey, n_nationkey;
-- case: window_functions/row_number_dedup
SELECT id, u FROM (SELECT id, u, row_number() OVER (PARTITION BY u ORDER BY id DESC) AS rn FROM "public"."alltypes" AS "alltypes" WHERE u IS NOT NULL) AS s WHERE rn = 1 ORDER BY id;
-- case: window_functions/lag_over_aggregate
SELECT yr, orders, orders - lag(orders) OVER (ORDER BY yr) AS change FROM (SELECT EXTRACT(YEAR FROM o_orderdate) AS yr, count(*) AS orders FROM "public"."orders" AS "orders" GROUP BY 1) AS s ORDER BY yr;
-- case: window_functions/dense_rank_by_segment
SELECT c_mktsegment, dense_rank() OVER (ORDER BY c_mktsegment) AS seg_rank, count(*) AS cnt FROM "public"."customer" AS "customer" GROUP BY c_mktsegment ORDER BY c_mktsegment;
-- case: window_functions/cumulative_share_by_year
SELECT yr, revenue, round(sum(revenue) OVER (ORDER BY yr) / sum(revenue) OVER (), 4) AS cum_share FROM (SELECT EXTRACT(YEAR FROM l_shipdate) AS yr, sum(l_extendedprice) AS revenue FROM "public"."lineitem" AS "lineitem" GROUP BY 1) AS s ORDER BY yr;
