-- expect: 0A000
-- why: cast to the hidden table's composite row type
SELECT row_to_json(NULL::hidden.secrets)
