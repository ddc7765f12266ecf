-- Date/time functions, intervals and time zones. Session TimeZone is UTC.

-- case: datetime/now_deterministic_forms
SELECT now() >= timestamptz '2020-01-01' AS after_2020, current_date - current_date AS zero_days, date_trunc('day', now()) <= now() AS trunc_le, current_timestamp = now() AS same_txn_time, localtimestamp IS NOT NULL AS has_local;

-- case: datetime/current_date_forms
SELECT current_date > DATE '2020-01-01' AS after_2020, current_date = current_timestamp::date AS same_day, (current_date + 1) - current_date AS one, extract(year from current_date) >= 2024 AS recent;

-- case: datetime/now_interval_math
SELECT (now() + interval '1 day') - now() AS one_day, now() - interval '1 hour' < now() AS earlier, age(now(), now()) AS zero_age;

-- case: datetime/date_trunc_timestamp_fields
SELECT id, date_trunc('year', ts) AS y, date_trunc('quarter', ts) AS q, date_trunc('month', ts) AS mo, date_trunc('week', ts) AS w, date_trunc('day', ts) AS d FROM alltypes ORDER BY id;

-- case: datetime/date_trunc_time_fields
SELECT id, date_trunc('hour', ts) AS h, date_trunc('minute', ts) AS mi, date_trunc('second', ts) AS s, date_trunc('milliseconds', ts) AS ms FROM alltypes ORDER BY id;

-- case: datetime/date_trunc_on_date
SELECT date_trunc('month', DATE '2024-02-29') AS m, date_trunc('year', DATE '2024-02-29')::date AS y, date_trunc('week', DATE '2024-02-29')::date AS w, date_trunc('quarter', DATE '2024-11-15')::date AS q;

-- case: datetime/date_trunc_timestamptz_utc
SELECT id, date_trunc('day', tstz) AS d, date_trunc('hour', tstz) AS h FROM alltypes ORDER BY id;

-- case: datetime/date_trunc_interval
SELECT date_trunc('hour', interval '1 day 5 hours 30 minutes') AS a, date_trunc('year', interval '2 years 7 months') AS b;

-- case: datetime/date_trunc_group_orders
SELECT date_trunc('year', o_orderdate)::date AS yr, count(*) AS orders, sum(o_totalprice) AS total FROM orders GROUP BY 1 ORDER BY 1;

-- case: datetime/extract_timestamp_fields
SELECT id, extract(year from ts) AS y, extract(month from ts) AS mo, extract(day from ts) AS d, extract(hour from ts) AS h, extract(minute from ts) AS mi, extract(second from ts) AS s FROM alltypes ORDER BY id;

-- case: datetime/extract_calendar_fields
SELECT id, extract(dow from d) AS dow, extract(isodow from d) AS isodow, extract(doy from d) AS doy, extract(quarter from d) AS q, extract(week from d) AS wk, extract(isoyear from d) AS isoyear FROM alltypes ORDER BY id;

-- case: datetime/extract_epoch
SELECT id, extract(epoch from ts) AS ts_epoch, extract(epoch from tstz) AS tstz_epoch, extract(epoch from d) AS d_epoch FROM alltypes ORDER BY id;

-- case: datetime/extract_subsecond
SELECT extract(milliseconds from TIME '12:34:56.789') AS ms, extract(microseconds from TIMESTAMP '2000-01-01 00:00:01.000001') AS us, extract(century from DATE '2000-12-31') AS century, extract(decade from DATE '1999-01-01') AS decade, extract(millennium from DATE '2001-01-01') AS millennium;

-- case: datetime/extract_time_and_interval
SELECT id, extract(hour from tm) AS tm_hour, extract(epoch from iv) AS iv_epoch, extract(day from iv) AS iv_day, extract(month from iv) AS iv_month, extract(hour from iv) AS iv_hour FROM alltypes ORDER BY id;

-- case: datetime/extract_timestamptz_utc
SELECT id, extract(hour from tstz) AS h, extract(day from tstz) AS d, extract(timezone from tstz) AS tz FROM alltypes ORDER BY id;

