-- expect: 42501
-- why: run arbitrary SQL text on the backend through query_to_xml
SELECT query_to_xml('SELECT * FROM hidden.secrets', true, false, '')
