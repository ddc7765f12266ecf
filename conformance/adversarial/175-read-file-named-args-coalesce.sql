-- expect: 42501
-- why: named arguments inside COALESCE (a default-like position)
SELECT COALESCE(NULL, pg_read_file(filename => '/etc/passwd', missing_ok => true))
