-- expect: 42501
-- why: SET ROLE in the middle of a multi-statement string
SELECT 1; SET ROLE postgres; SELECT * FROM hidden.secrets
