-- expect: 42704
-- why: RESET ROLE
RESET ROLE
