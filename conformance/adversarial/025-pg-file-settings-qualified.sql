-- expect: 42P01
-- why: read pg_catalog.pg_file_settings schema-qualified
SELECT sourcefile, name, setting FROM pg_catalog.pg_file_settings WHERE error IS NULL
