-- expect: 42704
-- why: SET role = '...' (the GUC spelling of SET ROLE)
SET role = 'postgres'
