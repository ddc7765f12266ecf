-- expect: 42P01
-- why: DataFusion's own information_schema.df_settings behind the catalog engine
SELECT * FROM information_schema.df_settings
