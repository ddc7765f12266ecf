-- expect: 42501
-- why: DO block as the second statement of a simple query
SELECT 1; DO $$ BEGIN DELETE FROM lineitem; END $$
