-- expect: 42P01
-- why: point search_path at hidden, then read secrets unqualified
SET search_path = hidden; SELECT * FROM secrets
