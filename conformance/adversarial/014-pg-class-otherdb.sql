-- expect: 42804
-- why: cross-database pg_class (template1) is not a catalog the emulation has
SELECT relname FROM template1.pg_catalog.pg_class
