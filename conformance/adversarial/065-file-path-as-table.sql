-- expect: 42P01
-- why: a single-quoted file path as a FROM item (sqlparser reads it as a quoted name)
SELECT * FROM '/etc/passwd'
