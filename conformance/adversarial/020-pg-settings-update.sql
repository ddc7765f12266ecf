-- expect: 25006
-- why: change a server setting by updating pg_settings
UPDATE pg_settings SET setting = 'all' WHERE name = 'log_statement'
