-- jsonb operators and functions, mostly over alltypes.j.

-- case: json/arrow_object_key
SELECT id, j -> 'a' AS a_json, j ->> 'a' AS a_text FROM alltypes ORDER BY id;

-- case: json/arrow_array_index
SELECT id, j -> 'b' -> 0 AS b0, j -> 'b' ->> 1 AS b1_text, j -> 'b' -> -1 AS b_last, j -> 1 AS top_level_1 FROM alltypes ORDER BY id;

-- case: json/path_operators
SELECT id, j #> '{c,d}' AS cd_json, j #>> '{c,d}' AS cd_text, j #>> '{b,0}' AS b0_text, j #> '{}' = j AS empty_path FROM alltypes ORDER BY id;

-- case: json/nested_object_access
SELECT id, j -> 'c' AS c, j -> 'c' -> 'd' AS cd, (j -> 'c' ->> 'd') IS NULL AS cd_is_null FROM alltypes ORDER BY id;

-- case: json/typeof
SELECT id, jsonb_typeof(j) AS top, jsonb_typeof(j -> 'a') AS a_type, jsonb_typeof(j -> 'b') AS b_type, jsonb_typeof(j -> 'c') AS c_type FROM alltypes ORDER BY id;

-- case: json/array_length
SELECT id, jsonb_array_length(j -> 'b') AS b_len FROM alltypes ORDER BY id;

-- case: json/array_length_top_level
SELECT id, jsonb_array_length(j) AS len FROM alltypes WHERE jsonb_typeof(j) = 'array' ORDER BY id;

-- case: json/compare_extracted_text
SELECT id FROM alltypes WHERE j ->> 'a' = '1' ORDER BY id;

-- case: json/compare_extracted_numeric
SELECT id, (j ->> 'a')::numeric AS a FROM alltypes WHERE (j ->> 'a')::numeric > 1 ORDER BY id;

-- case: json/group_by_extracted_value
SELECT (j ->> 'a')::numeric AS a, count(*) AS cnt FROM alltypes GROUP BY 1 ORDER BY 1 NULLS FIRST;

-- case: json/nested_path_text_filter
SELECT id FROM alltypes WHERE j #>> '{c,d}' = 'x' ORDER BY id;

-- case: json/key_exists
SELECT id, j ? 'b' AS has_b, j ?| ARRAY['x', 'c'] AS has_x_or_c, j ?& ARRAY['a', 'b'] AS has_a_and_b FROM alltypes ORDER BY id;

-- case: json/key_exists_on_array_and_string
SELECT '["a", "b"]'::jsonb ? 'a' AS array_elem, '"a"'::jsonb ? 'a' AS string_scalar, '{"a": null}'::jsonb ? 'a' AS null_value_key, '[1, 2]'::jsonb ? '1' AS numeric_elem;

-- case: json/containment
SELECT id, j @> '{"a": 1}' AS has_a1, j @> '{"b": [2]}' AS b_has_2, '{"a": 1}'::jsonb <@ j AS contained, j @> '{"c": {"d": "x"}}' AS nested FROM alltypes ORDER BY id;

-- case: json/containment_filter
SELECT id FROM alltypes WHERE j @> '{"b": [1]}' ORDER BY id;

-- case: json/literal_extraction
SELECT '{"x": {"y": [10, 20]}}'::jsonb #> '{x,y,1}' AS a, '[1,2,3]'::jsonb -> 2 AS b, '{"a":"b"}'::jsonb ->> 'a' AS c, '[1,2,3]'::jsonb -> 5 AS out_of_range, '{"a": 1}'::jsonb -> 'missing' AS missing_key;

-- case: json/null_handling
SELECT 'null'::jsonb IS NULL AS json_null_is_sql_null, ('{"a":null}'::jsonb -> 'a') IS NULL AS arrow_null, ('{"a":null}'::jsonb ->> 'a') IS NULL AS text_null, ('{"a":null}'::jsonb -> 'b') IS NULL AS missing, jsonb_typeof('{"a":null}'::jsonb -> 'a') AS typ;

