-- expect: 0A000
-- why: SELECT INTO from a catalog relation (the catalog engine plans it, not the resolver)
SELECT * INTO loot FROM pg_catalog.pg_class
