-- expect: 42704
-- why: SHOW a server-only setting
SHOW data_directory
