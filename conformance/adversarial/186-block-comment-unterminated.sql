-- expect: 42601
-- why: unterminated block comment
SELECT 1 /* unterminated ; DELETE FROM lineitem
