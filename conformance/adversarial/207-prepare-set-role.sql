-- expect: 42501
-- why: PREPARE a SET ROLE
PREPARE sr AS SET ROLE postgres
