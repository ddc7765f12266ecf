-- expect: 0A000
-- why: OPERATOR(hidden.+) could be a user-defined operator bound to any function
SELECT '/etc/passwd' OPERATOR(hidden.+) 'x'
