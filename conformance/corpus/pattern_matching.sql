-- Pattern matching: LIKE / ILIKE / SIMILAR TO / POSIX regular expressions.

-- case: pattern_matching/like_prefix_count
SELECT count(*) AS cnt FROM part WHERE p_name LIKE 'forest%';

-- case: pattern_matching/like_suffix
SELECT p_size, count(*) AS cnt FROM part WHERE p_type LIKE '%BRASS' AND p_size <= 5 GROUP BY p_size ORDER BY p_size;

-- case: pattern_matching/not_like
SELECT count(*) AS cnt FROM customer WHERE c_phone NOT LIKE '1%';

-- case: pattern_matching/like_single_char
SELECT n_nationkey, n_name FROM nation WHERE n_name LIKE '_R%' ORDER BY n_nationkey;

-- case: pattern_matching/like_inner_wildcards
SELECT count(*) AS cnt FROM orders WHERE o_comment LIKE '%special%requests%';

-- case: pattern_matching/ilike
SELECT id, t FROM alltypes WHERE t ILIKE 'hello%' ORDER BY id;

-- case: pattern_matching/not_ilike_skips_nulls
SELECT id FROM alltypes WHERE t NOT ILIKE '%world%' ORDER BY id;

-- case: pattern_matching/ilike_tpch
SELECT count(*) AS cnt FROM part WHERE p_type ILIKE '%polished%' AND p_name NOT ILIKE '%RED%';

-- case: pattern_matching/like_escaped_underscore
SELECT id, vc FROM alltypes WHERE vc LIKE '%\_%' ORDER BY id;

-- case: pattern_matching/like_escaped_percent
SELECT id, vc FROM alltypes WHERE vc LIKE '%\%%' ORDER BY id;

-- case: pattern_matching/like_escape_clause
SELECT id, vc FROM alltypes WHERE vc LIKE '%#_%' ESCAPE '#' OR vc LIKE 'a!.%' ESCAPE '!' ORDER BY id;

-- case: pattern_matching/like_literal_matrix
SELECT 'ABC' LIKE 'abc' AS a, 'ABC' ILIKE 'abc' AS b, 'abc' LIKE 'a%c' AS c, 'a' LIKE '' AS d, '' LIKE '%' AS e, 'a_c' LIKE 'a\_c' AS f, 'abc' LIKE 'a\_c' AS g;

-- case: pattern_matching/like_null_operands
SELECT NULL LIKE 'a' AS a, 'a' LIKE NULL AS b, NULL::text NOT LIKE '%' AS c, 'x' NOT ILIKE NULL AS d;

-- case: pattern_matching/like_empty_string
SELECT id, t = '' AS is_empty FROM alltypes WHERE t LIKE '' ORDER BY id;

-- case: pattern_matching/like_unicode
SELECT id FROM alltypes WHERE t LIKE '%日本' OR vc LIKE 'Ω%' OR t LIKE '_n%' ORDER BY id;

-- case: pattern_matching/like_char_column
SELECT id, c FROM alltypes WHERE c LIKE 'ab%' OR c LIKE 'x%' ORDER BY id;

-- case: pattern_matching/like_with_newline
SELECT id FROM alltypes WHERE t LIKE '%and' || E'\n' || 'new%' ORDER BY id;

-- case: pattern_matching/like_any_array
SELECT count(*) AS cnt FROM part WHERE p_name LIKE ANY (ARRAY['%green%', '%blue%']);

-- case: pattern_matching/like_all_array
SELECT count(*) AS cnt FROM part WHERE p_name LIKE ALL (ARRAY['%green%', '%blue%']);

-- case: pattern_matching/regex_anchor
SELECT n_nationkey, n_name FROM nation WHERE n_name ~ '^[A-C]' ORDER BY n_nationkey;

-- case: pattern_matching/regex_case_insensitive
SELECT id, t FROM alltypes WHERE t ~* 'mixed|^hello' ORDER BY id;

-- case: pattern_matching/regex_not_match
SELECT count(*) AS cnt FROM part WHERE p_name !~ 'green|blue';

-- case: pattern_matching/regex_not_match_icase
SELECT id FROM alltypes WHERE vc !~* '^a' ORDER BY id;

-- case: pattern_matching/regex_digit_classes
SELECT c_phone ~ '^\d{2}-\d{3}-\d{3}-\d{4}$' AS well_formed, count(*) AS cnt FROM customer GROUP BY 1 ORDER BY 1;

-- case: pattern_matching/regex_newline
SELECT id FROM alltypes WHERE t ~ E'\n' OR t ~ '\t' ORDER BY id;

-- case: pattern_matching/regex_literal_matrix
SELECT 'abc' ~ 'b' AS a, 'abc' ~ '^b' AS b, 'ABC' ~* 'b' AS c, 'abc' !~ 'z' AS d, 'abc' !~* 'B' AS e, 'a.c' ~ 'a\.c' AS f, 'abc' ~ 'a\.c' AS g;

-- case: pattern_matching/regex_in_case
SELECT CASE WHEN p_type ~ 'STEEL$' THEN 'steel' WHEN p_type ~ 'BRASS$' THEN 'brass' ELSE 'other' END AS metal, count(*) AS cnt FROM part GROUP BY 1 ORDER BY 1;

-- case: pattern_matching/similar_to_literals
SELECT 'abc' SIMILAR TO 'a%' AS a, 'abc' SIMILAR TO '(a|b)%c' AS b, 'abd' SIMILAR TO 'ab[cd]' AS c, 'abc' NOT SIMILAR TO 'b%' AS d, 'abc' SIMILAR TO 'b' AS e, 'aaa' SIMILAR TO 'a+' AS f;

-- case: pattern_matching/similar_to_table
SELECT count(*) AS cnt FROM part WHERE p_container SIMILAR TO '(SM|LG) (BOX|CASE)';

-- case: pattern_matching/not_similar_to_table
SELECT count(*) AS cnt FROM lineitem WHERE l_shipmode NOT SIMILAR TO '%(AIR|RAIL)%';

-- case: pattern_matching/like_counts_with_nulls
SELECT count(*) FILTER (WHERE t LIKE '%o%') AS has_o, count(*) FILTER (WHERE t NOT LIKE '%o%') AS no_o, count(*) AS total FROM alltypes;

-- case: pattern_matching/substring_regex
SELECT substring('abc123def456' from '[0-9]+') AS first_digits, substring('order-42' from '-(\d+)$') AS captured, substring('xyz' from '[0-9]+') AS no_match;

-- case: pattern_matching/like_escape_and_arrays
SELECT 'a%b' LIKE 'a!%b' ESCAPE '!' AS a, '100%' LIKE '100#%' ESCAPE '#' AS b, 'x\y' LIKE 'x\y' ESCAPE '' AS c, 'abc' ILIKE ANY (ARRAY['A%', 'z%']) AS d, NULL LIKE ANY (ARRAY['a']) AS e, 'abc' NOT LIKE ALL (ARRAY['x%', 'y%']) AS f;
