-- expect: 42601
-- why: SECURITY LABEL
SECURITY LABEL FOR selinux ON TABLE lineitem IS 'system_u:object_r:sepgsql_table_t:s0'
