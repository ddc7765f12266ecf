-- expect: 42501
-- why: query_to_xmlschema runs the query text too
SELECT query_to_xmlschema('SELECT * FROM hidden.secrets', true, false, '')
