-- Arrays: literals, ANY/ALL, access, unnest and array functions.

-- case: arrays/any_array_constructor
SELECT n_nationkey, n_name FROM nation WHERE n_nationkey = ANY (ARRAY[1, 2, 3]) ORDER BY n_nationkey;

-- case: arrays/any_array_literal_string
SELECT n_nationkey, n_name FROM nation WHERE n_nationkey = ANY ('{4,5,99}'::bigint[]) ORDER BY n_nationkey;

-- case: arrays/all_not_equal
SELECT count(*) AS cnt FROM nation WHERE n_nationkey <> ALL (ARRAY[0, 1, 2, 3, 4]);

-- case: arrays/any_all_comparisons
SELECT count(*) FILTER (WHERE p_size > ALL (ARRAY[10, 20, 30])) AS above_all, count(*) FILTER (WHERE p_size < ANY (ARRAY[5, 2])) AS below_any FROM part;

-- case: arrays/any_all_null_semantics
SELECT 1 = ANY (ARRAY[1, NULL]) AS a, 2 = ANY (ARRAY[1, NULL]) AS b, 2 <> ALL (ARRAY[1, NULL]) AS c, 1 = ANY ('{}'::int[]) AS d, 1 <> ALL ('{}'::int[]) AS e, NULL::int = ANY (ARRAY[1]) AS f;

-- case: arrays/any_text_array
SELECT count(*) AS cnt FROM lineitem WHERE l_shipmode = ANY (ARRAY['MAIL', 'SHIP']);

-- case: arrays/any_from_string_to_array
SELECT o_orderpriority, count(*) AS cnt FROM orders WHERE o_orderpriority = ANY (string_to_array('1-URGENT,2-HIGH', ',')) GROUP BY o_orderpriority ORDER BY o_orderpriority;

-- case: arrays/length_and_cardinality
SELECT array_length(ARRAY[1, 2, 3], 1) AS len, cardinality(ARRAY[1, 2, 3]) AS card, array_length('{}'::int[], 1) AS empty_len, cardinality('{}'::int[]) AS empty_card, cardinality(ARRAY[[1, 2], [3, 4]]) AS card_2d, array_length(ARRAY[[1, 2, 3], [4, 5, 6]], 2) AS len_dim2;

-- case: arrays/dims_and_bounds
SELECT array_ndims(ARRAY[[1, 2], [3, 4]]) AS ndims, array_dims(ARRAY[[1, 2], [3, 4]]) AS dims, array_lower(ARRAY[5, 6, 7], 1) AS lower_bound, array_upper(ARRAY[5, 6, 7], 1) AS upper_bound, array_upper('{}'::int[], 1) AS empty_upper;

-- case: arrays/element_access
SELECT (ARRAY[10, 20, 30])[2] AS second, (ARRAY[10, 20, 30])[5] AS out_of_range, ('{a,b,c}'::text[])[1] AS first_text, (ARRAY[1, 2, 3])[0] AS zero_index, (ARRAY[[1, 2], [3, 4]])[2][1] AS two_d;

-- case: arrays/slices
SELECT array_to_string((ARRAY[1, 2, 3, 4, 5])[2:3], ',') AS mid, array_to_string((ARRAY[1, 2, 3, 4, 5])[:2], ',') AS head, array_to_string((ARRAY[1, 2, 3, 4, 5])[4:], ',') AS tail, cardinality((ARRAY[1, 2, 3])[5:6]) AS empty_slice;

-- case: arrays/unnest_in_from
SELECT x FROM unnest(ARRAY[3, 1, 2]) AS x ORDER BY x;

-- case: arrays/unnest_with_ordinality
SELECT * FROM unnest(ARRAY['a', 'b', 'c']) WITH ORDINALITY AS t(v, n) ORDER BY n;

-- case: arrays/unnest_multiple_arrays
SELECT * FROM unnest(ARRAY[1, 2, 3], ARRAY['x', 'y']) AS t(a, b) ORDER BY a;

-- case: arrays/unnest_nulls_and_empty
SELECT count(*) AS elems, count(x) AS non_null FROM unnest(ARRAY[1, NULL, 3, NULL]::int[]) AS x;

-- case: arrays/unnest_join_table
SELECT k, n.n_name FROM unnest(ARRAY[5, 10, 15]::bigint[]) AS k JOIN nation AS n ON n.n_nationkey = k ORDER BY k;

-- case: arrays/unnest_in_select_list
SELECT unnest(ARRAY[1, 2, 3]) * 10 AS tens ORDER BY tens;

