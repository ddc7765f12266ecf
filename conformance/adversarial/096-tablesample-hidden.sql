-- expect: 0A000
-- why: hidden table with TABLESAMPLE (the clause is refused before the name is resolved)
SELECT * FROM hidden.secrets TABLESAMPLE SYSTEM (100)
