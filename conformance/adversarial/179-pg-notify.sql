-- expect: 42501
-- why: signal other backend sessions
SELECT pg_notify('pgrst', 'reload schema')
