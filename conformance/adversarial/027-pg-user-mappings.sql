-- expect: 42P01
-- why: read foreign-server credentials from pg_user_mappings
SELECT srvname, usename, umoptions FROM pg_user_mappings
