-- expect: ok
-- why: look for the hidden schema in information_schema.tables (emulation lists only the package)
SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = 'hidden'
