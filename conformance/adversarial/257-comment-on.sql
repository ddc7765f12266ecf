-- expect: 25006
-- why: COMMENT ON a package table
COMMENT ON TABLE lineitem IS 'pwned'
