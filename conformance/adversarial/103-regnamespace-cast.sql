-- expect: 3F000
-- why: probe for the hidden schema through a regnamespace cast
SELECT relname FROM pg_catalog.pg_class WHERE relnamespace = 'hidden'::regnamespace
