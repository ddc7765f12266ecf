-- TPC-H style analytical reports (the 22 benchmark queries with SF 0.01 parameters and
-- total orderings, plus a few window-function reports).

-- case: tpch_queries/q01_pricing_summary
SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price, sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price, sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge, avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc, count(*) AS count_order
FROM lineitem
WHERE l_shipdate <= DATE '1998-12-01' - interval '90 days'
GROUP BY l_returnflag, l_linestatus
ORDER BY l_returnflag, l_linestatus;

-- case: tpch_queries/q02_minimum_cost_supplier
SELECT s_acctbal, s_name, n_name, p_partkey, p_mfgr, s_address, s_phone, s_comment
FROM part, supplier, partsupp, nation, region
WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND p_size = 15 AND p_type LIKE '%BRASS'
  AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'EUROPE'
  AND ps_supplycost = (SELECT min(ps_supplycost) FROM partsupp, supplier, nation, region WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'EUROPE')
ORDER BY s_acctbal DESC, n_name, s_name, p_partkey
LIMIT 100;

-- case: tpch_queries/q03_shipping_priority
SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority
FROM customer, orders, lineitem
WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey
  AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15'
GROUP BY l_orderkey, o_orderdate, o_shippriority
ORDER BY revenue DESC, o_orderdate, l_orderkey
LIMIT 10;

-- case: tpch_queries/q04_order_priority_checking
SELECT o_orderpriority, count(*) AS order_count
FROM orders
WHERE o_orderdate >= DATE '1993-07-01' AND o_orderdate < DATE '1993-07-01' + interval '3 months'
  AND EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate)
GROUP BY o_orderpriority
ORDER BY o_orderpriority;

-- case: tpch_queries/q05_local_supplier_volume
SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue
FROM customer, orders, lineitem, supplier, nation, region
WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey AND c_nationkey = s_nationkey
  AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'ASIA'
  AND o_orderdate >= DATE '1994-01-01' AND o_orderdate < DATE '1994-01-01' + interval '1 year'
GROUP BY n_name
ORDER BY revenue DESC, n_name;

-- case: tpch_queries/q06_forecasting_revenue_change
SELECT sum(l_extendedprice * l_discount) AS revenue
FROM lineitem
WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1994-01-01' + interval '1 year'
  AND l_discount BETWEEN 0.06 - 0.01 AND 0.06 + 0.01 AND l_quantity < 24;

-- case: tpch_queries/q07_volume_shipping
SELECT supp_nation, cust_nation, l_year, sum(volume) AS revenue
FROM (
  SELECT n1.n_name AS supp_nation, n2.n_name AS cust_nation, extract(year from l_shipdate) AS l_year, l_extendedprice * (1 - l_discount) AS volume
  FROM supplier, lineitem, orders, customer, nation n1, nation n2
  WHERE s_suppkey = l_suppkey AND o_orderkey = l_orderkey AND c_custkey = o_custkey AND s_nationkey = n1.n_nationkey AND c_nationkey = n2.n_nationkey
    AND ((n1.n_name = 'FRANCE' AND n2.n_name = 'GERMANY') OR (n1.n_name = 'GERMANY' AND n2.n_name = 'FRANCE'))
    AND l_shipdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31'
) AS shipping
GROUP BY supp_nation, cust_nation, l_year
ORDER BY supp_nation, cust_nation, l_year;

-- case: tpch_queries/q08_national_market_share
SELECT o_year, round(sum(CASE WHEN nation = 'UNITED STATES' THEN volume ELSE 0 END) / sum(volume), 6) AS mkt_share
FROM (
  SELECT extract(year from o_orderdate) AS o_year, l_extendedprice * (1 - l_discount) AS volume, n2.n_name AS nation
  FROM part, supplier, lineitem, orders, customer, nation n1, nation n2, region
  WHERE p_partkey = l_partkey AND s_suppkey = l_suppkey AND l_orderkey = o_orderkey AND o_custkey = c_custkey
    AND c_nationkey = n1.n_nationkey AND n1.n_regionkey = r_regionkey AND r_name = 'AMERICA' AND s_nationkey = n2.n_nationkey
    AND o_orderdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31' AND p_type = 'ECONOMY ANODIZED STEEL'
) AS all_nations
GROUP BY o_year
ORDER BY o_year;

