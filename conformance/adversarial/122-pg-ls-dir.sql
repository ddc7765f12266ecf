-- expect: 42501
-- why: list a server directory
SELECT pg_ls_dir('.')
