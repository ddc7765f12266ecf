-- expect: 42703
-- why: unicode-escaped function name (sqlparser reads U & "..."(...), and column u does not exist)
SELECT U&"pg_read_file"('/etc/passwd')
