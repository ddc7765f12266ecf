-- expect: 42501
-- why: read a large object, wrapped in convert_from
SELECT convert_from(lo_get(16384), 'UTF8')
