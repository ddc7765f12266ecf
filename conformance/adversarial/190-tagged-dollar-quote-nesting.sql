-- expect: 42P01
-- why: $$ inside a $a$ string does not end it
SELECT $a$ $$ ; DROP TABLE lineitem; $$ $a$ FROM hidden.secrets
