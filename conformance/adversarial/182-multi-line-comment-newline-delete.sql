-- expect: 25006
-- why: line comment ends at the newline; the DELETE after it is a real statement
SELECT 1 -- just a comment
; DELETE FROM orders WHERE true
