-- expect: 42P01
-- why: read replication connection strings (with passwords) from pg_subscription
SELECT subname, subconninfo FROM pg_subscription
