-- expect: 42601
-- why: psql's \; separator is not SQL
SELECT 1 \; DELETE FROM lineitem
