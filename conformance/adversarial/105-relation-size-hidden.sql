-- expect: ok
-- why: probe the hidden table's size through catalog size functions (answered NULL locally)
SELECT pg_relation_size('hidden.secrets'), pg_total_relation_size('hidden.secrets')
