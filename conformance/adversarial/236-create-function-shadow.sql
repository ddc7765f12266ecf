-- expect: 25006
-- why: replace public.lower with a function reading the hidden table
CREATE OR REPLACE FUNCTION public.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT secret FROM hidden.secrets LIMIT 1 $$
