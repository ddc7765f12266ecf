-- expect: 42P01
-- why: CTE named lineitem whose body reads the hidden table
WITH lineitem AS (SELECT * FROM hidden.secrets) SELECT * FROM lineitem
