"""SQLAlchemy 2 on psycopg 3 through packwire: engine connect, reflection with the inspector
(table names, columns, primary keys) and a Core select with bound parameters."""

import psycopg
from sqlalchemy import MetaData, Table, create_engine, inspect, select

from checks import finish, same


def engine(url):
    # SQLAlchemy's URL parser takes the last '@' for the end of the user part, so in a
    # SQLAlchemy URL the database `conf@1.0.0` must be spelled `conf%401.0.0`. Given the
    # literal '@' spelling, the engine takes its connections from psycopg, which reads it.
    if "@" in url.rsplit("/", 1)[-1]:
        return create_engine("postgresql+psycopg://", creator=lambda: psycopg.connect(url))
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def table_names(url):
    return sorted(inspect(engine(url)).get_table_names())


def columns(url):
    found = inspect(engine(url)).get_columns("lineitem")
    return [(c["name"], str(c["type"]), c["nullable"]) for c in found]


def primary_key(url):
    return inspect(engine(url)).get_pk_constraint("lineitem")


def core_select(url):
    with engine(url).connect() as conn:
        orders = Table("orders", MetaData(), autoload_with=conn)
        statement = (
            select(orders.c.o_orderkey, orders.c.o_totalprice, orders.c.o_orderdate)
            .where(orders.c.o_custkey == 370, orders.c.o_totalprice > 1000)
            .order_by(orders.c.o_orderkey)
        )
        return [tuple(row) for row in conn.execute(statement)]


same("engine connect", lambda url: engine(url).connect().close() or "connected")
same("inspector: table names", table_names)
same("inspector: columns of lineitem", columns)
same("inspector: primary key of lineitem", primary_key)
same("Core select with bound parameters", core_select)
finish()
