-- expect: 42501
-- why: dump the hidden table by name through table_to_xml
SELECT table_to_xml('hidden.secrets', true, false, '')
