-- expect: 42804
-- why: three-part name of an emulated relation with the package database as catalog
SELECT relname FROM conf.pg_catalog.pg_class
