-- expect: 42P01
-- why: hidden table inside a derived table
SELECT * FROM (SELECT secret FROM hidden.secrets) AS s
