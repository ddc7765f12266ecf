-- expect: 25006
-- why: TRUNCATE package tables
TRUNCATE lineitem, orders RESTART IDENTITY CASCADE
