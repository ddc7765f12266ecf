-- expect: 42883
-- why: nextval over a regclass cast (the cast makes it a catalog statement)
SELECT nextval('hidden.seq'::regclass)
