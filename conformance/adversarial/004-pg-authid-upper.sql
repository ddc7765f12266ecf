-- expect: 42P01
-- why: read pg_authid spelled in upper case (folds to lower case)
SELECT * FROM PG_CATALOG.PG_AUTHID WHERE ROLSUPER
