-- expect: 42P01
-- why: reach a session temp table through pg_temp
SELECT * FROM pg_temp.lineitem
