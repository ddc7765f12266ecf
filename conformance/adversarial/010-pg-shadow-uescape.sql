-- expect: 42601
-- why: unicode-escaped identifier with a custom UESCAPE character
SELECT * FROM U&"!0070g_shadow" UESCAPE '!'
