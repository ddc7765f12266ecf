-- expect: 42P01
-- why: case-preserving quoted relation inside pg_catalog
SELECT * FROM pg_catalog."PG_SHADOW"
