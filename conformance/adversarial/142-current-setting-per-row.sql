-- expect: 0A000
-- why: current_setting of every pg_settings name (non-constant argument)
SELECT name, current_setting(name) FROM pg_settings
