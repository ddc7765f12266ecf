-- Casts: the :: operator and CAST(... AS ...), across the built-in type names.

-- case: casts/int_to_text
SELECT 42::text AS a, CAST(42 AS text) AS b, (-7)::text AS c;

-- case: casts/text_to_int
SELECT '123'::int + 1 AS a, CAST(' 456 ' AS integer) AS b, '-0'::int AS c;

-- case: casts/text_to_bigint_smallint
SELECT '9223372036854775807'::bigint AS big, '-32768'::smallint AS small, CAST('2147483647' AS int4) AS i;

-- case: casts/numeric_typmod_rounding
SELECT 2.345::numeric(10,2) AS a, 2.355::numeric(10,2) AS b, (-2.345)::numeric(10,2) AS c, 1234.5::numeric(6,0) AS d, CAST(0.005 AS numeric(4,2)) AS e;

-- case: casts/float_to_int_rounding
SELECT 2.5::float8::int AS a, 3.5::float8::int AS b, (-2.5)::float8::int AS c, 2.5::numeric::int AS d, (-2.5)::numeric::int AS e, 2.4999::int AS f;

-- case: casts/decimal_type
SELECT CAST('3.14159' AS decimal(5,3)) AS pi3, CAST(1 AS decimal) / 3 AS third, 10::decimal(4,1) AS ten;

-- case: casts/real_and_double
SELECT '1.5'::real AS r, '2.25'::float8 AS f, CAST('1e-3' AS double precision) AS d, 0.1::real::float8 AS widened, CAST(1 AS float4) / 3 AS r3;

-- case: casts/float_to_numeric
SELECT 0.1::float8::numeric AS a, 1e20::float8::numeric AS b, 1.25::float4::numeric AS c, (1.0 / 3)::float4 AS d;

-- case: casts/varchar_truncation
SELECT 'abcdef'::varchar(3) AS v3, CAST('abcdef' AS varchar(10)) AS v10, CAST('héllo' AS varchar(2)) AS v2;

-- case: casts/varchar_of_every_kind
SELECT id, i4::varchar(2) AS i4v, f8::varchar AS f8v, d::varchar(7) AS dv, t::varchar(3) AS tv, c::varchar AS cv, t::varchar(5) || '|' AS concat, CAST(b AS character varying(1)) AS bv FROM alltypes ORDER BY id;

-- case: casts/char_padding
SELECT 'ab'::char(4) || '|' AS concat_strips, length('ab  '::char(4)) AS len, octet_length('ab'::char(5)) AS octets, 'ab'::char(5) = 'ab' AS eq, CAST('abcdef' AS char(3)) AS trunc;

-- case: casts/char_column_to_text
SELECT id, c, c::text || '|' AS as_text, c::varchar(8) AS as_varchar, length(c) AS len FROM alltypes ORDER BY id;

-- case: casts/char_concatenation_and_casts
SELECT id, c || '|' AS concat_strips, '[' || c || c AS both_sides, concat(c, '|') AS concat_keeps, c::char(3) AS shorter, c::char(10) || '|' AS longer, c = c::char(12) AS equal_padded FROM alltypes ORDER BY id;

-- case: casts/date_to_timestamp
SELECT '2024-02-29'::date::timestamp AS ts, CAST(DATE '2024-02-29' AS timestamptz) AS tstz, CAST(DATE '1999-12-31' AS timestamp) + interval '1 second' AS plus1;

-- case: casts/timestamp_to_date_and_time
SELECT id, ts::date AS d, ts::time AS t, CAST(ts AS date) = d AS same_day FROM alltypes ORDER BY id;

-- case: casts/text_to_date_formats
SELECT '2024-02-29'::date AS iso, '20240229'::date AS compact, 'Feb 29 2024'::date AS words, CAST('1999-1-5' AS date) AS short;

-- case: casts/timestamptz_to_timestamp_utc
SELECT id, tstz, tstz::timestamp AS local_ts, tstz::date AS local_date FROM alltypes ORDER BY id;

-- case: casts/timestamp_to_timestamptz
SELECT TIMESTAMP '2024-01-01 12:00'::timestamptz AS a, '2024-01-01 12:00:00+05'::timestamptz AS b, '2024-06-01 00:00 America/New_York'::timestamptz AS c;

-- case: casts/text_to_boolean
SELECT 'true'::boolean AS a, 'yes'::boolean AS b, 'on'::boolean AS c, '0'::boolean AS d, 'f'::bool AS e, CAST('N' AS boolean) AS f, ' TRUE '::boolean AS g;

