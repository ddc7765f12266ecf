-- expect: 42501
-- why: file read inside an aggregate FILTER
SELECT count(*) FILTER (WHERE pg_read_file('/etc/passwd') IS NOT NULL) FROM region
