-- case: tpch/q01
SELECT l_returnflag, l_linestatus, pg_sum(l_quantity) AS sum_qty, pg_sum(l_extendedprice) AS sum_base_price, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS sum_disc_price, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount) * (CAST(1 AS INT) + l_tax)) AS sum_charge, pg_avg(l_quantity) AS avg_qty, pg_avg(l_extendedprice) AS avg_price, pg_avg(l_discount) AS avg_disc, count(*) AS count_order FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '68 days' GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus;
-- case: tpch/q02
SELECT s_acctbal, s_name, n_name, p_partkey, p_mfgr, s_address, s_phone, s_comment FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."partsupp" AS "partsupp", "public"."nation" AS "nation", "public"."region" AS "region" WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND p_size = CAST(48 AS INT) AND p_type LIKE '%TIN' AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'ASIA' AND ps_supplycost = (SELECT min(ps_supplycost) FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation", "public"."region" AS "region" WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'ASIA') ORDER BY s_acctbal DESC, n_name, s_name, p_partkey LIMIT 100;
-- case: tpch/q03
SELECT l_orderkey, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS revenue, o_orderdate, o_shippriority FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15' GROUP BY l_orderkey, o_orderdate, o_shippriority ORDER BY revenue DESC, o_orderdate LIMIT 10;
-- case: tpch/q04
SELECT o_orderpriority, count(*) AS order_count FROM "public"."orders" AS "orders" WHERE o_orderdate >= DATE '1995-04-01' AND o_orderdate < DATE '1995-04-01' + INTERVAL '3' MONTH AND EXISTS (SELECT * FROM "public"."lineitem" AS "lineitem" WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate) GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: tpch/q05
SELECT n_name, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS revenue FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem", "public"."supplier" AS "supplier", "public"."nation" AS "nation", "public"."region" AS "region" WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey AND c_nationkey = s_nationkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'AFRICA' AND o_orderdate >= DATE '1994-01-01' AND o_orderdate < DATE '1994-01-01' + INTERVAL '1' YEAR GROUP BY n_name ORDER BY revenue DESC;
-- case: tpch/q06
SELECT pg_sum(l_extendedprice * l_discount) AS revenue FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1994-01-01' + INTERVAL '1' YEAR AND l_discount BETWEEN CAST('0.04' AS DECIMAL(2,2)) - CAST('0.01' AS DECIMAL(2,2)) AND CAST('0.04' AS DECIMAL(2,2)) + CAST('0.01' AS DECIMAL(2,2)) AND l_quantity < CAST(24 AS INT);
-- case: tpch/q07
SELECT supp_nation, cust_nation, l_year, pg_sum(volume) AS revenue FROM (SELECT n1.n_name AS supp_nation, n2.n_name AS cust_nation, CAST(date_part('year', l_shipdate) AS DECIMAL(20,0)) AS l_year, l_extendedprice * (CAST(1 AS INT) - l_discount) AS volume FROM "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."orders" AS "orders", "public"."customer" AS "customer", "public"."nation" n1, "public"."nation" n2 WHERE s_suppkey = l_suppkey AND o_orderkey = l_orderkey AND c_custkey = o_custkey AND s_nationkey = n1.n_nationkey AND c_nationkey = n2.n_nationkey AND ((n1.n_name = 'GERMANY' AND n2.n_name = 'IRAQ') OR (n1.n_name = 'IRAQ' AND n2.n_name = 'GERMANY')) AND l_shipdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31') AS shipping GROUP BY supp_nation, cust_nation, l_year ORDER BY supp_nation, cust_nation, l_year;
-- case: tpch/q08
SELECT o_year, pg_div(pg_sum(CASE WHEN nation = 'IRAQ' THEN volume ELSE CAST(0 AS INT) END), pg_sum(volume)) AS mkt_share FROM (SELECT CAST(date_part('year', o_orderdate) AS DECIMAL(20,0)) AS o_year, l_extendedprice * (CAST(1 AS INT) - l_discount) AS volume, n2.n_name AS nation FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."orders" AS "orders", "public"."customer" AS "customer", "public"."nation" n1, "public"."nation" n2, "public"."region" AS "region" WHERE p_partkey = l_partkey AND s_suppkey = l_suppkey AND l_orderkey = o_orderkey AND o_custkey = c_custkey AND c_nationkey = n1.n_nationkey AND n1.n_regionkey = r_regionkey AND r_name = 'MIDDLE EAST' AND s_nationkey = n2.n_nationkey AND o_orderdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31' AND p_type = 'LARGE PLATED STEEL') AS all_nations GROUP BY o_year ORDER BY o_year;
-- case: tpch/q09
SELECT nation, o_year, pg_sum(amount) AS sum_profit FROM (SELECT n_name AS nation, CAST(date_part('year', o_orderdate) AS DECIMAL(20,0)) AS o_year, l_extendedprice * (CAST(1 AS INT) - l_discount) - ps_supplycost * l_quantity AS amount FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."partsupp" AS "partsupp", "public"."orders" AS "orders", "public"."nation" AS "nation" WHERE s_suppkey = l_suppkey AND ps_suppkey = l_suppkey AND ps_partkey = l_partkey AND p_partkey = l_partkey AND o_orderkey = l_orderkey AND s_nationkey = n_nationkey AND p_name LIKE '%moccasin%') AS profit GROUP BY nation, o_year ORDER BY nation, o_year DESC;
-- case: tpch/q10
SELECT c_custkey, c_name, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS revenue, c_acctbal, n_name, c_address, c_phone, c_comment FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem", "public"."nation" AS "nation" WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate >= DATE '1993-07-01' AND o_orderdate < DATE '1993-07-01' + INTERVAL '3' MONTH AND l_returnflag = 'R' AND c_nationkey = n_nationkey GROUP BY c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment ORDER BY revenue DESC LIMIT 20;
-- case: tpch/q11
SELECT ps_partkey, pg_sum(ps_supplycost * ps_availqty) AS value FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE ps_suppkey = s_suppkey AND s_nationkey = n_nationkey AND n_name = 'ALGERIA' GROUP BY ps_partkey HAVING pg_sum(ps_supplycost * ps_availqty) > (SELECT pg_sum(ps_supplycost * ps_availqty) * CAST('0.0001000000' AS DECIMAL(10,10)) FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE ps_suppkey = s_suppkey AND s_nationkey = n_nationkey AND n_name = 'ALGERIA') ORDER BY value DESC;
-- case: tpch/q12
SELECT l_shipmode, pg_sum(CASE WHEN o_orderpriority = '1-URGENT' OR o_orderpriority = '2-HIGH' THEN CAST(1 AS INT) ELSE CAST(0 AS INT) END) AS high_line_count, pg_sum(CASE WHEN o_orderpriority <> '1-URGENT' AND o_orderpriority <> '2-HIGH' THEN CAST(1 AS INT) ELSE CAST(0 AS INT) END) AS low_line_count FROM "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE o_orderkey = l_orderkey AND l_shipmode IN ('FOB', 'SHIP') AND l_commitdate < l_receiptdate AND l_shipdate < l_commitdate AND l_receiptdate >= DATE '1995-01-01' AND l_receiptdate < DATE '1995-01-01' + INTERVAL '1' YEAR GROUP BY l_shipmode ORDER BY l_shipmode;
-- case: tpch/q13
SELECT c_count, count(*) AS custdist FROM (SELECT c_custkey, count(o_orderkey) FROM "public"."customer" AS "customer" LEFT OUTER JOIN "public"."orders" AS "orders" ON c_custkey = o_custkey AND o_comment NOT LIKE '%express%requests%' GROUP BY c_custkey) AS c_orders (c_custkey, c_count) GROUP BY c_count ORDER BY custdist DESC, c_count DESC;
-- case: tpch/q14
SELECT pg_div(CAST('100.00' AS DECIMAL(5,2)) * pg_sum(CASE WHEN p_type LIKE 'PROMO%' THEN l_extendedprice * (CAST(1 AS INT) - l_discount) ELSE CAST(0 AS INT) END), pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount))) AS promo_revenue FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE l_partkey = p_partkey AND l_shipdate >= DATE '1995-02-01' AND l_shipdate < DATE '1995-02-01' + INTERVAL '1' MONTH;
-- case: tpch/q15
WITH revenue0 (supplier_no, total_revenue) AS (SELECT l_suppkey, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate >= DATE '1996-08-01' AND l_shipdate < DATE '1996-08-01' + INTERVAL '3' MONTH GROUP BY l_suppkey) SELECT s_suppkey, s_name, s_address, s_phone, total_revenue FROM "public"."supplier" AS "supplier", revenue0 WHERE s_suppkey = supplier_no AND total_revenue = (SELECT max(total_revenue) FROM revenue0) ORDER BY s_suppkey;
-- case: tpch/q16
SELECT p_brand, p_type, p_size, count(DISTINCT ps_suppkey) AS supplier_cnt FROM "public"."partsupp" AS "partsupp", "public"."part" AS "part" WHERE p_partkey = ps_partkey AND p_brand <> 'Brand#14' AND p_type NOT LIKE 'SMALL PLATED%' AND p_size IN (CAST(14 AS INT), CAST(6 AS INT), CAST(5 AS INT), CAST(31 AS INT), CAST(49 AS INT), CAST(15 AS INT), CAST(41 AS INT), CAST(47 AS INT)) AND ps_suppkey NOT IN (SELECT s_suppkey FROM "public"."supplier" AS "supplier" WHERE s_comment LIKE '%Customer%Complaints%') GROUP BY p_brand, p_type, p_size ORDER BY supplier_cnt DESC, p_brand, p_type, p_size;
-- case: tpch/q17
SELECT pg_div(pg_sum(l_extendedprice), CAST('7.0' AS DECIMAL(2,1))) AS avg_yearly FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE p_partkey = l_partkey AND p_brand = 'Brand#42' AND p_container = 'LG BAG' AND l_quantity < (SELECT CAST('0.2' AS DECIMAL(1,1)) * pg_avg_decimal(l_quantity) FROM "public"."lineitem" AS "lineitem" WHERE l_partkey = p_partkey);
-- case: tpch/q18
SELECT c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, pg_sum(l_quantity) FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE o_orderkey IN (SELECT l_orderkey FROM "public"."lineitem" AS "lineitem" GROUP BY l_orderkey HAVING pg_sum(l_quantity) > CAST(313 AS INT)) AND c_custkey = o_custkey AND o_orderkey = l_orderkey GROUP BY c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice ORDER BY o_totalprice DESC, o_orderdate LIMIT 100;
-- case: tpch/q19
SELECT pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS revenue FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE (p_partkey = l_partkey AND p_brand = 'Brand#21' AND p_container IN ('SM CASE', 'SM BOX', 'SM PACK', 'SM PKG') AND l_quantity >= CAST(8 AS INT) AND l_quantity <= CAST(8 AS INT) + CAST(10 AS INT) AND p_size BETWEEN CAST(1 AS INT) AND CAST(5 AS INT) AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON') OR (p_partkey = l_partkey AND p_brand = 'Brand#13' AND p_container IN ('MED BAG', 'MED BOX', 'MED PKG', 'MED PACK') AND l_quantity >= CAST(20 AS INT) AND l_quantity <= CAST(20 AS INT) + CAST(10 AS INT) AND p_size BETWEEN CAST(1 AS INT) AND CAST(10 AS INT) AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON') OR (p_partkey = l_partkey AND p_brand = 'Brand#52' AND p_container IN ('LG CASE', 'LG BOX', 'LG PACK', 'LG PKG') AND l_quantity >= CAST(30 AS INT) AND l_quantity <= CAST(30 AS INT) + CAST(10 AS INT) AND p_size BETWEEN CAST(1 AS INT) AND CAST(15 AS INT) AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON');
-- case: tpch/q20
SELECT s_name, s_address FROM "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE s_suppkey IN (SELECT ps_suppkey FROM "public"."partsupp" AS "partsupp" WHERE ps_partkey IN (SELECT p_partkey FROM "public"."part" AS "part" WHERE p_name LIKE 'blanched%') AND ps_availqty > (SELECT CAST('0.5' AS DECIMAL(1,1)) * pg_sum(l_quantity) FROM "public"."lineitem" AS "lineitem" WHERE l_partkey = ps_partkey AND l_suppkey = ps_suppkey AND l_shipdate >= DATE '1993-01-01' AND l_shipdate < DATE '1993-01-01' + INTERVAL '1' YEAR)) AND s_nationkey = n_nationkey AND n_name = 'KENYA' ORDER BY s_name;
-- case: tpch/q21
SELECT s_name, count(*) AS numwait FROM "public"."supplier" AS "supplier", "public"."lineitem" l1, "public"."orders" AS "orders", "public"."nation" AS "nation" WHERE s_suppkey = l1.l_suppkey AND o_orderkey = l1.l_orderkey AND o_orderstatus = 'F' AND l1.l_receiptdate > l1.l_commitdate AND EXISTS (SELECT * FROM "public"."lineitem" l2 WHERE l2.l_orderkey = l1.l_orderkey AND l2.l_suppkey <> l1.l_suppkey) AND NOT EXISTS (SELECT * FROM "public"."lineitem" l3 WHERE l3.l_orderkey = l1.l_orderkey AND l3.l_suppkey <> l1.l_suppkey AND l3.l_receiptdate > l3.l_commitdate) AND s_nationkey = n_nationkey AND n_name = 'ARGENTINA' GROUP BY s_name ORDER BY numwait DESC, s_name LIMIT 100;
-- case: tpch/q22
SELECT cntrycode, count(*) AS numcust, pg_sum(c_acctbal) AS totacctbal FROM (SELECT SUBSTRING(c_phone FROM CAST(1 AS INT) FOR CAST(2 AS INT)) AS cntrycode, c_acctbal FROM "public"."customer" AS "customer" WHERE SUBSTRING(c_phone FROM CAST(1 AS INT) FOR CAST(2 AS INT)) IN ('24', '34', '16', '30', '33', '14', '13') AND c_acctbal > (SELECT pg_avg_decimal(c_acctbal) FROM "public"."customer" AS "customer" WHERE c_acctbal > CAST('0.00' AS DECIMAL(2,2)) AND SUBSTRING(c_phone FROM CAST(1 AS INT) FOR CAST(2 AS INT)) IN ('24', '34', '16', '30', '33', '14', '13')) AND NOT EXISTS (SELECT * FROM "public"."orders" AS "orders" WHERE o_custkey = c_custkey)) AS custsale GROUP BY cntrycode ORDER BY cntrycode;
-- case: aggregates/count_variants
SELECT count(*) AS all_rows, count(i4) AS non_null_i4, count(t) AS non_null_t, count(DISTINCT t) AS distinct_t, count(DISTINCT u) AS distinct_u, count(DISTINCT j) AS distinct_j FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/count_tpch
-- refused: row constructors is not supported on the embedded engine
-- case: aggregates/sum_avg_integers
SELECT pg_sum(i2) AS sum_i2, pg_sum(i4) AS sum_i4, pg_sum(i8) AS sum_i8, pg_avg(i2) AS avg_i2, pg_avg(i4) AS avg_i4, pg_avg(i8) AS avg_i8 FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/sum_avg_integers_no_extremes
SELECT pg_sum(i2) AS sum_i2, pg_sum(i4) AS sum_i4, pg_sum(i8) AS sum_i8, pg_avg(i4) AS avg_i4 FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (CAST(4 AS INT), CAST(5 AS INT));
-- case: aggregates/sum_avg_numeric
SELECT pg_sum(n) AS sum_n, pg_avg(n) AS avg_n, pg_sum(m) AS sum_m, pg_avg(m) AS avg_m, min(n) AS min_n, max(m) AS max_m FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/sum_avg_float
SELECT pg_sum(f8) AS sum_f8, pg_avg(f8) AS avg_f8, pg_sum(f4) AS sum_f4, min(f8) AS min_f8, max(f4) AS max_f4 FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (CAST(4 AS INT), CAST(5 AS INT));
-- case: aggregates/min_max_extremes
SELECT min(i2) AS min_i2, max(i2) AS max_i2, min(i8) AS min_i8, max(i8) AS max_i8, min(f8) AS min_f8, max(f8) AS max_f8, min(f4) AS min_f4 FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/min_max_temporal
SELECT min(d) AS min_d, max(d) AS max_d, min(ts) AS min_ts, max(ts) AS max_ts, min(tstz) AS min_tstz, max(tstz) AS max_tstz, min(tm) AS min_tm, max(tm) AS max_tm FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/pricing_summary_by_flag
SELECT l_returnflag, l_linestatus, pg_sum(l_quantity) AS sum_qty, pg_sum(l_extendedprice) AS sum_price, pg_avg(l_discount) AS avg_disc, count(*) AS cnt FROM "public"."lineitem" AS "lineitem" GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus;
-- case: aggregates/filter_clause
SELECT count(*) FILTER (WHERE o_orderstatus = 'F') AS finished, count(*) FILTER (WHERE o_orderstatus = 'O') AS open, pg_sum(o_totalprice) FILTER (WHERE o_orderpriority = '1-URGENT') AS urgent_total, pg_avg(o_totalprice) FILTER (WHERE false) AS never FROM "public"."orders" AS "orders";
-- case: aggregates/filter_grouped
SELECT c_mktsegment, count(*) AS customers, count(*) FILTER (WHERE c_acctbal < CAST(0 AS INT)) AS negative_balance, max(c_acctbal) FILTER (WHERE c_nationkey = CAST(1 AS INT)) AS max_argentina FROM "public"."customer" AS "customer" GROUP BY c_mktsegment ORDER BY c_mktsegment;
-- case: aggregates/bool_aggregates
SELECT bool_and(b) AS all_true, bool_or(b) AS any_true, bool_and(b) AS every_true, bool_and(i4 > CAST(-100 AS INT)) AS all_gt, bool_or(t = '') AS any_empty FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/bool_aggregates_grouped
SELECT o_orderpriority, bool_and(o_totalprice > CAST(1000 AS INT)) AS all_over_1000, bool_or(o_orderstatus = 'P') AS any_partial, bool_and(o_shippriority = CAST(0 AS INT)) AS all_zero_ship FROM "public"."orders" AS "orders" GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: aggregates/percentile_cont_disc
SELECT pg_percentile_cont(CAST('0.5' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY o_totalprice) AS median_cont, pg_percentile_cont(CAST('0.25' AS DECIMAL(2,2))) WITHIN GROUP (ORDER BY o_totalprice) AS p25, pg_percentile_disc(CAST('0.5' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY o_totalprice) AS median_disc, pg_percentile_disc(CAST('0.9' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY o_orderdate) AS p90_date FROM "public"."orders" AS "orders";
-- case: aggregates/percentile_grouped
SELECT o_orderpriority, pg_percentile_cont(CAST('0.5' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY o_totalprice) AS median, pg_percentile_disc(CAST('0.5' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY o_totalprice DESC) AS median_desc FROM "public"."orders" AS "orders" GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: aggregates/percentile_alltypes_nulls
SELECT pg_percentile_cont(CAST('0.5' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY i4) AS median_i4, pg_percentile_disc(CAST('0.5' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY d) AS median_d, pg_percentile_cont(CAST('0.5' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY iv) AS median_iv FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/percentile_array
SELECT pg_percentile_disc(ARRAY[CAST('0.25' AS DECIMAL(2,2)), CAST('0.5' AS DECIMAL(1,1)), CAST('0.75' AS DECIMAL(2,2))]) WITHIN GROUP (ORDER BY p_size) AS quartiles FROM "public"."part" AS "part";
-- case: aggregates/percentile_array_fractions
SELECT pg_percentile_disc(ARRAY[CAST('0.25' AS DECIMAL(2,2)), CAST('0.50' AS DECIMAL(2,2)), CAST('0.75' AS DECIMAL(2,2)), NULL]) WITHIN GROUP (ORDER BY p_size) AS quartiles, pg_percentile_cont(ARRAY[CAST('0.10' AS DECIMAL(2,2)), CAST('0.90' AS DECIMAL(2,2))]) WITHIN GROUP (ORDER BY p_retailprice) AS deciles FROM "public"."part" AS "part";
-- case: aggregates/percentile_mode_alltypes
SELECT pg_percentile_cont(CAST('0.3' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY i4 DESC) AS cont_desc, pg_percentile_cont(CAST(1 AS INT)) WITHIN GROUP (ORDER BY f8) AS f8_top, pg_percentile_disc(CAST('0.5' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY t) AS t_median, pg_percentile_disc(CAST('0.5' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY c DESC) AS c_median, pg_percentile_disc(CAST(0 AS INT)) WITHIN GROUP (ORDER BY m) AS m_first, pg_mode() WITHIN GROUP (ORDER BY b) AS b_mode, pg_mode() WITHIN GROUP (ORDER BY i2 DESC) AS i2_mode FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/percentile_empty_and_filtered
SELECT o_orderstatus, pg_percentile_cont(CAST('0.5' AS DECIMAL(1,1))) WITHIN GROUP (ORDER BY o_totalprice) FILTER (WHERE o_totalprice > CAST(400000 AS INT)) AS high_median, pg_mode() WITHIN GROUP (ORDER BY o_orderpriority) AS priority_mode FROM "public"."orders" AS "orders" GROUP BY o_orderstatus ORDER BY o_orderstatus;
-- case: aggregates/mode
SELECT pg_mode() WITHIN GROUP (ORDER BY l_quantity) AS mode_qty, pg_mode() WITHIN GROUP (ORDER BY l_shipmode) AS mode_shipmode, pg_mode() WITHIN GROUP (ORDER BY l_linenumber) AS mode_linenumber FROM "public"."lineitem" AS "lineitem";
-- case: aggregates/mode_grouped
SELECT n_regionkey, pg_mode() WITHIN GROUP (ORDER BY c_mktsegment) AS top_segment, count(*) AS customers FROM "public"."customer" AS "customer" JOIN "public"."nation" AS "nation" ON c_nationkey = n_nationkey GROUP BY n_regionkey ORDER BY n_regionkey;
-- case: aggregates/array_agg_ordered
SELECT n_regionkey, array_agg(n_nationkey ORDER BY n_nationkey) AS keys, array_agg(n_name ORDER BY n_name DESC) AS names_desc FROM "public"."nation" AS "nation" GROUP BY n_regionkey ORDER BY n_regionkey;
-- case: aggregates/array_agg_nulls
SELECT array_agg(i2 ORDER BY id) AS i2s, array_agg(b ORDER BY id) AS bs, array_agg(DISTINCT c_len ORDER BY c_len) AS c_lens FROM (SELECT id, i2, b, length(c) AS c_len FROM "public"."alltypes" AS "alltypes") s;
-- case: aggregates/stddev_variance_numeric
SELECT stddev(l_quantity) AS sd, stddev(l_quantity) AS sd_samp, stddev_pop(l_quantity) AS sd_pop, var_samp(l_quantity) AS var, var_samp(l_quantity) AS var_samp, var_pop(l_quantity) AS var_pop FROM "public"."lineitem" AS "lineitem";
-- case: aggregates/stddev_variance_float
SELECT stddev(f8) AS sd_samp, stddev_pop(f8) AS sd_pop, var_samp(f8) AS var_samp, var_pop(f8) AS var_pop FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (CAST(4 AS INT), CAST(5 AS INT), CAST(8 AS INT));
-- case: aggregates/stddev_single_row
SELECT stddev(x) AS samp, stddev_pop(x) AS pop, var_samp(x) AS vsamp FROM (VALUES (CAST('5.0' AS DECIMAL(2,1)))) AS v (x);
-- case: aggregates/group_by_having
SELECT c_nationkey, count(*) AS customers, pg_sum(c_acctbal) AS total_balance FROM "public"."customer" AS "customer" GROUP BY c_nationkey HAVING count(*) > CAST(65 AS INT) ORDER BY c_nationkey;
-- case: aggregates/having_on_aggregate_not_selected
SELECT o_orderpriority FROM "public"."orders" AS "orders" GROUP BY o_orderpriority HAVING pg_avg_decimal(o_totalprice) > CAST(141500 AS INT) ORDER BY o_orderpriority;
-- case: aggregates/group_by_ordinal
SELECT o_orderpriority, o_orderstatus, count(*) AS cnt FROM "public"."orders" AS "orders" GROUP BY 1, 2 ORDER BY 1, 2;
-- case: aggregates/group_by_alias_expression
SELECT pg_div_decimal(p_size, CAST(10 AS INT)) AS bucket, count(*) AS cnt, min(p_size) AS lo, max(p_size) AS hi FROM "public"."part" AS "part" GROUP BY bucket ORDER BY bucket;
-- case: aggregates/group_by_nulls
SELECT b, count(*) AS cnt, pg_sum(i4) AS sum_i4 FROM "public"."alltypes" AS "alltypes" GROUP BY b ORDER BY b NULLS FIRST;
-- case: aggregates/rollup
SELECT r_name, n_name, count(*) AS customers FROM "public"."customer" AS "customer" JOIN "public"."nation" AS "nation" ON c_nationkey = n_nationkey JOIN "public"."region" AS "region" ON n_regionkey = r_regionkey WHERE r_regionkey IN (CAST(0 AS INT), CAST(1 AS INT)) GROUP BY ROLLUP (r_name, n_name) ORDER BY r_name NULLS LAST, n_name NULLS LAST;
-- case: aggregates/cube
SELECT o_orderstatus, o_orderpriority, count(*) AS cnt FROM "public"."orders" AS "orders" GROUP BY CUBE (o_orderstatus, o_orderpriority) ORDER BY o_orderstatus NULLS LAST, o_orderpriority NULLS LAST;
-- case: aggregates/grouping_sets
SELECT l_returnflag, l_shipmode, count(*) AS cnt, GROUPING(l_returnflag, l_shipmode) AS grp FROM "public"."lineitem" AS "lineitem" GROUP BY GROUPING SETS ((l_returnflag), (l_shipmode), ()) ORDER BY grp, l_returnflag, l_shipmode;
-- case: aggregates/empty_input
SELECT pg_sum(o_totalprice) AS s, count(*) AS c_star, count(o_orderkey) AS c_col, pg_avg(o_totalprice) AS a, max(o_orderdate) AS mx, bool_and(true) AS ba, string_agg(o_comment, ',') AS sa, array_agg(o_orderkey) AS aa FROM "public"."orders" AS "orders" WHERE false;
-- case: aggregates/empty_input_grouped
SELECT o_orderstatus, count(*) AS cnt FROM "public"."orders" AS "orders" WHERE o_totalprice < CAST(0 AS INT) GROUP BY o_orderstatus ORDER BY o_orderstatus;
-- case: aggregates/all_null_input
SELECT pg_sum(i4) AS s, pg_avg(f8) AS a, min(t) AS mn, count(i4) AS c, count(*) AS c_star FROM "public"."alltypes" AS "alltypes" WHERE id = CAST(3 AS INT);
-- case: aggregates/having_without_group_by
SELECT count(*) AS cnt FROM "public"."nation" AS "nation" HAVING count(*) > CAST(20 AS INT);
-- case: aggregates/having_false_no_rows
SELECT count(*) AS cnt FROM "public"."nation" AS "nation" HAVING count(*) > CAST(1000 AS INT);
-- case: aggregates/sum_distinct
SELECT pg_sum(DISTINCT p_size) AS sum_distinct, pg_div(pg_numeric(pg_sum(DISTINCT p_size)), NULLIF(count(DISTINCT p_size), 0)) AS avg_distinct, count(DISTINCT p_size) AS n_sizes, pg_sum(p_size) AS sum_all FROM "public"."part" AS "part";
-- case: aggregates/expression_of_aggregates
SELECT pg_round(pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)), 2) AS revenue, max(l_quantity) - min(l_quantity) AS qty_range, pg_round(pg_avg_decimal(l_extendedprice), 4) AS avg_price, pg_div(pg_sum(l_quantity), count(*)) AS manual_avg FROM "public"."lineitem" AS "lineitem";
-- case: aggregates/nested_via_subquery
SELECT pg_avg(cnt) AS avg_orders_per_customer, max(cnt) AS max_orders, min(cnt) AS min_orders FROM (SELECT o_custkey, count(*) AS cnt FROM "public"."orders" AS "orders" GROUP BY o_custkey) AS s;
-- case: aggregates/bit_and_or
SELECT bit_and(i4) AS band, bit_or(i4) AS bor, bit_and(i2) FILTER (WHERE i2 > CAST(0 AS INT)) AS band_pos, bit_or(i8) FILTER (WHERE i8 BETWEEN CAST(0 AS INT) AND CAST(100 AS INT)) AS bor_small FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/corr_regr
SELECT pg_round(pg_numeric(corr(l_quantity, l_extendedprice)), 6) AS corr, pg_round(pg_numeric(regr_slope(l_extendedprice, l_quantity)), 4) AS slope, CAST(regr_count(l_extendedprice, l_quantity) AS BIGINT) AS n FROM "public"."lineitem" AS "lineitem" WHERE l_partkey < CAST(100 AS INT);
-- case: aggregates/count_distinct_grouped
SELECT l_shipmode, count(DISTINCT l_orderkey) AS orders, count(*) AS lines FROM "public"."lineitem" AS "lineitem" GROUP BY l_shipmode ORDER BY l_shipmode;
-- case: aggregates/group_by_date_parts
SELECT CAST(date_part('year', l_shipdate) AS DECIMAL(20,0)) AS yr, pg_sum(l_quantity) AS qty, count(*) FILTER (WHERE l_returnflag = 'R') AS returned FROM "public"."lineitem" AS "lineitem" GROUP BY 1 ORDER BY 1;
-- case: aggregates/avg_of_intervals_and_dates
SELECT pg_avg(iv) AS avg_iv, max(d) - min(d) AS date_span FROM "public"."alltypes" AS "alltypes";
-- case: aggregates/avg_distinct_numeric_grouped
SELECT l_returnflag, pg_div(pg_numeric(pg_sum(DISTINCT l_quantity)), NULLIF(count(DISTINCT l_quantity), 0)) AS avg_q, pg_div(pg_numeric(pg_sum(DISTINCT l_linenumber)), NULLIF(count(DISTINCT l_linenumber), 0)) AS avg_line, pg_div_decimal(pg_numeric(pg_sum(DISTINCT l_quantity)), NULLIF(count(DISTINCT l_quantity), 0)) * CAST(2 AS INT) > CAST(50 AS INT) AS big FROM "public"."lineitem" AS "lineitem" GROUP BY l_returnflag ORDER BY l_returnflag;
-- case: aggregates/avg_distinct_with_nulls
SELECT pg_div(pg_numeric(pg_sum(DISTINCT x)), NULLIF(count(DISTINCT x), 0)) AS with_nulls, count(DISTINCT x) AS n FROM (VALUES (CAST(1 AS INT)), (CAST(1 AS INT)), (NULL::INT), (CAST(2 AS INT))) AS v (x);
-- case: aggregates/avg_distinct_empty
SELECT pg_div(pg_numeric(pg_sum(DISTINCT p_size)), NULLIF(count(DISTINCT p_size), 0)) AS none FROM "public"."part" AS "part" WHERE false;
-- case: arrays/any_array_constructor
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" WHERE (n_nationkey = CAST(1 AS INT) OR n_nationkey = CAST(2 AS INT) OR n_nationkey = CAST(3 AS INT)) ORDER BY n_nationkey;
-- case: arrays/any_array_literal_string
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" WHERE (n_nationkey = CAST('4' AS BIGINT) OR n_nationkey = CAST('5' AS BIGINT) OR n_nationkey = CAST('99' AS BIGINT)) ORDER BY n_nationkey;
-- case: arrays/all_not_equal
SELECT count(*) AS cnt FROM "public"."nation" AS "nation" WHERE (n_nationkey <> CAST(0 AS INT) AND n_nationkey <> CAST(1 AS INT) AND n_nationkey <> CAST(2 AS INT) AND n_nationkey <> CAST(3 AS INT) AND n_nationkey <> CAST(4 AS INT));
-- case: arrays/any_all_comparisons
SELECT count(*) FILTER (WHERE (p_size > CAST(10 AS INT) AND p_size > CAST(20 AS INT) AND p_size > CAST(30 AS INT))) AS above_all, count(*) FILTER (WHERE (p_size < CAST(5 AS INT) OR p_size < CAST(2 AS INT))) AS below_any FROM "public"."part" AS "part";
-- case: arrays/any_all_null_semantics
SELECT (CAST(1 AS INT) = CAST(1 AS INT) OR CAST(1 AS INT) = NULL) AS a, (CAST(2 AS INT) = CAST(1 AS INT) OR CAST(2 AS INT) = NULL) AS b, (CAST(2 AS INT) <> CAST(1 AS INT) AND CAST(2 AS INT) <> NULL) AS c, false AS d, true AS e, (NULL::INT = CAST(1 AS INT)) AS f;
-- case: arrays/any_text_array
SELECT count(*) AS cnt FROM "public"."lineitem" AS "lineitem" WHERE (l_shipmode = 'MAIL' OR l_shipmode = 'SHIP');
-- case: arrays/any_from_string_to_array
SELECT o_orderpriority, count(*) AS cnt FROM "public"."orders" AS "orders" WHERE o_orderpriority = ANY(string_to_array('1-URGENT,2-HIGH', ',')) GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: arrays/length_and_cardinality
-- refused: array_length() of a dimension other than 1 is not supported on the embedded engine
-- case: arrays/dims_and_bounds
-- refused: multi-dimensional arrays is not supported on the embedded engine
-- case: arrays/element_access
-- refused: multi-dimensional arrays is not supported on the embedded engine
-- case: arrays/slices
SELECT array_to_string((ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(3 AS INT), CAST(4 AS INT), CAST(5 AS INT)])[CAST(2 AS INT):CAST(3 AS INT)], ',') AS mid, array_to_string((ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(3 AS INT), CAST(4 AS INT), CAST(5 AS INT)])[CAST(1 AS INT):CAST(2 AS INT)], ',') AS head, array_to_string((ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(3 AS INT), CAST(4 AS INT), CAST(5 AS INT)])[CAST(4 AS INT):CAST(cardinality((ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(3 AS INT), CAST(4 AS INT), CAST(5 AS INT)])) AS INT)], ',') AS tail, CAST(cardinality((ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(3 AS INT)])[CAST(5 AS INT):CAST(6 AS INT)]) AS INT) AS empty_slice;
-- case: arrays/unnest_in_from
SELECT x FROM (SELECT unnest(ARRAY[CAST(3 AS INT), CAST(1 AS INT), CAST(2 AS INT)]) AS "x") AS "x" ORDER BY x;
-- case: arrays/unnest_with_ordinality
SELECT * FROM (SELECT unnest(ARRAY['a', 'b', 'c']) AS "v", unnest(generate_series(1, CAST(cardinality(ARRAY['a', 'b', 'c']) AS BIGINT))) AS "n") AS "t" ORDER BY n;
-- case: arrays/unnest_multiple_arrays
SELECT * FROM (SELECT unnest(ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(3 AS INT)]) AS "a", unnest(ARRAY['x', 'y']) AS "b") AS "t" ORDER BY a;
-- case: arrays/unnest_nulls_and_empty
SELECT count(*) AS elems, count(x) AS non_null FROM (SELECT unnest(ARRAY[CAST(1 AS INT), NULL, CAST(3 AS INT), NULL]::INT[]) AS "x") AS "x";
-- case: arrays/unnest_join_table
SELECT k, n.n_name FROM (SELECT unnest(ARRAY[CAST(5 AS INT), CAST(10 AS INT), CAST(15 AS INT)]::BIGINT[]) AS "k") AS "k" JOIN "public"."nation" AS n ON n.n_nationkey = k ORDER BY k;
-- case: arrays/unnest_in_select_list
SELECT unnest(ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(3 AS INT)]) * CAST(10 AS INT) AS tens ORDER BY tens;
-- case: arrays/array_position
SELECT CAST(array_position(ARRAY['a', 'b', 'c'], 'b') AS INT) AS pos_b, CAST(array_position(ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(1 AS INT)], CAST(1 AS INT), CAST(2 AS INT)) AS INT) AS from_2, CAST(array_position(ARRAY[CAST(1 AS INT)], CAST(5 AS INT)) AS INT) AS missing, CAST(array_position(ARRAY[CAST(1 AS INT), NULL, CAST(3 AS INT)], NULL) AS INT) AS pos_null, array_to_string(CAST(array_positions(ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(1 AS INT), CAST(1 AS INT)], CAST(1 AS INT)) AS INT[]), ',') AS all_positions;
-- case: arrays/array_to_string
SELECT array_to_string(ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(3 AS INT)], ',') AS a, array_to_string(ARRAY['a', NULL, 'c'], '-') AS skip_null, array_to_string(ARRAY['a', NULL, 'c'], '-', '*') AS replace_null, array_to_string(CAST(ARRAY[] AS TEXT[]), ',') AS empty;
-- case: arrays/string_to_array
SELECT array_to_string(string_to_array('a,b,,c', ','), '|') AS roundtrip, CAST(cardinality(string_to_array('a,b,,c', ',')) AS INT) AS n, (string_to_array('x y z', ' '))[2] AS second, CAST(cardinality(string_to_array('', ',')) AS INT) AS empty_n, array_to_string(string_to_array('a,NA,c', ',', 'NA'), '|', 'null') AS null_marker, CAST(cardinality(string_to_array('abc', NULL)) AS INT) AS per_char;
-- case: arrays/string_to_array_columns
SELECT id, CAST(cardinality(string_to_array(t, ',')) AS INT) AS parts, (string_to_array(vc, '.'))[2] AS second_dot FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: arrays/array_agg_then_access
SELECT n_regionkey, CAST(cardinality(array_agg(n_nationkey)) AS INT) AS n, (array_agg(n_name ORDER BY n_nationkey))[1] AS first_name, (array_agg(n_name ORDER BY n_nationkey DESC))[1] AS last_name FROM "public"."nation" AS "nation" GROUP BY n_regionkey ORDER BY n_regionkey;
-- case: arrays/array_literals_output
-- refused: multi-dimensional arrays is not supported on the embedded engine
-- case: arrays/concat_append_prepend
SELECT array_to_string(ARRAY[CAST(1 AS INT), CAST(2 AS INT)] || ARRAY[CAST(3 AS INT)], ',') AS cat, array_to_string(CAST(0 AS INT) || ARRAY[CAST(1 AS INT)], ',') AS pre, array_to_string(ARRAY[CAST(1 AS INT)] || CAST(2 AS INT), ',') AS post, array_to_string(array_append(ARRAY[CAST(1 AS INT)], CAST(9 AS INT)), ',') AS app, array_to_string(array_prepend(CAST(9 AS INT), ARRAY[CAST(1 AS INT)]), ',') AS prep, array_to_string(array_cat(ARRAY[CAST(1 AS INT)], ARRAY[CAST(2 AS INT), CAST(3 AS INT)]), ',') AS cat2;
-- case: arrays/contains_overlap_compare
-- refused: the array overlap operator && is not supported on the embedded engine
-- case: arrays/remove_replace
SELECT array_to_string(array_remove_all(ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(1 AS INT), CAST(3 AS INT)], CAST(1 AS INT)), ',') AS removed, array_to_string(array_replace_all(ARRAY[CAST(1 AS INT), CAST(2 AS INT), CAST(1 AS INT)], CAST(1 AS INT), CAST(7 AS INT)), ',') AS replaced;
-- case: arrays/array_subquery_constructor
SELECT array_to_string((SELECT coalesce(array_agg(r_name ORDER BY r_regionkey), make_array()) FROM "public"."region" AS "region"), ', ') AS regions, CAST(cardinality((SELECT coalesce(array_agg(n_nationkey), make_array()) FROM "public"."nation" AS "nation" WHERE n_regionkey = CAST(2 AS INT))) AS INT) AS asia_count;
-- case: arrays/array_subquery_empty_and_correlated
SELECT r_name, CAST(cardinality((SELECT coalesce(array_agg(n_nationkey), make_array()) FROM "public"."nation" AS "nation" WHERE n_regionkey = r_regionkey AND n_nationkey > CAST(100 AS INT))) AS INT) AS none, array_to_string((SELECT coalesce(array_agg(n_nationkey ORDER BY n_nationkey DESC), make_array()) FROM "public"."nation" AS "nation" WHERE n_regionkey = r_regionkey), '|') AS keys FROM "public"."region" AS "region" ORDER BY r_regionkey;
-- case: arrays/array_in_group_by_key
SELECT keys, count(*) AS cnt FROM (SELECT ARRAY[l_returnflag, l_linestatus] AS keys FROM "public"."lineitem" AS "lineitem") AS s GROUP BY keys ORDER BY keys;
-- case: arrays/array_from_columns
SELECT id, array_to_string(ARRAY[i2, i4], '/', 'null') AS ints, CAST(cardinality(ARRAY[t, vc]) AS INT) AS n FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/int_to_text
SELECT pg_text(CAST(42 AS INT)) AS a, pg_text(CAST(42 AS INT)) AS b, pg_text((CAST(-7 AS INT))) AS c;
-- case: casts/text_to_int
SELECT '123'::INT + CAST(1 AS INT) AS a, CAST(' 456 ' AS INTEGER) AS b, '-0'::INT AS c;
-- case: casts/text_to_bigint_smallint
SELECT '9223372036854775807'::BIGINT AS big, '-32768'::SMALLINT AS small, CAST('2147483647' AS INT4) AS i;
-- case: casts/numeric_typmod_rounding
SELECT CAST('2.345' AS DECIMAL(4,3))::NUMERIC(10,2) AS a, CAST('2.355' AS DECIMAL(4,3))::NUMERIC(10,2) AS b, (CAST('-2.345' AS DECIMAL(4,3)))::NUMERIC(10,2) AS c, CAST('1234.5' AS DECIMAL(5,1))::NUMERIC(6,0) AS d, CAST(CAST('0.005' AS DECIMAL(3,3)) AS NUMERIC(4,2)) AS e;
-- case: casts/float_to_int_rounding
SELECT pg_int4(CAST('2.5' AS DECIMAL(2,1))::FLOAT8) AS a, pg_int4(CAST('3.5' AS DECIMAL(2,1))::FLOAT8) AS b, pg_int4((CAST('-2.5' AS DECIMAL(2,1)))::FLOAT8) AS c, pg_int4(pg_numeric(CAST('2.5' AS DECIMAL(2,1)))) AS d, pg_int4(pg_numeric((CAST('-2.5' AS DECIMAL(2,1))))) AS e, CAST('2.4999' AS DECIMAL(5,4))::INT AS f;
-- case: casts/decimal_type
SELECT CAST('3.14159' AS DECIMAL(5,3)) AS pi3, pg_div(pg_numeric(CAST(1 AS INT)), CAST(3 AS INT)) AS third, CAST(10 AS INT)::DECIMAL(4,1) AS ten;
-- case: casts/real_and_double
SELECT '1.5'::REAL AS r, '2.25'::FLOAT8 AS f, CAST('1e-3' AS DOUBLE PRECISION) AS d, CAST('0.1' AS DECIMAL(1,1))::REAL::FLOAT8 AS widened, pg_div(CAST(CAST(1 AS INT) AS FLOAT4), CAST(3 AS INT)) AS r3;
-- case: casts/float_to_numeric
SELECT pg_numeric(CAST('0.1' AS DECIMAL(1,1))::FLOAT8) AS a, pg_numeric(CAST('100000000000000000000' AS DECIMAL(21,0))::FLOAT8) AS b, pg_numeric(CAST('1.25' AS DECIMAL(3,2))::FLOAT4) AS c, (pg_div_decimal(CAST('1.0' AS DECIMAL(2,1)), CAST(3 AS INT)))::FLOAT4 AS d;
-- case: casts/varchar_truncation
SELECT pg_varchar('abcdef', 3) AS v3, pg_varchar('abcdef', 10) AS v10, pg_varchar('héllo', 2) AS v2;
-- case: casts/varchar_of_every_kind
SELECT id, pg_varchar(i4, 2) AS i4v, pg_varchar(f8, 0) AS f8v, pg_varchar(d, 7) AS dv, pg_varchar(t, 3) AS tv, pg_varchar(c, 0) AS cv, pg_varchar(t, 5) || '|' AS concat, pg_varchar(b, 1) AS bv FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/char_padding
SELECT pg_bpchar('ab', 4) || '|' AS concat_strips, length(pg_bpchar('ab  ', 4)) AS len, pg_octet_length(pg_bpchar('ab', 5)) AS octets, pg_bpchar('ab', 5) = 'ab' AS eq, pg_bpchar('abcdef', 3) AS trunc;
-- case: casts/char_column_to_text
SELECT id, c, pg_text(c) || '|' AS as_text, pg_varchar(c, 8) AS as_varchar, length(c) AS len FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/char_concatenation_and_casts
SELECT id, c || '|' AS concat_strips, '[' || c || c AS both_sides, concat(pg_output(c), '|') AS concat_keeps, pg_bpchar(c, 3) AS shorter, pg_bpchar(c, 10) || '|' AS longer, c = pg_bpchar(c, 12) AS equal_padded FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/date_to_timestamp
SELECT '2024-02-29'::DATE::TIMESTAMP AS ts, arrow_cast(DATE '2024-02-29', 'Timestamp(Microsecond, Some("UTC"))') AS tstz, CAST(DATE '1999-12-31' AS TIMESTAMP) + INTERVAL '1 seconds' AS plus1;
-- case: casts/timestamp_to_date_and_time
SELECT id, ts::DATE AS d, ts::TIME AS t, CAST(ts AS DATE) = d AS same_day FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/text_to_date_formats
SELECT '2024-02-29'::DATE AS iso, '2024-02-29'::DATE AS compact, '2024-02-29'::DATE AS words, CAST('1999-01-05' AS DATE) AS short;
-- case: casts/timestamptz_to_timestamp_utc
SELECT id, tstz, tstz::TIMESTAMP AS local_ts, tstz::DATE AS local_date FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/timestamp_to_timestamptz
SELECT arrow_cast(TIMESTAMP '2024-01-01 12:00:00', 'Timestamp(Microsecond, Some("UTC"))') AS a, arrow_cast('2024-01-01 12:00:00+05:00', 'Timestamp(Microsecond, Some("UTC"))') AS b, pg_at_time_zone(TIMESTAMP '2024-06-01 00:00:00', 'America/New_York') AS c;
-- case: casts/text_to_boolean
SELECT 'true'::BOOLEAN AS a, 'yes'::BOOLEAN AS b, 'on'::BOOLEAN AS c, '0'::BOOLEAN AS d, 'f'::BOOL AS e, CAST('N' AS BOOLEAN) AS f, ' TRUE '::BOOLEAN AS g;
-- case: casts/boolean_int_roundtrip
SELECT true::INT AS a, false::INT AS b, CAST(1 AS INT)::BOOLEAN AS c, CAST(0 AS INT)::BOOLEAN AS d, CAST(5 AS INT)::BOOLEAN AS e, true::TEXT AS f;
-- case: casts/int_column_to_boolean
SELECT id, i4, i4::BOOLEAN AS nonzero FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/bytea_from_text
SELECT pg_bytea('abc') AS a, pg_bytea('\x0102ff') AS b, pg_bytea('') AS empty, pg_bytea('a\\b') AS backslash;
-- case: casts/bytea_column
SELECT id, by, length(by) AS len FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/uuid_from_text
SELECT pg_uuid('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11') AS upper_in, pg_uuid('{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}') AS braces, pg_uuid('a0eebc999c0b4ef8bb6d6bb9bd380a11') AS bare;
-- case: casts/uuid_column_to_text
SELECT id, pg_text(u) AS u_text, upper(pg_text(u)) AS u_upper FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/jsonb_from_text
SELECT pg_jsonb('{"b": 2, "a": 1}') AS obj, pg_output(pg_jsonb('[1, "x", null]')) AS arr, pg_jsonb('  {"a":1} ') AS spaced, pg_jsonb('3.50') AS num;
-- case: casts/jsonb_scalar_to_sql
SELECT pg_jsonb_numeric((pg_jsonb_get(pg_jsonb('{"a": 12.5}'), 'a'))) AS n, pg_jsonb_bool((pg_jsonb_get(pg_jsonb('{"a": true}'), 'a'))) AS b, pg_jsonb_int4((pg_jsonb_get(pg_jsonb('{"a": 7}'), 'a'))) AS i, pg_jsonb_float8((pg_jsonb_get(pg_jsonb('{"a": 2.5}'), 'a'))) AS f;
-- case: casts/interval_from_text
SELECT INTERVAL '1 days 2 hours' AS a, INTERVAL '1 hours 30 minutes' AS b, INTERVAL '14 months' AS c, INTERVAL '-1 days 3 hours' AS d, INTERVAL '14 months 3 days 4 hours 5 minutes 6 seconds' AS e;
-- case: casts/time_from_text
SELECT '13:45:00'::TIME AS a, CAST('23:59:59.5' AS TIME) AS b, '13:02:03'::TIME AS c, TIME '00:00:00' AS d;
-- case: casts/numeric_to_text_scale
SELECT pg_text(pg_numeric(CAST('1.50' AS DECIMAL(3,2)))) AS a, pg_text(CAST(10 AS INT)::NUMERIC(5,2)) AS b, pg_text(CAST('0.000' AS DECIMAL(3,3))) AS c, pg_text((CAST('-0.5' AS DECIMAL(1,1)))::NUMERIC(4,1)) AS d;
-- case: casts/numeric_column_to_text
SELECT id, pg_text(m) AS m_text, pg_text(n) AS n_text FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/string_to_numeric
SELECT CAST('12.340' AS DECIMAL(5,3)) AS a, CAST('-0.5' AS DECIMAL(1,1)) * CAST(2 AS INT) AS b, CAST('1000' AS DECIMAL(4,0)) AS c, CAST('0.25' AS DECIMAL(2,2)) AS d, CAST('7' AS DECIMAL(1,0)) AS e;
-- case: casts/number_to_text_concat
-- refused: the literal 1e100 (more than 38 digits) is not supported on the embedded engine
-- case: casts/cast_in_where
SELECT count(*) AS cnt FROM "public"."orders" AS "orders" WHERE pg_text(o_orderdate) LIKE '1995-%';
-- case: casts/tpch_price_casts
SELECT p_partkey, p_retailprice, pg_int4(p_retailprice) AS as_int, p_retailprice::FLOAT8 AS as_float, CAST(p_retailprice AS NUMERIC(10,0)) AS as_num0 FROM "public"."part" AS "part" ORDER BY p_partkey LIMIT 5;
-- case: casts/int_widening
SELECT id, pg_int8(i4) + CAST(1 AS INT) AS plus_one, pg_int4(i2) * CAST(2 AS INT) AS doubled, pg_numeric(i8) * CAST(2 AS INT) AS numeric_doubled FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/float_columns
SELECT id, f4, f4::FLOAT8 AS f4_wide, f8, f8::REAL AS f8_narrow FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (CAST(4 AS INT), CAST(5 AS INT), CAST(8 AS INT)) ORDER BY id;
-- case: casts/alltypes_to_text
SELECT id, pg_text(b) AS b, pg_text(d) AS d, pg_text(iv) AS iv, pg_text(j) AS j, pg_text(tm) AS tm FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: casts/time_and_interval
-- refused: casting a value other than a string constant to interval is not supported on the embedded engine
-- case: casts/to_char_numbers
SELECT pg_to_char(CAST('1234.5' AS DECIMAL(5,1)), '9999.99') AS a, pg_to_char(CAST(42 AS INT), 'FM000') AS b, pg_to_char(CAST('1234567.891' AS DECIMAL(10,3)), 'FM9,999,999.00') AS c, pg_to_char(CAST(-5 AS INT), 'S9') AS d, pg_to_char(CAST('0.5' AS DECIMAL(1,1)), 'FM0.000') AS e;
-- case: casts/to_number
-- refused: function to_number() is not supported on the embedded engine
-- case: conditionals/coalesce_columns
SELECT id, coalesce(t, vc, 'none') AS first_text, coalesce(i4, i2, CAST(-1 AS INT)) AS first_int, coalesce(d, DATE '2000-01-01') AS d_or_default FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/coalesce_literals
SELECT coalesce(NULL, CAST(1 AS INT), CAST(2 AS INT)) AS a, coalesce(NULL::TEXT, NULL) AS b, coalesce(CAST(1 AS INT), CAST('2.5' AS DECIMAL(2,1))) AS c, coalesce(NULL, NULL, 'x') AS d, coalesce('', 'fallback') AS e;
-- case: conditionals/coalesce_empty_aggregate
SELECT coalesce(pg_sum(o_totalprice), CAST(0 AS INT)) AS total, coalesce(max(o_orderdate), DATE '1970-01-01') AS latest FROM "public"."orders" AS "orders" WHERE o_custkey = CAST(-1 AS INT);
-- case: conditionals/nullif
SELECT nullif(CAST(1 AS INT), CAST(1 AS INT)) AS a, nullif(CAST(1 AS INT), CAST(2 AS INT)) AS b, nullif('a', 'b') AS c, nullif('', '') AS d, nullif(NULL::INT, CAST(1 AS INT)) AS e;
-- case: conditionals/nullif_columns
SELECT id, nullif(t, '') AS t_or_null, nullif(i4, CAST(0 AS INT)) AS i4_or_null, coalesce(nullif(TRIM(t), ''), '<blank>') AS cleaned FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/nullif_safe_division
SELECT o_orderpriority, pg_round(pg_div_decimal(pg_sum(o_totalprice), nullif(count(*) FILTER (WHERE o_orderstatus = 'X'), CAST(0 AS INT))), 2) AS never_divides, pg_round(pg_div_decimal(pg_sum(o_totalprice), nullif(count(*), CAST(0 AS INT))), 2) AS avg_price FROM "public"."orders" AS "orders" GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: conditionals/greatest_least_literals
SELECT greatest(CAST(1 AS INT), CAST(5 AS INT), CAST(3 AS INT)) AS g, least(CAST(1 AS INT), CAST(5 AS INT), CAST(3 AS INT)) AS l, greatest(CAST(1 AS INT), NULL, CAST(3 AS INT)) AS g_null, least(NULL, NULL::INT) AS l_all_null, greatest('apple', 'banana') AS g_text, least(DATE '2024-01-01', DATE '2023-06-01') AS l_date, greatest(CAST(1 AS INT), CAST('2.5' AS DECIMAL(2,1))) AS g_mixed;
-- case: conditionals/greatest_least_columns
SELECT id, greatest(i2, i4, i8) AS g_int, least(i2, i4, i8) AS l_int, least(f4, f8) AS l_float, greatest(d, DATE '2000-01-01') AS g_date FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/greatest_tpch
SELECT l_orderkey, l_linenumber, greatest(l_shipdate, l_commitdate, l_receiptdate) AS latest_date, least(l_shipdate, l_commitdate) AS earliest FROM "public"."lineitem" AS "lineitem" WHERE l_orderkey <= CAST(3 AS INT) ORDER BY l_orderkey, l_linenumber;
-- case: conditionals/case_simple
SELECT o_orderstatus, CASE o_orderstatus WHEN 'F' THEN 'finished' WHEN 'O' THEN 'open' ELSE 'partial' END AS status_name, count(*) AS cnt FROM "public"."orders" AS "orders" GROUP BY 1, 2 ORDER BY 1;
-- case: conditionals/case_searched_buckets
SELECT CASE WHEN o_totalprice < CAST(50000 AS INT) THEN 'small' WHEN o_totalprice < CAST(200000 AS INT) THEN 'medium' ELSE 'large' END AS bucket, count(*) AS cnt, min(o_totalprice) AS lo, max(o_totalprice) AS hi FROM "public"."orders" AS "orders" GROUP BY 1 ORDER BY lo;
-- case: conditionals/case_nested
SELECT id, CASE WHEN i4 IS NULL THEN 'null' WHEN i4 > CAST(0 AS INT) THEN CASE WHEN i4 > CAST(100 AS INT) THEN 'big' ELSE 'small' END WHEN i4 < CAST(0 AS INT) THEN 'negative' ELSE 'zero' END AS kind FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/case_without_else
SELECT id, CASE WHEN i4 > CAST(0 AS INT) THEN 'pos' END AS pos_only, CASE b WHEN true THEN CAST(1 AS INT) END AS true_only FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/case_simple_null_never_matches
SELECT id, CASE b WHEN true THEN 'yes' WHEN false THEN 'no' ELSE 'unknown' END AS b_text, CASE t WHEN NULL THEN 'null matched' ELSE 'no match' END AS null_when FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/case_with_aggregates
SELECT pg_sum(CASE WHEN l_returnflag = 'R' THEN CAST(1 AS INT) ELSE CAST(0 AS INT) END) AS returned, pg_sum(CASE WHEN l_shipmode IN ('AIR', 'REG AIR') THEN l_quantity END) AS air_qty, count(CASE WHEN l_discount = CAST(0 AS INT) THEN CAST(1 AS INT) END) AS no_discount FROM "public"."lineitem" AS "lineitem";
-- case: conditionals/case_in_order_by
SELECT r_regionkey, r_name FROM "public"."region" AS "region" ORDER BY CASE r_name WHEN 'EUROPE' THEN CAST(0 AS INT) WHEN 'ASIA' THEN CAST(1 AS INT) ELSE CAST(2 AS INT) END, r_regionkey;
-- case: conditionals/case_result_type_mix
SELECT CASE WHEN true THEN CAST(1 AS INT) ELSE CAST('2.5' AS DECIMAL(2,1)) END AS num_mix, CASE WHEN false THEN 'a' END AS null_text, CASE WHEN CAST(1 AS INT) = CAST(1 AS INT) THEN DATE '2024-01-01' ELSE NULL END AS d;
-- case: conditionals/is_distinct_from
SELECT id, b IS DISTINCT FROM true AS not_true, b IS NOT DISTINCT FROM NULL AS b_is_null, i4 IS DISTINCT FROM CAST(10 AS INT) AS i4_not_10, t IS NOT DISTINCT FROM 'Hello World' AS t_hello FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/null_comparison_matrix
SELECT NULL = NULL AS eq, NULL IS NULL AS is_null, NULL::INT IS DISTINCT FROM NULL AS distinct_nulls, CAST(1 AS INT) <> NULL AS ne, CAST(1 AS INT) IS DISTINCT FROM NULL AS distinct_1, NULL::INT < CAST(1 AS INT) AS lt;
-- case: conditionals/boolean_logic_with_nulls
SELECT true AND NULL AS a, false AND NULL AS b, true OR NULL AS c, false OR NULL AS d, NOT NULL::BOOLEAN AS e, NULL::BOOLEAN AND NULL AS f;
-- case: conditionals/is_null_counts
SELECT count(*) FILTER (WHERE t IS NULL) AS t_null, count(*) FILTER (WHERE t IS NOT NULL) AS t_not_null, count(*) FILTER (WHERE j IS NULL) AS j_null, count(*) FILTER (WHERE b IS NULL) AS b_null, count(*) FILTER (WHERE c IS NOT NULL) AS c_not_null FROM "public"."alltypes" AS "alltypes";
-- case: conditionals/is_true_false_unknown
SELECT id, b IS TRUE AS is_t, b IS NOT TRUE AS not_t, b IS FALSE AS is_f, b IS NOT FALSE AS not_f, b IS UNKNOWN AS is_u, b IS NOT UNKNOWN AS not_u FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/is_true_on_expressions
SELECT count(*) FILTER (WHERE (i4 > CAST(5 AS INT)) IS TRUE) AS gt5_true, count(*) FILTER (WHERE (i4 > CAST(5 AS INT)) IS NOT TRUE) AS gt5_not_true, count(*) FILTER (WHERE (i4 > CAST(5 AS INT)) IS UNKNOWN) AS gt5_unknown FROM "public"."alltypes" AS "alltypes";
-- case: conditionals/between
SELECT count(*) AS cnt FROM "public"."lineitem" AS "lineitem" WHERE l_quantity BETWEEN CAST(10 AS INT) AND CAST(20 AS INT);
-- case: conditionals/not_between
SELECT count(*) AS cnt FROM "public"."lineitem" AS "lineitem" WHERE l_discount NOT BETWEEN CAST('0.02' AS DECIMAL(2,2)) AND CAST('0.08' AS DECIMAL(2,2));
-- case: conditionals/between_symmetric
-- refused: BETWEEN SYMMETRIC (write (x BETWEEN a AND b OR x BETWEEN b AND a)) is not supported
-- case: conditionals/between_dates_and_nulls
SELECT id, d BETWEEN DATE '2000-01-01' AND DATE '2024-12-31' AS in_range, i4 BETWEEN CAST(-10 AS INT) AND CAST(10 AS INT) AS small FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: conditionals/in_list
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" WHERE n_nationkey IN (CAST(1 AS INT), CAST(3 AS INT), CAST(5 AS INT), CAST(7 AS INT)) ORDER BY n_nationkey;
-- case: conditionals/not_in_list
SELECT count(*) AS cnt FROM "public"."nation" AS "nation" WHERE n_regionkey NOT IN (CAST(0 AS INT), CAST(1 AS INT));
-- case: conditionals/in_list_null_semantics
SELECT CAST(1 AS INT) IN (CAST(1 AS INT), NULL) AS a, CAST(2 AS INT) IN (CAST(1 AS INT), NULL) AS b, CAST(2 AS INT) NOT IN (CAST(1 AS INT), NULL) AS c, CAST(1 AS INT) NOT IN (CAST(2 AS INT), CAST(3 AS INT)) AS d, NULL IN (CAST(1 AS INT), CAST(2 AS INT)) AS e;
-- case: conditionals/in_list_on_nullable_column
SELECT id, i4 FROM "public"."alltypes" AS "alltypes" WHERE i4 IN (CAST(7 AS INT), CAST(8 AS INT), NULL) ORDER BY id;
-- case: conditionals/in_text_list
SELECT l_shipmode, count(*) AS cnt FROM "public"."lineitem" AS "lineitem" WHERE l_shipmode IN ('MAIL', 'SHIP', 'BOAT') GROUP BY l_shipmode ORDER BY l_shipmode;
-- case: conditionals/not_in_subquery
SELECT count(*) AS customers_without_orders FROM "public"."customer" AS "customer" WHERE c_custkey NOT IN (SELECT o_custkey FROM "public"."orders" AS "orders");
-- case: conditionals/not_in_subquery_with_null
SELECT count(*) AS cnt FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (SELECT i4 FROM "public"."alltypes" AS "alltypes");
-- case: conditionals/not_in_subquery_nulls_filtered
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (SELECT i4 FROM "public"."alltypes" AS "alltypes" WHERE i4 IS NOT NULL) ORDER BY id;
-- case: datetime/now_deterministic_forms
SELECT now() >= arrow_cast('2020-01-01', 'Timestamp(Microsecond, Some("UTC"))') AS after_2020, current_date - current_date AS zero_days, pg_date_trunc('day', now()) <= now() AS trunc_le, current_timestamp = now() AS same_txn_time, CAST(now() AS TIMESTAMP) IS NOT NULL AS has_local;
-- case: datetime/current_date_forms
SELECT current_date > DATE '2020-01-01' AS after_2020, current_date = current_timestamp::DATE AS same_day, (current_date + CAST(1 AS INT)) - current_date AS one, CAST(date_part('year', current_date) AS DECIMAL(20,0)) >= CAST(2024 AS INT) AS recent;
-- case: datetime/now_interval_math
SELECT (now() + INTERVAL '1 days') - now() AS one_day, now() - INTERVAL '1 hours' < now() AS earlier, pg_age(now(), now()) AS zero_age;
-- case: datetime/date_trunc_timestamp_fields
SELECT id, pg_date_trunc('year', ts) AS y, pg_date_trunc('quarter', ts) AS q, pg_date_trunc('month', ts) AS mo, pg_date_trunc('week', ts) AS w, pg_date_trunc('day', ts) AS d FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/date_trunc_time_fields
SELECT id, pg_date_trunc('hour', ts) AS h, pg_date_trunc('minute', ts) AS mi, pg_date_trunc('second', ts) AS s, pg_date_trunc('milliseconds', ts) AS ms FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/date_trunc_on_date
SELECT pg_date_trunc('month', DATE '2024-02-29') AS m, pg_date_trunc('year', DATE '2024-02-29')::DATE AS y, pg_date_trunc('week', DATE '2024-02-29')::DATE AS w, pg_date_trunc('quarter', DATE '2024-11-15')::DATE AS q;
-- case: datetime/date_trunc_timestamptz_utc
SELECT id, pg_date_trunc('day', tstz) AS d, pg_date_trunc('hour', tstz) AS h FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/date_trunc_interval
SELECT pg_date_trunc('hour', INTERVAL '1 days 5 hours 30 minutes') AS a, pg_date_trunc('year', INTERVAL '31 months') AS b;
-- case: datetime/date_trunc_group_orders
SELECT pg_date_trunc('year', o_orderdate)::DATE AS yr, count(*) AS orders, pg_sum(o_totalprice) AS total FROM "public"."orders" AS "orders" GROUP BY 1 ORDER BY 1;
-- case: datetime/extract_timestamp_fields
SELECT id, CAST(date_part('year', ts) AS DECIMAL(20,0)) AS y, CAST(date_part('month', ts) AS DECIMAL(20,0)) AS mo, CAST(date_part('day', ts) AS DECIMAL(20,0)) AS d, CAST(date_part('hour', ts) AS DECIMAL(20,0)) AS h, CAST(date_part('minute', ts) AS DECIMAL(20,0)) AS mi, pg_extract('second', ts) AS s FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/extract_calendar_fields
SELECT id, CAST(date_part('dow', d) AS DECIMAL(20,0)) AS dow, CAST(date_part('isodow', d) AS DECIMAL(20,0)) AS isodow, CAST(date_part('doy', d) AS DECIMAL(20,0)) AS doy, CAST(date_part('quarter', d) AS DECIMAL(20,0)) AS q, CAST(date_part('week', d) AS DECIMAL(20,0)) AS wk, CAST(date_part('isoyear', d) AS DECIMAL(20,0)) AS isoyear FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/extract_epoch
SELECT id, pg_extract('epoch', ts) AS ts_epoch, pg_extract('epoch', tstz) AS tstz_epoch, pg_extract('epoch', d) AS d_epoch FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/extract_subsecond
SELECT pg_extract('milliseconds', TIME '12:34:56.789') AS ms, pg_extract('microseconds', TIMESTAMP '2000-01-01 00:00:01.000001') AS us, pg_extract('century', DATE '2000-12-31') AS century, pg_extract('decade', DATE '1999-01-01') AS decade, pg_extract('millennium', DATE '2001-01-01') AS millennium;
-- case: datetime/extract_time_and_interval
SELECT id, CAST(date_part('hour', tm) AS DECIMAL(20,0)) AS tm_hour, pg_extract('epoch', iv) AS iv_epoch, CAST(date_part('day', iv) AS DECIMAL(20,0)) AS iv_day, CAST(date_part('month', iv) AS DECIMAL(20,0)) AS iv_month, CAST(date_part('hour', iv) AS DECIMAL(20,0)) AS iv_hour FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/extract_timestamptz_utc
SELECT id, CAST(date_part('hour', tstz) AS DECIMAL(20,0)) AS h, CAST(date_part('day', tstz) AS DECIMAL(20,0)) AS d, pg_extract('timezone', tstz) AS tz FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/date_part
SELECT CAST(date_part('year', DATE '2024-02-29') AS DOUBLE PRECISION) AS y, CAST(date_part('hour', TIMESTAMP '2024-02-29 13:14:15') AS DOUBLE PRECISION) AS h, CAST(pg_extract('epoch', TIMESTAMP '1970-01-02 00:00:00') AS DOUBLE PRECISION) AS e, CAST(date_part('dow', DATE '2024-02-29') AS DOUBLE PRECISION) AS dow, CAST(date_part('day', INTERVAL '40 days') AS DOUBLE PRECISION) AS iv_days;
-- case: datetime/extract_year_quarter_orders
SELECT CAST(date_part('year', o_orderdate) AS DECIMAL(20,0)) AS yr, CAST(date_part('quarter', o_orderdate) AS DECIMAL(20,0)) AS q, count(*) AS cnt FROM "public"."orders" AS "orders" GROUP BY 1, 2 ORDER BY 1, 2;
-- case: datetime/age_two_args
SELECT pg_age(TIMESTAMP '2024-03-01', TIMESTAMP '2023-01-15 12:00:00') AS a, pg_age(TIMESTAMP '2024-02-29', TIMESTAMP '2000-02-29') AS b, pg_age(TIMESTAMP '2000-01-01', TIMESTAMP '2024-06-15') AS negative, pg_age(TIMESTAMP '2024-03-31', TIMESTAMP '2024-02-29') AS c;
-- case: datetime/age_month_ends_fractions_timestamptz
SELECT id, pg_age(TIMESTAMP '2024-03-01', TIMESTAMP '2024-01-31') AS a, pg_age(TIMESTAMP '2024-01-31', TIMESTAMP '2024-03-01') AS b, pg_age(DATE '2024-03-31', DATE '2023-02-28') AS c, pg_age(TIMESTAMP '2024-01-01 00:00:00.5', TIMESTAMP '2023-12-31 23:59:59.75') AS d, pg_age(tstz, arrow_cast('2000-01-01 00:00:00+00:00', 'Timestamp(Microsecond, Some("UTC"))')) AS e, pg_age(d, ts) AS f FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/age_columns
SELECT id, pg_age(ts, TIMESTAMP '2000-01-01') AS since_2000, pg_age(DATE '2050-01-01', d) AS until_2050 FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/interval_literals
SELECT INTERVAL '1 days' AS a, INTERVAL '2 hours 30 minutes' AS b, INTERVAL '14 months' AS c, INTERVAL '1 days 12 hours' AS d, INTERVAL '3' DAY AS e, INTERVAL '-7 days' AS f, INTERVAL '1 minutes 40 seconds' AS g;
-- case: datetime/interval_string_casts
SELECT INTERVAL '1 days' + INTERVAL '12 hours' AS a, INTERVAL '1 months' = INTERVAL '30 days' AS mon_eq_30d, INTERVAL '1 days' = INTERVAL '24 hours' AS day_eq_24h, INTERVAL '12 months' > INTERVAL '360 days' AS yr_gt;
-- case: datetime/date_plus_minus_integer
SELECT DATE '2024-02-28' + CAST(1 AS INT) AS a, DATE '2024-02-28' + CAST(2 AS INT) AS b, DATE '2024-03-01' - CAST(1 AS INT) AS c, DATE '2024-03-01' - DATE '2024-01-01' AS days_between, CAST(7 AS INT) + DATE '2024-12-28' AS int_plus_date;
-- case: datetime/date_plus_interval
SELECT DATE '2024-01-31' + INTERVAL '1 months' AS a, DATE '2024-02-29' + INTERVAL '12 months' AS b, DATE '2024-01-01' - INTERVAL '1 days' AS c, DATE '2024-03-31' - INTERVAL '1 months' AS d, DATE '2024-01-01' + INTERVAL '36 hours' AS e;
-- case: datetime/timestamp_arithmetic
SELECT TIMESTAMP '2024-01-01 10:00:00' - TIMESTAMP '2023-12-31 08:30:00' AS diff, TIMESTAMP '2024-01-01' + INTERVAL '36 hours' AS plus, TIMESTAMP '2024-03-01' - INTERVAL '1 days 1 seconds' AS minus, TIMESTAMP '2024-01-01' - TIMESTAMP '2024-03-01' AS neg_diff;
-- case: datetime/timestamp_column_arithmetic
SELECT id, ts + iv AS ts_plus_iv, ts - INTERVAL '1 hours' AS ts_minus_1h, d + CAST(30 AS INT) AS d_plus_30, tstz + INTERVAL '1 days' AS tstz_plus_1d FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/interval_multiply_divide
SELECT INTERVAL '1 hours' * CAST('2.5' AS DECIMAL(2,1)) AS a, pg_div(INTERVAL '1 days', CAST(4 AS INT)) AS b, CAST(3 AS INT) * INTERVAL '20 minutes' AS c, -INTERVAL '1 days' AS d, INTERVAL '1 months' * CAST('1.5' AS DECIMAL(2,1)) AS e, pg_div(INTERVAL '1 hours', CAST(7 AS INT)) AS f;
-- case: datetime/interval_aggregates
SELECT pg_sum(iv) AS total, min(iv) AS smallest, max(iv) AS largest, count(iv) AS cnt FROM "public"."alltypes" AS "alltypes";
-- case: datetime/date_differences_tpch
SELECT pg_avg(l_receiptdate - l_shipdate) AS avg_transit, max(l_receiptdate - l_shipdate) AS max_transit, min(l_commitdate - l_shipdate) AS min_slack, count(*) FILTER (WHERE l_receiptdate > l_commitdate) AS late FROM "public"."lineitem" AS "lineitem";
-- case: datetime/to_char_formats
SELECT pg_to_char(TIMESTAMP '2024-02-29 13:05:09.123', 'YYYY-MM-DD') AS ymd, pg_to_char(TIMESTAMP '2024-02-29 13:05:09.123', 'HH24:MI:SS') AS hms, pg_to_char(TIMESTAMP '2024-02-29 13:05:09.123', 'HH12:MI AM') AS h12, pg_to_char(TIMESTAMP '2024-02-29 13:05:09.123', 'Mon DD, YYYY') AS mon, pg_to_char(TIMESTAMP '2024-02-29 13:05:09.123', 'MS') AS ms;
-- case: datetime/to_char_names
SELECT pg_to_char(DATE '2024-02-29', 'Day') || '|' AS day_padded, pg_to_char(DATE '2024-02-29', 'FMDay') AS day_fm, pg_to_char(DATE '2024-02-29', 'FMMonth FMDD') AS month_fm, pg_to_char(DATE '2024-02-29', 'MONTH') || '|' AS month_upper, pg_to_char(DATE '2024-02-29', 'Dy Mon') AS short_names;
-- case: datetime/to_char_misc_patterns
SELECT pg_to_char(DATE '2024-02-29', 'DD/MM/YY') AS dmy, pg_to_char(DATE '2024-02-29', 'YYYY"Q"Q') AS quarter, pg_to_char(DATE '2024-12-30', 'IYYY-IW') AS isoweek, pg_to_char(DATE '2024-02-29', 'DDD') AS doy, pg_to_char(TIMESTAMP '2024-02-29 00:00:00', 'HH12 AM') AS midnight, pg_to_char(TIMESTAMP '2024-02-29 01:02:03.456789', 'US') AS us;
-- case: datetime/to_char_columns
SELECT id, pg_to_char(ts, 'YYYY-MM-DD HH24:MI:SS') AS ts_text, pg_to_char(tstz, 'YYYY-MM-DD HH24:MI:SS TZ') AS tstz_text, pg_to_char(d, 'FMMonth FMDD, YYYY') AS d_text FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/to_char_orders
SELECT o_orderkey, pg_to_char(o_orderdate, 'YYYY-MM') AS ym, pg_to_char(o_orderdate, 'Dy') AS dow FROM "public"."orders" AS "orders" ORDER BY o_orderkey LIMIT 5;
-- case: datetime/to_char_interval
SELECT pg_to_char(INTERVAL '15 hours 2 minutes 12 seconds', 'HH24:MI:SS') AS a, pg_to_char(INTERVAL '3 days', 'DD') AS b;
-- case: datetime/to_date
SELECT pg_to_date('2024-02-29', 'YYYY-MM-DD') AS a, pg_to_date('29/02/2024', 'DD/MM/YYYY') AS b, pg_to_date('20240229', 'YYYYMMDD') AS c, pg_to_date('Feb 29 2024', 'Mon DD YYYY') AS d, pg_to_date('2024-060', 'YYYY-DDD') AS e;
-- case: datetime/to_timestamp_text
SELECT pg_to_timestamp('2024-02-29 13:05:09', 'YYYY-MM-DD HH24:MI:SS') AS a, pg_to_timestamp('29.02.2024 01:05 PM', 'DD.MM.YYYY HH:MI AM') AS b, pg_to_timestamp('2024-02-29 13:05:09.25', 'YYYY-MM-DD HH24:MI:SS.MS') AS c;
-- case: datetime/to_timestamp_epoch
SELECT arrow_cast(CAST(pg_round(CAST(CAST(0 AS INT) AS DOUBLE PRECISION) * 1000000) AS BIGINT), 'Timestamp(Microsecond, Some("UTC"))') AS epoch, arrow_cast(CAST(pg_round(CAST(CAST(1700000000 AS INT) AS DOUBLE PRECISION) * 1000000) AS BIGINT), 'Timestamp(Microsecond, Some("UTC"))') AS a, arrow_cast(CAST(pg_round(CAST(CAST('1.5' AS DECIMAL(2,1)) AS DOUBLE PRECISION) * 1000000) AS BIGINT), 'Timestamp(Microsecond, Some("UTC"))') AS b, arrow_cast(CAST(pg_round(CAST(CAST(-86400 AS INT) AS DOUBLE PRECISION) * 1000000) AS BIGINT), 'Timestamp(Microsecond, Some("UTC"))') AS c, arrow_cast(CAST(pg_round(CAST(2147483648 AS DOUBLE PRECISION) * 1000000) AS BIGINT), 'Timestamp(Microsecond, Some("UTC"))') AS after_2038;
-- case: datetime/make_functions
SELECT make_date(CAST(2024 AS INT), CAST(2 AS INT), CAST(29 AS INT)) AS d, pg_make_timestamp(CAST(2024 AS INT), CAST(2 AS INT), CAST(29 AS INT), CAST(13 AS INT), CAST(5 AS INT), CAST('9.5' AS DECIMAL(2,1))) AS ts, pg_make_time(CAST(1 AS INT), CAST(2 AS INT), CAST('3.25' AS DECIMAL(3,2))) AS t, pg_make_interval(0, 0, 0, CAST(3 AS INT), CAST(4 AS INT), 0, 0) AS iv, pg_make_timestamptz(CAST(2024 AS INT), CAST(1 AS INT), CAST(1 AS INT), CAST(0 AS INT), CAST(0 AS INT), CAST(0 AS INT), 'UTC') AS tstz;
-- case: datetime/make_date_from_parts
SELECT n_nationkey, make_date(CAST(1990 AS INT) + pg_int4(n_nationkey), pg_int4((n_nationkey % CAST(12 AS INT) + CAST(1 AS INT))), CAST(1 AS INT)) AS d FROM "public"."nation" AS "nation" WHERE n_nationkey < CAST(6 AS INT) ORDER BY n_nationkey;
-- case: datetime/at_time_zone_on_timestamptz
SELECT id, pg_at_time_zone(tstz, 'UTC') AS utc, pg_at_time_zone(tstz, 'America/New_York') AS new_york, pg_at_time_zone(tstz, 'Asia/Tokyo') AS tokyo FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/at_time_zone_on_timestamp
SELECT pg_at_time_zone(TIMESTAMP '2024-06-01 12:00:00', 'America/New_York') AS ny_summer, pg_at_time_zone(TIMESTAMP '2024-01-01 12:00:00', 'America/New_York') AS ny_winter, pg_at_time_zone(TIMESTAMP '2024-06-01 12:00:00', 'Europe/Berlin') AS berlin, pg_at_time_zone(TIMESTAMP '2024-06-01 12:00:00', 'UTC') AS utc;
-- case: datetime/at_time_zone_offsets
SELECT pg_at_time_zone(arrow_cast('2024-01-01 00:00:00+00:00', 'Timestamp(Microsecond, Some("UTC"))'), '+05:30') AS iv_offset, pg_at_time_zone(arrow_cast('2024-01-01 00:00:00+00:00', 'Timestamp(Microsecond, Some("UTC"))'), '-05:00') AS posix_plus5, pg_at_time_zone(arrow_cast('2024-01-01 00:00:00+00:00', 'Timestamp(Microsecond, Some("UTC"))'), '-03:00') AS posix_utc3, pg_at_time_zone(TIMESTAMP '2024-01-01 00:00:00', '-08:00') AS ts_iv_offset;
-- case: datetime/at_time_zone_roundtrip
SELECT id, pg_at_time_zone((pg_at_time_zone(ts, 'Asia/Kolkata')), 'Asia/Kolkata') = ts AS roundtrip, pg_at_time_zone(ts, 'Australia/Sydney') AS sydney FROM "public"."alltypes" AS "alltypes" WHERE id IN (CAST(1 AS INT), CAST(2 AS INT), CAST(6 AS INT), CAST(8 AS INT), CAST(10 AS INT)) ORDER BY id;
-- case: datetime/timezone_function
SELECT pg_at_time_zone(arrow_cast('2024-01-01 00:00:00+00:00', 'Timestamp(Microsecond, Some("UTC"))'), 'Asia/Tokyo') AS tokyo_local, pg_at_time_zone(TIMESTAMP '2024-01-01 09:00:00', 'Asia/Tokyo') AS from_tokyo;
-- case: datetime/dst_transition
SELECT pg_at_time_zone(arrow_cast('2024-03-10 06:00:00+00:00', 'Timestamp(Microsecond, Some("UTC"))'), 'America/New_York') AS before_dst, pg_at_time_zone(arrow_cast('2024-03-10 07:00:00+00:00', 'Timestamp(Microsecond, Some("UTC"))'), 'America/New_York') AS after_dst, pg_at_time_zone(TIMESTAMP '2024-11-03 01:30:00', 'America/New_York') AS ambiguous;
-- case: datetime/date_comparisons_orders
SELECT count(*) AS cnt FROM "public"."orders" AS "orders" WHERE o_orderdate >= DATE '1995-01-01' AND o_orderdate < DATE '1995-01-01' + INTERVAL '12 months';
-- case: datetime/date_between_and_timestamp_compare
SELECT count(*) FILTER (WHERE o_orderdate BETWEEN '1994-01-01' AND '1994-12-31') AS in_1994, count(*) FILTER (WHERE o_orderdate::TIMESTAMP < TIMESTAMP '1992-02-01 00:00:00') AS early, count(*) FILTER (WHERE o_orderdate = DATE '1996-01-02') AS one_day FROM "public"."orders" AS "orders";
-- case: datetime/timestamp_comparisons
SELECT arrow_cast('2024-01-01 00:00:00+02:00', 'Timestamp(Microsecond, Some("UTC"))') = arrow_cast('2023-12-31 22:00:00+00:00', 'Timestamp(Microsecond, Some("UTC"))') AS same_instant, TIMESTAMP '2024-01-01' < TIMESTAMP '2024-01-01 00:00:00.000001' AS micro, DATE '2024-01-01' = TIMESTAMP '2024-01-01 00:00:00' AS date_eq_ts, DATE '2024-01-01' < arrow_cast('2024-01-01 00:00:01+00:00', 'Timestamp(Microsecond, Some("UTC"))') AS date_lt_tstz;
-- case: datetime/justify_functions
SELECT pg_justify_days(INTERVAL '35 days') AS a, pg_justify_hours(INTERVAL '50 hours') AS b, pg_justify_interval(INTERVAL '1 months -1 hours') AS c, pg_justify_days(INTERVAL '-35 days') AS d, pg_justify_hours(INTERVAL '-27 hours') AS e;
-- case: datetime/justify_columns
SELECT id, iv, pg_justify_hours(iv) AS jh, pg_justify_days(iv) AS jd, pg_justify_interval(iv) AS ji FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/overlaps
SELECT pg_overlaps(DATE '2024-01-01', DATE '2024-02-01', DATE '2024-01-15', DATE '2024-03-01') AS a, pg_overlaps(DATE '2024-01-01', DATE '2024-02-01', DATE '2024-02-01', DATE '2024-03-01') AS touching, pg_overlaps(TIMESTAMP '2024-01-01 10:00:00', INTERVAL '2 hours', TIMESTAMP '2024-01-01 11:00:00', INTERVAL '1 hours') AS b;
-- case: datetime/time_arithmetic
SELECT TIME '23:30:00' + INTERVAL '1 hours' AS wraps, TIME '10:00:00' - TIME '08:15:00' AS diff, TIME '10:00:00' - INTERVAL '30 minutes' AS minus, DATE '2024-02-29' + TIME '13:00:00' AS date_plus_time;
-- case: datetime/time_column_arithmetic
SELECT id, tm, tm + INTERVAL '30 minutes' AS plus_30m, tm - TIME '06:00:00' AS since_six FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: datetime/infinity_values
-- refused: the DATE literal 'infinity' (written other than YYYY-MM-DD HH:MM:SS) is not supported on the embedded engine
-- case: datetime/date_series_weekday_counts
SELECT CAST(date_part('isodow', o_orderdate) AS DECIMAL(20,0)) AS isodow, count(*) AS cnt FROM "public"."orders" AS "orders" WHERE o_orderdate < DATE '1992-07-01' GROUP BY 1 ORDER BY 1;
-- case: datetime/last_day_of_month
SELECT (pg_date_trunc('month', DATE '2024-02-10') + INTERVAL '1 months' - INTERVAL '1 days')::DATE AS feb_end, (pg_date_trunc('month', DATE '2023-02-10') + INTERVAL '1 months -1 days')::DATE AS feb_end_2023;
-- case: datetime/interval_text_forms
SELECT INTERVAL '1 days -2 hours' AS a, INTERVAL '-3 hours' AS b, INTERVAL '1 months 15 days' AS c, INTERVAL '1 minutes 30.5 seconds' AS d, INTERVAL '10 minutes' AS e, INTERVAL '1 days 2 hours 3 minutes 4 seconds' AS f, INTERVAL '-18 months' AS g;
-- case: datetime/to_date_to_timestamp_forms
SELECT pg_to_date('2024 Mar 5', 'YYYY Mon DD') AS a, pg_to_timestamp('05/03/2024 11:59:59 pm', 'DD/MM/YYYY HH12:MI:SS AM') AS b, pg_to_date('1999-365', 'YYYY-DDD') AS c;
-- case: datetime/interval_compare_and_sort
SELECT id, iv FROM "public"."alltypes" AS "alltypes" WHERE iv > INTERVAL '1 hours' OR iv IS NULL ORDER BY iv DESC NULLS LAST, id;
-- case: datetime/make_and_scale_intervals
SELECT pg_make_interval(0, 0, CAST(2 AS INT), 0, 0, 0, CAST('1.25' AS DECIMAL(3,2))) AS iv, pg_make_timestamptz(CAST(2024 AS INT), CAST(7 AS INT), CAST(1 AS INT), CAST(12 AS INT), CAST(0 AS INT), CAST(0 AS INT), 'America/New_York') AS ny, INTERVAL '1 months 1 days' * CAST('0.3' AS DECIMAL(1,1)) AS scaled, pg_div(INTERVAL '3 days', CAST(7 AS INT)) AS divided, CAST(2 AS INT) * INTERVAL '1 months 1 hours' AS doubled, pg_make_time(CAST(0 AS INT), CAST(0 AS INT), CAST('0.0000005' AS DECIMAL(7,7))) AS t, INTERVAL '12 months' * CAST('-0.5' AS DECIMAL(1,1)) AS neg;
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
SELECT DISTINCT CAST(date_part('year', o_orderdate) AS DECIMAL(20,0)) AS yr FROM "public"."orders" AS "orders" ORDER BY yr;
-- case: distinct_limit/distinct_order_by_alias_desc
SELECT DISTINCT p_size % CAST(5 AS INT) AS r FROM "public"."part" AS "part" ORDER BY r DESC;
-- case: distinct_limit/distinct_on_top_per_group
SELECT DISTINCT ON (c_nationkey) c_nationkey, c_custkey, c_acctbal FROM "public"."customer" AS "customer" ORDER BY c_nationkey, c_acctbal DESC, c_custkey;
-- case: distinct_limit/distinct_on_multi_key
SELECT DISTINCT ON (o_orderpriority, o_orderstatus) o_orderpriority, o_orderstatus, o_orderkey, o_totalprice FROM "public"."orders" AS "orders" ORDER BY o_orderpriority, o_orderstatus, o_totalprice DESC, o_orderkey;
-- case: distinct_limit/distinct_on_earliest_order
SELECT DISTINCT ON (o_custkey) o_custkey, o_orderkey, o_orderdate FROM "public"."orders" AS "orders" WHERE o_custkey <= CAST(20 AS INT) ORDER BY o_custkey, o_orderdate, o_orderkey;
-- case: distinct_limit/distinct_on_alltypes_uuid
SELECT DISTINCT ON (u) u, id FROM "public"."alltypes" AS "alltypes" ORDER BY u, id;
-- case: distinct_limit/distinct_on_expression
SELECT DISTINCT ON (pg_div_decimal(p_size, CAST(10 AS INT))) pg_div(p_size, CAST(10 AS INT)) AS bucket, p_partkey, p_retailprice FROM "public"."part" AS "part" ORDER BY pg_div_decimal(p_size, CAST(10 AS INT)), p_retailprice DESC, p_partkey;
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
SELECT n_nationkey FROM "public"."nation" AS "nation" ORDER BY n_nationkey DESC LIMIT CAST(2 AS INT) + CAST(1 AS INT);
-- case: distinct_limit/fetch_first_n_rows
SELECT c_custkey, c_acctbal FROM "public"."customer" AS "customer" ORDER BY c_acctbal, c_custkey LIMIT 3;
-- case: distinct_limit/fetch_first_row_only
SELECT c_custkey, c_acctbal FROM "public"."customer" AS "customer" ORDER BY c_acctbal DESC, c_custkey LIMIT 1;
-- case: distinct_limit/offset_rows_fetch_next
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" ORDER BY n_nationkey LIMIT 3 OFFSET 2 ROWS;
-- case: distinct_limit/offset_row_singular
SELECT n_nationkey FROM "public"."nation" AS "nation" ORDER BY n_nationkey LIMIT 1 OFFSET 1 ROW;
-- case: distinct_limit/fetch_with_ties
SELECT p_partkey, p_size FROM (SELECT p_partkey, p_size FROM "public"."part" AS "part" WHERE p_partkey <= CAST(50 AS INT) QUALIFY rank() OVER (ORDER BY p_size) <= 3 ORDER BY p_size) AS s ORDER BY p_size, p_partkey;
-- case: distinct_limit/limit_in_subquery
SELECT pg_sum(o_totalprice) AS first_100_total, count(*) AS cnt FROM (SELECT o_totalprice FROM "public"."orders" AS "orders" ORDER BY o_orderdate, o_orderkey LIMIT 100) AS s;
-- case: distinct_limit/distinct_with_limit
SELECT DISTINCT c_mktsegment FROM "public"."customer" AS "customer" ORDER BY c_mktsegment LIMIT 3;
-- case: distinct_limit/limit_with_nulls_ordering
SELECT id, f8 FROM "public"."alltypes" AS "alltypes" ORDER BY f8 DESC NULLS LAST, id LIMIT 4;
-- case: distinct_limit/distinct_vs_group_by_count
SELECT (SELECT count(*) FROM (SELECT DISTINCT l_shipmode FROM "public"."lineitem" AS "lineitem") AS a) AS via_distinct, (SELECT count(*) FROM (SELECT l_shipmode FROM "public"."lineitem" AS "lineitem" GROUP BY l_shipmode) AS b) AS via_group_by;
-- case: distinct_limit/distinct_char_padding
SELECT DISTINCT c FROM "public"."alltypes" AS "alltypes" WHERE c IS NOT NULL AND c <> '' ORDER BY c LIMIT 3;
-- case: json/arrow_object_key
SELECT id, pg_jsonb_get(j, 'a') AS a_json, pg_jsonb_get_text(j, 'a') AS a_text FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: json/arrow_array_index
SELECT id, pg_jsonb_get(pg_jsonb_get(j, 'b'), CAST(0 AS INT)) AS b0, pg_jsonb_get_text(pg_jsonb_get(j, 'b'), CAST(1 AS INT)) AS b1_text, pg_jsonb_get(pg_jsonb_get(j, 'b'), CAST(-1 AS INT)) AS b_last, pg_jsonb_get(j, CAST(1 AS INT)) AS top_level_1 FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: json/path_operators
SELECT id, pg_jsonb_get_path(j, 'c', 'd') AS cd_json, pg_jsonb_get_path_text(j, 'c', 'd') AS cd_text, pg_jsonb_get_path_text(j, 'b', '0') AS b0_text, pg_jsonb_get_path(j) = j AS empty_path FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: json/nested_object_access
SELECT id, pg_jsonb_get(j, 'c') AS c, pg_jsonb_get(pg_jsonb_get(j, 'c'), 'd') AS cd, (pg_jsonb_get_text(pg_jsonb_get(j, 'c'), 'd')) IS NULL AS cd_is_null FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: json/typeof
SELECT id, jsonb_typeof(j) AS top, jsonb_typeof(pg_jsonb_get(j, 'a')) AS a_type, jsonb_typeof(pg_jsonb_get(j, 'b')) AS b_type, jsonb_typeof(pg_jsonb_get(j, 'c')) AS c_type FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: json/array_length
SELECT id, jsonb_array_length(pg_jsonb_get(j, 'b')) AS b_len FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: json/array_length_top_level
SELECT id, jsonb_array_length(j) AS len FROM "public"."alltypes" AS "alltypes" WHERE jsonb_typeof(j) = 'array' ORDER BY id;
-- case: json/compare_extracted_text
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE pg_jsonb_get_text(j, 'a') = '1' ORDER BY id;
-- case: json/compare_extracted_numeric
SELECT id, pg_numeric((pg_jsonb_get_text(j, 'a'))) AS a FROM "public"."alltypes" AS "alltypes" WHERE pg_numeric((pg_jsonb_get_text(j, 'a'))) > CAST(1 AS INT) ORDER BY id;
-- case: json/group_by_extracted_value
SELECT pg_numeric((pg_jsonb_get_text(j, 'a'))) AS a, count(*) AS cnt FROM "public"."alltypes" AS "alltypes" GROUP BY 1 ORDER BY 1 NULLS FIRST;
-- case: json/nested_path_text_filter
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE pg_jsonb_get_path_text(j, 'c', 'd') = 'x' ORDER BY id;
-- case: json/key_exists
SELECT id, pg_jsonb_exists(j, 'b') AS has_b, (pg_jsonb_exists(j, 'x') OR pg_jsonb_exists(j, 'c')) AS has_x_or_c, (pg_jsonb_exists(j, 'a') AND pg_jsonb_exists(j, 'b')) AS has_a_and_b FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: json/key_exists_on_array_and_string
SELECT pg_jsonb_exists(pg_jsonb('["a", "b"]'), 'a') AS array_elem, pg_jsonb_exists(pg_jsonb('"a"'), 'a') AS string_scalar, pg_jsonb_exists(pg_jsonb('{"a": null}'), 'a') AS null_value_key, pg_jsonb_exists(pg_jsonb('[1, 2]'), '1') AS numeric_elem;
-- case: json/containment
SELECT id, pg_jsonb_contains(j, '{"a": 1}') AS has_a1, pg_jsonb_contains(j, '{"b": [2]}') AS b_has_2, pg_jsonb_contains(j, pg_jsonb('{"a": 1}')) AS contained, pg_jsonb_contains(j, '{"c": {"d": "x"}}') AS nested FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: json/containment_filter
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE pg_jsonb_contains(j, '{"b": [1]}') ORDER BY id;
-- case: json/literal_extraction
SELECT pg_jsonb_get_path(pg_jsonb('{"x": {"y": [10, 20]}}'), 'x', 'y', '1') AS a, pg_jsonb_get(pg_jsonb('[1,2,3]'), CAST(2 AS INT)) AS b, pg_jsonb_get_text(pg_jsonb('{"a":"b"}'), 'a') AS c, pg_jsonb_get(pg_jsonb('[1,2,3]'), CAST(5 AS INT)) AS out_of_range, pg_jsonb_get(pg_jsonb('{"a": 1}'), 'missing') AS missing_key;
-- case: json/null_handling
SELECT pg_jsonb('null') IS NULL AS json_null_is_sql_null, (pg_jsonb_get(pg_jsonb('{"a":null}'), 'a')) IS NULL AS arrow_null, (pg_jsonb_get_text(pg_jsonb('{"a":null}'), 'a')) IS NULL AS text_null, (pg_jsonb_get(pg_jsonb('{"a":null}'), 'b')) IS NULL AS missing, jsonb_typeof(pg_jsonb_get(pg_jsonb('{"a":null}'), 'a')) AS typ;
-- case: json/equality_and_normalisation
SELECT pg_jsonb('{"a":1,"b":2}') = pg_jsonb('{"b":2,"a":1}') AS key_order, pg_jsonb('[1,2]') = pg_jsonb('[2,1]') AS array_order, pg_jsonb('{"a":1,"a":2}') AS dup_keys, pg_jsonb('1.0') = pg_jsonb('1') AS num_eq, pg_jsonb('{"a": 1.50}') AS keeps_scale;
-- case: json/build_functions
SELECT jsonb_build_object('k', CAST(1 AS INT), 'v', 'x', 'n', NULL) AS obj, jsonb_build_array(CAST(1 AS INT), 'a', NULL, true) AS arr, to_jsonb('it''s'::TEXT) AS str;
-- case: json/to_jsonb_types
SELECT to_jsonb(pg_numeric(CAST('1.50' AS DECIMAL(3,2)))) AS num, to_jsonb(true) AS bool, to_jsonb(DATE '2024-01-01') AS d, to_jsonb(TIMESTAMP '2024-01-01 12:00:00') AS ts, to_jsonb(arrow_cast('2024-01-01 00:00:00+00:00', 'Timestamp(Microsecond, Some("UTC"))')) AS tstz, to_jsonb(ARRAY[CAST(1 AS INT), CAST(2 AS INT)]) AS arr;
-- case: json/build_from_tpch
SELECT n_nationkey, jsonb_build_object('nation', n_name, 'region', r_name, 'key', n_nationkey) AS doc FROM "public"."nation" AS "nation" JOIN "public"."region" AS "region" ON n_regionkey = r_regionkey ORDER BY n_nationkey LIMIT 3;
-- case: json/jsonb_agg
SELECT n_regionkey, pg_jsonb_from_list(array_agg(to_jsonb(n_name) ORDER BY n_nationkey)) AS names FROM "public"."nation" AS "nation" GROUP BY n_regionkey ORDER BY n_regionkey;
-- case: json/jsonb_object_agg
SELECT pg_jsonb_object_from_lists(array_agg(pg_output(r_name)), array_agg(to_jsonb(r_regionkey))) AS regions FROM "public"."region" AS "region";
-- case: json/each
SELECT key, value, jsonb_typeof(value) AS typ FROM (SELECT unnest(pg_jsonb_each_keys(pg_jsonb('{"a": 1, "b": "x", "c": [1], "d": null}'))) AS "key", pg_jsonb(unnest(pg_jsonb_each_values(pg_jsonb('{"a": 1, "b": "x", "c": [1], "d": null}')))) AS "value") AS "jsonb_each" ORDER BY key;
-- case: json/each_text_on_column
-- refused: jsonb_each_text() in FROM over columns of the FROM items before it (LATERAL) is not supported on the embedded engine
-- case: json/array_elements_with_ordinality
-- refused: jsonb_array_elements() in FROM over columns of the FROM items before it (LATERAL) is not supported on the embedded engine
-- case: json/array_elements_text
SELECT string_agg(x."value", ',' ORDER BY x."value") AS elems FROM (SELECT unnest(pg_jsonb_array_elements_text(pg_jsonb('["b", "a", "c"]'))) AS "value") AS "x";
-- case: json/object_keys
-- refused: jsonb_object_keys() in FROM over columns of the FROM items before it (LATERAL) is not supported on the embedded engine
-- case: json/concat_and_delete
SELECT pg_jsonb_concat(pg_jsonb('{"a":1}'), pg_jsonb('{"b":2}')) AS merged, pg_jsonb_concat(pg_jsonb('{"a":1}'), pg_jsonb('{"a":3}')) AS overwrite, pg_jsonb_delete(pg_jsonb('{"a":1,"b":2}'), 'a') AS del_key, pg_jsonb_delete(pg_jsonb('[1,2,3]'), CAST(0 AS INT)) AS del_index, pg_jsonb_delete_path(pg_jsonb('{"a":{"b":1,"c":2}}'), 'a', 'b') AS del_path;
-- case: json/jsonb_set
SELECT pg_jsonb_set(pg_jsonb('{"a":1}'), '2', true, 'b') AS added, pg_jsonb_set(pg_jsonb('{"a":{"b":1}}'), '"x"', true, 'a', 'b') AS nested, pg_jsonb_set(pg_jsonb('[1,2,3]'), '20', true, '1') AS arr;
-- case: json/jsonpath_exists
-- refused: JSON path operators (@?, @@) is not supported on the embedded engine
-- case: json/strip_nulls_and_pretty_free
SELECT jsonb_strip_nulls(pg_jsonb('{"a": 1, "b": null, "c": {"d": null, "e": 2}}')) AS stripped;
-- case: json/jsonb_ordering
SELECT id, j FROM "public"."alltypes" AS "alltypes" WHERE j IS NOT NULL ORDER BY j, id;
-- case: literals_misc/boolean_literals
SELECT true AS t, false AS f, 't'::BOOLEAN AS t_str, 'yes'::BOOLEAN AS yes, 'off'::BOOLEAN AS off, true AND 'y'::BOOL AS both_true, NOT false AS not_false;
-- case: literals_misc/e_string_escapes
SELECT 'a
b' AS newline, 'tab	here' AS tab, 'back\slash' AS backslash, 'it''s' AS quote, 'Aé' AS hex_unicode, 'A' AS octal;
-- case: literals_misc/e_string_lengths
SELECT length('a
b') AS newline_len, length('	') AS tab_len, length('\') AS backslash_len, length('\n') AS standard_len, '
' = chr(CAST(10 AS INT)) AS same_char;
-- case: literals_misc/standard_strings_keep_backslash
SELECT 'a\nb' AS raw, 'it''s' AS doubled_quote, '' AS empty, ' ' AS space;
-- case: literals_misc/dollar_quoted
SELECT 'it''s "quoted"' AS a, 'a $$ b' AS nested, length('') AS empty_len, 'back\slash' AS backslash;
-- case: literals_misc/unicode_escapes
SELECT 'Aé' AS a, 'data' AS data, 'é' AS custom_escape, '日本' AS nihon;
-- case: literals_misc/numeric_literals
SELECT CAST('1000' AS DECIMAL(4,0)) AS sci, CAST('.5' AS DECIMAL(1,1)) AS leading_dot, CAST('5.' AS DECIMAL(1,0)) AS trailing_dot, CAST('0.015' AS DECIMAL(3,3)) AS small_sci, CAST('0.1' AS DECIMAL(1,1)) + CAST('0.2' AS DECIMAL(1,1)) AS exact_sum, CAST('123456789012345678901234567890' AS DECIMAL(30,0)) AS huge;
-- case: literals_misc/integer_literal_types
SELECT CAST(2147483647 AS INT) AS max_int, 2147483648 AS becomes_bigint, CAST('9223372036854775808' AS DECIMAL(19,0)) AS becomes_numeric, CAST(-2147483648 AS INT) AS min_int, CAST(2147483647 AS INT)::BIGINT + CAST(1 AS INT) AS widened_sum;
-- case: literals_misc/overflow_safe_arithmetic
SELECT pg_int8(i4) * CAST(2 AS INT) AS doubled, pg_numeric(i8) + CAST(1 AS INT) AS plus_one, pg_int4(i2) * i2 AS squared FROM "public"."alltypes" AS "alltypes" WHERE id IN (CAST(4 AS INT), CAST(5 AS INT)) ORDER BY id;
-- case: literals_misc/integer_division_and_modulo
SELECT pg_div(CAST(7 AS INT), CAST(2 AS INT)) AS a, pg_div(CAST(-7 AS INT), CAST(2 AS INT)) AS b, pg_div(CAST(7 AS INT), CAST(-2 AS INT)) AS c, CAST(7 AS INT) % CAST(3 AS INT) AS d, CAST(-7 AS INT) % CAST(3 AS INT) AS e, CAST(7 AS INT) % CAST(-3 AS INT) AS f, (CAST(-7 AS INT) % CAST(3 AS INT)) AS g, pg_integer_div(CAST(-7 AS INT), CAST(2 AS INT)) AS h, pg_div(CAST(1 AS INT), CAST(3 AS INT)) AS i;
-- case: literals_misc/numeric_division
SELECT pg_div(CAST('7.0' AS DECIMAL(2,1)), CAST(2 AS INT)) AS a, pg_div(CAST(1 AS INT), CAST('3.0' AS DECIMAL(2,1))) AS b, pg_div(pg_numeric(CAST(10 AS INT)), CAST(4 AS INT)) AS c, pg_div(pg_numeric(CAST(1 AS INT)), CAST(3 AS INT)) AS d, pg_div_decimal(CAST('2.0' AS DECIMAL(2,1)), CAST(3 AS INT)) * CAST(3 AS INT) AS e, pg_div(CAST('100.00' AS DECIMAL(5,2)), CAST(3 AS INT)) AS f, CAST('5.5' AS DECIMAL(2,1)) % CAST(2 AS INT) AS g;
-- case: literals_misc/float_division
-- refused: the literal 1e-300 (more than 38 digits) is not supported on the embedded engine
-- case: literals_misc/power_sqrt_abs
-- refused: function cbrt() is not supported on the embedded engine
-- case: literals_misc/math_of_integers_and_floats
SELECT power(CAST(2 AS INT), CAST(10 AS INT)) AS p_int, power(CAST('2.5' AS DECIMAL(2,1))::FLOAT8, CAST(2 AS INT)) AS p_float, sqrt(CAST(2 AS INT)) AS sqrt_int, exp(CAST(0 AS INT)) AS exp0, ln(CAST(10 AS INT)) AS ln10, sqrt(CAST(2 AS INT)::FLOAT8) AS sqrt_float;
-- case: literals_misc/math_of_numerics
SELECT power(CAST('2.0' AS DECIMAL(2,1)), CAST('0.5' AS DECIMAL(1,1))) AS p_numeric, exp(CAST('1.0' AS DECIMAL(2,1))) AS e_numeric, sqrt(CAST('2.25' AS DECIMAL(3,2))) AS sqrt_numeric;
-- case: literals_misc/rounding_functions
SELECT pg_round(CAST('2.5' AS DECIMAL(2,1))) AS r1, pg_round(CAST('-2.5' AS DECIMAL(2,1))) AS r2, pg_round(CAST('2.345' AS DECIMAL(4,3)), 2) AS r3, pg_round(CAST('1234.5' AS DECIMAL(5,1)), -2) AS r4, pg_round(CAST('2.5' AS DECIMAL(2,1))::FLOAT8) AS r_float, pg_trunc(CAST('2.789' AS DECIMAL(4,3)), 1) AS t1, pg_trunc(CAST('-2.7' AS DECIMAL(2,1))) AS t2, CEIL(CAST('2.1' AS DECIMAL(2,1))) AS c1, ceil(CAST('-2.1' AS DECIMAL(2,1))) AS c2, FLOOR(CAST('-2.1' AS DECIMAL(2,1))) AS f1, FLOOR(CAST('2.9' AS DECIMAL(2,1))) AS f2;
-- case: literals_misc/sign_mod_div
SELECT pg_sign(CAST(-3 AS INT)) AS s1, pg_sign(CAST('0.0' AS DECIMAL(1,1))) AS s2, pg_sign(CAST('2.5' AS DECIMAL(2,1))::FLOAT8) AS s3, (CAST(17 AS INT) % CAST(5 AS INT)) AS m1, (CAST(-17 AS INT) % CAST(5 AS INT)) AS m2, (CAST('17.5' AS DECIMAL(3,1)) % CAST(5 AS INT)) AS m3, pg_integer_div(CAST(17 AS INT), CAST(5 AS INT)) AS d1, pg_integer_div(CAST('-17.5' AS DECIMAL(3,1)), CAST(5 AS INT)) AS d2;
-- case: literals_misc/exp_ln_log
-- refused: function log() is not supported on the embedded engine
-- case: literals_misc/rounding_columns
SELECT id, pg_round(m) AS m0, pg_round(m, 1) AS m1, pg_trunc(n, 2) AS n2, CEIL(f8) AS f8_ceil, FLOOR(f4) AS f4_floor FROM "public"."alltypes" AS "alltypes" WHERE id NOT IN (CAST(4 AS INT), CAST(5 AS INT)) ORDER BY id;
-- case: literals_misc/gcd_lcm_factorial
SELECT pg_gcd(CAST(12 AS INT), CAST(18 AS INT)) AS g, pg_lcm(CAST(4 AS INT), CAST(6 AS INT)) AS l, pg_factorial(CAST(10 AS INT)) AS f, pg_gcd(CAST(0 AS INT), CAST(5 AS INT)) AS g0;
-- case: literals_misc/width_bucket
SELECT pg_width_bucket(CAST('5.35' AS DECIMAL(3,2)), CAST('0.024' AS DECIMAL(3,3)), CAST('10.06' AS DECIMAL(4,2)), CAST(5 AS INT)) AS a, pg_width_bucket(CAST(-1 AS INT), CAST(0 AS INT), CAST(10 AS INT), CAST(5 AS INT)) AS below, pg_width_bucket(CAST(10 AS INT), CAST(0 AS INT), CAST(10 AS INT), CAST(5 AS INT)) AS at_top, pg_width_bucket(p_retailprice, CAST(900 AS INT), CAST(2100 AS INT), CAST(4 AS INT)) AS bucket, count(*) AS cnt FROM "public"."part" AS "part" GROUP BY 4 ORDER BY 4;
-- case: literals_misc/bit_operators
SELECT CAST(12 AS INT) & CAST(10 AS INT) AS b_and, CAST(12 AS INT) | CAST(10 AS INT) AS b_or, CAST(12 AS INT) # CAST(10 AS INT) AS b_xor, CAST(1 AS INT) << CAST(4 AS INT) AS shl, CAST(256 AS INT) >> CAST(2 AS INT) AS shr, pg_bitnot(CAST(5 AS INT)) AS b_not, CAST(-8 AS INT) >> CAST(1 AS INT) AS shr_neg, CAST(1 AS INT)::BIGINT << CAST(40 AS INT) AS big_shl;
-- case: literals_misc/bit_operators_table
SELECT n_nationkey, n_nationkey & CAST(3 AS INT) AS low2, n_nationkey | CAST(8 AS INT) AS with8, n_nationkey # CAST(1 AS INT) AS flip1, n_nationkey >> CAST(2 AS INT) AS div4 FROM "public"."nation" AS "nation" ORDER BY n_nationkey LIMIT 8;
-- case: literals_misc/operator_precedence
SELECT CAST(2 AS INT) + CAST(3 AS INT) * CAST(4 AS INT) AS a, (CAST(2 AS INT) + CAST(3 AS INT)) * CAST(4 AS INT) AS b, power(CAST(-2 AS INT), CAST(2 AS INT)) AS c, power(power(CAST(2 AS INT), CAST(3 AS INT)), CAST(2 AS INT)) AS d, CAST(10 AS INT) - CAST(2 AS INT) - CAST(3 AS INT) AS e, CAST(2 AS INT) * CAST(3 AS INT) % CAST(4 AS INT) AS f, NOT true = false AS g;
-- case: literals_misc/float_special_values
-- refused: the numeric text 'NaN' is not supported on the embedded engine
-- case: literals_misc/numeric_exactness
SELECT CAST('1.10' AS DECIMAL(3,2)) + CAST('2.205' AS DECIMAL(4,3)) AS sum_scale, CAST('1.5' AS DECIMAL(2,1)) * CAST('2.25' AS DECIMAL(3,2)) AS prod_scale, CAST('0.1' AS DECIMAL(1,1)) * CAST(3 AS INT) = CAST('0.3' AS DECIMAL(1,1)) AS numeric_exact, CAST('0.1' AS DECIMAL(1,1))::FLOAT8 * CAST(3 AS INT) = CAST('0.3' AS DECIMAL(1,1))::FLOAT8 AS float_inexact, CAST('99999999999999999999999999.99' AS DECIMAL(28,2)) + CAST('0.01' AS DECIMAL(2,2)) AS big_sum, power(pg_numeric(CAST(2 AS INT)), CAST(100 AS INT)) AS big_power;
-- case: literals_misc/row_constructor_comparison
SELECT (CAST(1 AS INT) < CAST(1 AS INT) OR (CAST(1 AS INT) = CAST(1 AS INT) AND (CAST(2 AS INT) < CAST(3 AS INT)))) AS a, (CAST(1 AS INT) = CAST(1 AS INT) AND 'a' = 'a') AS b, (CAST(1 AS INT) = CAST(1 AS INT) AND NULL = CAST(2 AS INT)) AS c, (CAST(2 AS INT) > CAST(1 AS INT) OR (CAST(2 AS INT) = CAST(1 AS INT) AND (NULL > CAST(5 AS INT)))) AS d, (CAST(1 AS INT) IS DISTINCT FROM CAST(1 AS INT) OR CAST(2 AS INT) IS DISTINCT FROM NULL) AS e;
-- case: literals_misc/row_comparison_columns_nulls
SELECT id, (i4 < CAST(10 AS INT) OR (i4 = CAST(10 AS INT) AND (t < 'Hello'))) AS lt, (i4 > CAST(-10 AS INT) OR (i4 = CAST(-10 AS INT) AND (i2 >= CAST(0 AS INT)))) AS ge, (b < true OR (b = true AND (i2 <= CAST(1 AS INT)))) AS le, (i4 <> CAST(10 AS INT) OR t <> 'Hello World') AS ne, (i4 = CAST(10 AS INT) AND d = DATE '2024-02-29') AS eq, (i4 IS NOT DISTINCT FROM NULL AND i2 IS NOT DISTINCT FROM NULL) AS not_distinct FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: literals_misc/row_comparison_filter
SELECT o_orderkey, o_custkey FROM "public"."orders" AS "orders" WHERE (o_custkey > CAST(1400 AS INT) OR (o_custkey = CAST(1400 AS INT) AND (o_orderkey > CAST(5000 AS INT)))) AND (o_custkey < CAST(1450 AS INT) OR (o_custkey = CAST(1450 AS INT) AND (o_orderkey <= CAST(60000 AS INT)))) ORDER BY o_custkey, o_orderkey;
-- case: literals_misc/identifier_case_folding
SELECT N_NAME, N_NATIONKEY FROM "public"."nation" AS "nation" WHERE N_REGIONKEY = CAST(2 AS INT) ORDER BY N_NATIONKEY;
-- case: literals_misc/quoted_identifiers
SELECT "n_name", "n_nationkey" FROM "public"."nation" AS "nation" WHERE "n_regionkey" = CAST(3 AS INT) ORDER BY "n_nationkey";
-- case: literals_misc/mixed_case_quoted_aliases
SELECT n_name AS "NationName", n_nationkey AS "Key" FROM "public"."nation" AS "nation" ORDER BY "Key" LIMIT 3;
-- case: literals_misc/unquoted_alias_folds_to_lower
SELECT n_name AS NationName, n_nationkey AS KEY_COL FROM "public"."nation" AS "nation" ORDER BY nationname LIMIT 3;
-- case: literals_misc/alias_with_spaces_and_symbols
SELECT count(*) AS "Total Count", pg_sum(o_totalprice) AS "Sum $", min(o_orderdate) AS "first-order" FROM "public"."orders" AS "orders";
-- case: literals_misc/select_typed_alias
SELECT CAST(1 AS INT) AS "Total Count", 'x'::TEXT AS "Label", CAST('2.5' AS DECIMAL(2,1))::NUMERIC(3,1) AS "Ratio (x)";
-- case: literals_misc/default_column_names_aggregates
SELECT n_regionkey, count(*), pg_sum(n_nationkey), CAST(1 AS INT) + CAST(1 AS INT), max(n_name), min(n_nationkey), pg_avg(n_nationkey) FROM "public"."nation" AS "nation" GROUP BY n_regionkey ORDER BY n_regionkey;
-- case: literals_misc/default_column_names_expressions
-- refused: function row() is not supported on the embedded engine
-- case: literals_misc/default_column_names_columns
SELECT n.n_name, r.r_name, n.n_regionkey + CAST(0 AS INT), -n.n_nationkey AS "?column? #4", pg_text(n.n_nationkey) FROM "public"."nation" AS n JOIN "public"."region" AS r ON n.n_regionkey = r.r_regionkey ORDER BY n.n_nationkey LIMIT 3;
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
SELECT n_name FROM "public"."nation" AS "nation" WHERE n_regionkey = CAST(0 AS INT) ORDER BY n_nationkey DESC;
-- case: literals_misc/order_by_boolean_and_mixed_directions
SELECT id, b, i2 FROM "public"."alltypes" AS "alltypes" ORDER BY b DESC NULLS LAST, i2 ASC NULLS FIRST, id;
-- case: literals_misc/order_by_interval_nulls_first
SELECT id, iv FROM "public"."alltypes" AS "alltypes" ORDER BY iv NULLS FIRST, id;
-- case: literals_misc/comparison_of_mixed_numeric_types
SELECT CAST(1 AS INT) = CAST('1.0' AS DECIMAL(2,1)) AS int_numeric, CAST(1 AS INT)::SMALLINT = CAST(1 AS INT)::BIGINT AS small_big, CAST('0.1' AS DECIMAL(1,1))::REAL = CAST('0.1' AS DECIMAL(1,1))::FLOAT8 AS real_vs_double, CAST('0.5' AS DECIMAL(1,1))::REAL = CAST('0.5' AS DECIMAL(1,1))::FLOAT8 AS exact_half, CAST(1 AS INT)::FLOAT8 = pg_numeric(CAST(1 AS INT)) AS float_numeric;
-- case: literals_misc/string_comparisons_padding
SELECT 'abc' = 'abc ' AS text_trailing_space, pg_bpchar('abc', 5) = pg_bpchar('abc', 3) AS char_pad_eq, pg_varchar('abc', 0) = 'abc' AS varchar_eq, 'a' < 'b' AS lt;
-- case: literals_misc/exact_math_functions
SELECT pg_sign(CAST('-0.0' AS DECIMAL(1,1))) AS a, pg_sign(-CAST(7 AS INT)::BIGINT) AS b, pg_integer_div(CAST(7 AS INT), CAST(-2 AS INT)) AS c, pg_gcd(-CAST(12 AS INT)::BIGINT, CAST(18 AS INT)) AS d, pg_lcm(CAST(0 AS INT), CAST(5 AS INT)) AS e, pg_width_bucket(CAST('-0.5' AS DECIMAL(1,1)), CAST(1 AS INT), CAST(0 AS INT), CAST(4 AS INT)) AS f, pg_width_bucket(CAST('2.5' AS DECIMAL(2,1))::FLOAT8, CAST(0 AS INT), CAST(10 AS INT), CAST(4 AS INT)) AS g, pg_factorial(CAST(0 AS INT)) AS h, (CAST('-7.5' AS DECIMAL(2,1)) % CAST(2 AS INT)) AS i;
-- case: pattern_matching/like_prefix_count
SELECT count(*) AS cnt FROM "public"."part" AS "part" WHERE p_name LIKE 'forest%';
-- case: pattern_matching/like_suffix
SELECT p_size, count(*) AS cnt FROM "public"."part" AS "part" WHERE p_type LIKE '%BRASS' AND p_size <= CAST(5 AS INT) GROUP BY p_size ORDER BY p_size;
-- case: pattern_matching/not_like
SELECT count(*) AS cnt FROM "public"."customer" AS "customer" WHERE c_phone NOT LIKE '1%';
-- case: pattern_matching/like_single_char
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" WHERE n_name LIKE '_R%' ORDER BY n_nationkey;
-- case: pattern_matching/like_inner_wildcards
SELECT count(*) AS cnt FROM "public"."orders" AS "orders" WHERE o_comment LIKE '%special%requests%';
-- case: pattern_matching/ilike
SELECT id, t FROM "public"."alltypes" AS "alltypes" WHERE t ILIKE 'hello%' ORDER BY id;
-- case: pattern_matching/not_ilike_skips_nulls
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE t NOT ILIKE '%world%' ORDER BY id;
-- case: pattern_matching/ilike_tpch
SELECT count(*) AS cnt FROM "public"."part" AS "part" WHERE p_type ILIKE '%polished%' AND p_name NOT ILIKE '%RED%';
-- case: pattern_matching/like_escaped_underscore
SELECT id, vc FROM "public"."alltypes" AS "alltypes" WHERE vc LIKE '%\_%' ORDER BY id;
-- case: pattern_matching/like_escaped_percent
SELECT id, vc FROM "public"."alltypes" AS "alltypes" WHERE vc LIKE '%\%%' ORDER BY id;
-- case: pattern_matching/like_escape_clause
SELECT id, vc FROM "public"."alltypes" AS "alltypes" WHERE vc LIKE '%\_%' OR vc LIKE 'a.%' ORDER BY id;
-- case: pattern_matching/like_literal_matrix
SELECT 'ABC' LIKE 'abc' AS a, 'ABC' ILIKE 'abc' AS b, 'abc' LIKE 'a%c' AS c, 'a' LIKE '' AS d, '' LIKE '%' AS e, 'a_c' LIKE 'a\_c' AS f, 'abc' LIKE 'a\_c' AS g;
-- case: pattern_matching/like_null_operands
SELECT NULL LIKE 'a' AS a, 'a' LIKE NULL AS b, NULL::TEXT NOT LIKE '%' AS c, 'x' NOT ILIKE NULL AS d;
-- case: pattern_matching/like_empty_string
SELECT id, t = '' AS is_empty FROM "public"."alltypes" AS "alltypes" WHERE t LIKE '' ORDER BY id;
-- case: pattern_matching/like_unicode
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE t LIKE '%日本' OR vc LIKE 'Ω%' OR t LIKE '_n%' ORDER BY id;
-- case: pattern_matching/like_char_column
SELECT id, c FROM "public"."alltypes" AS "alltypes" WHERE c LIKE 'ab%' OR c LIKE 'x%' ORDER BY id;
-- case: pattern_matching/like_with_newline
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE t LIKE '%and' || '
' || 'new%' ORDER BY id;
-- case: pattern_matching/like_any_array
SELECT count(*) AS cnt FROM "public"."part" AS "part" WHERE (p_name LIKE '%green%' OR p_name LIKE '%blue%');
-- case: pattern_matching/like_all_array
SELECT count(*) AS cnt FROM "public"."part" AS "part" WHERE (p_name LIKE '%green%' AND p_name LIKE '%blue%');
-- case: pattern_matching/regex_anchor
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" WHERE n_name ~ '^[A-C]' ORDER BY n_nationkey;
-- case: pattern_matching/regex_case_insensitive
SELECT id, t FROM "public"."alltypes" AS "alltypes" WHERE t ~* 'mixed|^hello' ORDER BY id;
-- case: pattern_matching/regex_not_match
SELECT count(*) AS cnt FROM "public"."part" AS "part" WHERE p_name !~ 'green|blue';
-- case: pattern_matching/regex_not_match_icase
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE vc !~* '^a' ORDER BY id;
-- case: pattern_matching/regex_digit_classes
SELECT c_phone ~ '^\d{2}-\d{3}-\d{3}-\d{4}$' AS well_formed, count(*) AS cnt FROM "public"."customer" AS "customer" GROUP BY 1 ORDER BY 1;
-- case: pattern_matching/regex_newline
SELECT id FROM "public"."alltypes" AS "alltypes" WHERE t ~ '
' OR t ~ '\t' ORDER BY id;
-- case: pattern_matching/regex_literal_matrix
SELECT 'abc' ~ 'b' AS a, 'abc' ~ '^b' AS b, 'ABC' ~* 'b' AS c, 'abc' !~ 'z' AS d, 'abc' !~* 'B' AS e, 'a.c' ~ 'a\.c' AS f, 'abc' ~ 'a\.c' AS g;
-- case: pattern_matching/regex_in_case
SELECT CASE WHEN p_type ~ 'STEEL$' THEN 'steel' WHEN p_type ~ 'BRASS$' THEN 'brass' ELSE 'other' END AS metal, count(*) AS cnt FROM "public"."part" AS "part" GROUP BY 1 ORDER BY 1;
-- case: pattern_matching/similar_to_literals
SELECT 'abc' ~ '(?s)^(?:a.*)$' AS a, 'abc' ~ '(?s)^(?:(?:a|b).*c)$' AS b, 'abd' ~ '(?s)^(?:ab[cd])$' AS c, 'abc' !~ '(?s)^(?:b.*)$' AS d, 'abc' ~ '(?s)^(?:b)$' AS e, 'aaa' ~ '(?s)^(?:a+)$' AS f;
-- case: pattern_matching/similar_to_table
SELECT count(*) AS cnt FROM "public"."part" AS "part" WHERE p_container ~ '(?s)^(?:(?:SM|LG) (?:BOX|CASE))$';
-- case: pattern_matching/not_similar_to_table
SELECT count(*) AS cnt FROM "public"."lineitem" AS "lineitem" WHERE l_shipmode !~ '(?s)^(?:.*(?:AIR|RAIL).*)$';
-- case: pattern_matching/like_counts_with_nulls
SELECT count(*) FILTER (WHERE t LIKE '%o%') AS has_o, count(*) FILTER (WHERE t NOT LIKE '%o%') AS no_o, count(*) AS total FROM "public"."alltypes" AS "alltypes";
-- case: pattern_matching/substring_regex
SELECT array_element(regexp_match('abc123def456', '[0-9]+'), 1) AS first_digits, array_element(regexp_match('order-42', '-(\d+)$'), 1) AS captured, array_element(regexp_match('xyz', '[0-9]+'), 1) AS no_match;
-- case: pattern_matching/like_escape_and_arrays
SELECT 'a%b' LIKE 'a\%b' AS a, '100%' LIKE '100\%' AS b, 'x\y' LIKE 'x\\y' AS c, ('abc' ILIKE 'A%' OR 'abc' ILIKE 'z%') AS d, (NULL LIKE 'a') AS e, ('abc' NOT LIKE 'x%' AND 'abc' NOT LIKE 'y%') AS f;
-- case: series_values/int_basic
SELECT * FROM (SELECT CAST(value AS INT) AS "generate_series" FROM generate_series(1, 5)) AS "generate_series" ORDER BY 1;
-- case: series_values/int_with_step
SELECT g FROM (SELECT CAST(value AS INT) AS "g" FROM generate_series(0, 20, 5)) AS "g" ORDER BY g;
-- case: series_values/int_step_not_landing_on_stop
SELECT g FROM (SELECT CAST(value AS INT) AS "g" FROM generate_series(1, 10, 4)) AS "g" ORDER BY g;
-- case: series_values/negative_step
SELECT g FROM (SELECT CAST(value AS INT) AS "g" FROM generate_series(10, 1, -3)) AS "g" ORDER BY g DESC;
-- case: series_values/empty_when_start_after_stop
SELECT count(*) AS cnt FROM (SELECT CAST(value AS INT) AS "g" FROM generate_series(5, 1)) AS "g";
-- case: series_values/single_element
SELECT g FROM (SELECT CAST(value AS INT) AS "g" FROM generate_series(7, 7)) AS "g" ORDER BY g;
-- case: series_values/bigint_near_max
SELECT g FROM (SELECT CAST(value AS BIGINT) AS "g" FROM generate_series(9223372036854775805, 9223372036854775807)) AS "g" ORDER BY g;
-- case: series_values/numeric_step
SELECT x FROM (SELECT CAST(value AS DECIMAL(38,0)) * CAST('0.1' AS DECIMAL(2,1)) AS "x" FROM generate_series(5, 20, 5)) AS "x" ORDER BY x;
-- case: series_values/aggregate_over_series
SELECT pg_sum(g) AS total, count(*) AS cnt, pg_avg(g) AS mean, max(g) AS mx FROM (SELECT CAST(value AS INT) AS "g" FROM generate_series(1, 1000)) AS "g";
-- case: series_values/in_select_list
SELECT CAST(unnest(generate_series(1, 3)) AS INT) AS x ORDER BY x;
-- case: series_values/in_select_list_per_row_and_decimal
SELECT n_nationkey, CAST(unnest(generate_series(1, 2)) AS INT) AS k, CAST(unnest(generate_series(5, 15, 5)) AS DECIMAL(38,0)) * CAST('0.1' AS DECIMAL(2,1)) AS d FROM "public"."nation" AS "nation" WHERE n_nationkey < CAST(3 AS INT) ORDER BY 1, 2, 3;
-- case: series_values/function_alias_as_value
SELECT g."n", g.n AS "n #2", g."n" + CAST(1 AS INT) AS next FROM (SELECT CAST(value AS INT) AS "n" FROM generate_series(1, 3)) AS "g" ORDER BY 1;
-- case: series_values/with_ordinality
SELECT * FROM (SELECT CAST(value AS INT) AS "v", (value - (10)) / (10) + 1 AS "i" FROM generate_series(10, 30, 10)) AS "t" ORDER BY i;
-- case: series_values/timestamps_hourly_step
SELECT ts FROM (SELECT arrow_cast(value, 'Timestamp(Microsecond, None)') AS "ts" FROM generate_series(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-02 00:00:00', INTERVAL '6 hours')) AS "ts" ORDER BY ts;
-- case: series_values/timestamptz_daily
SELECT ts FROM (SELECT arrow_cast(value, 'Timestamp(Microsecond, Some("UTC"))') AS "ts" FROM generate_series(arrow_cast(arrow_cast('2024-02-27 00:00:00+00:00', 'Timestamp(Microsecond, Some("UTC"))'), 'Timestamp(Nanosecond, None)'), arrow_cast(arrow_cast('2024-03-02 00:00:00+00:00', 'Timestamp(Microsecond, Some("UTC"))'), 'Timestamp(Nanosecond, None)'), INTERVAL '1 days')) AS "ts" ORDER BY ts;
-- case: series_values/dates_monthly_end_of_month
SELECT d::DATE AS d FROM (SELECT arrow_cast(value, 'Timestamp(Microsecond, Some("UTC"))') AS "d" FROM generate_series(TIMESTAMP '2024-01-31 00:00:00', TIMESTAMP '2024-06-30 00:00:00', INTERVAL '1 months')) AS "d" ORDER BY d;
-- case: series_values/timestamps_month_end_steps
SELECT g.t, CAST(date_part('dow', g.t) AS DECIMAL(20,0)) AS dow FROM (SELECT arrow_cast(value, 'Timestamp(Microsecond, None)') AS "t" FROM generate_series(TIMESTAMP '2024-01-31 10:00:00', TIMESTAMP '2024-07-01', INTERVAL '1 months 1 days 30 minutes')) AS "g" ORDER BY g.t;
-- case: series_values/timestamps_empty_and_count
SELECT (SELECT count(*) FROM (SELECT arrow_cast(value, 'Timestamp(Microsecond, None)') AS "x" FROM generate_series(TIMESTAMP '2024-02-01', TIMESTAMP '2024-01-01', INTERVAL '1 days')) AS "x") AS none, (SELECT count(*) FROM (SELECT arrow_cast(value, 'Timestamp(Microsecond, None)') AS "w" FROM generate_series(TIMESTAMP '2024-01-01', TIMESTAMP '2024-12-31 23:59:59', INTERVAL '7 days')) AS "w") AS weeks;
-- case: series_values/timestamps_descending
SELECT ts FROM (SELECT arrow_cast(value, 'Timestamp(Microsecond, None)') AS "ts" FROM generate_series(TIMESTAMP '2024-01-01 12:00:00', TIMESTAMP '2024-01-01 10:00:00', INTERVAL '-30 minutes')) AS "ts" ORDER BY ts DESC;
-- case: series_values/months_joined_to_orders
SELECT g.m, count(o.o_orderkey) AS orders FROM (SELECT CAST(value AS INT) AS "m" FROM generate_series(1, 12)) AS "g" LEFT JOIN "public"."orders" AS o ON CAST(date_part('month', o.o_orderdate) AS DECIMAL(20,0)) = g.m AND CAST(date_part('year', o.o_orderdate) AS DECIMAL(20,0)) = CAST(1995 AS INT) GROUP BY g.m ORDER BY g.m;
-- case: series_values/calendar_fill_zero
SELECT month_start::DATE AS month_start, count(o_orderkey) AS orders FROM (SELECT arrow_cast(value, 'Timestamp(Microsecond, Some("UTC"))') AS "month_start" FROM generate_series(TIMESTAMP '1998-01-01 00:00:00', TIMESTAMP '1998-12-01 00:00:00', INTERVAL '1 months')) AS "month_start" LEFT JOIN "public"."orders" AS "orders" ON pg_date_trunc('month', o_orderdate) = month_start GROUP BY month_start ORDER BY month_start;
-- case: series_values/lateral_series_per_row
-- refused: generate_series over anything but number constants or timestamp literals is not supported on the embedded engine
-- case: series_values/series_join_table
SELECT g AS key, n_name FROM (SELECT CAST(value AS INT) AS "g" FROM generate_series(0, 24, 6)) AS "g" JOIN "public"."nation" AS "nation" ON n_nationkey = g ORDER BY g;
-- case: series_values/series_cross_join_count
SELECT r_name, count(*) AS cnt FROM "public"."region" AS "region" CROSS JOIN (SELECT CAST(value AS INT) AS "g" FROM generate_series(1, 3)) AS "g" GROUP BY r_name ORDER BY r_name;
-- case: series_values/values_basic
VALUES (CAST(1 AS INT), 'a'), (CAST(2 AS INT), 'b'), (CAST(3 AS INT), 'c') ORDER BY 1;
-- case: series_values/values_in_from_with_aliases
SELECT * FROM (VALUES (CAST(1 AS INT), 'one'), (CAST(2 AS INT), 'two'), (CAST(3 AS INT), NULL)) AS v (num, word) ORDER BY num;
-- case: series_values/values_lookup_join
SELECT n.n_nationkey, n.n_name, v.label FROM "public"."nation" AS n JOIN (VALUES (CAST(0 AS INT)::BIGINT, 'zero'), (CAST(1 AS INT), 'one'), (CAST(24 AS INT), 'last')) AS v (k, label) ON n.n_nationkey = v.k ORDER BY n.n_nationkey;
-- case: series_values/values_type_resolution
VALUES (CAST(1 AS INT), CAST('1.5' AS DECIMAL(2,1))), (CAST(2 AS INT), CAST(3 AS INT)), (CAST(3 AS INT), CAST('-0.25' AS DECIMAL(2,2))) ORDER BY 1;
-- case: series_values/values_aggregate_with_null
SELECT pg_sum(x) AS s, pg_avg(x) AS a, count(x) AS c, count(*) AS c_star FROM (VALUES (CAST(1 AS INT)), (CAST(2 AS INT)), (NULL::INT)) AS t (x);
-- case: series_values/values_in_cte
WITH v (a) AS (VALUES ('x'), ('y'), ('z')) SELECT string_agg(a, '' ORDER BY a DESC) AS joined FROM v;
-- case: series_values/values_nulls_ordering
SELECT * FROM (VALUES (NULL, CAST(1 AS INT)), ('a', NULL), ('b', CAST(2 AS INT))) AS v (s, n) ORDER BY n NULLS FIRST;
-- case: series_values/values_mixed_types
SELECT * FROM (VALUES (DATE '2024-01-01', true, CAST(10 AS INT)::BIGINT), (DATE '2024-12-31', false, NULL)) AS v (d, flag, amount) ORDER BY d;
-- case: series_values/values_in_where_in
SELECT count(*) AS cnt FROM "public"."lineitem" AS "lineitem" WHERE ((l_returnflag = 'R' AND l_linestatus = 'F') OR (l_returnflag = 'A' AND l_linestatus = 'F'));
-- case: series_values/values_single_row_column_names
VALUES (CAST(1 AS INT), 'x', true);
-- case: series_values/numeric_negative_step
SELECT x FROM (SELECT CAST(value AS DECIMAL(38,0)) * CAST('0.1' AS DECIMAL(2,1)) AS "x" FROM generate_series(25, -10, -5)) AS "x";
-- case: setops_subqueries/union_dedup
SELECT n_name FROM "public"."nation" AS "nation" WHERE n_regionkey = CAST(0 AS INT) UNION SELECT n_name FROM "public"."nation" AS "nation" WHERE n_nationkey < CAST(3 AS INT) ORDER BY n_name;
-- case: setops_subqueries/union_all_keeps_duplicates
SELECT CAST(1 AS INT) AS x UNION ALL SELECT CAST(1 AS INT) UNION ALL SELECT CAST(2 AS INT) ORDER BY x;
-- case: setops_subqueries/union_all_tpch_counts
SELECT 'customer' AS tbl, count(*) AS cnt FROM "public"."customer" AS "customer" UNION ALL SELECT 'supplier', count(*) FROM "public"."supplier" AS "supplier" UNION ALL SELECT 'nation', count(*) FROM "public"."nation" AS "nation" ORDER BY cnt DESC;
-- case: setops_subqueries/intersect
SELECT c_nationkey FROM "public"."customer" AS "customer" WHERE c_acctbal > CAST(9900 AS INT) INTERSECT SELECT s_nationkey FROM "public"."supplier" AS "supplier" ORDER BY 1;
-- case: setops_subqueries/except
SELECT n_nationkey FROM "public"."nation" AS "nation" EXCEPT SELECT s_nationkey FROM "public"."supplier" AS "supplier" WHERE s_acctbal > CAST(5000 AS INT) ORDER BY 1;
-- case: setops_subqueries/intersect_all_except_all
-- refused: INTERSECT ALL and EXCEPT ALL is not supported on the embedded engine
-- case: setops_subqueries/nested_set_operations
(SELECT n_nationkey FROM "public"."nation" AS "nation" WHERE n_regionkey = CAST(1 AS INT) UNION SELECT n_nationkey FROM "public"."nation" AS "nation" WHERE n_regionkey = CAST(2 AS INT)) EXCEPT SELECT n_nationkey FROM "public"."nation" AS "nation" WHERE n_name LIKE '%A' ORDER BY 1;
-- case: setops_subqueries/set_op_precedence
SELECT CAST(1 AS INT) AS v UNION SELECT CAST(2 AS INT) INTERSECT SELECT CAST(2 AS INT) ORDER BY v;
-- case: setops_subqueries/union_type_coercion
SELECT CAST(1 AS INT) AS v UNION SELECT CAST('2.5' AS DECIMAL(2,1)) UNION SELECT CAST(-1 AS INT) ORDER BY v;
-- case: setops_subqueries/union_nulls_dedup
SELECT NULL::INT AS v UNION SELECT NULL::INT UNION SELECT CAST(1 AS INT) ORDER BY v NULLS FIRST;
-- case: setops_subqueries/union_with_limited_branches
(SELECT o_orderkey, o_totalprice FROM "public"."orders" AS "orders" ORDER BY o_totalprice DESC, o_orderkey LIMIT 2) UNION ALL (SELECT o_orderkey, o_totalprice FROM "public"."orders" AS "orders" ORDER BY o_totalprice, o_orderkey LIMIT 2) ORDER BY o_totalprice;
-- case: setops_subqueries/scalar_subquery_in_select
SELECT n_nationkey, n_name, (SELECT count(*) FROM "public"."customer" AS c WHERE c.c_nationkey = n.n_nationkey) AS customers FROM "public"."nation" AS n WHERE n_regionkey = CAST(4 AS INT) ORDER BY n_nationkey;
-- case: setops_subqueries/scalar_subquery_in_where
SELECT count(*) AS above_avg FROM "public"."orders" AS "orders" WHERE o_totalprice > (SELECT pg_avg_decimal(o_totalprice) FROM "public"."orders" AS "orders");
-- case: setops_subqueries/scalar_subquery_empty_is_null
SELECT (SELECT nullif(n_name, NULL) FROM "public"."nation" AS "nation" WHERE n_nationkey = CAST(999 AS INT)) IS NULL AS is_null, (SELECT max(n_nationkey) FROM "public"."nation" AS "nation" WHERE false) AS max_empty;
-- case: setops_subqueries/exists
SELECT count(*) AS customers_with_orders FROM "public"."customer" AS c WHERE EXISTS (SELECT CAST(1 AS INT) FROM "public"."orders" AS o WHERE o.o_custkey = c.c_custkey);
-- case: setops_subqueries/not_exists
SELECT count(*) AS customers_without_orders FROM "public"."customer" AS c WHERE NOT EXISTS (SELECT CAST(1 AS INT) FROM "public"."orders" AS o WHERE o.o_custkey = c.c_custkey);
-- case: setops_subqueries/exists_uncorrelated
SELECT r_regionkey FROM "public"."region" AS "region" WHERE EXISTS (SELECT CAST(1 AS INT) FROM "public"."nation" AS "nation" WHERE n_name = 'PERU') ORDER BY r_regionkey;
-- case: setops_subqueries/in_subquery
SELECT n_nationkey, n_name FROM "public"."nation" AS "nation" WHERE n_nationkey IN (SELECT s_nationkey FROM "public"."supplier" AS "supplier" WHERE s_acctbal > CAST(9000 AS INT)) ORDER BY n_nationkey;
-- case: setops_subqueries/any_all_subquery
-- refused: ANY/ALL over a subquery with another operator than = ANY or <> ALL is not supported on the embedded engine
-- case: setops_subqueries/correlated_max_per_customer
SELECT o_custkey, o_orderkey, o_totalprice FROM "public"."orders" AS o WHERE o_totalprice = (SELECT max(o2.o_totalprice) FROM "public"."orders" AS o2 WHERE o2.o_custkey = o.o_custkey) AND o_custkey <= CAST(10 AS INT) ORDER BY o_custkey, o_orderkey;
-- case: setops_subqueries/correlated_in_select_avg
SELECT s_suppkey, s_acctbal, pg_round(s_acctbal - (SELECT pg_avg_decimal(s2.s_acctbal) FROM "public"."supplier" AS s2 WHERE s2.s_nationkey = s.s_nationkey), 2) AS diff_from_nation_avg FROM "public"."supplier" AS s WHERE s_suppkey <= CAST(10 AS INT) ORDER BY s_suppkey;
-- case: setops_subqueries/derived_table
SELECT pg_avg(n) AS avg_orders, max(n) AS max_orders FROM (SELECT o_custkey, count(*) AS n FROM "public"."orders" AS "orders" GROUP BY o_custkey) AS t;
-- case: setops_subqueries/derived_table_join
SELECT t.c_mktsegment, t.customers, t.total_balance FROM (SELECT c_mktsegment, count(*) AS customers, pg_sum(c_acctbal) AS total_balance FROM "public"."customer" AS "customer" GROUP BY c_mktsegment) AS t WHERE t.customers > CAST(290 AS INT) ORDER BY t.c_mktsegment;
-- case: setops_subqueries/cte_basic
WITH big_orders AS (SELECT o_orderkey, o_custkey, o_totalprice FROM "public"."orders" AS "orders" WHERE o_totalprice > CAST(400000 AS INT)) SELECT count(*) AS cnt, min(o_totalprice) AS lo FROM big_orders;
-- case: setops_subqueries/cte_multiple
WITH cust_orders AS (SELECT o_custkey, count(*) AS n, pg_sum(o_totalprice) AS spent FROM "public"."orders" AS "orders" GROUP BY o_custkey), top_customers AS (SELECT o_custkey FROM cust_orders WHERE n >= CAST(30 AS INT)) SELECT c.c_custkey, c.c_name, co.n, co.spent FROM "public"."customer" AS c JOIN cust_orders AS co ON co.o_custkey = c.c_custkey JOIN top_customers AS t ON t.o_custkey = c.c_custkey ORDER BY c.c_custkey;
-- case: setops_subqueries/cte_referenced_twice
WITH nation_counts AS (SELECT c_nationkey, count(*) AS cnt FROM "public"."customer" AS "customer" GROUP BY c_nationkey) SELECT a.c_nationkey, a.cnt FROM nation_counts AS a WHERE a.cnt = (SELECT max(cnt) FROM nation_counts) ORDER BY a.c_nationkey;
-- case: setops_subqueries/cte_nested_reference
WITH a AS (SELECT n_nationkey, n_regionkey FROM "public"."nation" AS "nation"), b AS (SELECT n_regionkey, count(*) AS cnt FROM a GROUP BY n_regionkey), c AS (SELECT pg_sum(cnt) AS total FROM b) SELECT b.n_regionkey, b.cnt, c.total FROM b CROSS JOIN c ORDER BY b.n_regionkey;
-- case: setops_subqueries/cte_recursive
WITH RECURSIVE t (n, fact) AS (SELECT CAST(1 AS INT), pg_numeric(CAST(1 AS INT)) UNION ALL SELECT n + CAST(1 AS INT), fact * (n + CAST(1 AS INT)) FROM t WHERE n < CAST(15 AS INT)) SELECT n, fact FROM t ORDER BY n;
-- case: setops_subqueries/cte_materialized
WITH totals AS MATERIALIZED (SELECT l_orderkey, pg_sum(l_quantity) AS qty FROM "public"."lineitem" AS "lineitem" GROUP BY l_orderkey) SELECT count(*) AS orders, max(qty) AS max_qty FROM totals;
-- case: setops_subqueries/lateral_top_n_per_row
-- refused: LATERAL is not supported on the embedded engine
-- case: setops_subqueries/left_join_lateral
-- refused: LATERAL is not supported on the embedded engine
-- case: setops_subqueries/lateral_comma_syntax
-- refused: LATERAL is not supported on the embedded engine
-- case: setops_subqueries/inner_join
SELECT n.n_nationkey, n.n_name, r.r_name FROM "public"."nation" AS n INNER JOIN "public"."region" AS r ON n.n_regionkey = r.r_regionkey WHERE r.r_name = 'ASIA' ORDER BY n.n_nationkey;
-- case: setops_subqueries/left_join_with_on_filter
SELECT r.r_regionkey, count(n.n_nationkey) AS nations_starting_with_a FROM "public"."region" AS r LEFT JOIN "public"."nation" AS n ON n.n_regionkey = r.r_regionkey AND n.n_name LIKE 'A%' GROUP BY r.r_regionkey ORDER BY r.r_regionkey;
-- case: setops_subqueries/left_join_anti
SELECT count(*) AS customers_without_orders FROM "public"."customer" AS c LEFT JOIN "public"."orders" AS o ON o.o_custkey = c.c_custkey WHERE o.o_orderkey IS NULL;
-- case: setops_subqueries/right_join
SELECT r.r_name, n.n_name FROM "public"."nation" AS n RIGHT JOIN "public"."region" AS r ON n.n_regionkey = r.r_regionkey AND n.n_nationkey < CAST(3 AS INT) ORDER BY r.r_regionkey, n.n_nationkey;
-- case: setops_subqueries/full_join
SELECT a.n_nationkey AS left_key, b.n_nationkey AS right_key FROM (SELECT n_nationkey FROM "public"."nation" AS "nation" WHERE n_nationkey < CAST(5 AS INT)) AS a FULL JOIN (SELECT n_nationkey FROM "public"."nation" AS "nation" WHERE n_nationkey BETWEEN CAST(3 AS INT) AND CAST(7 AS INT)) AS b ON a.n_nationkey = b.n_nationkey ORDER BY coalesce(a.n_nationkey, b.n_nationkey);
-- case: setops_subqueries/full_join_using
SELECT COALESCE("a".k, "b".k) AS "k", a.label AS a_label, b.label AS b_label FROM (VALUES (CAST(1 AS INT), 'a1'), (CAST(2 AS INT), 'a2'), (NULL, 'anull')) AS a (k, label) FULL JOIN (VALUES (CAST(2 AS INT), 'b2'), (CAST(3 AS INT), 'b3')) AS b (k, label) USING(k) ORDER BY k NULLS LAST, a_label;
-- case: setops_subqueries/cross_join
SELECT r.r_name, count(*) AS pairs FROM "public"."region" AS r CROSS JOIN "public"."nation" AS n WHERE n.n_nationkey < CAST(4 AS INT) GROUP BY r.r_name ORDER BY r.r_name;
-- case: setops_subqueries/right_join_using_takes_the_right_value
SELECT "b".k, a_v, b_v FROM (VALUES (CAST(1 AS INT), 'a1'), (CAST(2 AS INT), 'a2')) AS a (k, a_v) RIGHT JOIN (VALUES (CAST(2 AS INT), 'b2'), (CAST(3 AS INT), 'b3')) AS b (k, b_v) USING(k) WHERE "b".k > CAST(1 AS INT) ORDER BY k;
-- case: setops_subqueries/left_join_using_grouped
SELECT "a".k, count(*) AS n, count(b_v) AS matched FROM (VALUES (CAST(1 AS INT)), (CAST(2 AS INT)), (CAST(2 AS INT))) AS a (k) LEFT JOIN (VALUES (CAST(2 AS INT), 'x'), (CAST(3 AS INT), 'y')) AS b (k, b_v) USING(k) GROUP BY "a".k ORDER BY k;
-- case: setops_subqueries/natural_then_using_chain
SELECT "n".regionkey, n_name, r_name, one FROM (SELECT n_regionkey AS regionkey, n_name FROM "public"."nation" AS "nation") AS n NATURAL JOIN (SELECT r_regionkey AS regionkey, r_name FROM "public"."region" AS "region") AS r JOIN (SELECT r_regionkey AS regionkey, CAST(1 AS INT) AS one FROM "public"."region" AS "region") AS r2 USING(regionkey) WHERE "n".regionkey IN (CAST(1 AS INT), CAST(2 AS INT)) ORDER BY regionkey, n_name;
-- case: setops_subqueries/join_using
SELECT "regionkey", "n"."n_name", "r"."r_name" FROM (SELECT n_regionkey AS regionkey, n_name FROM "public"."nation" AS "nation") AS n JOIN (SELECT r_regionkey AS regionkey, r_name FROM "public"."region" AS "region") AS r USING(regionkey) WHERE "n".regionkey = CAST(3 AS INT) ORDER BY n_name;
-- case: setops_subqueries/natural_join
SELECT "n".regionkey, n_name, r_name FROM (SELECT n_regionkey AS regionkey, n_name FROM "public"."nation" AS "nation" WHERE n_nationkey < CAST(6 AS INT)) AS n NATURAL JOIN (SELECT r_regionkey AS regionkey, r_name FROM "public"."region" AS "region") AS r ORDER BY n_name;
-- case: setops_subqueries/self_join
SELECT a.n_name AS nation_a, b.n_name AS nation_b FROM "public"."nation" AS a JOIN "public"."nation" AS b ON a.n_regionkey = b.n_regionkey AND a.n_nationkey < b.n_nationkey WHERE a.n_regionkey = CAST(1 AS INT) ORDER BY a.n_nationkey, b.n_nationkey;
-- case: setops_subqueries/multi_way_join
SELECT n.n_name, count(DISTINCT o.o_orderkey) AS orders, pg_sum(l.l_quantity) AS qty FROM "public"."nation" AS n JOIN "public"."customer" AS c ON c.c_nationkey = n.n_nationkey JOIN "public"."orders" AS o ON o.o_custkey = c.c_custkey JOIN "public"."lineitem" AS l ON l.l_orderkey = o.o_orderkey WHERE n.n_regionkey = CAST(3 AS INT) GROUP BY n.n_name ORDER BY n.n_name;
-- case: setops_subqueries/non_equi_join
SELECT a.id AS a_id, b.id AS b_id FROM "public"."alltypes" AS a JOIN "public"."alltypes" AS b ON a.i4 < b.i4 AND pg_int8(b.i4) - a.i4 <= CAST(2 AS INT) ORDER BY a.id, b.id;
-- case: setops_subqueries/join_on_nullable_keys
SELECT a.id AS a_id, b.id AS b_id FROM "public"."alltypes" AS a JOIN "public"."alltypes" AS b ON a.u = b.u AND a.id < b.id ORDER BY a.id, b.id;
-- case: setops_subqueries/join_jsonb_equality
SELECT a.id AS a_id, b.id AS b_id FROM "public"."alltypes" AS a JOIN "public"."alltypes" AS b ON a.j = b.j AND a.id <> b.id ORDER BY a.id, b.id;
-- case: setops_subqueries/semi_join_in_with_join
SELECT s.s_suppkey, s.s_name FROM "public"."supplier" AS s WHERE s.s_suppkey IN (SELECT ps_suppkey FROM "public"."partsupp" AS "partsupp" JOIN "public"."part" AS "part" ON p_partkey = ps_partkey WHERE p_size = CAST(50 AS INT) AND ps_availqty > CAST(9900 AS INT)) ORDER BY s.s_suppkey;
-- case: setops_subqueries/full_join_using_star
SELECT COALESCE("a"."k", "b"."k") AS "k", "a"."x", "b"."y" FROM (VALUES (CAST(1 AS INT), 'a'), (CAST(2 AS INT), 'b')) AS a (k, x) FULL JOIN (VALUES (CAST(2 AS INT), 'c'), (CAST(3 AS INT), 'd')) AS b (k, y) USING(k) ORDER BY k;
-- case: setops_subqueries/natural_full_join_nulls
SELECT COALESCE("a".k, "b".k) AS "k", x, y FROM (VALUES (CAST(1 AS INT), 'a'), (NULL, 'n')) AS a (k, x) NATURAL FULL JOIN (VALUES (CAST(1 AS INT), 'c'), (CAST(3 AS INT), 'd')) AS b (k, y) ORDER BY k NULLS FIRST, x;
-- case: strings/concat_operator
SELECT 'a' || 'b' || 'c' AS abc, 'n=' || CAST(42 AS INT) AS with_int, CAST('1.5' AS DECIMAL(2,1)) || 'x' AS with_numeric, 'd=' || DATE '2024-01-02' AS with_date, 'b=' || true AS with_bool;
-- case: strings/concat_operator_null
SELECT 'x' || NULL IS NULL AS is_null, NULL::TEXT || NULL::TEXT AS both_null, '' || '' = '' AS empty_ok;
-- case: strings/concat_operator_columns
SELECT id, t || '-' || vc AS joined FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: strings/concat_function
SELECT concat('a', pg_output(NULL), 'b', pg_output(CAST(1 AS INT)), pg_output(true)) AS c1, concat(pg_output(NULL)) AS c_null, concat(pg_output(CAST('1.50' AS DECIMAL(3,2))), '|', pg_output(DATE '2024-02-29')) AS c2;
-- case: strings/concat_ws_function
SELECT concat_ws(',', 'a', pg_output(NULL), 'b') AS a, concat_ws('', 'x', 'y') AS b, concat_ws(pg_output(NULL), 'x', 'y') AS c, concat_ws(' - ', pg_output(CAST(1 AS INT)), pg_output(CAST('2.5' AS DECIMAL(2,1))), pg_output(NULL), 'z') AS d;
-- case: strings/concat_ws_tpch
SELECT n_nationkey, concat_ws('/', pg_output(r_name), pg_output(n_name)) AS path FROM "public"."nation" AS "nation" JOIN "public"."region" AS "region" ON n_regionkey = r_regionkey ORDER BY n_nationkey;
-- case: strings/substring_from_for
SELECT SUBSTRING('PostgreSQL' FROM CAST(5 AS INT) FOR CAST(3 AS INT)) AS a, SUBSTRING('PostgreSQL' FROM CAST(5 AS INT)) AS b, SUBSTRING('PostgreSQL' FOR CAST(4 AS INT)) AS c, SUBSTRING('abc' FROM CAST(0 AS INT) FOR CAST(2 AS INT)) AS d, SUBSTRING('abc' FROM CAST(-1 AS INT) FOR CAST(3 AS INT)) AS e, SUBSTRING('abc' FROM CAST(10 AS INT)) AS f;
-- case: strings/substring_commas_grouped
SELECT SUBSTRING(c_phone, CAST(1 AS INT), CAST(2 AS INT)) AS country_code, count(*) AS cnt FROM "public"."customer" AS "customer" GROUP BY 1 ORDER BY 1;
-- case: strings/substr_unicode
SELECT id, SUBSTR(t, CAST(2 AS INT), CAST(3 AS INT)) AS s1, SUBSTRING(t, CAST(1 AS INT), CAST(1 AS INT)) AS s2, SUBSTR(vc, CAST(3 AS INT)) AS s3 FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: strings/position_strpos_literals
SELECT POSITION('lo' IN 'hello') AS a, strpos('hello', 'l') AS b, POSITION('z' IN 'abc') AS c, POSITION('' IN 'abc') AS d, strpos('日本語', '語') AS e;
-- case: strings/position_columns
SELECT id, POSITION('o' IN t) AS pos_o, strpos(vc, 'a') AS pos_a, POSITION(' ' IN t) AS pos_space FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: strings/split_part_literals
SELECT split_part('a.b.c', '.', CAST(2 AS INT)) AS a, split_part('a.b.c', '.', CAST(5 AS INT)) AS b, split_part('a.b.c', '.', CAST(-1 AS INT)) AS c, split_part('a..c', '.', CAST(2 AS INT)) AS d, split_part('abc', '', CAST(1 AS INT)) AS e;
-- case: strings/split_part_columns
SELECT id, split_part(t, ',', CAST(2 AS INT)) AS second_csv, split_part(vc, '.', CAST(3 AS INT)) AS third_dot FROM "public"."alltypes" AS "alltypes" WHERE id IN (CAST(1 AS INT), CAST(5 AS INT), CAST(9 AS INT)) ORDER BY id;
-- case: strings/split_part_tpch
SELECT split_part(p_type, ' ', CAST(1 AS INT)) AS kind, split_part(p_type, ' ', CAST(3 AS INT)) AS metal, count(*) AS cnt FROM "public"."part" AS "part" WHERE p_size = CAST(10 AS INT) GROUP BY 1, 2 ORDER BY 1, 2;
-- case: strings/lpad_rpad
SELECT lpad('7', CAST(3 AS INT), '0') AS a, rpad('ab', CAST(5 AS INT), '*') AS b, lpad('hello', CAST(3 AS INT)) AS c, rpad('x', CAST(4 AS INT)) || '|' AS d, lpad('ab', CAST(7 AS INT), 'xy') AS e, lpad('ab', CAST(5 AS INT), '') AS f, rpad('日本', CAST(4 AS INT), '語') AS g;
-- case: strings/lpad_keys
SELECT lpad(pg_text(n_nationkey), CAST(3 AS INT), '0') AS padded, rpad(n_name, CAST(12 AS INT), '.') AS name FROM "public"."nation" AS "nation" ORDER BY n_nationkey LIMIT 6;
-- case: strings/initcap
SELECT initcap('hello wORLD foo-bar baz_qux 3rd') AS a, initcap('') AS b;
-- case: strings/initcap_columns
SELECT id, initcap(t) AS t_cap FROM "public"."alltypes" AS "alltypes" WHERE id <> CAST(4 AS INT) ORDER BY id;
-- case: strings/upper_lower
SELECT n_nationkey, lower(n_name) AS lo, upper(lower(n_name)) AS up FROM "public"."nation" AS "nation" WHERE n_regionkey = CAST(3 AS INT) ORDER BY n_nationkey;
-- case: strings/upper_lower_alltypes
SELECT id, upper(t) AS up, lower(t) AS lo FROM "public"."alltypes" AS "alltypes" WHERE id <> CAST(4 AS INT) ORDER BY id;
-- case: strings/length_variants
SELECT id, length(t) AS len, char_length(t) AS char_len, character_length(vc) AS vc_len, pg_octet_length(t) AS bytes, bit_length(vc) AS bits FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: strings/length_bytea_and_char
SELECT id, length(by) AS by_len, pg_octet_length(by) AS by_octets, length(c) AS c_len, pg_octet_length(c) AS c_octets FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: strings/string_agg_ordered
SELECT r_regionkey, string_agg(n_name, ', ' ORDER BY n_nationkey) AS nations FROM "public"."nation" AS "nation" JOIN "public"."region" AS "region" ON n_regionkey = r_regionkey GROUP BY r_regionkey ORDER BY r_regionkey;
-- case: strings/string_agg_desc
SELECT string_agg(pg_text(n_nationkey), ',' ORDER BY n_nationkey DESC) AS keys FROM "public"."nation" AS "nation" WHERE n_regionkey = CAST(2 AS INT);
-- case: strings/string_agg_skips_nulls
SELECT string_agg(t, '|' ORDER BY id) AS all_t, string_agg(vc, '' ORDER BY id DESC) AS all_vc FROM "public"."alltypes" AS "alltypes";
-- case: strings/string_agg_distinct
SELECT string_agg(DISTINCT c_mktsegment, ',' ORDER BY c_mktsegment) AS segments FROM "public"."customer" AS "customer";
-- case: strings/regexp_replace_first_vs_global
SELECT regexp_replace('banana', 'a', 'o') AS first_only, regexp_replace('banana', 'a', 'o', 'g') AS global, regexp_replace('abc123def45', '[0-9]+', '#', 'g') AS digits, regexp_replace('Hello World', '(\w+) (\w+)', '\2 \1') AS swapped;
-- case: strings/regexp_replace_flags
SELECT regexp_replace('Foo fOO foo', 'foo', 'bar', 'gi') AS icase_global, regexp_replace('Foo fOO foo', 'foo', 'bar', 'i') AS icase_first, regexp_replace('a  b   c', '\s+', ' ', 'g') AS squeeze;
-- case: strings/regexp_replace_tpch
SELECT c_custkey, regexp_replace(c_phone, '-', '', 'g') AS digits_only, regexp_replace(c_name, '^Customer#0*', 'C') AS short_name FROM "public"."customer" AS "customer" ORDER BY c_custkey LIMIT 5;
-- case: strings/left_right
SELECT left('abcdef', CAST(2 AS INT)) AS l2, right('abcdef', CAST(2 AS INT)) AS r2, left('abcdef', CAST(-2 AS INT)) AS lneg, right('abcdef', CAST(-2 AS INT)) AS rneg, left('ab', CAST(10 AS INT)) AS lbig, left('', CAST(3 AS INT)) AS lempty, right('abc', CAST(0 AS INT)) AS rzero;
-- case: strings/left_right_columns
SELECT id, left(t, CAST(3 AS INT)) AS l3, right(t, CAST(2 AS INT)) AS r2, left(vc, CAST(-1 AS INT)) AS drop_last FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: strings/trim_functions
SELECT btrim('  x  ') || '|' AS b, ltrim('  x  ') || '|' AS l, rtrim('  x  ') || '|' AS r, btrim('xxhixx', 'x') AS bx, ltrim('0012300', '0') AS lz, rtrim('0012300', '0') AS rz, btrim('abcba', 'ab') AS multi;
-- case: strings/trim_sql_syntax
SELECT TRIM('  x  ') || '|' AS a, TRIM(BOTH 'x' FROM 'xxhixx') AS b, TRIM(LEADING 'x' FROM 'xxhixx') AS c, TRIM(TRAILING 'x' FROM 'xxhixx') AS d, TRIM(LEADING ' ' FROM '  a  ') || '|' AS e, TRIM(TRAILING ' ' FROM '  a  ') || '|' AS f;
-- case: strings/trim_columns
SELECT id, '[' || TRIM(t) || ']' AS trimmed, '[' || ltrim(t) || ']' AS ltrimmed, '[' || rtrim(c) || ']' AS c_rtrim FROM "public"."alltypes" AS "alltypes" WHERE id IN (CAST(5 AS INT), CAST(6 AS INT), CAST(8 AS INT)) ORDER BY id;
-- case: strings/replace
SELECT replace('abcabc', 'b', 'XY') AS a, replace('aaa', 'a', '') AS b, replace('abc', '', 'z') AS c, replace('Hello World', 'o', '0') AS d;
-- case: strings/replace_tpch
SELECT p_partkey, replace(p_type, ' ', '_') AS type_key, replace(p_brand, 'Brand#', 'B') AS brand FROM "public"."part" AS "part" ORDER BY p_partkey LIMIT 5;
-- case: strings/reverse_repeat
SELECT reverse('abc') AS a, reverse('') AS b, repeat('ab', CAST(3 AS INT)) AS c, repeat('x', CAST(0 AS INT)) AS d, repeat('-', CAST(-1 AS INT)) AS e, reverse('ünï 日本') AS f;
-- case: strings/md5
SELECT pg_md5('hello') AS a, pg_md5('') AS b, pg_md5('ünïcödé') AS c;
-- case: strings/md5_tpch
SELECT n_nationkey, pg_md5(n_name) AS h FROM "public"."nation" AS "nation" WHERE n_nationkey < CAST(4 AS INT) ORDER BY n_nationkey;
-- case: strings/starts_with
SELECT starts_with('alphabet', 'alph') AS a, starts_with('alphabet', 'beta') AS b, starts_with('', '') AS c, (SELECT count(*) FROM "public"."part" AS "part" WHERE starts_with(p_name, 'a')) AS parts_a;
-- case: strings/translate
SELECT translate('12345', '143', 'ax') AS a, translate('hello', 'lo', 'LO') AS b, translate('abc', '', 'x') AS c, translate('ünï', 'ün', 'un') AS d;
-- case: strings/translate_tpch
SELECT c_custkey, translate(c_phone, '-', '.') AS dotted FROM "public"."customer" AS "customer" ORDER BY c_custkey LIMIT 3;
-- case: strings/ascii_chr
SELECT ascii('A') AS a, ascii('abc') AS b, ascii('') AS c, chr(CAST(65 AS INT)) AS d, chr(CAST(9731 AS INT)) AS e, ascii('日') AS f, chr(CAST(10 AS INT)) = '
' AS g;
-- case: strings/format_s
SELECT pg_format('Hello %s, you are %s', 'Ann', pg_output(CAST(42 AS INT))) AS a, pg_format('%s-%s', pg_output(NULL), 'x') AS b, pg_format('%1$s %1$s', 'ab') AS c, pg_format('%5s|%-5s|', 'r', 'l') AS d, pg_format('100%%') AS e;
-- case: strings/format_i_l
SELECT pg_format('%I', 'my col') AS ident, pg_format('%I', 'plain') AS plain, pg_format('%L', 'it''s') AS lit, pg_format('%L', pg_output(NULL)) AS null_lit;
-- case: strings/format_tpch
SELECT pg_format('%s (%s)', pg_output(n_name), pg_output(n_nationkey)) AS label FROM "public"."nation" AS "nation" ORDER BY n_nationkey LIMIT 5;
-- case: strings/overlay
SELECT OVERLAY('Txxxxas' PLACING 'hom' FROM CAST(2 AS INT) FOR CAST(4 AS INT)) AS a, OVERLAY('abcdef' PLACING 'ZZ' FROM CAST(3 AS INT)) AS b;
-- case: strings/quotes_in_data
SELECT id, vc, length(vc) AS len, vc = 'with''quote' AS matches FROM "public"."alltypes" AS "alltypes" WHERE vc LIKE '%''%' ORDER BY id;
-- case: strings/upper_initial_grouped
SELECT upper(left(p_name, CAST(1 AS INT))) AS initial, count(*) AS cnt FROM "public"."part" AS "part" GROUP BY 1 ORDER BY 1;
-- case: strings/text_comparison_ascii
SELECT 'abc' < 'abd' AS a, 'abc' = 'abc' AS b, 'abc' <> 'ABC' AS c, 'a' < 'ab' AS d, '' < 'a' AS e;
-- case: tpch_queries/q01_pricing_summary
SELECT l_returnflag, l_linestatus, pg_sum(l_quantity) AS sum_qty, pg_sum(l_extendedprice) AS sum_base_price, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS sum_disc_price, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount) * (CAST(1 AS INT) + l_tax)) AS sum_charge, pg_avg(l_quantity) AS avg_qty, pg_avg(l_extendedprice) AS avg_price, pg_avg(l_discount) AS avg_disc, count(*) AS count_order FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90 days' GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus;
-- case: tpch_queries/q02_minimum_cost_supplier
SELECT s_acctbal, s_name, n_name, p_partkey, p_mfgr, s_address, s_phone, s_comment FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."partsupp" AS "partsupp", "public"."nation" AS "nation", "public"."region" AS "region" WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND p_size = CAST(15 AS INT) AND p_type LIKE '%BRASS' AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'EUROPE' AND ps_supplycost = (SELECT min(ps_supplycost) FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation", "public"."region" AS "region" WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'EUROPE') ORDER BY s_acctbal DESC, n_name, s_name, p_partkey LIMIT 100;
-- case: tpch_queries/q03_shipping_priority
SELECT l_orderkey, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS revenue, o_orderdate, o_shippriority FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15' GROUP BY l_orderkey, o_orderdate, o_shippriority ORDER BY revenue DESC, o_orderdate, l_orderkey LIMIT 10;
-- case: tpch_queries/q04_order_priority_checking
SELECT o_orderpriority, count(*) AS order_count FROM "public"."orders" AS "orders" WHERE o_orderdate >= DATE '1993-07-01' AND o_orderdate < DATE '1993-07-01' + INTERVAL '3 months' AND EXISTS (SELECT * FROM "public"."lineitem" AS "lineitem" WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate) GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: tpch_queries/q05_local_supplier_volume
SELECT n_name, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS revenue FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem", "public"."supplier" AS "supplier", "public"."nation" AS "nation", "public"."region" AS "region" WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey AND c_nationkey = s_nationkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'ASIA' AND o_orderdate >= DATE '1994-01-01' AND o_orderdate < DATE '1994-01-01' + INTERVAL '12 months' GROUP BY n_name ORDER BY revenue DESC, n_name;
-- case: tpch_queries/q06_forecasting_revenue_change
SELECT pg_sum(l_extendedprice * l_discount) AS revenue FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1994-01-01' + INTERVAL '12 months' AND l_discount BETWEEN CAST('0.06' AS DECIMAL(2,2)) - CAST('0.01' AS DECIMAL(2,2)) AND CAST('0.06' AS DECIMAL(2,2)) + CAST('0.01' AS DECIMAL(2,2)) AND l_quantity < CAST(24 AS INT);
-- case: tpch_queries/q07_volume_shipping
SELECT supp_nation, cust_nation, l_year, pg_sum(volume) AS revenue FROM (SELECT n1.n_name AS supp_nation, n2.n_name AS cust_nation, CAST(date_part('year', l_shipdate) AS DECIMAL(20,0)) AS l_year, l_extendedprice * (CAST(1 AS INT) - l_discount) AS volume FROM "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."orders" AS "orders", "public"."customer" AS "customer", "public"."nation" n1, "public"."nation" n2 WHERE s_suppkey = l_suppkey AND o_orderkey = l_orderkey AND c_custkey = o_custkey AND s_nationkey = n1.n_nationkey AND c_nationkey = n2.n_nationkey AND ((n1.n_name = 'FRANCE' AND n2.n_name = 'GERMANY') OR (n1.n_name = 'GERMANY' AND n2.n_name = 'FRANCE')) AND l_shipdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31') AS shipping GROUP BY supp_nation, cust_nation, l_year ORDER BY supp_nation, cust_nation, l_year;
-- case: tpch_queries/q08_national_market_share
SELECT o_year, pg_round(pg_div_decimal(pg_sum(CASE WHEN nation = 'UNITED STATES' THEN volume ELSE CAST(0 AS INT) END), pg_sum(volume)), 6) AS mkt_share FROM (SELECT CAST(date_part('year', o_orderdate) AS DECIMAL(20,0)) AS o_year, l_extendedprice * (CAST(1 AS INT) - l_discount) AS volume, n2.n_name AS nation FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."orders" AS "orders", "public"."customer" AS "customer", "public"."nation" n1, "public"."nation" n2, "public"."region" AS "region" WHERE p_partkey = l_partkey AND s_suppkey = l_suppkey AND l_orderkey = o_orderkey AND o_custkey = c_custkey AND c_nationkey = n1.n_nationkey AND n1.n_regionkey = r_regionkey AND r_name = 'AMERICA' AND s_nationkey = n2.n_nationkey AND o_orderdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31' AND p_type = 'ECONOMY ANODIZED STEEL') AS all_nations GROUP BY o_year ORDER BY o_year;
-- case: tpch_queries/q09_product_type_profit
SELECT nation, o_year, pg_sum(amount) AS sum_profit FROM (SELECT n_name AS nation, CAST(date_part('year', o_orderdate) AS DECIMAL(20,0)) AS o_year, l_extendedprice * (CAST(1 AS INT) - l_discount) - ps_supplycost * l_quantity AS amount FROM "public"."part" AS "part", "public"."supplier" AS "supplier", "public"."lineitem" AS "lineitem", "public"."partsupp" AS "partsupp", "public"."orders" AS "orders", "public"."nation" AS "nation" WHERE s_suppkey = l_suppkey AND ps_suppkey = l_suppkey AND ps_partkey = l_partkey AND p_partkey = l_partkey AND o_orderkey = l_orderkey AND s_nationkey = n_nationkey AND p_name LIKE '%green%') AS profit GROUP BY nation, o_year ORDER BY nation, o_year DESC;
-- case: tpch_queries/q10_returned_item_reporting
SELECT c_custkey, c_name, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS revenue, c_acctbal, n_name, c_address, c_phone, c_comment FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem", "public"."nation" AS "nation" WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate >= DATE '1993-10-01' AND o_orderdate < DATE '1993-10-01' + INTERVAL '3 months' AND l_returnflag = 'R' AND c_nationkey = n_nationkey GROUP BY c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment ORDER BY revenue DESC, c_custkey LIMIT 20;
-- case: tpch_queries/q11_important_stock
SELECT ps_partkey, pg_sum(ps_supplycost * ps_availqty) AS value FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE ps_suppkey = s_suppkey AND s_nationkey = n_nationkey AND n_name = 'GERMANY' GROUP BY ps_partkey HAVING pg_sum(ps_supplycost * ps_availqty) > (SELECT pg_sum(ps_supplycost * ps_availqty) * CAST('0.005' AS DECIMAL(3,3)) FROM "public"."partsupp" AS "partsupp", "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE ps_suppkey = s_suppkey AND s_nationkey = n_nationkey AND n_name = 'GERMANY') ORDER BY value DESC, ps_partkey;
-- case: tpch_queries/q12_shipping_modes
SELECT l_shipmode, pg_sum(CASE WHEN o_orderpriority = '1-URGENT' OR o_orderpriority = '2-HIGH' THEN CAST(1 AS INT) ELSE CAST(0 AS INT) END) AS high_line_count, pg_sum(CASE WHEN o_orderpriority <> '1-URGENT' AND o_orderpriority <> '2-HIGH' THEN CAST(1 AS INT) ELSE CAST(0 AS INT) END) AS low_line_count FROM "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE o_orderkey = l_orderkey AND l_shipmode IN ('MAIL', 'SHIP') AND l_commitdate < l_receiptdate AND l_shipdate < l_commitdate AND l_receiptdate >= DATE '1994-01-01' AND l_receiptdate < DATE '1994-01-01' + INTERVAL '12 months' GROUP BY l_shipmode ORDER BY l_shipmode;
-- case: tpch_queries/q13_customer_distribution
SELECT c_count, count(*) AS custdist FROM (SELECT c_custkey, count(o_orderkey) AS c_count FROM "public"."customer" AS "customer" LEFT OUTER JOIN "public"."orders" AS "orders" ON c_custkey = o_custkey AND o_comment NOT LIKE '%special%requests%' GROUP BY c_custkey) AS c_orders GROUP BY c_count ORDER BY custdist DESC, c_count DESC;
-- case: tpch_queries/q14_promotion_effect
SELECT pg_round(pg_div_decimal(CAST('100.00' AS DECIMAL(5,2)) * pg_sum(CASE WHEN p_type LIKE 'PROMO%' THEN l_extendedprice * (CAST(1 AS INT) - l_discount) ELSE CAST(0 AS INT) END), pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount))), 6) AS promo_revenue FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE l_partkey = p_partkey AND l_shipdate >= DATE '1995-09-01' AND l_shipdate < DATE '1995-09-01' + INTERVAL '1 months';
-- case: tpch_queries/q15_top_supplier
WITH revenue0 AS (SELECT l_suppkey AS supplier_no, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS total_revenue FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate >= DATE '1996-01-01' AND l_shipdate < DATE '1996-01-01' + INTERVAL '3 months' GROUP BY l_suppkey) SELECT s_suppkey, s_name, s_address, s_phone, total_revenue FROM "public"."supplier" AS "supplier", revenue0 WHERE s_suppkey = supplier_no AND total_revenue = (SELECT max(total_revenue) FROM revenue0) ORDER BY s_suppkey;
-- case: tpch_queries/q16_parts_supplier_relationship
SELECT p_brand, p_type, p_size, count(DISTINCT ps_suppkey) AS supplier_cnt FROM "public"."partsupp" AS "partsupp", "public"."part" AS "part" WHERE p_partkey = ps_partkey AND p_brand <> 'Brand#45' AND p_type NOT LIKE 'MEDIUM POLISHED%' AND p_size IN (CAST(49 AS INT), CAST(14 AS INT), CAST(23 AS INT), CAST(45 AS INT), CAST(19 AS INT), CAST(3 AS INT), CAST(36 AS INT), CAST(9 AS INT)) AND ps_suppkey NOT IN (SELECT s_suppkey FROM "public"."supplier" AS "supplier" WHERE s_comment LIKE '%Customer%Complaints%') GROUP BY p_brand, p_type, p_size ORDER BY supplier_cnt DESC, p_brand, p_type, p_size LIMIT 40;
-- case: tpch_queries/q17_small_quantity_order_revenue
SELECT pg_round(pg_div_decimal(pg_sum(l_extendedprice), CAST('7.0' AS DECIMAL(2,1))), 6) AS avg_yearly FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE p_partkey = l_partkey AND p_brand = 'Brand#44' AND p_container = 'WRAP CAN' AND l_quantity < (SELECT CAST('0.2' AS DECIMAL(1,1)) * pg_avg_decimal(l_quantity) FROM "public"."lineitem" AS "lineitem" WHERE l_partkey = p_partkey);
-- case: tpch_queries/q18_large_volume_customer
SELECT c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, pg_sum(l_quantity) AS total_qty FROM "public"."customer" AS "customer", "public"."orders" AS "orders", "public"."lineitem" AS "lineitem" WHERE o_orderkey IN (SELECT l_orderkey FROM "public"."lineitem" AS "lineitem" GROUP BY l_orderkey HAVING pg_sum(l_quantity) > CAST(300 AS INT)) AND c_custkey = o_custkey AND o_orderkey = l_orderkey GROUP BY c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice ORDER BY o_totalprice DESC, o_orderdate, o_orderkey LIMIT 100;
-- case: tpch_queries/q19_discounted_revenue
SELECT pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS revenue FROM "public"."lineitem" AS "lineitem", "public"."part" AS "part" WHERE (p_partkey = l_partkey AND p_brand = 'Brand#12' AND p_container IN ('SM CASE', 'SM BOX', 'SM PACK', 'SM PKG') AND l_quantity >= CAST(1 AS INT) AND l_quantity <= CAST(1 AS INT) + CAST(10 AS INT) AND p_size BETWEEN CAST(1 AS INT) AND CAST(5 AS INT) AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON') OR (p_partkey = l_partkey AND p_brand = 'Brand#23' AND p_container IN ('MED BAG', 'MED BOX', 'MED PKG', 'MED PACK') AND l_quantity >= CAST(10 AS INT) AND l_quantity <= CAST(10 AS INT) + CAST(10 AS INT) AND p_size BETWEEN CAST(1 AS INT) AND CAST(10 AS INT) AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON') OR (p_partkey = l_partkey AND p_brand = 'Brand#34' AND p_container IN ('LG CASE', 'LG BOX', 'LG PACK', 'LG PKG') AND l_quantity >= CAST(20 AS INT) AND l_quantity <= CAST(20 AS INT) + CAST(10 AS INT) AND p_size BETWEEN CAST(1 AS INT) AND CAST(15 AS INT) AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON');
-- case: tpch_queries/q20_potential_part_promotion
SELECT s_name, s_address FROM "public"."supplier" AS "supplier", "public"."nation" AS "nation" WHERE s_suppkey IN (SELECT ps_suppkey FROM "public"."partsupp" AS "partsupp" WHERE ps_partkey IN (SELECT p_partkey FROM "public"."part" AS "part" WHERE p_name LIKE 'forest%') AND ps_availqty > (SELECT CAST('0.5' AS DECIMAL(1,1)) * pg_sum(l_quantity) FROM "public"."lineitem" AS "lineitem" WHERE l_partkey = ps_partkey AND l_suppkey = ps_suppkey AND l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1994-01-01' + INTERVAL '12 months')) AND s_nationkey = n_nationkey AND n_name = 'CANADA' ORDER BY s_name;
-- case: tpch_queries/q21_suppliers_who_kept_orders_waiting
SELECT s_name, count(*) AS numwait FROM "public"."supplier" AS "supplier", "public"."lineitem" l1, "public"."orders" AS "orders", "public"."nation" AS "nation" WHERE s_suppkey = l1.l_suppkey AND o_orderkey = l1.l_orderkey AND o_orderstatus = 'F' AND l1.l_receiptdate > l1.l_commitdate AND EXISTS (SELECT * FROM "public"."lineitem" l2 WHERE l2.l_orderkey = l1.l_orderkey AND l2.l_suppkey <> l1.l_suppkey) AND NOT EXISTS (SELECT * FROM "public"."lineitem" l3 WHERE l3.l_orderkey = l1.l_orderkey AND l3.l_suppkey <> l1.l_suppkey AND l3.l_receiptdate > l3.l_commitdate) AND s_nationkey = n_nationkey AND n_name = 'SAUDI ARABIA' GROUP BY s_name ORDER BY numwait DESC, s_name LIMIT 100;
-- case: tpch_queries/q22_global_sales_opportunity
SELECT cntrycode, count(*) AS numcust, pg_sum(c_acctbal) AS totacctbal FROM (SELECT SUBSTRING(c_phone FROM CAST(1 AS INT) FOR CAST(2 AS INT)) AS cntrycode, c_acctbal FROM "public"."customer" AS "customer" WHERE SUBSTRING(c_phone FROM CAST(1 AS INT) FOR CAST(2 AS INT)) IN ('13', '31', '23', '29', '30', '18', '17') AND c_acctbal > (SELECT pg_avg_decimal(c_acctbal) FROM "public"."customer" AS "customer" WHERE c_acctbal > CAST('0.00' AS DECIMAL(2,2)) AND SUBSTRING(c_phone FROM CAST(1 AS INT) FOR CAST(2 AS INT)) IN ('13', '31', '23', '29', '30', '18', '17')) AND NOT EXISTS (SELECT * FROM "public"."orders" AS "orders" WHERE o_custkey = c_custkey)) AS custsale GROUP BY cntrycode ORDER BY cntrycode;
-- case: tpch_queries/monthly_revenue_running_total
SELECT month, revenue, pg_sum(revenue) OVER (ORDER BY month) AS running_revenue, pg_round(pg_div_decimal(revenue, pg_sum(revenue) OVER ()) * CAST(100 AS INT), 2) AS pct_of_year FROM (SELECT pg_date_trunc('month', l_shipdate)::DATE AS month, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS revenue FROM "public"."lineitem" AS "lineitem" WHERE l_shipdate >= DATE '1995-01-01' AND l_shipdate < DATE '1996-01-01' GROUP BY 1) AS m ORDER BY month;
-- case: tpch_queries/top_customers_per_nation_europe
SELECT n_name, rnk, c_custkey, total_spent FROM (SELECT n.n_name, c.c_custkey, pg_sum(o.o_totalprice) AS total_spent, rank() OVER (PARTITION BY n.n_name ORDER BY pg_sum(o.o_totalprice) DESC) AS rnk FROM "public"."customer" AS c JOIN "public"."nation" AS n ON c.c_nationkey = n.n_nationkey JOIN "public"."region" AS r ON n.n_regionkey = r.r_regionkey JOIN "public"."orders" AS o ON o.o_custkey = c.c_custkey WHERE r.r_name = 'EUROPE' GROUP BY n.n_name, c.c_custkey) AS ranked WHERE rnk <= CAST(3 AS INT) ORDER BY n_name, rnk, c_custkey;
-- case: tpch_queries/region_yearly_growth
SELECT r_name, yr, revenue, pg_round(pg_div_decimal(CAST('100.0' AS DECIMAL(4,1)) * (revenue - lag(revenue) OVER (PARTITION BY r_name ORDER BY yr)), lag(revenue) OVER (PARTITION BY r_name ORDER BY yr)), 2) AS growth_pct FROM (SELECT r.r_name, CAST(date_part('year', o.o_orderdate) AS DECIMAL(20,0)) AS yr, pg_sum(o.o_totalprice) AS revenue FROM "public"."orders" AS o JOIN "public"."customer" AS c ON o.o_custkey = c.c_custkey JOIN "public"."nation" AS n ON c.c_nationkey = n.n_nationkey JOIN "public"."region" AS r ON n.n_regionkey = r.r_regionkey WHERE o.o_orderdate < DATE '1998-01-01' GROUP BY r.r_name, CAST(date_part('year', o.o_orderdate) AS DECIMAL(20,0))) AS t ORDER BY r_name, yr;
-- case: tpch_queries/supplier_share_within_nation
SELECT n_name, s_suppkey, supplied_value, pg_round(pg_div_decimal(CAST('100.0' AS DECIMAL(4,1)) * supplied_value, pg_sum(supplied_value) OVER (PARTITION BY n_name)), 2) AS pct_of_nation FROM (SELECT n.n_name, s.s_suppkey, pg_sum(ps.ps_supplycost * ps.ps_availqty) AS supplied_value FROM "public"."supplier" AS s JOIN "public"."nation" AS n ON s.s_nationkey = n.n_nationkey JOIN "public"."partsupp" AS ps ON ps.ps_suppkey = s.s_suppkey WHERE n.n_regionkey = CAST(1 AS INT) GROUP BY n.n_name, s.s_suppkey) AS v ORDER BY n_name, supplied_value DESC, s_suppkey;
-- case: tpch_queries/order_size_quartiles
SELECT quartile, count(*) AS orders, min(o_totalprice) AS min_price, max(o_totalprice) AS max_price, pg_round(pg_avg_decimal(o_totalprice), 2) AS avg_price FROM (SELECT o_orderkey, o_totalprice, CAST(ntile(CAST(4 AS INT)) OVER (ORDER BY o_totalprice, o_orderkey) AS INT) AS quartile FROM "public"."orders" AS "orders") AS q GROUP BY quartile ORDER BY quartile;
-- case: tpch_queries/late_shipments_by_mode_and_priority
SELECT l.l_shipmode, o.o_orderpriority, count(*) AS late_lines, pg_round(pg_avg_decimal(l.l_receiptdate - l.l_commitdate), 2) AS avg_days_late FROM "public"."lineitem" AS l JOIN "public"."orders" AS o ON o.o_orderkey = l.l_orderkey WHERE l.l_receiptdate > l.l_commitdate AND l.l_shipmode IN ('AIR', 'TRUCK') GROUP BY l.l_shipmode, o.o_orderpriority HAVING count(*) > CAST(100 AS INT) ORDER BY l.l_shipmode, o.o_orderpriority;
-- case: tpch_queries/part_price_vs_brand_average
SELECT p_brand, count(*) AS parts, count(*) FILTER (WHERE p_retailprice > brand_avg) AS above_avg, pg_round(max(p_retailprice - brand_avg), 2) AS max_premium FROM (SELECT p_brand, p_retailprice, pg_avg_decimal(p_retailprice) OVER (PARTITION BY p_brand) AS brand_avg FROM "public"."part" AS "part") AS p GROUP BY p_brand ORDER BY p_brand;
-- case: tpch_queries/customer_order_gaps
SELECT o_custkey, count(*) AS orders, max(gap) AS longest_gap_days, pg_round(pg_avg_decimal(gap), 2) AS avg_gap_days FROM (SELECT o_custkey, o_orderdate - lag(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) AS gap FROM "public"."orders" AS "orders" WHERE o_custkey <= CAST(25 AS INT)) AS g GROUP BY o_custkey ORDER BY o_custkey;
-- case: tpch_queries/segment_nation_pivot
SELECT n_name, count(*) FILTER (WHERE c_mktsegment = 'AUTOMOBILE') AS automobile, count(*) FILTER (WHERE c_mktsegment = 'BUILDING') AS building, count(*) FILTER (WHERE c_mktsegment = 'FURNITURE') AS furniture, count(*) FILTER (WHERE c_mktsegment = 'HOUSEHOLD') AS household, count(*) FILTER (WHERE c_mktsegment = 'MACHINERY') AS machinery, count(*) AS total FROM "public"."customer" AS "customer" JOIN "public"."nation" AS "nation" ON c_nationkey = n_nationkey GROUP BY n_name ORDER BY n_name;
-- case: tpch_queries/discount_bands_revenue
SELECT CASE WHEN l_discount < CAST('0.03' AS DECIMAL(2,2)) THEN 'low' WHEN l_discount < CAST('0.07' AS DECIMAL(2,2)) THEN 'mid' ELSE 'high' END AS band, count(*) AS lines, pg_sum(l_extendedprice * (CAST(1 AS INT) - l_discount)) AS net_revenue, pg_round(pg_avg_decimal(l_discount), 4) AS avg_discount FROM "public"."lineitem" AS "lineitem" GROUP BY 1 ORDER BY min(l_discount);
-- case: tpch_queries/suppliers_without_recent_shipments
SELECT s.s_suppkey, s.s_name, max(l.l_shipdate) AS last_ship FROM "public"."supplier" AS s LEFT JOIN "public"."lineitem" AS l ON l.l_suppkey = s.s_suppkey GROUP BY s.s_suppkey, s.s_name HAVING max(l.l_shipdate) < DATE '1998-11-15' OR max(l.l_shipdate) IS NULL ORDER BY last_ship NULLS FIRST, s.s_suppkey LIMIT 15;
-- case: window_functions/row_number_partitioned
SELECT n_regionkey, n_nationkey, n_name, row_number() OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS rn FROM "public"."nation" AS "nation" ORDER BY n_regionkey, rn;
-- case: window_functions/rank_dense_rank_ties
SELECT p_partkey, p_size, rank() OVER (ORDER BY p_size) AS rnk, dense_rank() OVER (ORDER BY p_size) AS drnk, row_number() OVER (ORDER BY p_size, p_partkey) AS rn FROM "public"."part" AS "part" WHERE p_partkey <= CAST(20 AS INT) ORDER BY p_partkey;
-- case: window_functions/rank_desc_per_group
SELECT c_nationkey, c_custkey, c_acctbal, rank() OVER (PARTITION BY c_nationkey ORDER BY c_acctbal DESC) AS rnk FROM "public"."customer" AS "customer" WHERE c_nationkey IN (CAST(0 AS INT), CAST(1 AS INT)) AND c_custkey <= CAST(300 AS INT) ORDER BY c_nationkey, rnk, c_custkey;
-- case: window_functions/top_n_per_group
SELECT c_nationkey, rn, c_custkey, c_acctbal FROM (SELECT c_nationkey, c_custkey, c_acctbal, row_number() OVER (PARTITION BY c_nationkey ORDER BY c_acctbal DESC, c_custkey) AS rn FROM "public"."customer" AS "customer") AS s WHERE rn <= CAST(2 AS INT) ORDER BY c_nationkey, rn;
-- case: window_functions/ntile
SELECT n_nationkey, CAST(ntile(CAST(4 AS INT)) OVER (ORDER BY n_nationkey) AS INT) AS quartile, CAST(ntile(CAST(3 AS INT)) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS INT) AS tercile FROM "public"."nation" AS "nation" ORDER BY n_nationkey;
-- case: window_functions/lag_lead_basic
SELECT o_orderkey, o_totalprice, lag(o_totalprice) OVER (ORDER BY o_orderkey) AS prev_price, lead(o_totalprice) OVER (ORDER BY o_orderkey) AS next_price FROM "public"."orders" AS "orders" WHERE o_custkey = CAST(370 AS INT) ORDER BY o_orderkey;
-- case: window_functions/lag_lead_offset_default
SELECT o_orderkey, lag(o_orderkey, CAST(2 AS INT), -CAST(1 AS INT)::BIGINT) OVER w AS lag2, lead(o_orderkey, CAST(2 AS INT), CAST(0 AS INT)::BIGINT) OVER w AS lead2, lead(o_orderdate, CAST(1 AS INT), DATE '1999-01-01') OVER w AS next_date FROM "public"."orders" AS "orders" WHERE o_custkey = CAST(370 AS INT) WINDOW w AS (ORDER BY o_orderkey) ORDER BY o_orderkey;
-- case: window_functions/lag_text_default
SELECT n_regionkey, n_nationkey, lag(n_name, CAST(1 AS INT), 'none') OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS prev_name FROM "public"."nation" AS "nation" ORDER BY n_regionkey, n_nationkey;
-- case: window_functions/lead_date_gaps
SELECT o_custkey, o_orderkey, o_orderdate, lead(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) - o_orderdate AS days_to_next FROM "public"."orders" AS "orders" WHERE o_custkey IN (CAST(1 AS INT), CAST(2 AS INT), CAST(4 AS INT)) ORDER BY o_custkey, o_orderdate, o_orderkey;
-- case: window_functions/first_last_nth_value
SELECT n_regionkey, n_nationkey, first_value(n_name) OVER w AS first_name, last_value(n_name) OVER w AS last_so_far, nth_value(n_name, CAST(2 AS INT)) OVER w AS second_name FROM "public"."nation" AS "nation" WINDOW w AS (PARTITION BY n_regionkey ORDER BY n_nationkey) ORDER BY n_regionkey, n_nationkey;
-- case: window_functions/last_value_full_frame
SELECT n_regionkey, n_nationkey, last_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_name, nth_value(n_nationkey, CAST(3 AS INT)) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS third_key FROM "public"."nation" AS "nation" ORDER BY n_regionkey, n_nationkey;
-- case: window_functions/aggregates_over_partition
SELECT n_nationkey, n_regionkey, count(*) OVER (PARTITION BY n_regionkey) AS in_region, pg_sum(n_nationkey) OVER (PARTITION BY n_regionkey) AS key_sum, pg_avg(n_nationkey) OVER (PARTITION BY n_regionkey) AS key_avg, max(n_name) OVER (PARTITION BY n_regionkey) AS max_name FROM "public"."nation" AS "nation" ORDER BY n_nationkey;
-- case: window_functions/empty_over
SELECT r_regionkey, r_name, count(*) OVER () AS total, pg_sum(r_regionkey) OVER () AS key_sum FROM "public"."region" AS "region" ORDER BY r_regionkey;
-- case: window_functions/running_sum
SELECT o_orderkey, o_totalprice, pg_sum(o_totalprice) OVER (ORDER BY o_orderkey) AS running_total, count(*) OVER (ORDER BY o_orderkey) AS running_count FROM "public"."orders" AS "orders" WHERE o_custkey = CAST(781 AS INT) ORDER BY o_orderkey;
-- case: window_functions/moving_average_rows
SELECT o_orderkey, o_totalprice, pg_avg(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS mov_avg3, pg_sum(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS centered_sum FROM "public"."orders" AS "orders" WHERE o_orderkey <= CAST(40 AS INT) ORDER BY o_orderkey;
-- case: window_functions/range_unbounded_preceding_peers
SELECT p_partkey, p_size, pg_sum(p_size) OVER (ORDER BY p_size RANGE UNBOUNDED PRECEDING) AS range_sum, pg_sum(p_size) OVER (ORDER BY p_size, p_partkey ROWS UNBOUNDED PRECEDING) AS rows_sum FROM "public"."part" AS "part" WHERE p_partkey <= CAST(20 AS INT) ORDER BY p_size, p_partkey;
-- case: window_functions/rows_current_to_unbounded_following
SELECT n_nationkey, pg_sum(n_nationkey) OVER (ORDER BY n_nationkey ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS remaining_sum, count(*) OVER (ORDER BY n_nationkey ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS remaining FROM "public"."nation" AS "nation" ORDER BY n_nationkey;
-- case: window_functions/range_offset_frame
SELECT p_partkey, p_size, count(*) OVER (ORDER BY p_size RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS near_sizes FROM "public"."part" AS "part" WHERE p_partkey <= CAST(20 AS INT) ORDER BY p_size, p_partkey;
-- case: window_functions/groups_frame
SELECT p_partkey, p_size, pg_sum(p_partkey) OVER (ORDER BY p_size GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) AS two_groups FROM "public"."part" AS "part" WHERE p_partkey <= CAST(15 AS INT) ORDER BY p_size, p_partkey;
-- case: window_functions/frame_exclude_current_row
-- refused: window frame EXCLUDE is not supported
-- case: window_functions/named_window_clause
SELECT s_nationkey, s_suppkey, s_acctbal, row_number() OVER w AS rn, rank() OVER w AS rnk, pg_sum(s_acctbal) OVER w AS running FROM "public"."supplier" AS "supplier" WHERE s_nationkey < CAST(4 AS INT) WINDOW w AS (PARTITION BY s_nationkey ORDER BY s_acctbal DESC, s_suppkey) ORDER BY s_nationkey, rn;
-- case: window_functions/named_window_refined
SELECT n_nationkey, pg_sum(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS running_in_region, count(*) OVER w AS region_size FROM "public"."nation" AS "nation" WINDOW w AS (PARTITION BY n_regionkey) ORDER BY n_nationkey;
-- case: window_functions/percent_rank_cume_dist
SELECT p_partkey, p_size, percent_rank() OVER (ORDER BY p_size) AS prank, cume_dist() OVER (ORDER BY p_size) AS cdist FROM "public"."part" AS "part" WHERE p_partkey <= CAST(20 AS INT) ORDER BY p_partkey;
-- case: window_functions/window_over_group_by
SELECT o_orderpriority, count(*) AS cnt, pg_sum(count(*)) OVER () AS total, rank() OVER (ORDER BY count(*) DESC) AS rnk, pg_round(pg_div_decimal(CAST('100.0' AS DECIMAL(4,1)) * count(*), pg_sum(count(*)) OVER ()), 2) AS pct FROM "public"."orders" AS "orders" GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- case: window_functions/share_of_order
SELECT l_orderkey, l_linenumber, l_extendedprice, pg_round(pg_div_decimal(l_extendedprice, pg_sum(l_extendedprice) OVER (PARTITION BY l_orderkey)), 4) AS share FROM "public"."lineitem" AS "lineitem" WHERE l_orderkey <= CAST(7 AS INT) ORDER BY l_orderkey, l_linenumber;
-- case: window_functions/nulls_in_window_order
SELECT id, i4, rank() OVER (ORDER BY i4 NULLS FIRST) AS rank_nulls_first, rank() OVER (ORDER BY i4 DESC) AS rank_desc, pg_sum(pg_int8(i4)) OVER (ORDER BY id) AS running FROM "public"."alltypes" AS "alltypes" ORDER BY id;
-- case: window_functions/window_filter_clause
SELECT n_regionkey, n_nationkey, count(*) FILTER (WHERE n_name LIKE '%A%') OVER (PARTITION BY n_regionkey) AS with_a FROM "public"."nation" AS "nation" ORDER BY n_regionkey, n_nationkey;
-- case: window_functions/row_number_dedup
SELECT id, u FROM (SELECT id, u, row_number() OVER (PARTITION BY u ORDER BY id DESC) AS rn FROM "public"."alltypes" AS "alltypes" WHERE u IS NOT NULL) AS s WHERE rn = CAST(1 AS INT) ORDER BY id;
-- case: window_functions/lag_over_aggregate
SELECT yr, orders, orders - lag(orders) OVER (ORDER BY yr) AS change FROM (SELECT CAST(date_part('year', o_orderdate) AS DECIMAL(20,0)) AS yr, count(*) AS orders FROM "public"."orders" AS "orders" GROUP BY 1) AS s ORDER BY yr;
-- case: window_functions/dense_rank_by_segment
SELECT c_mktsegment, dense_rank() OVER (ORDER BY c_mktsegment) AS seg_rank, count(*) AS cnt FROM "public"."customer" AS "customer" GROUP BY c_mktsegment ORDER BY c_mktsegment;
-- case: window_functions/cumulative_share_by_year
SELECT yr, revenue, pg_round(pg_div_decimal(pg_sum(revenue) OVER (ORDER BY yr), pg_sum(revenue) OVER ()), 4) AS cum_share FROM (SELECT CAST(date_part('year', l_shipdate) AS DECIMAL(20,0)) AS yr, pg_sum(l_extendedprice) AS revenue FROM "public"."lineitem" AS "lineitem" GROUP BY 1) AS s ORDER BY yr;
