-- expect: 55P02
-- why: switch the pinned package through set_config
SELECT set_config('packwire.package', 'tpch@1.0.0', false)
