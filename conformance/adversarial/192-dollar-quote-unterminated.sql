-- expect: 42601
-- why: unterminated dollar quote
SELECT $$ unterminated; DELETE FROM lineitem
