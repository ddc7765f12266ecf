-- expect: 42P01
-- why: VALUES list joined to the hidden table
SELECT * FROM (VALUES (1), (2)) AS v(id) JOIN hidden.secrets USING (id)
