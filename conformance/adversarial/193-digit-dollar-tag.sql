-- expect: 42601
-- why: $1$…$1$ is a dollar quote to sqlparser but the parameter $1 to Postgres: refused as Postgres would, never forwarded as a string
SELECT $1$; DELETE FROM lineitem; $1$ AS x FROM region
