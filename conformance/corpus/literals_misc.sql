-- Literals, arithmetic, math functions, identifiers, output column naming, ORDER BY details.

-- case: literals_misc/boolean_literals
SELECT true AS t, false AS f, 't'::boolean AS t_str, 'yes'::boolean AS yes, 'off'::boolean AS off, TRUE AND 'y'::bool AS both_true, NOT false AS not_false;

-- case: literals_misc/e_string_escapes
SELECT E'a\nb' AS newline, E'tab\there' AS tab, E'back\\slash' AS backslash, E'it\'s' AS quote, E'\x41\u00e9' AS hex_unicode, E'\101' AS octal;

-- case: literals_misc/e_string_lengths
SELECT length(E'a\nb') AS newline_len, length(E'\t') AS tab_len, length(E'\\') AS backslash_len, length('\n') AS standard_len, E'\n' = chr(10) AS same_char;

-- case: literals_misc/standard_strings_keep_backslash
SELECT 'a\nb' AS raw, 'it''s' AS doubled_quote, '' AS empty, ' ' AS space;

-- case: literals_misc/dollar_quoted
SELECT $$it's "quoted"$$ AS a, $tag$a $$ b$tag$ AS nested, length($$$$) AS empty_len, $$back\slash$$ AS backslash;

-- case: literals_misc/unicode_escapes
SELECT U&'\0041\00e9' AS a, U&'d\0061t\+000061' AS data, U&'!00e9' UESCAPE '!' AS custom_escape, U&'\65E5\672C' AS nihon;

-- case: literals_misc/numeric_literals
SELECT 1e3 AS sci, .5 AS leading_dot, 5. AS trailing_dot, 1.5e-2 AS small_sci, 0.1 + 0.2 AS exact_sum, 123456789012345678901234567890 AS huge;

-- case: literals_misc/integer_literal_types
SELECT 2147483647 AS max_int, 2147483648 AS becomes_bigint, 9223372036854775808 AS becomes_numeric, -2147483648 AS min_int, 2147483647::bigint + 1 AS widened_sum;

-- case: literals_misc/overflow_safe_arithmetic
SELECT i4::bigint * 2 AS doubled, i8::numeric + 1 AS plus_one, i2::int * i2 AS squared FROM alltypes WHERE id IN (4, 5) ORDER BY id;

-- case: literals_misc/integer_division_and_modulo
SELECT 7 / 2 AS a, -7 / 2 AS b, 7 / -2 AS c, 7 % 3 AS d, -7 % 3 AS e, 7 % -3 AS f, mod(-7, 3) AS g, div(-7, 2) AS h, 1 / 3 AS i;

-- case: literals_misc/numeric_division
SELECT 7.0 / 2 AS a, 1 / 3.0 AS b, 10::numeric / 4 AS c, 1::numeric / 3 AS d, 2.0 / 3 * 3 AS e, 100.00 / 3 AS f, 5.5 % 2 AS g;

-- case: literals_misc/float_division
SELECT 1::float8 / 3 AS a, 10::real / 4 AS b, -7::float8 / 2 AS c, 1e-300::float8 * 1e-10 AS tiny;

-- case: literals_misc/power_sqrt_abs
SELECT power(2, 10) AS p_int, power(2.0, 0.5) AS p_numeric, 2 ^ 10 AS caret, sqrt(2) AS sqrt_float, sqrt(16::numeric) AS sqrt_numeric, |/ 25 AS sqrt_op, abs(-5) AS abs_int, abs(-5.5) AS abs_numeric, cbrt(27) AS cube_root;

-- case: literals_misc/math_of_integers_and_floats
SELECT power(2, 10) AS p_int, power(2.5::float8, 2) AS p_float, sqrt(2) AS sqrt_int, exp(0) AS exp0, ln(10) AS ln10, sqrt(2::float8) AS sqrt_float;

-- case: literals_misc/math_of_numerics
SELECT power(2.0, 0.5) AS p_numeric, exp(1.0) AS e_numeric, sqrt(2.25) AS sqrt_numeric;

-- case: literals_misc/rounding_functions
SELECT round(2.5) AS r1, round(-2.5) AS r2, round(2.345, 2) AS r3, round(1234.5, -2) AS r4, round(2.5::float8) AS r_float, trunc(2.789, 1) AS t1, trunc(-2.7) AS t2, ceil(2.1) AS c1, ceiling(-2.1) AS c2, floor(-2.1) AS f1, floor(2.9) AS f2;

