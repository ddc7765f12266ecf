-- expect: 42P01
-- why: nested CTEs shadowing two package tables, innermost reads hidden
WITH region AS (WITH nation AS (SELECT * FROM hidden.secrets) SELECT * FROM nation) SELECT * FROM region
