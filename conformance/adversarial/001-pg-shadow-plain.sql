-- expect: 42P01
-- why: read password hashes from pg_shadow, unqualified (routed to the catalog emulation, which has no pg_shadow)
SELECT * FROM pg_shadow
