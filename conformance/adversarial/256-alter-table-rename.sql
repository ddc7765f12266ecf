-- expect: 25006
-- why: rename a package table
ALTER TABLE lineitem RENAME TO lineitem_old