-- case: tpch_queries/q09_product_type_profit
SELECT nation, o_year, sum(amount) AS sum_profit
FROM (
  SELECT n_name AS nation, extract(year from o_orderdate) AS o_year, l_extendedprice * (1 - l_discount) - ps_supplycost * l_quantity AS amount
  FROM part, supplier, lineitem, partsupp, orders, nation
  WHERE s_suppkey = l_suppkey AND ps_suppkey = l_suppkey AND ps_partkey = l_partkey AND p_partkey = l_partkey
    AND o_orderkey = l_orderkey AND s_nationkey = n_nationkey AND p_name LIKE '%green%'
) AS profit
GROUP BY nation, o_year
ORDER BY nation, o_year DESC;

-- case: tpch_queries/q10_returned_item_reporting
SELECT c_custkey, c_name, sum(l_extendedprice * (1 - l_discount)) AS revenue, c_acctbal, n_name, c_address, c_phone, c_comment
FROM customer, orders, lineitem, nation
WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate >= DATE '1993-10-01'
  AND o_orderdate < DATE '1993-10-01' + interval '3 months' AND l_returnflag = 'R' AND c_nationkey = n_nationkey
GROUP BY c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment
ORDER BY revenue DESC, c_custkey
LIMIT 20;

-- case: tpch_queries/q11_important_stock
SELECT ps_partkey, sum(ps_supplycost * ps_availqty) AS value
FROM partsupp, supplier, nation
WHERE ps_suppkey = s_suppkey AND s_nationkey = n_nationkey AND n_name = 'GERMANY'
GROUP BY ps_partkey
HAVING sum(ps_supplycost * ps_availqty) > (SELECT sum(ps_supplycost * ps_availqty) * 0.005 FROM partsupp, supplier, nation WHERE ps_suppkey = s_suppkey AND s_nationkey = n_nationkey AND n_name = 'GERMANY')
ORDER BY value DESC, ps_partkey;

-- case: tpch_queries/q12_shipping_modes
SELECT l_shipmode, sum(CASE WHEN o_orderpriority = '1-URGENT' OR o_orderpriority = '2-HIGH' THEN 1 ELSE 0 END) AS high_line_count, sum(CASE WHEN o_orderpriority <> '1-URGENT' AND o_orderpriority <> '2-HIGH' THEN 1 ELSE 0 END) AS low_line_count
FROM orders, lineitem
WHERE o_orderkey = l_orderkey AND l_shipmode IN ('MAIL', 'SHIP') AND l_commitdate < l_receiptdate AND l_shipdate < l_commitdate
  AND l_receiptdate >= DATE '1994-01-01' AND l_receiptdate < DATE '1994-01-01' + interval '1 year'
GROUP BY l_shipmode
ORDER BY l_shipmode;

-- case: tpch_queries/q13_customer_distribution
SELECT c_count, count(*) AS custdist
FROM (SELECT c_custkey, count(o_orderkey) AS c_count FROM customer LEFT OUTER JOIN orders ON c_custkey = o_custkey AND o_comment NOT LIKE '%special%requests%' GROUP BY c_custkey) AS c_orders
GROUP BY c_count
ORDER BY custdist DESC, c_count DESC;

-- case: tpch_queries/q14_promotion_effect
SELECT round(100.00 * sum(CASE WHEN p_type LIKE 'PROMO%' THEN l_extendedprice * (1 - l_discount) ELSE 0 END) / sum(l_extendedprice * (1 - l_discount)), 6) AS promo_revenue
FROM lineitem, part
WHERE l_partkey = p_partkey AND l_shipdate >= DATE '1995-09-01' AND l_shipdate < DATE '1995-09-01' + interval '1 month';

