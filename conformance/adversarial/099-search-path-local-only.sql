-- expect: ok
-- why: SET search_path is answered by the session and never forwarded
SET search_path TO hidden, pg_catalog
