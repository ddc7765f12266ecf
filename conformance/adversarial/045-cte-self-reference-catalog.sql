-- expect: 42P01
-- why: non-recursive CTE whose body names itself: in Postgres the inner pg_shadow is the real catalog
WITH pg_shadow AS (SELECT * FROM pg_shadow) SELECT * FROM pg_shadow
