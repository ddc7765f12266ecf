-- expect: 42601
-- why: TABLE hidden.secrets as a statement (sqlparser does not start a statement with TABLE)
TABLE hidden.secrets
