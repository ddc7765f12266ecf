-- expect: ok
-- why: missing_ok form of a secret setting answers NULL locally
SELECT current_setting('ssl_key_file', true)
