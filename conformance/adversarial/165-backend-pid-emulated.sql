-- expect: ok
-- why: pg_backend_pid and the own pg_stat_activity row are the session's, not the backend's
SELECT pg_backend_pid(), usename, query FROM pg_stat_activity WHERE pid = pg_backend_pid()
