-- expect: 42501
-- why: rotate the server log
SELECT pg_rotate_logfile()
