-- expect: 42501
-- why: directory listing inside a CTE
WITH f AS (SELECT pg_ls_dir('/var/lib/postgresql') AS name) SELECT * FROM f
