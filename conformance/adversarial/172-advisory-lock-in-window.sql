-- expect: 42501
-- why: advisory lock in a window PARTITION BY
SELECT rank() OVER (PARTITION BY pg_advisory_lock(r_regionkey)) FROM region
