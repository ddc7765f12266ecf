-- expect: 42703
-- why: a package table aliased hidden: hidden.secrets is then a missing column
SELECT hidden.secrets FROM region AS hidden
