-- expect: 0A000
-- why: a look-alike pg_read_file in another schema
SELECT public.pg_read_file('/etc/passwd')
