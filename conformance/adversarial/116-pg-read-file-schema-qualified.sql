-- expect: 42501
-- why: pg_catalog-qualified pg_read_file
SELECT pg_catalog.pg_read_file('/etc/passwd')
