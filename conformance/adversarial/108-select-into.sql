-- expect: 25006
-- why: copy the hidden table with SELECT ... INTO
SELECT * INTO TEMP loot FROM hidden.secrets
