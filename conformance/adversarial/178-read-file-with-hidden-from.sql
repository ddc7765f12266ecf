-- expect: 42P01
-- why: names are resolved before functions are checked
SELECT pg_read_file('/etc/passwd') FROM hidden.secrets
