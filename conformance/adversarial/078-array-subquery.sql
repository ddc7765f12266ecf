-- expect: 42P01
-- why: hidden table in ARRAY(subquery)
SELECT ARRAY(SELECT secret FROM hidden.secrets)
