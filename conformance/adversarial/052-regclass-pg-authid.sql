-- expect: 42P01
-- why: resolve pg_authid's OID through a regclass cast
SELECT 'pg_catalog.pg_authid'::regclass::oid
