-- expect: 25006
-- why: EXPLAIN ANALYZE executes its statement
EXPLAIN ANALYZE DELETE FROM lineitem
