-- expect: 0A000
-- why: dblink as a table function in FROM
SELECT * FROM dblink('dbname=conf user=postgres', 'SELECT secret FROM hidden.secrets') AS t(secret text)
