-- expect: 42501
-- why: become another session user
SET SESSION AUTHORIZATION postgres
