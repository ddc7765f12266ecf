-- expect: 42P01
-- why: a CTE named pg_shadow cannot make the qualified pg_catalog.pg_shadow resolve
WITH pg_shadow AS (SELECT 'x' AS passwd) SELECT passwd FROM pg_catalog.pg_shadow
