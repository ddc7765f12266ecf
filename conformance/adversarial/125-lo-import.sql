-- expect: 42501
-- why: import a server file as a large object
SELECT lo_import('/etc/passwd')
