-- expect: 42501
-- why: xpath over query_to_xml (inner call checked first)
SELECT xpath('//secret/text()', query_to_xml('SELECT secret FROM hidden.secrets', false, false, ''))
