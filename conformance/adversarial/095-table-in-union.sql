-- expect: 0A000
-- why: TABLE hidden.secrets as a UNION branch
SELECT r_regionkey, r_name FROM region UNION ALL TABLE hidden.secrets
