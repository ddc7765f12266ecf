-- expect: 42501
-- why: set_config with a FROM clause is not the session form and would reach the backend
SELECT set_config('search_path', 'hidden', false) FROM region
