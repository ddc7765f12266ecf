-- expect: 42P01
-- why: hidden table in a named WINDOW definition
SELECT sum(r_regionkey) OVER w FROM region WINDOW w AS (PARTITION BY (SELECT count(*) FROM hidden.secrets))
