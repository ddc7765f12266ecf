-- expect: 42P01
-- why: enumerate large objects and read them with lo_get
SELECT lo_get(oid) FROM pg_catalog.pg_largeobject_metadata
