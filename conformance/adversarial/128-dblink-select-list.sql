-- expect: 42501
-- why: loop back into the backend with dblink
SELECT dblink('dbname=conf', 'SELECT secret FROM hidden.secrets')
