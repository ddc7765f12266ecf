-- expect: 25006
-- why: copy the hidden table with CREATE TABLE AS
CREATE TABLE loot AS SELECT * FROM hidden.secrets
