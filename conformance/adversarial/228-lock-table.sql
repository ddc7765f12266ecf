-- expect: 25006
-- why: take an exclusive lock on a package table
LOCK TABLE lineitem IN ACCESS EXCLUSIVE MODE