-- case: literals_misc/sign_mod_div
SELECT sign(-3) AS s1, sign(0.0) AS s2, sign(2.5::float8) AS s3, mod(17, 5) AS m1, mod(-17, 5) AS m2, mod(17.5, 5) AS m3, div(17, 5) AS d1, div(-17.5, 5) AS d2;

-- case: literals_misc/exp_ln_log
SELECT exp(1.0) AS e, exp(0) AS exp0, ln(10) AS ln10, log(100) AS log10_100, log(2, 8) AS log2_8, log10(1000) AS log10_1000, ln(exp(2.0)) AS roundtrip;

-- case: literals_misc/rounding_columns
SELECT id, round(m) AS m0, round(m, 1) AS m1, trunc(n, 2) AS n2, ceil(f8) AS f8_ceil, floor(f4) AS f4_floor FROM alltypes WHERE id NOT IN (4, 5) ORDER BY id;

-- case: literals_misc/gcd_lcm_factorial
SELECT gcd(12, 18) AS g, lcm(4, 6) AS l, factorial(10) AS f, gcd(0, 5) AS g0;

-- case: literals_misc/width_bucket
SELECT width_bucket(5.35, 0.024, 10.06, 5) AS a, width_bucket(-1, 0, 10, 5) AS below, width_bucket(10, 0, 10, 5) AS at_top, width_bucket(p_retailprice, 900, 2100, 4) AS bucket, count(*) AS cnt FROM part GROUP BY 4 ORDER BY 4;

-- case: literals_misc/bit_operators
SELECT 12 & 10 AS b_and, 12 | 10 AS b_or, 12 # 10 AS b_xor, 1 << 4 AS shl, 256 >> 2 AS shr, ~5 AS b_not, -8 >> 1 AS shr_neg, 1::bigint << 40 AS big_shl;

-- case: literals_misc/bit_operators_table
SELECT n_nationkey, n_nationkey & 3 AS low2, n_nationkey | 8 AS with8, n_nationkey # 1 AS flip1, n_nationkey >> 2 AS div4 FROM nation ORDER BY n_nationkey LIMIT 8;

-- case: literals_misc/operator_precedence
SELECT 2 + 3 * 4 AS a, (2 + 3) * 4 AS b, -2 ^ 2 AS c, 2 ^ 3 ^ 2 AS d, 10 - 2 - 3 AS e, 2 * 3 % 4 AS f, NOT true = false AS g;

-- case: literals_misc/float_special_values
SELECT 'NaN'::float8 AS nan, 'Infinity'::float8 AS inf, '-Infinity'::float8 < 0 AS neg_inf_lt0, 'NaN'::float8 = 'NaN'::float8 AS nan_eq, 'NaN'::float8 > 'Infinity'::float8 AS nan_gt_inf, 'NaN'::numeric AS numeric_nan;

-- case: literals_misc/numeric_exactness
SELECT 1.10 + 2.205 AS sum_scale, 1.5 * 2.25 AS prod_scale, 0.1 * 3 = 0.3 AS numeric_exact, 0.1::float8 * 3 = 0.3::float8 AS float_inexact, 99999999999999999999999999.99 + 0.01 AS big_sum, 2::numeric ^ 100 AS big_power;

-- case: literals_misc/row_constructor_comparison
SELECT (1, 2) < (1, 3) AS a, ROW(1, 'a') = ROW(1, 'a') AS b, (1, NULL) = (1, 2) AS c, (2, NULL) > (1, 5) AS d, ROW(1, 2) IS DISTINCT FROM ROW(1, NULL) AS e;

-- case: literals_misc/row_comparison_columns_nulls
SELECT id, (i4, t) < (10, 'Hello') AS lt, (i4, i2) >= (-10, 0) AS ge, (b, i2) <= (true, 1) AS le, (i4, t) <> (10, 'Hello World') AS ne, (i4, d) = (10, DATE '2024-02-29') AS eq, ROW(i4, i2) IS NOT DISTINCT FROM ROW(NULL, NULL) AS not_distinct FROM alltypes ORDER BY id;

-- case: literals_misc/row_comparison_filter
SELECT o_orderkey, o_custkey FROM orders WHERE (o_custkey, o_orderkey) > (1400, 5000) AND (o_custkey, o_orderkey) <= (1450, 60000) ORDER BY o_custkey, o_orderkey;