-- case: datetime/date_part
SELECT date_part('year', DATE '2024-02-29') AS y, date_part('hour', TIMESTAMP '2024-02-29 13:14:15') AS h, date_part('epoch', TIMESTAMP '1970-01-02 00:00:00') AS e, date_part('dow', DATE '2024-02-29') AS dow, date_part('day', interval '40 days') AS iv_days;

-- case: datetime/extract_year_quarter_orders
SELECT extract(year from o_orderdate) AS yr, extract(quarter from o_orderdate) AS q, count(*) AS cnt FROM orders GROUP BY 1, 2 ORDER BY 1, 2;

-- case: datetime/age_two_args
SELECT age(TIMESTAMP '2024-03-01', TIMESTAMP '2023-01-15 12:00') AS a, age(TIMESTAMP '2024-02-29', TIMESTAMP '2000-02-29') AS b, age(TIMESTAMP '2000-01-01', TIMESTAMP '2024-06-15') AS negative, age(TIMESTAMP '2024-03-31', TIMESTAMP '2024-02-29') AS c;

-- case: datetime/age_month_ends_fractions_timestamptz
SELECT id, age(TIMESTAMP '2024-03-01', TIMESTAMP '2024-01-31') AS a, age(TIMESTAMP '2024-01-31', TIMESTAMP '2024-03-01') AS b, age(DATE '2024-03-31', DATE '2023-02-28') AS c, age(TIMESTAMP '2024-01-01 00:00:00.5', TIMESTAMP '2023-12-31 23:59:59.75') AS d, age(tstz, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS e, age(d, ts) AS f FROM alltypes ORDER BY id;

-- case: datetime/age_columns
SELECT id, age(ts, TIMESTAMP '2000-01-01') AS since_2000, age(DATE '2050-01-01', d) AS until_2050 FROM alltypes ORDER BY id;

-- case: datetime/interval_literals
SELECT interval '1 day' AS a, interval '2 hours 30 minutes' AS b, interval '1 year 2 months' AS c, interval '1.5 days' AS d, INTERVAL '3' DAY AS e, interval '-1 week' AS f, interval '100 seconds' AS g;

-- case: datetime/interval_string_casts
SELECT '1 day'::interval + '12 hours'::interval AS a, '1 mon'::interval = '30 days'::interval AS mon_eq_30d, '1 day'::interval = '24 hours'::interval AS day_eq_24h, '1 year'::interval > '360 days'::interval AS yr_gt;

-- case: datetime/date_plus_minus_integer
SELECT DATE '2024-02-28' + 1 AS a, DATE '2024-02-28' + 2 AS b, DATE '2024-03-01' - 1 AS c, DATE '2024-03-01' - DATE '2024-01-01' AS days_between, 7 + DATE '2024-12-28' AS int_plus_date;

-- case: datetime/date_plus_interval
SELECT DATE '2024-01-31' + interval '1 month' AS a, DATE '2024-02-29' + interval '1 year' AS b, DATE '2024-01-01' - interval '1 day' AS c, DATE '2024-03-31' - interval '1 month' AS d, DATE '2024-01-01' + interval '36 hours' AS e;

-- case: datetime/timestamp_arithmetic
SELECT TIMESTAMP '2024-01-01 10:00' - TIMESTAMP '2023-12-31 08:30' AS diff, TIMESTAMP '2024-01-01' + interval '36 hours' AS plus, TIMESTAMP '2024-03-01' - interval '1 day 1 second' AS minus, TIMESTAMP '2024-01-01' - TIMESTAMP '2024-03-01' AS neg_diff;

-- case: datetime/timestamp_column_arithmetic
SELECT id, ts + iv AS ts_plus_iv, ts - interval '1 hour' AS ts_minus_1h, d + 30 AS d_plus_30, tstz + interval '1 day' AS tstz_plus_1d FROM alltypes ORDER BY id;

-- case: datetime/interval_multiply_divide
SELECT interval '1 hour' * 2.5 AS a, interval '1 day' / 4 AS b, 3 * interval '20 minutes' AS c, -interval '1 day' AS d, interval '1 month' * 1.5 AS e, interval '1 hour' / 7 AS f;

-- case: datetime/interval_aggregates
SELECT sum(iv) AS total, min(iv) AS smallest, max(iv) AS largest, count(iv) AS cnt FROM alltypes;

-- case: datetime/date_differences_tpch
SELECT avg(l_receiptdate - l_shipdate) AS avg_transit, max(l_receiptdate - l_shipdate) AS max_transit, min(l_commitdate - l_shipdate) AS min_slack, count(*) FILTER (WHERE l_receiptdate > l_commitdate) AS late FROM lineitem;

-- case: datetime/to_char_formats
SELECT to_char(TIMESTAMP '2024-02-29 13:05:09.123', 'YYYY-MM-DD') AS ymd, to_char(TIMESTAMP '2024-02-29 13:05:09.123', 'HH24:MI:SS') AS hms, to_char(TIMESTAMP '2024-02-29 13:05:09.123', 'HH12:MI AM') AS h12, to_char(TIMESTAMP '2024-02-29 13:05:09.123', 'Mon DD, YYYY') AS mon, to_char(TIMESTAMP '2024-02-29 13:05:09.123', 'MS') AS ms;

-- case: datetime/to_char_names
SELECT to_char(DATE '2024-02-29', 'Day') || '|' AS day_padded, to_char(DATE '2024-02-29', 'FMDay') AS day_fm, to_char(DATE '2024-02-29', 'FMMonth FMDD') AS month_fm, to_char(DATE '2024-02-29', 'MONTH') || '|' AS month_upper, to_char(DATE '2024-02-29', 'Dy Mon') AS short_names;

-- case: datetime/to_char_misc_patterns
SELECT to_char(DATE '2024-02-29', 'DD/MM/YY') AS dmy, to_char(DATE '2024-02-29', 'YYYY"Q"Q') AS quarter, to_char(DATE '2024-12-30', 'IYYY-IW') AS isoweek, to_char(DATE '2024-02-29', 'DDD') AS doy, to_char(TIMESTAMP '2024-02-29 00:00:00', 'HH12 AM') AS midnight, to_char(TIMESTAMP '2024-02-29 01:02:03.456789', 'US') AS us;

-- case: datetime/to_char_columns
SELECT id, to_char(ts, 'YYYY-MM-DD HH24:MI:SS') AS ts_text, to_char(tstz, 'YYYY-MM-DD HH24:MI:SS TZ') AS tstz_text, to_char(d, 'FMMonth FMDD, YYYY') AS d_text FROM alltypes ORDER BY id;

-- case: datetime/to_char_orders
SELECT o_orderkey, to_char(o_orderdate, 'YYYY-MM') AS ym, to_char(o_orderdate, 'Dy') AS dow FROM orders ORDER BY o_orderkey LIMIT 5;

-- case: datetime/to_char_interval
SELECT to_char(interval '15 hours 2 minutes 12 seconds', 'HH24:MI:SS') AS a, to_char(interval '3 days', 'DD') AS b;

-- case: datetime/to_date
SELECT to_date('2024-02-29', 'YYYY-MM-DD') AS a, to_date('29/02/2024', 'DD/MM/YYYY') AS b, to_date('20240229', 'YYYYMMDD') AS c, to_date('Feb 29 2024', 'Mon DD YYYY') AS d, to_date('2024-060', 'YYYY-DDD') AS e;

-- case: datetime/to_timestamp_text
SELECT to_timestamp('2024-02-29 13:05:09', 'YYYY-MM-DD HH24:MI:SS') AS a, to_timestamp('29.02.2024 01:05 PM', 'DD.MM.YYYY HH:MI AM') AS b, to_timestamp('2024-02-29 13:05:09.25', 'YYYY-MM-DD HH24:MI:SS.MS') AS c;

-- case: datetime/to_timestamp_epoch
SELECT to_timestamp(0) AS epoch, to_timestamp(1700000000) AS a, to_timestamp(1.5) AS b, to_timestamp(-86400) AS c, to_timestamp(2147483648) AS after_2038;

-- case: datetime/make_functions
SELECT make_date(2024, 2, 29) AS d, make_timestamp(2024, 2, 29, 13, 5, 9.5) AS ts, make_time(1, 2, 3.25) AS t, make_interval(days => 3, hours => 4) AS iv, make_timestamptz(2024, 1, 1, 0, 0, 0, 'UTC') AS tstz;

-- case: datetime/make_date_from_parts
SELECT n_nationkey, make_date(1990 + n_nationkey::int, (n_nationkey % 12 + 1)::int, 1) AS d FROM nation WHERE n_nationkey < 6 ORDER BY n_nationkey;

-- case: datetime/at_time_zone_on_timestamptz
SELECT id, tstz AT TIME ZONE 'UTC' AS utc, tstz AT TIME ZONE 'America/New_York' AS new_york, tstz AT TIME ZONE 'Asia/Tokyo' AS tokyo FROM alltypes ORDER BY id;

-- case: datetime/at_time_zone_on_timestamp
SELECT TIMESTAMP '2024-06-01 12:00' AT TIME ZONE 'America/New_York' AS ny_summer, TIMESTAMP '2024-01-01 12:00' AT TIME ZONE 'America/New_York' AS ny_winter, TIMESTAMP '2024-06-01 12:00' AT TIME ZONE 'Europe/Berlin' AS berlin, TIMESTAMP '2024-06-01 12:00' AT TIME ZONE 'UTC' AS utc;

-- case: datetime/at_time_zone_offsets
SELECT TIMESTAMPTZ '2024-01-01 00:00:00+00' AT TIME ZONE INTERVAL '+05:30' AS iv_offset, TIMESTAMPTZ '2024-01-01 00:00:00+00' AT TIME ZONE '+05' AS posix_plus5, TIMESTAMPTZ '2024-01-01 00:00:00+00' AT TIME ZONE 'UTC+3' AS posix_utc3, TIMESTAMP '2024-01-01 00:00:00' AT TIME ZONE INTERVAL '-08:00' AS ts_iv_offset;

-- case: datetime/at_time_zone_roundtrip
SELECT id, (ts AT TIME ZONE 'Asia/Kolkata') AT TIME ZONE 'Asia/Kolkata' = ts AS roundtrip, ts AT TIME ZONE 'Australia/Sydney' AS sydney FROM alltypes WHERE id IN (1, 2, 6, 8, 10) ORDER BY id;

-- case: datetime/timezone_function
SELECT timezone('Asia/Tokyo', TIMESTAMPTZ '2024-01-01 00:00:00+00') AS tokyo_local, timezone('Asia/Tokyo', TIMESTAMP '2024-01-01 09:00:00') AS from_tokyo;

-- case: datetime/dst_transition
SELECT TIMESTAMPTZ '2024-03-10 06:00:00+00' AT TIME ZONE 'America/New_York' AS before_dst, TIMESTAMPTZ '2024-03-10 07:00:00+00' AT TIME ZONE 'America/New_York' AS after_dst, TIMESTAMP '2024-11-03 01:30:00' AT TIME ZONE 'America/New_York' AS ambiguous;

-- case: datetime/date_comparisons_orders
SELECT count(*) AS cnt FROM orders WHERE o_orderdate >= DATE '1995-01-01' AND o_orderdate < DATE '1995-01-01' + interval '1 year';

-- case: datetime/date_between_and_timestamp_compare
SELECT count(*) FILTER (WHERE o_orderdate BETWEEN '1994-01-01' AND '1994-12-31') AS in_1994, count(*) FILTER (WHERE o_orderdate::timestamp < TIMESTAMP '1992-02-01 00:00:00') AS early, count(*) FILTER (WHERE o_orderdate = DATE '1996-01-02') AS one_day FROM orders;

-- case: datetime/timestamp_comparisons
SELECT TIMESTAMPTZ '2024-01-01 00:00:00+02' = TIMESTAMPTZ '2023-12-31 22:00:00+00' AS same_instant, TIMESTAMP '2024-01-01' < TIMESTAMP '2024-01-01 00:00:00.000001' AS micro, DATE '2024-01-01' = TIMESTAMP '2024-01-01 00:00:00' AS date_eq_ts, DATE '2024-01-01' < TIMESTAMPTZ '2024-01-01 00:00:01+00' AS date_lt_tstz;

-- case: datetime/justify_functions
SELECT justify_days(interval '35 days') AS a, justify_hours(interval '50 hours') AS b, justify_interval(interval '1 mon -1 hour') AS c, justify_days(interval '-35 days') AS d, justify_hours(interval '-27 hours') AS e;

-- case: datetime/justify_columns
SELECT id, iv, justify_hours(iv) AS jh, justify_days(iv) AS jd, justify_interval(iv) AS ji FROM alltypes ORDER BY id;

-- case: datetime/overlaps
SELECT (DATE '2024-01-01', DATE '2024-02-01') OVERLAPS (DATE '2024-01-15', DATE '2024-03-01') AS a, (DATE '2024-01-01', DATE '2024-02-01') OVERLAPS (DATE '2024-02-01', DATE '2024-03-01') AS touching, (TIMESTAMP '2024-01-01 10:00', interval '2 hours') OVERLAPS (TIMESTAMP '2024-01-01 11:00', interval '1 hour') AS b;

-- case: datetime/time_arithmetic
SELECT time '23:30' + interval '1 hour' AS wraps, time '10:00' - time '08:15' AS diff, time '10:00' - interval '30 minutes' AS minus, DATE '2024-02-29' + time '13:00' AS date_plus_time;

-- case: datetime/time_column_arithmetic
SELECT id, tm, tm + interval '30 minutes' AS plus_30m, tm - time '06:00' AS since_six FROM alltypes ORDER BY id;

-- case: datetime/infinity_values
SELECT 'infinity'::date > DATE '2024-01-01' AS a, '-infinity'::timestamp < TIMESTAMP '1900-01-01' AS b, isfinite(DATE 'infinity') AS c, isfinite(TIMESTAMP '2024-01-01') AS d, 'infinity'::timestamptz AS e;

-- case: datetime/date_series_weekday_counts
SELECT extract(isodow from o_orderdate) AS isodow, count(*) AS cnt FROM orders WHERE o_orderdate < DATE '1992-07-01' GROUP BY 1 ORDER BY 1;

-- case: datetime/last_day_of_month
SELECT (date_trunc('month', DATE '2024-02-10') + interval '1 month' - interval '1 day')::date AS feb_end, (date_trunc('month', DATE '2023-02-10') + interval '1 month - 1 day')::date AS feb_end_2023;

-- case: datetime/interval_text_forms
SELECT interval '1 day -02:00' AS a, interval '@ 3 hours ago' AS b, interval '1.5 months' AS c, interval 'PT1M30.5S' AS d, '10min'::interval AS e, interval '1 2:03:04' AS f, interval '-1-6' AS g;

-- case: datetime/to_date_to_timestamp_forms
SELECT to_date('2024 Mar 5', 'YYYY Mon DD') AS a, to_timestamp('05/03/2024 11:59:59 pm', 'DD/MM/YYYY HH12:MI:SS AM') AS b, to_date('1999-365', 'YYYY-DDD') AS c;

-- case: datetime/interval_compare_and_sort
SELECT id, iv FROM alltypes WHERE iv > interval '1 hour' OR iv IS NULL ORDER BY iv DESC NULLS LAST, id;

-- case: datetime/make_and_scale_intervals
SELECT make_interval(weeks => 2, secs => 1.25) AS iv, make_timestamptz(2024, 7, 1, 12, 0, 0, 'America/New_York') AS ny, interval '1 mon 1 day' * 0.3 AS scaled, interval '3 days' / 7 AS divided, 2 * interval '1 month 1 hour' AS doubled, make_time(0, 0, 0.0000005) AS t, interval '1 year' * -0.5 AS neg;
