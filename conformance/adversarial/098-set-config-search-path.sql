-- expect: 42P01
-- why: set_config('search_path') in the session form, then read secrets unqualified
SELECT set_config('search_path', 'hidden', false); SELECT * FROM secrets
