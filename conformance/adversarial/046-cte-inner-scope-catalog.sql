-- expect: 42P01
-- why: a CTE defined only inside EXISTS must not hide the outer pg_shadow from the catalog check
SELECT * FROM pg_shadow WHERE EXISTS (WITH pg_shadow AS (SELECT 1) SELECT 1 FROM pg_shadow)
