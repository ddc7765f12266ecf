-- expect: 42P01
-- why: quoted information_schema view that is not emulated
SELECT * FROM "information_schema"."column_privileges"
