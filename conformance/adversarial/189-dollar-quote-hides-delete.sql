-- expect: 42P01
-- why: DELETE inside a dollar-quoted string is data
SELECT $$; DELETE FROM lineitem; $$ FROM hidden.secrets
