-- expect: 42P01
-- why: hidden table joined into an otherwise emulated catalog query
SELECT c.relname, s.secret FROM pg_catalog.pg_class c, hidden.secrets s
