-- expect: 42P01
-- why: a CTE defined inside a derived table is used outside it
SELECT * FROM (WITH s AS (SELECT * FROM region) SELECT * FROM s) AS q, s
