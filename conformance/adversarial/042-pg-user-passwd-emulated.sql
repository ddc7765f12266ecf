-- expect: ok
-- why: read passwd from pg_user (emulated view, must not be the backend's)
SELECT usename, passwd, usesuper FROM pg_user
