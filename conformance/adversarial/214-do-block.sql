-- expect: 42501
-- why: anonymous PL/pgSQL block
DO $$ BEGIN PERFORM pg_read_file('/etc/passwd'); END $$
