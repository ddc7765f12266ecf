-- expect: 42P01
-- why: three-part name pointing at another database's pg_authid
SELECT * FROM postgres.pg_catalog.pg_authid
