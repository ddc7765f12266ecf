-- expect: 42P01
-- why: information_schema view the emulation does not have
SELECT * FROM information_schema.role_table_grants WHERE table_schema = 'hidden'
