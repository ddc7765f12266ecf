-- expect: 42501
-- why: write a logical decoding message into WAL
SELECT pg_logical_emit_message(true, 'packwire', 'pwned')
