-- expect: 42501
-- why: run DDL on the backend through dblink_exec
SELECT dblink_exec('dbname=conf', 'DROP SCHEMA hidden CASCADE')
