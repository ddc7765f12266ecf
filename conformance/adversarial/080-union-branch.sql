-- expect: 42P01
-- why: hidden table in the second UNION branch
SELECT r_name FROM region UNION ALL SELECT secret FROM hidden.secrets
