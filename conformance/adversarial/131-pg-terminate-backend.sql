-- expect: 42501
-- why: kill a backend process
SELECT pg_terminate_backend(1)
