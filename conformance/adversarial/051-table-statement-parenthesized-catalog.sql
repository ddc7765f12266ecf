-- expect: 0A000
-- why: TABLE pg_catalog.pg_authid inside parentheses (SetExpr::Table carries no relation name for the catalog check)
(TABLE pg_catalog.pg_authid)
