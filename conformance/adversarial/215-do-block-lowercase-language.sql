-- expect: 42501
-- why: lower-case DO with LANGUAGE and a tagged body running dynamic SQL
do language plpgsql $body$ begin execute 'drop table lineitem'; end $body$
