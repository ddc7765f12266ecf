-- expect: 25006
-- why: turn off read-only mode by updating pg_catalog.pg_settings
UPDATE pg_catalog.pg_settings SET setting = 'off' WHERE name = 'default_transaction_read_only'
