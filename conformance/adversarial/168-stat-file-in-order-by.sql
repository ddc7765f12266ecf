-- expect: 42501
-- why: file stat in ORDER BY
SELECT r_name FROM region ORDER BY pg_stat_file('/etc/passwd')
