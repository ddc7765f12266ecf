-- expect: 25006
-- why: EXPLAIN ANALYZE of a query with a writable CTE
EXPLAIN ANALYZE WITH d AS (DELETE FROM lineitem RETURNING 1) SELECT count(*) FROM d
