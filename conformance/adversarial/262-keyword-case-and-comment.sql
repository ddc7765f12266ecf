-- expect: 25006
-- why: mixed-case keywords glued by a comment
dElEtE/**/fRoM LineItem
