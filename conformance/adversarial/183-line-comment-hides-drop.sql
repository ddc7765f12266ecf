-- expect: ok
-- why: a DROP inside a line comment is only a comment (visible part is an emulated catalog read)
SELECT count(*) FROM pg_catalog.pg_namespace -- ; DROP TABLE lineitem
