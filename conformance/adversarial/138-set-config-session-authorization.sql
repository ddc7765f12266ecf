-- expect: 55P02
-- why: become another user through set_config
SELECT pg_catalog.set_config('session_authorization', 'postgres', false)
