-- expect: 42P01
-- why: a DROP inside a quoted identifier with a doubled quote
SELECT * FROM "lineitem"";DROP TABLE lineitem;--"
