-- expect: 42601
-- why: unbalanced nested comment: everything after it is inside the comment
SELECT 1 /* /* */ ; DELETE FROM lineitem
