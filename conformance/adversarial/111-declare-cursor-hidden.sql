-- expect: 42P01
-- why: cursor over the hidden table
DECLARE loot CURSOR WITH HOLD FOR SELECT * FROM hidden.secrets
