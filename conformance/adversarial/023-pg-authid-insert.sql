-- expect: 25006
-- why: insert a superuser row into pg_authid
INSERT INTO pg_catalog.pg_authid (rolname, rolsuper) VALUES ('loot', true)
