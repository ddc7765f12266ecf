-- expect: 42P01
-- why: hidden table inside unnest(ARRAY(subquery)) in FROM
SELECT * FROM unnest(ARRAY(SELECT secret FROM hidden.secrets)) AS u
