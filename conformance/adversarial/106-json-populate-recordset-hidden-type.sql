-- expect: 0A000
-- why: table function taking the hidden table's row type
SELECT * FROM json_populate_recordset(NULL::hidden.secrets, '[{"id": 1}]')
