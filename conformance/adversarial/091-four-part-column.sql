-- expect: 0A000
-- why: four-part column reference through another database
SELECT otherdb.hidden.secrets.secret FROM region
