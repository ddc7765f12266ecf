-- expect: 25006
-- why: E'\\' is one backslash and ends the string: the DELETE is a statement
SELECT E'\\'; DELETE FROM lineitem; --'
