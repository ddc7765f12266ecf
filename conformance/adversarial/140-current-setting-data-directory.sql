-- expect: 42704
-- why: leak the data directory
SELECT current_setting('data_directory')
