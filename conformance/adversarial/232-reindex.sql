-- expect: 42601
-- why: REINDEX a package table
REINDEX TABLE lineitem
