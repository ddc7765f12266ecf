-- expect: 42P01
-- why: $A$ does not close $a$ (tags are case-sensitive)
SELECT $a$ x $A$; DELETE FROM lineitem; $a$ FROM hidden.secrets
