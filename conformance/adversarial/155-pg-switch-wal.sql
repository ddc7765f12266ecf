-- expect: 42501
-- why: force a WAL switch
SELECT pg_switch_wal()
