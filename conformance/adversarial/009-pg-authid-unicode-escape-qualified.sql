-- expect: 42601
-- why: unicode-escaped relation name after the pg_catalog qualifier
SELECT rolpassword FROM pg_catalog.U&"pg\0061uthid"
