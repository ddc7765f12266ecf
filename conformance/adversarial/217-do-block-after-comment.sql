-- expect: 42601
-- why: DO block preceded by a comment
/* maintenance */ DO $$ BEGIN DELETE FROM lineitem; END $$
