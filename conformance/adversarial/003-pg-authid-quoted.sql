-- expect: 42P01
-- why: read pg_authid with both parts double-quoted
SELECT rolname, rolpassword FROM "pg_catalog"."pg_authid"
