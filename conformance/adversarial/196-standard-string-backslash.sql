-- expect: 25006
-- why: with standard_conforming_strings a backslash does not escape the quote
SELECT 'a\'; DELETE FROM lineitem; --'
