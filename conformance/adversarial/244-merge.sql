-- expect: 25006
-- why: MERGE into a package table
MERGE INTO region r USING nation n ON r.r_regionkey = n.n_regionkey WHEN MATCHED THEN DELETE
