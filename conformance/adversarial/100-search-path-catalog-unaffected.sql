-- expect: ok
-- why: after SET search_path = hidden the emulated catalog still shows only the package
SET search_path = hidden; SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()
