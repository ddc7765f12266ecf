-- expect: 42P01
-- why: hidden table in the recursive step of a recursive CTE
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT s.id FROM hidden.secrets s, t WHERE t.n < 3) SELECT * FROM t
