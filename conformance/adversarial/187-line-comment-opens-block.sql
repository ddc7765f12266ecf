-- expect: 42P01
-- why: /* inside a line comment does not open a block comment
SELECT 1 -- /*
FROM hidden.secrets -- */
