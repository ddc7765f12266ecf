-- expect: 42501
-- why: allocate a transaction id on the backend
SELECT txid_current()
