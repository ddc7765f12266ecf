-- expect: 42P01
-- why: block comments between the parts of a qualified catalog name
SELECT * FROM pg_catalog/**/./* x */pg_shadow
