-- expect: 25006
-- why: INSERT into a package table
INSERT INTO region VALUES (5, 'PWNED', 'x')
