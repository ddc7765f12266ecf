-- expect: 42P01
-- why: comments between schema, dot and table
SELECT * FROM hidden/* a */./* b */secrets
