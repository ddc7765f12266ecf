-- expect: 42P01
-- why: current_setting makes it a catalog statement; the hidden table must still be refused
SELECT current_setting('search_path'), secret FROM hidden.secrets
