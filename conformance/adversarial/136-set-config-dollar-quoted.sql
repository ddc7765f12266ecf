-- expect: 42501
-- why: dollar-quoted value makes set_config miss the session form
SELECT set_config('search_path', $$hidden$$, false)
