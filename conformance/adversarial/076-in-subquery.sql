-- expect: 42P01
-- why: hidden table in IN (subquery)
SELECT n_name FROM nation WHERE n_nationkey IN (SELECT id FROM hidden.secrets)
