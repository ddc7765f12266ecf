-- expect: 42883
-- why: cancel via pg_backend_pid() (which makes it a catalog statement)
SELECT pg_cancel_backend(pg_backend_pid())
