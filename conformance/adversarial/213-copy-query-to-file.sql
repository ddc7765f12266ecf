-- expect: 0A000
-- why: write the hidden table to a server file
COPY (SELECT secret FROM hidden.secrets) TO '/tmp/secrets.csv' WITH (FORMAT csv)
