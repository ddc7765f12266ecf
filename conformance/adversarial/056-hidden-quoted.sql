-- expect: 42P01
-- why: hidden.secrets with quoted identifiers
SELECT "secret" FROM "hidden"."secrets"
