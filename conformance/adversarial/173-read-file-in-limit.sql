-- expect: 42501
-- why: file read in LIMIT
SELECT * FROM region LIMIT length(pg_read_file('/etc/passwd'))
