-- expect: 42P01
-- why: resolve the hidden table's OID through a regclass cast
SELECT 'hidden.secrets'::regclass
