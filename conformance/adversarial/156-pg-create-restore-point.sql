-- expect: 42501
-- why: write a WAL restore point
SELECT pg_create_restore_point('pwned')
