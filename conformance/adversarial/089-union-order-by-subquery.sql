-- expect: 0A000
-- why: subquery on hidden in the ORDER BY of a UNION (only output columns are allowed there)
SELECT r_name FROM region UNION SELECT n_name FROM nation ORDER BY (SELECT secret FROM hidden.secrets LIMIT 1)
