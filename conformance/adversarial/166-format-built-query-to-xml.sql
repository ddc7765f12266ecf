-- expect: 42501
-- why: SQL text built with format() and run by query_to_xml
SELECT query_to_xml(format('SELECT * FROM %I.%I', 'hidden', 'secrets'), true, false, '')
