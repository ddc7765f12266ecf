-- expect: 25006
-- why: DELETE hidden in a writable CTE
WITH d AS (DELETE FROM lineitem RETURNING *) SELECT * FROM d
