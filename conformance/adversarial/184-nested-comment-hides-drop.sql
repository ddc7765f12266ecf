-- expect: 42P01
-- why: nested block comment hides a DROP; only a nesting-aware lexer sees the trailing FROM hidden.secrets
SELECT 1 /* outer /* inner */ ; DROP TABLE lineitem; */ FROM hidden.secrets
