-- expect: 42883
-- why: kill other sessions via pg_terminate_backend over pg_stat_activity (catalog engine has no such function)
SELECT pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity WHERE pid <> pg_backend_pid()
