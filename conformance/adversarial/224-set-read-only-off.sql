-- expect: 55P02
-- why: turn off the read-only default
SET default_transaction_read_only = off
