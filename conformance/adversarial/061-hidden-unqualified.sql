-- expect: 42P01
-- why: unqualified physical name of a table outside the package
SELECT * FROM secrets
