-- expect: 42P01
-- why: hidden table in a scalar subquery of the select list
SELECT r_name, (SELECT secret FROM hidden.secrets LIMIT 1) FROM region
