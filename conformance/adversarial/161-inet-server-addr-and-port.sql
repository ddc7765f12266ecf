-- expect: 42501
-- why: leak the backend's address and port
SELECT inet_server_addr(), inet_server_port()
