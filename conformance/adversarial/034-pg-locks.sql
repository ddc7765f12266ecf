-- expect: 42P01
-- why: observe other sessions through pg_locks
SELECT locktype, relation::regclass, pid, mode FROM pg_catalog.pg_locks
