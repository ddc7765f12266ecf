-- expect: 0A000
-- why: writable CTE deleting from a catalog (the statement goes to the catalog engine)
WITH d AS (DELETE FROM pg_catalog.pg_class RETURNING relname) SELECT * FROM d
