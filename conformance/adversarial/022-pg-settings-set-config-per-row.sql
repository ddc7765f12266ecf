-- expect: 42883
-- why: call set_config for each pg_settings row (not the session form, so the catalog engine plans it)
SELECT set_config(name, 'off', false) FROM pg_settings WHERE name = 'transaction_read_only'
