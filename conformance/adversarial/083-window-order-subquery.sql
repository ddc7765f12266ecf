-- expect: 42P01
-- why: hidden table in a window's ORDER BY subquery
SELECT r_name, row_number() OVER (ORDER BY (SELECT min(secret) FROM hidden.secrets)) FROM region
