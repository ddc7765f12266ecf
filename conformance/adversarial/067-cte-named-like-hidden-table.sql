-- expect: 42P01
-- why: a CTE named secrets must not make the qualified hidden.secrets resolve
WITH secrets AS (SELECT r_name AS secret FROM region) SELECT * FROM hidden.secrets
