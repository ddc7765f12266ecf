-- expect: 42P01
-- why: schema.table.column reference to hidden without it in FROM
SELECT hidden.secrets.secret FROM region
