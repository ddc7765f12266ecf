-- expect: 42601
-- why: unicode-escaped schema name U&"\0068idden"
SELECT * FROM U&"\0068idden".secrets
