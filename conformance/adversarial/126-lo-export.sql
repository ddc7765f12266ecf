-- expect: 42501
-- why: write a large object to a server path
SELECT lo_export(16384, '/tmp/pwned.so')