-- case: tpch_queries/q15_top_supplier
WITH revenue0 AS (
  SELECT l_suppkey AS supplier_no, sum(l_extendedprice * (1 - l_discount)) AS total_revenue
  FROM lineitem
  WHERE l_shipdate >= DATE '1996-01-01' AND l_shipdate < DATE '1996-01-01' + interval '3 months'
  GROUP BY l_suppkey
)
SELECT s_suppkey, s_name, s_address, s_phone, total_revenue
FROM supplier, revenue0
WHERE s_suppkey = supplier_no AND total_revenue = (SELECT max(total_revenue) FROM revenue0)
ORDER BY s_suppkey;

-- case: tpch_queries/q16_parts_supplier_relationship
SELECT p_brand, p_type, p_size, count(DISTINCT ps_suppkey) AS supplier_cnt
FROM partsupp, part
WHERE p_partkey = ps_partkey AND p_brand <> 'Brand#45' AND p_type NOT LIKE 'MEDIUM POLISHED%' AND p_size IN (49, 14, 23, 45, 19, 3, 36, 9)
  AND ps_suppkey NOT IN (SELECT s_suppkey FROM supplier WHERE s_comment LIKE '%Customer%Complaints%')
GROUP BY p_brand, p_type, p_size
ORDER BY supplier_cnt DESC, p_brand, p_type, p_size
LIMIT 40;

-- case: tpch_queries/q17_small_quantity_order_revenue
SELECT round(sum(l_extendedprice) / 7.0, 6) AS avg_yearly
FROM lineitem, part
WHERE p_partkey = l_partkey AND p_brand = 'Brand#44' AND p_container = 'WRAP CAN'
  AND l_quantity < (SELECT 0.2 * avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey);

-- case: tpch_queries/q18_large_volume_customer
SELECT c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, sum(l_quantity) AS total_qty
FROM customer, orders, lineitem
WHERE o_orderkey IN (SELECT l_orderkey FROM lineitem GROUP BY l_orderkey HAVING sum(l_quantity) > 300)
  AND c_custkey = o_custkey AND o_orderkey = l_orderkey
GROUP BY c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice
ORDER BY o_totalprice DESC, o_orderdate, o_orderkey
LIMIT 100;

