-- expect: 42601
-- why: unicode-escaped table name after the hidden qualifier
SELECT * FROM hidden.U&"secr\0065ts"
