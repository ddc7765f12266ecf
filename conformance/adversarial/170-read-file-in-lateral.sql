-- expect: 42501
-- expect embedded: 0A000
-- expect snowflake: 0A000
-- why: file read in a LATERAL subquery
SELECT r.r_name, f.x FROM region r CROSS JOIN LATERAL (SELECT pg_read_file('/etc/hostname') AS x) AS f
