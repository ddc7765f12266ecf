-- expect: 25006
-- why: install dblink on the backend
CREATE EXTENSION IF NOT EXISTS dblink
