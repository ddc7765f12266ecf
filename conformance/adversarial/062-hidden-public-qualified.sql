-- expect: 42P01
-- why: hidden table name under the logical public schema
SELECT * FROM public.secrets