-- case: json/equality_and_normalisation
SELECT '{"a":1,"b":2}'::jsonb = '{"b":2,"a":1}'::jsonb AS key_order, '[1,2]'::jsonb = '[2,1]'::jsonb AS array_order, '{"a":1,"a":2}'::jsonb AS dup_keys, '1.0'::jsonb = '1'::jsonb AS num_eq, '{"a": 1.50}'::jsonb AS keeps_scale;

-- case: json/build_functions
SELECT jsonb_build_object('k', 1, 'v', 'x', 'n', NULL) AS obj, jsonb_build_array(1, 'a', NULL, true) AS arr, to_jsonb('it''s'::text) AS str;

-- case: json/to_jsonb_types
SELECT to_jsonb(1.50::numeric) AS num, to_jsonb(true) AS bool, to_jsonb(DATE '2024-01-01') AS d, to_jsonb(TIMESTAMP '2024-01-01 12:00:00') AS ts, to_jsonb(TIMESTAMPTZ '2024-01-01 00:00:00+00') AS tstz, to_jsonb(ARRAY[1, 2]) AS arr;

-- case: json/build_from_tpch
SELECT n_nationkey, jsonb_build_object('nation', n_name, 'region', r_name, 'key', n_nationkey) AS doc FROM nation JOIN region ON n_regionkey = r_regionkey ORDER BY n_nationkey LIMIT 3;

-- case: json/jsonb_agg
SELECT n_regionkey, jsonb_agg(n_name ORDER BY n_nationkey) AS names FROM nation GROUP BY n_regionkey ORDER BY n_regionkey;

-- case: json/jsonb_object_agg
SELECT jsonb_object_agg(r_name, r_regionkey) AS regions FROM region;

-- case: json/each
SELECT key, value, jsonb_typeof(value) AS typ FROM jsonb_each('{"a": 1, "b": "x", "c": [1], "d": null}'::jsonb) ORDER BY key;

-- case: json/each_text_on_column
SELECT a.id, e.key, e.value FROM alltypes AS a CROSS JOIN LATERAL jsonb_each_text(a.j) AS e WHERE jsonb_typeof(a.j) = 'object' AND a.id IN (1, 2, 10) ORDER BY a.id, e.key;

-- case: json/array_elements_with_ordinality
SELECT a.id, e.ord, e.elem FROM alltypes AS a CROSS JOIN LATERAL jsonb_array_elements(a.j -> 'b') WITH ORDINALITY AS e(elem, ord) ORDER BY a.id, e.ord;

-- case: json/array_elements_text
SELECT string_agg(x, ',' ORDER BY x) AS elems FROM jsonb_array_elements_text('["b", "a", "c"]'::jsonb) AS x;

-- case: json/object_keys
SELECT id, string_agg(k, ',' ORDER BY k) AS keys FROM alltypes CROSS JOIN LATERAL jsonb_object_keys(j) AS k WHERE jsonb_typeof(j) = 'object' GROUP BY id ORDER BY id;

-- case: json/concat_and_delete
SELECT '{"a":1}'::jsonb || '{"b":2}'::jsonb AS merged, '{"a":1}'::jsonb || '{"a":3}'::jsonb AS overwrite, '{"a":1,"b":2}'::jsonb - 'a' AS del_key, '[1,2,3]'::jsonb - 0 AS del_index, '{"a":{"b":1,"c":2}}'::jsonb #- '{a,b}' AS del_path;

-- case: json/jsonb_set
SELECT jsonb_set('{"a":1}'::jsonb, '{b}', '2') AS added, jsonb_set('{"a":{"b":1}}'::jsonb, '{a,b}', '"x"') AS nested, jsonb_set('[1,2,3]'::jsonb, '{1}', '20') AS arr;

-- case: json/jsonpath_exists
SELECT id, j @? '$.b[*] ? (@ > 2)' AS has_b_gt_2, jsonb_path_query_first(j, '$.c.d') AS cd FROM alltypes ORDER BY id;

-- case: json/strip_nulls_and_pretty_free
SELECT jsonb_strip_nulls('{"a": 1, "b": null, "c": {"d": null, "e": 2}}'::jsonb) AS stripped;

-- case: json/jsonb_ordering
SELECT id, j FROM alltypes WHERE j IS NOT NULL ORDER BY j, id;
