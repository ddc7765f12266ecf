-- expect: 42P01
-- why: read large-object pages directly
SELECT loid, pageno, data FROM pg_largeobject
