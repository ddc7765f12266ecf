-- expect: 26000
-- why: EXECUTE of format()-built SQL text
EXECUTE format('DELETE FROM %I', 'lineitem')
