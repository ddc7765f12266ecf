-- String operators and functions.

-- case: strings/concat_operator
SELECT 'a' || 'b' || 'c' AS abc, 'n=' || 42 AS with_int, 1.5 || 'x' AS with_numeric, 'd=' || DATE '2024-01-02' AS with_date, 'b=' || true AS with_bool;

-- case: strings/concat_operator_null
SELECT 'x' || NULL IS NULL AS is_null, NULL::text || NULL::text AS both_null, '' || '' = '' AS empty_ok;

-- case: strings/concat_operator_columns
SELECT id, t || '-' || vc AS joined FROM alltypes ORDER BY id;

-- case: strings/concat_function
SELECT concat('a', NULL, 'b', 1, true) AS c1, concat(NULL) AS c_null, concat(1.50, '|', DATE '2024-02-29') AS c2;

-- case: strings/concat_ws_function
SELECT concat_ws(',', 'a', NULL, 'b') AS a, concat_ws('', 'x', 'y') AS b, concat_ws(NULL, 'x', 'y') AS c, concat_ws(' - ', 1, 2.5, NULL, 'z') AS d;

-- case: strings/concat_ws_tpch
SELECT n_nationkey, concat_ws('/', r_name, n_name) AS path FROM nation JOIN region ON n_regionkey = r_regionkey ORDER BY n_nationkey;

-- case: strings/substring_from_for
SELECT substring('PostgreSQL' from 5 for 3) AS a, substring('PostgreSQL' from 5) AS b, substring('PostgreSQL' for 4) AS c, substring('abc' from 0 for 2) AS d, substring('abc' from -1 for 3) AS e, substring('abc' from 10) AS f;

-- case: strings/substring_commas_grouped
SELECT substring(c_phone, 1, 2) AS country_code, count(*) AS cnt FROM customer GROUP BY 1 ORDER BY 1;

-- case: strings/substr_unicode
SELECT id, substr(t, 2, 3) AS s1, substring(t, 1, 1) AS s2, substr(vc, 3) AS s3 FROM alltypes ORDER BY id;

-- case: strings/position_strpos_literals
SELECT position('lo' in 'hello') AS a, strpos('hello', 'l') AS b, position('z' in 'abc') AS c, position('' in 'abc') AS d, strpos('日本語', '語') AS e;

-- case: strings/position_columns
SELECT id, position('o' in t) AS pos_o, strpos(vc, 'a') AS pos_a, position(' ' in t) AS pos_space FROM alltypes ORDER BY id;

-- case: strings/split_part_literals
SELECT split_part('a.b.c', '.', 2) AS a, split_part('a.b.c', '.', 5) AS b, split_part('a.b.c', '.', -1) AS c, split_part('a..c', '.', 2) AS d, split_part('abc', '', 1) AS e;

-- case: strings/split_part_columns
SELECT id, split_part(t, ',', 2) AS second_csv, split_part(vc, '.', 3) AS third_dot FROM alltypes WHERE id IN (1, 5, 9) ORDER BY id;

-- case: strings/split_part_tpch
SELECT split_part(p_type, ' ', 1) AS kind, split_part(p_type, ' ', 3) AS metal, count(*) AS cnt FROM part WHERE p_size = 10 GROUP BY 1, 2 ORDER BY 1, 2;

-- case: strings/lpad_rpad
SELECT lpad('7', 3, '0') AS a, rpad('ab', 5, '*') AS b, lpad('hello', 3) AS c, rpad('x', 4) || '|' AS d, lpad('ab', 7, 'xy') AS e, lpad('ab', 5, '') AS f, rpad('日本', 4, '語') AS g;

-- case: strings/lpad_keys
SELECT lpad(n_nationkey::text, 3, '0') AS padded, rpad(n_name, 12, '.') AS name FROM nation ORDER BY n_nationkey LIMIT 6;

-- case: strings/initcap
SELECT initcap('hello wORLD foo-bar baz_qux 3rd') AS a, initcap('') AS b;

-- case: strings/initcap_columns
SELECT id, initcap(t) AS t_cap FROM alltypes WHERE id <> 4 ORDER BY id;

-- case: strings/upper_lower
SELECT n_nationkey, lower(n_name) AS lo, upper(lower(n_name)) AS up FROM nation WHERE n_regionkey = 3 ORDER BY n_nationkey;

-- case: strings/upper_lower_alltypes
SELECT id, upper(t) AS up, lower(t) AS lo FROM alltypes WHERE id <> 4 ORDER BY id;

-- case: strings/length_variants
SELECT id, length(t) AS len, char_length(t) AS char_len, character_length(vc) AS vc_len, octet_length(t) AS bytes, bit_length(vc) AS bits FROM alltypes ORDER BY id;

-- case: strings/length_bytea_and_char
SELECT id, length(by) AS by_len, octet_length(by) AS by_octets, length(c) AS c_len, octet_length(c) AS c_octets FROM alltypes ORDER BY id;

-- case: strings/string_agg_ordered
SELECT r_regionkey, string_agg(n_name, ', ' ORDER BY n_nationkey) AS nations FROM nation JOIN region ON n_regionkey = r_regionkey GROUP BY r_regionkey ORDER BY r_regionkey;

-- case: strings/string_agg_desc
SELECT string_agg(n_nationkey::text, ',' ORDER BY n_nationkey DESC) AS keys FROM nation WHERE n_regionkey = 2;

-- case: strings/string_agg_skips_nulls
SELECT string_agg(t, '|' ORDER BY id) AS all_t, string_agg(vc, '' ORDER BY id DESC) AS all_vc FROM alltypes;

-- case: strings/string_agg_distinct
SELECT string_agg(DISTINCT c_mktsegment, ',' ORDER BY c_mktsegment) AS segments FROM customer;

