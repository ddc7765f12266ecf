-- expect: 42804
-- why: pg_ls_dir as a table function in FROM (unqualified pg_* makes it a catalog statement)
SELECT * FROM pg_ls_dir('/') AS f(name)
