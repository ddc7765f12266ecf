-- expect: 42P01
-- why: E'\x27' is a quote character inside the string, not its end
SELECT e'\x27; DELETE FROM lineitem; --' FROM hidden.secrets