-- case: tpch_queries/q19_discounted_revenue
SELECT sum(l_extendedprice * (1 - l_discount)) AS revenue
FROM lineitem, part
WHERE (p_partkey = l_partkey AND p_brand = 'Brand#12' AND p_container IN ('SM CASE', 'SM BOX', 'SM PACK', 'SM PKG') AND l_quantity >= 1 AND l_quantity <= 1 + 10 AND p_size BETWEEN 1 AND 5 AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON')
   OR (p_partkey = l_partkey AND p_brand = 'Brand#23' AND p_container IN ('MED BAG', 'MED BOX', 'MED PKG', 'MED PACK') AND l_quantity >= 10 AND l_quantity <= 10 + 10 AND p_size BETWEEN 1 AND 10 AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON')
   OR (p_partkey = l_partkey AND p_brand = 'Brand#34' AND p_container IN ('LG CASE', 'LG BOX', 'LG PACK', 'LG PKG') AND l_quantity >= 20 AND l_quantity <= 20 + 10 AND p_size BETWEEN 1 AND 15 AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON');

-- case: tpch_queries/q20_potential_part_promotion
SELECT s_name, s_address
FROM supplier, nation
WHERE s_suppkey IN (
    SELECT ps_suppkey FROM partsupp
    WHERE ps_partkey IN (SELECT p_partkey FROM part WHERE p_name LIKE 'forest%')
      AND ps_availqty > (SELECT 0.5 * sum(l_quantity) FROM lineitem WHERE l_partkey = ps_partkey AND l_suppkey = ps_suppkey AND l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1994-01-01' + interval '1 year'))
  AND s_nationkey = n_nationkey AND n_name = 'CANADA'
ORDER BY s_name;

-- case: tpch_queries/q21_suppliers_who_kept_orders_waiting
SELECT s_name, count(*) AS numwait
FROM supplier, lineitem l1, orders, nation
WHERE s_suppkey = l1.l_suppkey AND o_orderkey = l1.l_orderkey AND o_orderstatus = 'F' AND l1.l_receiptdate > l1.l_commitdate
  AND EXISTS (SELECT * FROM lineitem l2 WHERE l2.l_orderkey = l1.l_orderkey AND l2.l_suppkey <> l1.l_suppkey)
  AND NOT EXISTS (SELECT * FROM lineitem l3 WHERE l3.l_orderkey = l1.l_orderkey AND l3.l_suppkey <> l1.l_suppkey AND l3.l_receiptdate > l3.l_commitdate)
  AND s_nationkey = n_nationkey AND n_name = 'SAUDI ARABIA'
GROUP BY s_name
ORDER BY numwait DESC, s_name
LIMIT 100;

-- case: tpch_queries/q22_global_sales_opportunity
SELECT cntrycode, count(*) AS numcust, sum(c_acctbal) AS totacctbal
FROM (
  SELECT substring(c_phone from 1 for 2) AS cntrycode, c_acctbal
  FROM customer
  WHERE substring(c_phone from 1 for 2) IN ('13', '31', '23', '29', '30', '18', '17')
    AND c_acctbal > (SELECT avg(c_acctbal) FROM customer WHERE c_acctbal > 0.00 AND substring(c_phone from 1 for 2) IN ('13', '31', '23', '29', '30', '18', '17'))
    AND NOT EXISTS (SELECT * FROM orders WHERE o_custkey = c_custkey)
) AS custsale
GROUP BY cntrycode
ORDER BY cntrycode;

-- case: tpch_queries/monthly_revenue_running_total
SELECT month, revenue, sum(revenue) OVER (ORDER BY month) AS running_revenue, round(revenue / sum(revenue) OVER () * 100, 2) AS pct_of_year
FROM (SELECT date_trunc('month', l_shipdate)::date AS month, sum(l_extendedprice * (1 - l_discount)) AS revenue FROM lineitem WHERE l_shipdate >= DATE '1995-01-01' AND l_shipdate < DATE '1996-01-01' GROUP BY 1) AS m
ORDER BY month;

-- case: tpch_queries/top_customers_per_nation_europe
SELECT n_name, rnk, c_custkey, total_spent
FROM (
  SELECT n.n_name, c.c_custkey, sum(o.o_totalprice) AS total_spent, rank() OVER (PARTITION BY n.n_name ORDER BY sum(o.o_totalprice) DESC) AS rnk
  FROM customer AS c JOIN nation AS n ON c.c_nationkey = n.n_nationkey JOIN region AS r ON n.n_regionkey = r.r_regionkey JOIN orders AS o ON o.o_custkey = c.c_custkey
  WHERE r.r_name = 'EUROPE'
  GROUP BY n.n_name, c.c_custkey
) AS ranked
WHERE rnk <= 3
ORDER BY n_name, rnk, c_custkey;

-- case: tpch_queries/region_yearly_growth
SELECT r_name, yr, revenue, round(100.0 * (revenue - lag(revenue) OVER (PARTITION BY r_name ORDER BY yr)) / lag(revenue) OVER (PARTITION BY r_name ORDER BY yr), 2) AS growth_pct
FROM (
  SELECT r.r_name, extract(year from o.o_orderdate) AS yr, sum(o.o_totalprice) AS revenue
  FROM orders AS o JOIN customer AS c ON o.o_custkey = c.c_custkey JOIN nation AS n ON c.c_nationkey = n.n_nationkey JOIN region AS r ON n.n_regionkey = r.r_regionkey
  WHERE o.o_orderdate < DATE '1998-01-01'
  GROUP BY r.r_name, extract(year from o.o_orderdate)
) AS t
ORDER BY r_name, yr;

-- case: tpch_queries/supplier_share_within_nation
SELECT n_name, s_suppkey, supplied_value, round(100.0 * supplied_value / sum(supplied_value) OVER (PARTITION BY n_name), 2) AS pct_of_nation
FROM (
  SELECT n.n_name, s.s_suppkey, sum(ps.ps_supplycost * ps.ps_availqty) AS supplied_value
  FROM supplier AS s JOIN nation AS n ON s.s_nationkey = n.n_nationkey JOIN partsupp AS ps ON ps.ps_suppkey = s.s_suppkey
  WHERE n.n_regionkey = 1
  GROUP BY n.n_name, s.s_suppkey
) AS v
ORDER BY n_name, supplied_value DESC, s_suppkey;

-- case: tpch_queries/order_size_quartiles
SELECT quartile, count(*) AS orders, min(o_totalprice) AS min_price, max(o_totalprice) AS max_price, round(avg(o_totalprice), 2) AS avg_price
FROM (SELECT o_orderkey, o_totalprice, ntile(4) OVER (ORDER BY o_totalprice, o_orderkey) AS quartile FROM orders) AS q
GROUP BY quartile
ORDER BY quartile;

-- case: tpch_queries/late_shipments_by_mode_and_priority
SELECT l.l_shipmode, o.o_orderpriority, count(*) AS late_lines, round(avg(l.l_receiptdate - l.l_commitdate), 2) AS avg_days_late
FROM lineitem AS l JOIN orders AS o ON o.o_orderkey = l.l_orderkey
WHERE l.l_receiptdate > l.l_commitdate AND l.l_shipmode IN ('AIR', 'TRUCK')
GROUP BY l.l_shipmode, o.o_orderpriority
HAVING count(*) > 100
ORDER BY l.l_shipmode, o.o_orderpriority;

-- case: tpch_queries/part_price_vs_brand_average
SELECT p_brand, count(*) AS parts, count(*) FILTER (WHERE p_retailprice > brand_avg) AS above_avg, round(max(p_retailprice - brand_avg), 2) AS max_premium
FROM (SELECT p_brand, p_retailprice, avg(p_retailprice) OVER (PARTITION BY p_brand) AS brand_avg FROM part) AS p
GROUP BY p_brand
ORDER BY p_brand;

-- case: tpch_queries/customer_order_gaps
SELECT o_custkey, count(*) AS orders, max(gap) AS longest_gap_days, round(avg(gap), 2) AS avg_gap_days
FROM (SELECT o_custkey, o_orderdate - lag(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) AS gap FROM orders WHERE o_custkey <= 25) AS g
GROUP BY o_custkey
ORDER BY o_custkey;

-- case: tpch_queries/segment_nation_pivot
SELECT n_name, count(*) FILTER (WHERE c_mktsegment = 'AUTOMOBILE') AS automobile, count(*) FILTER (WHERE c_mktsegment = 'BUILDING') AS building, count(*) FILTER (WHERE c_mktsegment = 'FURNITURE') AS furniture, count(*) FILTER (WHERE c_mktsegment = 'HOUSEHOLD') AS household, count(*) FILTER (WHERE c_mktsegment = 'MACHINERY') AS machinery, count(*) AS total
FROM customer JOIN nation ON c_nationkey = n_nationkey
GROUP BY n_name
ORDER BY n_name;

-- case: tpch_queries/discount_bands_revenue
SELECT CASE WHEN l_discount < 0.03 THEN 'low' WHEN l_discount < 0.07 THEN 'mid' ELSE 'high' END AS band, count(*) AS lines, sum(l_extendedprice * (1 - l_discount)) AS net_revenue, round(avg(l_discount), 4) AS avg_discount
FROM lineitem
GROUP BY 1
ORDER BY min(l_discount);

-- case: tpch_queries/suppliers_without_recent_shipments
SELECT s.s_suppkey, s.s_name, max(l.l_shipdate) AS last_ship
FROM supplier AS s LEFT JOIN lineitem AS l ON l.l_suppkey = s.s_suppkey
GROUP BY s.s_suppkey, s.s_name
HAVING max(l.l_shipdate) < DATE '1998-11-15' OR max(l.l_shipdate) IS NULL
ORDER BY last_ship NULLS FIRST, s.s_suppkey
LIMIT 15;
