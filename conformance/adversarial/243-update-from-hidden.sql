-- expect: 25006
-- why: UPDATE a package table from the hidden table
UPDATE lineitem SET l_comment = s.secret FROM hidden.secrets s WHERE s.id = l_orderkey