-- case: casts/boolean_int_roundtrip
SELECT true::int AS a, false::int AS b, 1::boolean AS c, 0::boolean AS d, 5::boolean AS e, true::text AS f;

-- case: casts/int_column_to_boolean
SELECT id, i4, i4::boolean AS nonzero FROM alltypes ORDER BY id;

-- case: casts/bytea_from_text
SELECT 'abc'::bytea AS a, CAST('\x0102ff' AS bytea) AS b, ''::bytea AS empty, 'a\\b'::bytea AS backslash;

-- case: casts/bytea_column
SELECT id, by, length(by) AS len FROM alltypes ORDER BY id;

-- case: casts/uuid_from_text
SELECT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid AS upper_in, '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}'::uuid AS braces, CAST('a0eebc999c0b4ef8bb6d6bb9bd380a11' AS uuid) AS bare;

-- case: casts/uuid_column_to_text
SELECT id, u::text AS u_text, upper(u::text) AS u_upper FROM alltypes ORDER BY id;

-- case: casts/jsonb_from_text
SELECT '{"b": 2, "a": 1}'::jsonb AS obj, '[1, "x", null]'::jsonb::text AS arr, '  {"a":1} '::jsonb AS spaced, CAST('3.50' AS jsonb) AS num;

-- case: casts/jsonb_scalar_to_sql
SELECT ('{"a": 12.5}'::jsonb -> 'a')::numeric AS n, ('{"a": true}'::jsonb -> 'a')::boolean AS b, ('{"a": 7}'::jsonb -> 'a')::int AS i, ('{"a": 2.5}'::jsonb -> 'a')::float8 AS f;

-- case: casts/interval_from_text
SELECT '1 day 2 hours'::interval AS a, CAST('90 minutes' AS interval) AS b, '1-2'::interval AS c, '-1 day 3 hours'::interval AS d, 'P1Y2M3DT4H5M6S'::interval AS e;

-- case: casts/time_from_text
SELECT '13:45'::time AS a, CAST('23:59:59.5' AS time) AS b, '1:02:03 PM'::time AS c, time '00:00' AS d;

-- case: casts/numeric_to_text_scale
SELECT 1.50::numeric::text AS a, 10::numeric(5,2)::text AS b, 0.000::text AS c, (-0.5)::numeric(4,1)::text AS d;

-- case: casts/numeric_column_to_text
SELECT id, m::text AS m_text, n::text AS n_text FROM alltypes ORDER BY id;

-- case: casts/string_to_numeric
SELECT '  12.340 '::numeric AS a, '-0.5'::numeric * 2 AS b, '1e3'::numeric AS c, '.25'::numeric AS d, CAST('+7' AS numeric) AS e;

-- case: casts/number_to_text_concat
SELECT 1.5::float8::text AS a, 100::bigint::text || 'x' AS b, 3.0::real::text AS c, 1e100::float8::text AS d;

-- case: casts/cast_in_where
SELECT count(*) AS cnt FROM orders WHERE o_orderdate::text LIKE '1995-%';

-- case: casts/tpch_price_casts
SELECT p_partkey, p_retailprice, p_retailprice::int AS as_int, p_retailprice::float8 AS as_float, CAST(p_retailprice AS numeric(10,0)) AS as_num0 FROM part ORDER BY p_partkey LIMIT 5;

-- case: casts/int_widening
SELECT id, i4::bigint + 1 AS plus_one, i2::int * 2 AS doubled, i8::numeric * 2 AS numeric_doubled FROM alltypes ORDER BY id;

-- case: casts/float_columns
SELECT id, f4, f4::float8 AS f4_wide, f8, f8::real AS f8_narrow FROM alltypes WHERE id NOT IN (4, 5, 8) ORDER BY id;

-- case: casts/alltypes_to_text
SELECT id, b::text AS b, d::text AS d, iv::text AS iv, j::text AS j, tm::text AS tm FROM alltypes ORDER BY id;

-- case: casts/time_and_interval
SELECT (interval '1 day 3 hours')::text AS iv_text, time '10:30'::interval AS t_as_iv, interval '25 hours'::time AS iv_as_t;

-- case: casts/to_char_numbers
SELECT to_char(1234.5, '9999.99') AS a, to_char(42, 'FM000') AS b, to_char(1234567.891, 'FM9,999,999.00') AS c, to_char(-5, 'S9') AS d, to_char(0.5, 'FM0.000') AS e;

-- case: casts/to_number
SELECT to_number('1,234.50', '9,999.99') AS a, to_number('-42', 'S99') AS b, to_number('  12.5', '999.9') AS c;
