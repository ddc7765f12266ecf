-- expect: 25006
-- why: make the backend role a superuser
ALTER ROLE packwire SUPERUSER
