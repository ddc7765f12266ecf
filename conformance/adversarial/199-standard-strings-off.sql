-- expect: 25006
-- why: turn backslash escapes on so the rest of the text would split differently; the whole string is validated first (as packwire lexes it) and the DELETE refuses it before the SET runs
SET standard_conforming_strings = off; SELECT 'a\'; DELETE FROM lineitem; --'
