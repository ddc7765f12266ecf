-- expect: 42P01
-- why: E'\'' keeps the string open: the DROP is data
SELECT E'\'; DROP TABLE lineitem; --' FROM hidden.secrets
