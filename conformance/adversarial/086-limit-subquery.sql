-- expect: 42P01
-- why: hidden table's row count leaked through LIMIT
SELECT * FROM region LIMIT (SELECT count(*) FROM hidden.secrets)
