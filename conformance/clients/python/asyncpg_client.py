"""asyncpg through packwire: asyncpg speaks only the extended protocol with binary values, so
every parameter is encoded by the type packwire announces for it (ParameterDescription) and
every result column decoded by its declared type. Parameterized and cast-typed queries, a
prepared statement executed past the 5th time, array parameters, every supported type,
reflection through information_schema, a cursor paging inside a transaction, and an error
(asyncpg prepares with Parse/Describe/Flush and waits for the answer before it sends Sync)."""

import asyncio
import datetime

import asyncpg

from checks import finish, same

NATION = "SELECT n_name, n_regionkey FROM nation WHERE n_nationkey = $1"
CASTS = (
    "SELECT n_name, $2::date AS d, $3::bool AS b FROM nation "
    "WHERE n_regionkey = $1::int AND n_name < $4 ORDER BY n_name"
)
JOIN = (
    "SELECT r_name, count(*) AS nations, sum(n_nationkey) AS keys FROM nation "
    "JOIN region ON n_regionkey = r_regionkey GROUP BY r_name ORDER BY r_name"
)
ALLTYPES = "SELECT * FROM alltypes ORDER BY id"
REFLECT = (
    "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
    "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
)
# `= ANY($1)` / `<> ALL($2)` with lists: asyncpg encodes them as binary arrays of the element
# types packwire announces (int4[] from the column, text/bpchar[]); a NULL element makes
# non-matches NULL, as Postgres answers.
ARRAYS = (
    "SELECT n_nationkey, n_nationkey = ANY($1) AS hit FROM nation "
    "WHERE n_name <> ALL($2) AND n_regionkey = ANY($3) ORDER BY n_nationkey"
)
BIG = "SELECT l_orderkey, l_linenumber, l_quantity, l_shipdate FROM lineitem WHERE l_quantity > $1 ORDER BY 1, 2"


def rows(records):
    return [tuple(record.items()) for record in records]


def connected(work):
    """`work(conn)` on a fresh connection to `url`, run to completion."""

    def run(url):
        async def main():
            conn = await asyncpg.connect(url)
            try:
                return await work(conn)
            finally:
                await conn.close()

        return asyncio.run(main())

    return run


def query(sql, *args):
    async def work(conn):
        return rows(await conn.fetch(sql, *args))

    return connected(work)


async def prepared(conn):
    statement = await conn.prepare(NATION)
    attributes = [(a.name, a.type.oid) for a in statement.get_attributes()]
    answers = [rows(await statement.fetch(key)) for key in range(7)]
    return attributes, answers


async def paged(conn):
    async with conn.transaction():
        seen = [tuple(r.values()) async for r in conn.cursor(BIG, 10, prefetch=1000)]
    return len(seen), seen[0], seen[-1], sum(r[2] for r in seen)


async def error_then_query(conn):
    try:
        await conn.fetch("SELECT nope FROM nation")
        failed = None
    except asyncpg.PostgresError as error:
        failed = (type(error).__name__, error.sqlstate)
    return failed, rows(await conn.fetch(NATION, 1))


same("parameterized", query(NATION, 3))
same("parameters typed by casts", query(CASTS, 1, datetime.date(2024, 2, 29), True, "M"))
same("prepared statement, executed 7 times", connected(prepared))
same("aggregate with a join", query(JOIN))
same("array parameters", query(ARRAYS, [1, 2, None], ["BRAZIL", "PERU"], [1, 2]))
same("every type", query(ALLTYPES))
same("reflection", query(REFLECT))
same("cursor paging in a transaction", connected(paged))
same("an error, then the next query", connected(error_then_query))
finish()
