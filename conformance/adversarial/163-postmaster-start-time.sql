-- expect: 42501
-- why: leak the backend's start time
SELECT pg_postmaster_start_time()
