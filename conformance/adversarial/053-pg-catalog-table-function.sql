-- expect: 42804
-- why: call pg_read_file as a schema-qualified table function in FROM (a catalog statement)
SELECT * FROM pg_catalog.pg_read_file('/etc/passwd') AS f(contents)
