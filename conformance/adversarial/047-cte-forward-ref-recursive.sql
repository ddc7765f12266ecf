-- expect: 42P01
-- why: WITH RECURSIVE forward reference to a later CTE named like a catalog
WITH RECURSIVE a AS (SELECT * FROM pg_authid), pg_authid AS (SELECT 1 AS x) SELECT * FROM a
