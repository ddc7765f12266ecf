-- expect: 42501
-- why: read a binary server file wrapped in encode()
SELECT encode(pg_read_binary_file('/etc/passwd'), 'base64')
