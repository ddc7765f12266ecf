-- expect: 42P01
-- why: EXPLAIN is not a catalog statement: pg_authid must not reach the backend planner
EXPLAIN SELECT * FROM pg_authid
