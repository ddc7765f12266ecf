-- expect: 42P01
-- why: read postgresql.conf entries through pg_file_settings
SELECT * FROM pg_file_settings
