-- expect: 42P01
-- why: three-part name with the package's own database before pg_catalog.pg_shadow
SELECT * FROM conf.pg_catalog.pg_shadow
