-- expect: 42501
-- why: leak the backend's port
SELECT inet_server_port()
