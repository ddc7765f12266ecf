-- expect: 42P01
-- why: hidden table in an aggregate FILTER clause
SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM hidden.secrets)) FROM region
