-- expect: 42501
-- why: take a session-level advisory lock on the pooled backend
SELECT pg_advisory_lock(42)