-- case: strings/regexp_replace_first_vs_global
SELECT regexp_replace('banana', 'a', 'o') AS first_only, regexp_replace('banana', 'a', 'o', 'g') AS global, regexp_replace('abc123def45', '[0-9]+', '#', 'g') AS digits, regexp_replace('Hello World', '(\w+) (\w+)', '\2 \1') AS swapped;

-- case: strings/regexp_replace_flags
SELECT regexp_replace('Foo fOO foo', 'foo', 'bar', 'gi') AS icase_global, regexp_replace('Foo fOO foo', 'foo', 'bar', 'i') AS icase_first, regexp_replace('a  b   c', '\s+', ' ', 'g') AS squeeze;

-- case: strings/regexp_replace_tpch
SELECT c_custkey, regexp_replace(c_phone, '-', '', 'g') AS digits_only, regexp_replace(c_name, '^Customer#0*', 'C') AS short_name FROM customer ORDER BY c_custkey LIMIT 5;

-- case: strings/left_right
SELECT left('abcdef', 2) AS l2, right('abcdef', 2) AS r2, left('abcdef', -2) AS lneg, right('abcdef', -2) AS rneg, left('ab', 10) AS lbig, left('', 3) AS lempty, right('abc', 0) AS rzero;

-- case: strings/left_right_columns
SELECT id, left(t, 3) AS l3, right(t, 2) AS r2, left(vc, -1) AS drop_last FROM alltypes ORDER BY id;

-- case: strings/trim_functions
SELECT btrim('  x  ') || '|' AS b, ltrim('  x  ') || '|' AS l, rtrim('  x  ') || '|' AS r, btrim('xxhixx', 'x') AS bx, ltrim('0012300', '0') AS lz, rtrim('0012300', '0') AS rz, btrim('abcba', 'ab') AS multi;

-- case: strings/trim_sql_syntax
SELECT trim('  x  ') || '|' AS a, trim(both 'x' from 'xxhixx') AS b, trim(leading 'x' from 'xxhixx') AS c, trim(trailing 'x' from 'xxhixx') AS d, trim(leading from '  a  ') || '|' AS e, trim(trailing from '  a  ') || '|' AS f;

-- case: strings/trim_columns
SELECT id, '[' || trim(t) || ']' AS trimmed, '[' || ltrim(t) || ']' AS ltrimmed, '[' || rtrim(c) || ']' AS c_rtrim FROM alltypes WHERE id IN (5, 6, 8) ORDER BY id;

-- case: strings/replace
SELECT replace('abcabc', 'b', 'XY') AS a, replace('aaa', 'a', '') AS b, replace('abc', '', 'z') AS c, replace('Hello World', 'o', '0') AS d;

-- case: strings/replace_tpch
SELECT p_partkey, replace(p_type, ' ', '_') AS type_key, replace(p_brand, 'Brand#', 'B') AS brand FROM part ORDER BY p_partkey LIMIT 5;

-- case: strings/reverse_repeat
SELECT reverse('abc') AS a, reverse('') AS b, repeat('ab', 3) AS c, repeat('x', 0) AS d, repeat('-', -1) AS e, reverse('ünï 日本') AS f;

-- case: strings/md5
SELECT md5('hello') AS a, md5('') AS b, md5('ünïcödé') AS c;

-- case: strings/md5_tpch
SELECT n_nationkey, md5(n_name) AS h FROM nation WHERE n_nationkey < 4 ORDER BY n_nationkey;

-- case: strings/starts_with
SELECT starts_with('alphabet', 'alph') AS a, starts_with('alphabet', 'beta') AS b, starts_with('', '') AS c, (SELECT count(*) FROM part WHERE starts_with(p_name, 'a')) AS parts_a;

-- case: strings/translate
SELECT translate('12345', '143', 'ax') AS a, translate('hello', 'lo', 'LO') AS b, translate('abc', '', 'x') AS c, translate('ünï', 'ün', 'un') AS d;

-- case: strings/translate_tpch
SELECT c_custkey, translate(c_phone, '-', '.') AS dotted FROM customer ORDER BY c_custkey LIMIT 3;

-- case: strings/ascii_chr
SELECT ascii('A') AS a, ascii('abc') AS b, ascii('') AS c, chr(65) AS d, chr(9731) AS e, ascii('日') AS f, chr(10) = E'\n' AS g;

-- case: strings/format_s
SELECT format('Hello %s, you are %s', 'Ann', 42) AS a, format('%s-%s', NULL, 'x') AS b, format('%1$s %1$s', 'ab') AS c, format('%5s|%-5s|', 'r', 'l') AS d, format('100%%') AS e;

-- case: strings/format_i_l
SELECT format('%I', 'my col') AS ident, format('%I', 'plain') AS plain, format('%L', 'it''s') AS lit, format('%L', NULL) AS null_lit;

-- case: strings/format_tpch
SELECT format('%s (%s)', n_name, n_nationkey) AS label FROM nation ORDER BY n_nationkey LIMIT 5;

-- case: strings/overlay
SELECT overlay('Txxxxas' placing 'hom' from 2 for 4) AS a, overlay('abcdef' placing 'ZZ' from 3) AS b;

-- case: strings/quotes_in_data
SELECT id, vc, length(vc) AS len, vc = 'with''quote' AS matches FROM alltypes WHERE vc LIKE '%''%' ORDER BY id;

-- case: strings/upper_initial_grouped
SELECT upper(left(p_name, 1)) AS initial, count(*) AS cnt FROM part GROUP BY 1 ORDER BY 1;

-- case: strings/text_comparison_ascii
SELECT 'abc' < 'abd' AS a, 'abc' = 'abc' AS b, 'abc' <> 'ABC' AS c, 'a' < 'ab' AS d, '' < 'a' AS e;
