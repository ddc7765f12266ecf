-- expect: 26000
-- why: EXECUTE of SQL text (Postgres has no such form outside PL/pgSQL)
EXECUTE 'DELETE FROM lineitem'
