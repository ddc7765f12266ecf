-- expect: 42501
-- expect embedded: 0A000
-- expect snowflake: 0A000
-- why: pin a pooled backend connection with pg_sleep(1e9): a sleep longer than the statement timeout is refused before it runs (the other engines have no pg_sleep)
SET statement_timeout = '100ms'; SELECT pg_sleep(1e9)
