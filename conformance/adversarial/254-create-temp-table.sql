-- expect: 25006
-- why: temp table named like a package table to shadow it
CREATE TEMP TABLE region (r_regionkey int)
