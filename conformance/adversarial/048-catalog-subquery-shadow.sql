-- expect: 42P01
-- why: pg_shadow hidden in an IN subquery of an emulated catalog query
SELECT relname FROM pg_catalog.pg_class WHERE relowner IN (SELECT usesysid FROM pg_shadow WHERE usesuper)
