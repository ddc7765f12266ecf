-- expect: ok
-- why: current_user, session_user, database and version come from packwire, not the backend
SELECT current_user, session_user, current_database(), version() FROM pg_catalog.pg_am LIMIT 1
