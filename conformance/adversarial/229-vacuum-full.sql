-- expect: 25006
-- why: VACUUM FULL rewrites and locks the table
VACUUM FULL lineitem
