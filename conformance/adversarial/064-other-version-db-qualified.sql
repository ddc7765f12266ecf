-- expect: 42P01
-- why: escape the pinned version by naming another version as the database
SELECT * FROM "conf@1.0.1".public.lineitem
