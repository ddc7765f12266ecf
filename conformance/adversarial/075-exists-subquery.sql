-- expect: 42P01
-- why: hidden table in EXISTS (a boolean oracle)
SELECT r_name FROM region WHERE EXISTS (SELECT 1 FROM hidden.secrets WHERE secret LIKE 'a%')
