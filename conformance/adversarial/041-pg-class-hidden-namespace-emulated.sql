-- expect: ok
-- why: look for hidden relations through pg_class/pg_namespace (emulation only)
SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'hidden'
