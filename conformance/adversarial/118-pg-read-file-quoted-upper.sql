-- expect: 42883
-- why: case-preserving quoted upper-case name is another function
SELECT "PG_READ_FILE"('/etc/passwd')
