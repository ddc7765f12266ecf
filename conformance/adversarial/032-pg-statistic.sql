-- expect: 42P01
-- why: read raw statistics slots from pg_statistic
SELECT stavalues1 FROM pg_catalog.pg_statistic
