-- expect: ok
-- why: read file locations from pg_settings (answered from the session's own settings)
SELECT name, setting FROM pg_settings WHERE name IN ('data_directory', 'hba_file', 'config_file', 'ssl_key_file')
