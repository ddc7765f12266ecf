-- expect: 0A000
-- why: XMLTABLE in FROM fed by query_to_xml
SELECT * FROM XMLTABLE('/table/row' PASSING query_to_xml('SELECT * FROM hidden.secrets', true, false, '') COLUMNS secret text PATH 'secret') AS x
