-- expect: 42501
-- why: grant the hidden table to everyone
GRANT SELECT ON hidden.secrets TO PUBLIC
