-- expect: 42501
-- why: advance a sequence on the backend
SELECT nextval('hidden.seq')
