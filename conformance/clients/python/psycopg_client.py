"""psycopg 3 through packwire: text and binary cursors, prepared statements (prepare=True),
every supported type, reflection through information_schema, and a server-side cursor that
pages through a result larger than one fetch."""

import psycopg

from checks import finish, same

NATION = "SELECT n_name, n_regionkey FROM nation WHERE n_nationkey = %s"
# Python lists bound as arrays (psycopg sends them typed, in text or binary).
ARRAYS = (
    "SELECT n_nationkey, n_nationkey = ANY(%s) AS hit FROM nation "
    "WHERE n_name <> ALL(%s) AND n_regionkey = ANY(%s) ORDER BY n_nationkey"
)
JOIN = (
    "SELECT r_name, count(*) AS nations, sum(n_nationkey) AS keys FROM nation "
    "JOIN region ON n_regionkey = r_regionkey GROUP BY r_name ORDER BY r_name"
)
ALLTYPES = "SELECT * FROM alltypes ORDER BY id"
REFLECT = (
    "SELECT table_name, column_name, data_type, is_nullable, character_maximum_length, numeric_precision, "
    "numeric_scale FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
)
BIG = "SELECT l_orderkey, l_linenumber, l_quantity, l_shipdate FROM lineitem WHERE l_quantity > %s ORDER BY 1, 2"


def query(sql, params=None, binary=False, prepare=None, times=1):
    def run(url):
        with psycopg.connect(url) as conn, conn.cursor(binary=binary) as cur:
            result = None
            for _ in range(times):
                cur.execute(sql, params, prepare=prepare)
                result = ([(d.name, d.type_code) for d in cur.description], cur.fetchall())
            return result

    return run


def paged(binary):
    def run(url):
        with psycopg.connect(url) as conn:
            with conn.cursor(name="big", binary=binary) as cur:
                cur.itersize = 1000
                cur.execute(BIG, (10,))
                rows = list(cur)
                return len(rows), rows[0], rows[-1], sum(r[2] for r in rows)

    return run


same("parameterized text", query(NATION, (3,)))
same("parameterized binary", query(NATION, (7,), binary=True))
same("prepared (prepare=True), executed 6 times", query(NATION, (12,), prepare=True, times=6))
same("aggregate with a join", query(JOIN))
same("array parameters, text", query(ARRAYS, ([1, 2, None], ["BRAZIL", "PERU"], [1, 2])))
same("array parameters, binary", query(ARRAYS, ([1, 2, None], ["BRAZIL", "PERU"], [1, 2]), binary=True))
same("every type, text", query(ALLTYPES))
same("every type, binary", query(ALLTYPES, binary=True))
same("reflection", query(REFLECT))
same("server-side cursor, text", paged(False))
same("server-side cursor, binary", paged(True))
finish()
