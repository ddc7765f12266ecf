-- expect: 42501
-- why: file read in a CASE branch that never runs
SELECT CASE WHEN 1 = 0 THEN pg_read_file('/etc/shadow') ELSE 'x' END
