-- expect: 25006
-- why: ANALYZE the hidden table to fill pg_statistic
ANALYZE hidden.secrets
