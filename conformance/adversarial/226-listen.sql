-- expect: 0A000
-- why: LISTEN on the pooled backend connection
LISTEN pwned
