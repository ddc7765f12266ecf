-- expect: 42P01
-- why: first CTE references a later sibling that reads the hidden table
WITH a AS (SELECT * FROM b), b AS (SELECT * FROM hidden.secrets) SELECT * FROM a
