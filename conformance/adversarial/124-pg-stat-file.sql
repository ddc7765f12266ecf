-- expect: 42501
-- why: stat a server file
SELECT pg_stat_file('/etc/passwd')
