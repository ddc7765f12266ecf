-- expect: 25006
-- why: row locks on a package table
SELECT * FROM lineitem FOR UPDATE
