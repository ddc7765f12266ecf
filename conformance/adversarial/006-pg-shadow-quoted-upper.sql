-- expect: 42P01
-- why: quoted upper-case name skips the pg_ prefix test and goes to the resolver instead
SELECT * FROM "PG_SHADOW"
