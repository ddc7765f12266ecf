-- expect: 42P01
-- why: hidden.secrets with the package's own database prefix
SELECT * FROM conf.hidden.secrets
