-- expect: 55P02
-- why: switch the pinned package by setting packwire.package
SET packwire.package = 'tpch@1.0.0'
