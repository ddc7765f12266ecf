-- expect: 25006
-- why: second statement of a simple query drops a package table
SELECT 1; DROP TABLE lineitem
