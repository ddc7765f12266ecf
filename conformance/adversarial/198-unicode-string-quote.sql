-- expect: 42P01
-- why: U&'\0027' is a quote character inside the string, not its end
SELECT U&'\0027; DELETE FROM lineitem; --' FROM hidden.secrets
