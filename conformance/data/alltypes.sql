-- One table with a column of every type packwire serves, loaded next to TPC-H for the
-- conformance corpus: NULLs, negative and huge numerics, time zones, unicode, empty strings.
CREATE TABLE alltypes (
  id integer PRIMARY KEY,
  b boolean,
  i2 smallint,
  i4 integer,
  i8 bigint,
  f4 real,
  f8 double precision,
  n numeric(38,10),
  m numeric(12,2),
  t text,
  vc varchar(40),
  c char(8),
  d date,
  ts timestamp,
  tstz timestamptz,
  tm time,
  iv interval,
  u uuid,
  j jsonb,
  by bytea
);

INSERT INTO alltypes VALUES
  (1, true, 1, 10, 100, 1.5, 2.25, 1.5, 19.99, 'Hello World', 'alpha', 'ab', '2024-02-29', '2024-02-29 12:34:56.789', '2024-02-29 12:34:56.789+00', '12:34:56.789', '1 year 2 mons 3 days 04:05:06', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2, 3], "c": {"d": "x"}}', '\xdeadbeef'),
  (2, false, -1, -10, -100, -1.5, -2.25, -0.5, -19.99, 'hello world', 'Beta', 'cd', '1999-12-31', '1999-12-31 23:59:59', '1999-12-31 23:59:59-08', '23:59:59', '-1 days', '00000000-0000-0000-0000-000000000000', '{"a": 2, "b": [], "c": null}', '\x'),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (4, true, 32767, 2147483647, 9223372036854775807, 3.4e38, 1.7976931348623157e308, 9999999999999999999999999999.9999999999, 9999999999.99, 'ünïcödé ✓ 日本', 'gamma delta', 'efgh', '1970-01-01', '1970-01-01 00:00:00', '1970-01-01 00:00:00+05:30', '00:00:00', '36 hours', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '{"a": 3, "b": [4], "c": {"d": "y"}}', '\x00ff'),
  (5, false, -32768, -2147483648, -9223372036854775808, -3.4e38, -1.7976931348623157e308, -9999999999999999999999999999.9999999999, -9999999999.99, '', '', '', '2000-01-01', '2000-01-01 00:00:00.000001', '2000-01-01 00:00:00.000001+00', '00:00:00.000001', '1 mon', '12345678-1234-5678-1234-567812345678', '{}', '\x41'),
  (6, true, 0, 0, 0, 0, 0, 0, 0, '  padded  ', 'with''quote', 'x', '2038-01-19', '2038-01-19 03:14:07', '2038-01-19 03:14:07+00', '03:14:07', '00:00:01.5', 'b1eebc99-9c0b-4ef8-bb6d-6bb9bd380a22', '[1, 2, 3]', '\x0102030405'),
  (7, false, 7, 7, 7, 0.1, 0.1, 0.1, 0.10, 'MiXeD CaSe', 'Ω omega', 'zz', '1900-03-01', '1900-03-01 10:00:00', '1900-03-01 10:00:00+01', '10:00:00', '2 years', 'c2eebc99-9c0b-4ef8-bb6d-6bb9bd380a33', '"just a string"', '\x68656c6c6f'),
  (8, true, 8, 8, 8, 1e-10, 1e-300, 0.0000000001, 0.01, 'tab	and
newline', 'percent % under _', 'A', '2024-12-31', '2024-12-31 23:59:59.999999', '2024-12-31 23:59:59.999999+14', '23:59:59.999999', '-2 years -3 mons', 'd3eebc99-9c0b-4ef8-bb6d-6bb9bd380a44', '{"a": 1.5, "b": [1, "two", null], "c": {"d": null}}', '\x5c'),
  (9, NULL, 9, 9, 9, 2.5, 2.5, 2.5, 2.50, 'apple,banana,cherry', 'a.b.c', 'dup', '2024-02-29', '2024-02-29 00:00:00', '2024-02-29 00:00:00-12', '12:00:00', '1 day 1 hour', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2, 3], "c": {"d": "x"}}', '\xdeadbeef'),
  (10, true, 10, 10, 10, 3.5, 3.5, 3.5, 3.50, 'Hello World', 'alpha', 'ab', '2024-06-15', '2024-06-15 06:30:00', '2024-06-15 06:30:00+02', '06:30:00', '90 minutes', 'e4eebc99-9c0b-4ef8-bb6d-6bb9bd380a55', '{"a": 10}', '\x7f');
