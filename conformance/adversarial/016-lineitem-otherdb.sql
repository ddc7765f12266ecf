-- expect: 42P01
-- why: package table name under another database
SELECT * FROM otherdb.public.lineitem
