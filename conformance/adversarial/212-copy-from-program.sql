-- expect: 25006
-- why: run a shell command via COPY FROM PROGRAM
COPY region FROM PROGRAM 'id > /tmp/pwned'
