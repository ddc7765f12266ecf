-- expect: 42P01
-- why: one quoted identifier containing a dot
SELECT * FROM "hidden.secrets"
