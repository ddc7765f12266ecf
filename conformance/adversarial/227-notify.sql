-- expect: 0A000
-- why: NOTIFY other listeners of the backend
NOTIFY pgrst, 'reload schema'
