-- expect: 42P01
-- why: mixed-case unquoted catalog name folds to pg_catalog.pg_shadow
SELECT UseName, PassWd FROM Pg_Catalog.Pg_Shadow
