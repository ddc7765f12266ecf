-- expect: 42501
-- why: double-quoted function name
SELECT "pg_read_file"('/etc/passwd')
