-- expect: 42P01
-- why: prepared statement over the hidden table
PREPARE loot AS SELECT secret FROM hidden.secrets WHERE id = $1
