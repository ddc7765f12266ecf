-- expect: ok
-- why: pg_stat_activity must come from the emulation, never the backend's sessions
SELECT pid, usename, client_addr, query FROM pg_stat_activity
