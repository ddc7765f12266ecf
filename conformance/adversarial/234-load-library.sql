-- expect: 0A000
-- why: load a shared library into the backend
LOAD '$libdir/plugins/auto_explain'
