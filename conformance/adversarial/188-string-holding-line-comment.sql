-- expect: 25006
-- why: '--' inside a string is not a comment
SELECT '--'; DELETE FROM lineitem
