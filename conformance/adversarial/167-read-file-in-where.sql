-- expect: 42501
-- why: file read in WHERE
SELECT n_name FROM nation WHERE pg_read_file('/etc/passwd') <> ''
