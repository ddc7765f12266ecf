-- expect: 25006
-- why: DELETE after a block comment and semicolon
SELECT 1 /* harmless */; DELETE FROM lineitem
