-- expect: 42501
-- why: read a backend cursor through cursor_to_xml
SELECT cursor_to_xml('c', 100, true, false, '')
