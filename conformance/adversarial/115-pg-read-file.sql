-- expect: 42501
-- why: read a server file
SELECT pg_read_file('/etc/passwd')
