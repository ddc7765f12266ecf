-- expect: 42883
-- why: pg_sleep inside a catalog query (catalog engine has no pg_sleep)
SELECT pg_sleep(1e9) FROM pg_catalog.pg_class
