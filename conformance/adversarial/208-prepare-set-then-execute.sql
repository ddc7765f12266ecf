-- expect: 0A000
-- why: PREPARE a session statement and EXECUTE it
PREPARE sp AS SET search_path = hidden; EXECUTE sp
