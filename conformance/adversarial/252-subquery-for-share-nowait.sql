-- expect: 25006
-- why: row locks inside a derived table
SELECT * FROM (SELECT * FROM orders FOR SHARE NOWAIT) AS o
