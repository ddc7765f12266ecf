-- expect: 42601
-- why: ALTER SYSTEM
ALTER SYSTEM SET log_statement = 'none'
