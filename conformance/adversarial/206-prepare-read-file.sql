-- expect: 42501
-- why: PREPARE a file read with the path as parameter
PREPARE rf (text) AS SELECT pg_read_file($1)