-- case: literals_misc/identifier_case_folding
SELECT N_NAME, N_NATIONKEY FROM NATION WHERE N_REGIONKEY = 2 ORDER BY N_NATIONKEY;

-- case: literals_misc/quoted_identifiers
SELECT "n_name", "n_nationkey" FROM "nation" WHERE "n_regionkey" = 3 ORDER BY "n_nationkey";

-- case: literals_misc/mixed_case_quoted_aliases
SELECT n_name AS "NationName", n_nationkey AS "Key" FROM nation ORDER BY "Key" LIMIT 3;

-- case: literals_misc/unquoted_alias_folds_to_lower
SELECT n_name AS NationName, n_nationkey AS KEY_COL FROM nation ORDER BY nationname LIMIT 3;

-- case: literals_misc/alias_with_spaces_and_symbols
SELECT count(*) AS "Total Count", sum(o_totalprice) AS "Sum $", min(o_orderdate) AS "first-order" FROM orders;

-- case: literals_misc/select_typed_alias
SELECT 1 AS "Total Count", 'x'::text AS "Label", 2.5::numeric(3,1) AS "Ratio (x)";

-- case: literals_misc/default_column_names_aggregates
SELECT n_regionkey, count(*), sum(n_nationkey), 1 + 1, max(n_name), min(n_nationkey), avg(n_nationkey) FROM nation GROUP BY n_regionkey ORDER BY n_regionkey;

-- case: literals_misc/default_column_names_expressions
SELECT upper('a'), coalesce(NULL, 1), CAST('1' AS int), '1'::bigint, 'x'::text, CASE WHEN true THEN 1 END, ARRAY[1], ROW(1, 2), 42, 'lit', NULL, true;

-- case: literals_misc/default_column_names_columns
SELECT n.n_name, r.r_name, n.n_regionkey + 0, -n.n_nationkey, n.n_nationkey::text FROM nation AS n JOIN region AS r ON n.n_regionkey = r.r_regionkey ORDER BY n.n_nationkey LIMIT 3;

-- case: literals_misc/order_by_nulls_first
SELECT id, i4 FROM alltypes ORDER BY i4 NULLS FIRST, id;

-- case: literals_misc/order_by_nulls_last_desc
SELECT id, d FROM alltypes ORDER BY d DESC NULLS LAST, id;

-- case: literals_misc/order_by_default_null_placement
SELECT id, f8 FROM alltypes ORDER BY f8, id;

-- case: literals_misc/order_by_desc_default_nulls_first
SELECT id, tstz FROM alltypes ORDER BY tstz DESC, id;

-- case: literals_misc/order_by_expression
SELECT n_name, length(n_name) AS len FROM nation ORDER BY length(n_name) DESC, n_nationkey LIMIT 5;

-- case: literals_misc/order_by_alias_and_ordinal
SELECT o_orderpriority AS prio, count(*) AS cnt FROM orders GROUP BY prio ORDER BY cnt DESC, 1;

-- case: literals_misc/order_by_column_not_selected
SELECT n_name FROM nation WHERE n_regionkey = 0 ORDER BY n_nationkey DESC;

-- case: literals_misc/order_by_boolean_and_mixed_directions
SELECT id, b, i2 FROM alltypes ORDER BY b DESC NULLS LAST, i2 ASC NULLS FIRST, id;

-- case: literals_misc/order_by_interval_nulls_first
SELECT id, iv FROM alltypes ORDER BY iv NULLS FIRST, id;

-- case: literals_misc/comparison_of_mixed_numeric_types
SELECT 1 = 1.0 AS int_numeric, 1::smallint = 1::bigint AS small_big, 0.1::real = 0.1::float8 AS real_vs_double, 0.5::real = 0.5::float8 AS exact_half, 1::float8 = 1::numeric AS float_numeric;

-- case: literals_misc/string_comparisons_padding
SELECT 'abc' = 'abc ' AS text_trailing_space, 'abc'::char(5) = 'abc'::char(3) AS char_pad_eq, 'abc'::varchar = 'abc' AS varchar_eq, 'a' < 'b' AS lt;

-- case: literals_misc/exact_math_functions
SELECT sign(-0.0) AS a, sign(-7::bigint) AS b, div(7, -2) AS c, gcd(-12::bigint, 18) AS d, lcm(0, 5) AS e, width_bucket(-0.5, 1, 0, 4) AS f, width_bucket(2.5::float8, 0, 10, 4) AS g, factorial(0) AS h, mod(-7.5, 2) AS i;
