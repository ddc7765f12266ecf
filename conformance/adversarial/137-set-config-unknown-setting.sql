-- expect: 42704
-- why: session-form set_config of a server-only setting
SELECT set_config('log_statement', 'none', false)
