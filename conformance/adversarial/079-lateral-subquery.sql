-- expect: 42P01
-- why: hidden table in a correlated LATERAL subquery
SELECT r.r_name, x.secret FROM region r, LATERAL (SELECT s.secret FROM hidden.secrets s WHERE s.id = r.r_regionkey) AS x
