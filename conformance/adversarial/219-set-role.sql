-- expect: 42501
-- why: switch to a superuser role
SET ROLE postgres
