-- expect: 42P01
-- why: read the base catalog pg_user_mapping (umoptions hold passwords)
SELECT umuser, umoptions FROM pg_catalog.pg_user_mapping
