-- expect: 42501
-- why: reset a sequence
SELECT setval('orders_seq', 1, false)
