-- expect: 42501
-- why: pg_read_file under textcat, the function behind ||
SELECT textcat('x', pg_read_file('/etc/passwd'))
