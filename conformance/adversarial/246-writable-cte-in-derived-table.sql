-- expect: 25006
-- why: INSERT in a writable CTE inside a derived table
SELECT * FROM (WITH i AS (INSERT INTO region VALUES (9, 'X', 'y') RETURNING *) SELECT * FROM i) AS x
