-- expect: 42P01
-- why: read pg_hba.conf through pg_hba_file_rules
SELECT type, database, user_name, address, auth_method FROM pg_hba_file_rules
