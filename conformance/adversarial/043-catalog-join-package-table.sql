-- expect: 42P01
-- why: mix a catalog relation with a package table so the catalog engine would have to read data
SELECT c.relname, l.l_comment FROM pg_catalog.pg_class c CROSS JOIN lineitem l LIMIT 1
