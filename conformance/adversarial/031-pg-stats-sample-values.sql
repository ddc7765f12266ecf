-- expect: 42P01
-- why: read sampled column values of hidden tables from pg_stats
SELECT attname, most_common_vals FROM pg_stats WHERE schemaname = 'hidden'
