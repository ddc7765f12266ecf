-- expect: 42P01
-- why: a CTE named hidden must not act as a schema
WITH hidden AS (SELECT 1 AS secrets) SELECT * FROM hidden.secrets
