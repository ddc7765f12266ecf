-- expect: 42501
-- why: pg_sleep_for with a huge interval
SELECT pg_sleep_for('1000 years')
