-- expect: 42P01
-- why: upper-case information_schema view that is not emulated
SELECT * FROM INFORMATION_SCHEMA.FOREIGN_SERVERS
