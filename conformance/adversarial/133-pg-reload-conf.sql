-- expect: 42501
-- why: reload the server configuration
SELECT pg_reload_conf()
