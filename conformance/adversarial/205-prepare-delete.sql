-- expect: 25006
-- why: PREPARE a DELETE
PREPARE wipe AS DELETE FROM lineitem
