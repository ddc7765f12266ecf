-- expect: 42P01
-- why: hidden table on the right of a NATURAL FULL JOIN
SELECT * FROM region NATURAL FULL JOIN hidden.secrets
