-- expect: 42P01
-- why: hidden table in an ORDER BY subquery
SELECT r_name FROM region ORDER BY (SELECT secret FROM hidden.secrets LIMIT 1)
