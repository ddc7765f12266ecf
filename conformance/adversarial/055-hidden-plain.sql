-- expect: 42P01
-- why: read the hidden schema directly
SELECT * FROM hidden.secrets
