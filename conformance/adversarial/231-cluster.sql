-- expect: 42601
-- why: CLUSTER a package table
CLUSTER lineitem USING lineitem_pkey
