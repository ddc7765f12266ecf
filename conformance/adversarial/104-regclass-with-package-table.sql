-- expect: 42P01
-- why: a reg* cast makes the statement a catalog query while it reads a package table
SELECT l_orderkey FROM lineitem WHERE l_orderkey = 'hidden.secrets'::regclass::oid::int LIMIT 1
