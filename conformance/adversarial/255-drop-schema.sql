-- expect: 25006
-- why: drop the hidden schema
DROP SCHEMA hidden CASCADE
