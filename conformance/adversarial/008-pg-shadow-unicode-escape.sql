-- expect: 42601
-- why: unicode-escaped identifier U&"pg\0073hadow" (sqlparser reads U & "...")
SELECT * FROM U&"pg\0073hadow"
