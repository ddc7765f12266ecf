-- expect: 42P01
-- why: hidden table in = ANY (subquery)
SELECT r_name FROM region WHERE r_name = ANY (SELECT secret FROM hidden.secrets)
