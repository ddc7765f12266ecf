-- expect: 0A000
-- why: parenthesized TABLE hidden.secrets parses as a query body
(TABLE hidden.secrets)
