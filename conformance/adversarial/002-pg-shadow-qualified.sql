-- expect: 42P01
-- why: read pg_catalog.pg_shadow schema-qualified
SELECT usename, passwd FROM pg_catalog.pg_shadow
