-- expect: 25006
-- why: temp table named like a package table, filled from hidden
CREATE TEMP TABLE lineitem AS TABLE hidden.secrets