-- case: arrays/array_position
SELECT array_position(ARRAY['a', 'b', 'c'], 'b') AS pos_b, array_position(ARRAY[1, 2, 1], 1, 2) AS from_2, array_position(ARRAY[1], 5) AS missing, array_position(ARRAY[1, NULL, 3], NULL) AS pos_null, array_to_string(array_positions(ARRAY[1, 2, 1, 1], 1), ',') AS all_positions;

-- case: arrays/array_to_string
SELECT array_to_string(ARRAY[1, 2, 3], ',') AS a, array_to_string(ARRAY['a', NULL, 'c'], '-') AS skip_null, array_to_string(ARRAY['a', NULL, 'c'], '-', '*') AS replace_null, array_to_string('{}'::text[], ',') AS empty;

-- case: arrays/string_to_array
SELECT array_to_string(string_to_array('a,b,,c', ','), '|') AS roundtrip, cardinality(string_to_array('a,b,,c', ',')) AS n, (string_to_array('x y z', ' '))[2] AS second, cardinality(string_to_array('', ',')) AS empty_n, array_to_string(string_to_array('a,NA,c', ',', 'NA'), '|', 'null') AS null_marker, cardinality(string_to_array('abc', NULL)) AS per_char;

-- case: arrays/string_to_array_columns
SELECT id, cardinality(string_to_array(t, ',')) AS parts, (string_to_array(vc, '.'))[2] AS second_dot FROM alltypes ORDER BY id;

-- case: arrays/array_agg_then_access
SELECT n_regionkey, cardinality(array_agg(n_nationkey)) AS n, (array_agg(n_name ORDER BY n_nationkey))[1] AS first_name, (array_agg(n_name ORDER BY n_nationkey DESC))[1] AS last_name FROM nation GROUP BY n_regionkey ORDER BY n_regionkey;

-- case: arrays/array_literals_output
SELECT ARRAY[1, 2, 3] AS ints, '{1,2}'::int[] AS from_text, ARRAY['a b', 'c', ''] AS texts, ARRAY[NULL::int, 1] AS with_null, ARRAY[[1, 2], [3, 4]] AS two_d, '{}'::text[] AS empty;

-- case: arrays/concat_append_prepend
SELECT array_to_string(ARRAY[1, 2] || ARRAY[3], ',') AS cat, array_to_string(0 || ARRAY[1], ',') AS pre, array_to_string(ARRAY[1] || 2, ',') AS post, array_to_string(array_append(ARRAY[1], 9), ',') AS app, array_to_string(array_prepend(9, ARRAY[1]), ',') AS prep, array_to_string(array_cat(ARRAY[1], ARRAY[2, 3]), ',') AS cat2;

-- case: arrays/contains_overlap_compare
SELECT ARRAY[1, 2, 3] @> ARRAY[2] AS contains, ARRAY[1, 2] <@ ARRAY[1, 2, 3] AS contained, ARRAY[1, 2] && ARRAY[2, 5] AS overlaps, ARRAY[1, 2] = ARRAY[1, 2] AS eq, ARRAY[1, 2] < ARRAY[1, 3] AS lt, ARRAY[1, 2] < ARRAY[1, 2, 0] AS prefix_lt;

-- case: arrays/remove_replace
SELECT array_to_string(array_remove(ARRAY[1, 2, 1, 3], 1), ',') AS removed, array_to_string(array_replace(ARRAY[1, 2, 1], 1, 7), ',') AS replaced;

-- case: arrays/array_subquery_constructor
SELECT array_to_string(ARRAY(SELECT r_name FROM region ORDER BY r_regionkey), ', ') AS regions, cardinality(ARRAY(SELECT n_nationkey FROM nation WHERE n_regionkey = 2)) AS asia_count;

-- case: arrays/array_subquery_empty_and_correlated
SELECT r_name, cardinality(ARRAY(SELECT n_nationkey FROM nation WHERE n_regionkey = r_regionkey AND n_nationkey > 100)) AS none, array_to_string(ARRAY(SELECT n_nationkey FROM nation WHERE n_regionkey = r_regionkey ORDER BY n_nationkey DESC), '|') AS keys FROM region ORDER BY r_regionkey;

-- case: arrays/array_in_group_by_key
SELECT keys, count(*) AS cnt FROM (SELECT ARRAY[l_returnflag, l_linestatus] AS keys FROM lineitem) AS s GROUP BY keys ORDER BY keys;

-- case: arrays/array_from_columns
SELECT id, array_to_string(ARRAY[i2, i4], '/', 'null') AS ints, cardinality(ARRAY[t, vc]) AS n FROM alltypes ORDER BY id;
