-- expect: 42501
-- why: revoke access from everyone
REVOKE ALL ON lineitem FROM PUBLIC
