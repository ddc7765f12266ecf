-- expect: 42P01
-- why: foreign-server credentials through information_schema
SELECT option_name, option_value FROM information_schema.user_mapping_options
