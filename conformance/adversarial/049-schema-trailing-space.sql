-- expect: 42P01
-- why: quoted schema "pg_catalog " with a trailing space is not pg_catalog
SELECT * FROM "pg_catalog ".pg_class
