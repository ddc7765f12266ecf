//! `jsonb` operators, casts and functions on the embedded engine: written as calls of packwire's
//! `jsonb` functions (`connectors/src/pgfunctions/json.rs`, where the table of them is).

use sqlparser::ast::{
    DataType, ExactNumberInfo, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Ident, ObjectName, TableFactor,
    Value,
};

use super::{function_call, string_constant, unnamed_arguments};
use crate::array_text::array_elements;

/// A path written as an array literal (`'{c,d}'`) → its steps as string constants (a NULL
/// step stays NULL: the whole access is then NULL, as in Postgres).
pub(super) fn path_steps(path: &Expr, operator: &str) -> Result<Vec<Expr>, String> {
    let text = string_constant(path).ok_or_else(|| format!("{operator} with a path that is not a string constant"))?;
    let steps = array_elements(text)
        .ok_or_else(|| format!("{operator} with the path '{text}' (only one-dimensional paths)"))?;
    Ok(steps
        .into_iter()
        .map(|step| match step {
            Some(step) => Expr::Value(Value::SingleQuotedString(step).into()),
            None => Expr::Value(Value::Null.into()),
        })
        .collect())
}

/// `j -> k`, `j ->> k`, `j #> path`, `j #>> path` → packwire's `jsonb` functions
/// (`pg_jsonb_get(j, k)`, …; a path's steps become separate arguments).
pub(super) fn json_access(expr: &mut Expr) -> Result<(), String> {
    use sqlparser::ast::BinaryOperator as B;
    let Expr::BinaryOp { left, op, right } = expr else {
        return Err("this JSON access syntax".into());
    };
    let left = *left.clone();
    *expr = match op {
        B::Arrow => function_call("pg_jsonb_get", vec![left, *right.clone()]),
        B::LongArrow => function_call("pg_jsonb_get_text", vec![left, *right.clone()]),
        B::HashArrow | B::HashLongArrow => {
            let name = if matches!(op, B::HashArrow) { "pg_jsonb_get_path" } else { "pg_jsonb_get_path_text" };
            let steps = path_steps(right, &op.to_string())?;
            function_call(name, std::iter::once(left).chain(steps).collect())
        }
        _ => return Ok(()),
    };
    Ok(())
}

/// `a @> b`, `a <@ b`, `j ? k` → `pg_jsonb_contains(a, b)`, `pg_jsonb_contains(b, a)`,
/// `pg_jsonb_exists(j, k)`.
pub(super) fn json_containment(expr: &mut Expr) -> Result<(), String> {
    use sqlparser::ast::BinaryOperator as B;
    let Expr::BinaryOp { left, op, right } = expr else { return Ok(()) };
    let (left, right) = (*left.clone(), *right.clone());
    *expr = match op {
        B::AtArrow => function_call("pg_jsonb_contains", vec![left, right]),
        B::ArrowAt => function_call("pg_jsonb_contains", vec![right, left]),
        B::Question => function_call("pg_jsonb_exists", vec![left, right]),
        _ => return Ok(()),
    };
    Ok(())
}

/// `jsonb - key` / `jsonb - index` → `pg_jsonb_delete`, `jsonb #- path` → `pg_jsonb_delete_path`.
pub(super) fn json_delete(expr: &mut Expr) -> Result<(), String> {
    use sqlparser::ast::BinaryOperator as B;
    let Expr::BinaryOp { left, op, right } = expr else { return Ok(()) };
    let left = *left.clone();
    *expr = match op {
        B::Minus => function_call("pg_jsonb_delete", vec![left, *right.clone()]),
        B::HashMinus => {
            let steps = path_steps(right, "#-")?;
            function_call("pg_jsonb_delete_path", std::iter::once(left).chain(steps).collect())
        }
        _ => return Ok(()),
    };
    Ok(())
}

/// `a || b` is `jsonb` concatenation when both sides are `jsonb` (or one is and the other a
/// string literal, which Postgres reads as `jsonb`): `pg_jsonb_concat(a, b)`. `jsonb || text`
/// (text concatenation in Postgres) is refused; text `||` text is DataFusion's own.
pub(super) fn string_concat(expr: &mut Expr) -> Result<(), String> {
    let Expr::BinaryOp { left, right, .. } = expr else { return Ok(()) };
    let (left_jsonb, right_jsonb) = (crate::dialect::is_jsonb(left), crate::dialect::is_jsonb(right));
    if !left_jsonb && !right_jsonb {
        return Ok(());
    }
    let jsonb_or_literal = |is_jsonb: bool, e: &Expr| is_jsonb || string_constant(e).is_some();
    if !jsonb_or_literal(left_jsonb, left) || !jsonb_or_literal(right_jsonb, right) {
        return Err("|| between a jsonb value and a value of another type".into());
    }
    *expr = function_call("pg_jsonb_concat", vec![*left.clone(), *right.clone()]);
    Ok(())
}

/// A cast from a `jsonb` value (by its form) to a type Postgres converts `jsonb` scalars to.
pub(super) fn jsonb_cast(inner: &Expr, data_type: &DataType) -> Result<Option<Expr>, String> {
    if !crate::dialect::is_jsonb(inner) {
        return Ok(None);
    }
    let name = match data_type {
        DataType::Numeric(ExactNumberInfo::None) | DataType::Decimal(ExactNumberInfo::None) => "pg_jsonb_numeric",
        DataType::Bool | DataType::Boolean => "pg_jsonb_bool",
        DataType::SmallInt(_) | DataType::Int2(_) => "pg_jsonb_int2",
        DataType::Int(_) | DataType::Integer(_) | DataType::Int4(_) => "pg_jsonb_int4",
        DataType::BigInt(_) | DataType::Int8(_) => "pg_jsonb_int8",
        DataType::Real | DataType::Float4 => "pg_jsonb_float4",
        DataType::DoublePrecision | DataType::Float8 => "pg_jsonb_float8",
        // The canonical text is what a `jsonb` value is stored as.
        DataType::Text => return Ok(Some(function_call("pg_output", vec![inner.clone()]))),
        DataType::JSONB => return Ok(Some(inner.clone())),
        other => return Err(format!("casting jsonb to {other}")),
    };
    Ok(Some(function_call(name, vec![inner.clone()])))
}

/// `jsonb_agg(x …)` → `pg_jsonb_from_list(array_agg(to_jsonb(x) …))`, `jsonb_object_agg(k, v
/// …)` → `pg_jsonb_object_from_lists(array_agg(pg_output(k) …), array_agg(to_jsonb(v) …))`,
/// keeping `ORDER BY`, `DISTINCT` and `FILTER` on each `array_agg` (both see the rows in the
/// same order). As window functions they are refused.
pub(super) fn jsonb_aggregate(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let name = function.name.to_string().to_lowercase();
    if function.over.is_some() {
        return Err(format!("{name}() as a window function"));
    }
    let args = unnamed_arguments(function)?;
    let array_agg = |value: Expr| {
        let mut call = function.clone();
        call.name = ObjectName::from(vec![Ident::new("array_agg")]);
        if let FunctionArguments::List(list) = &mut call.args {
            list.args = vec![FunctionArg::Unnamed(FunctionArgExpr::Expr(value))];
        }
        Expr::Function(call)
    };
    *expr = match (name.as_str(), args.as_slice()) {
        ("jsonb_agg", [value]) => {
            function_call("pg_jsonb_from_list", vec![array_agg(function_call("to_jsonb", vec![value.clone()]))])
        }
        ("jsonb_object_agg", [key, value]) => function_call(
            "pg_jsonb_object_from_lists",
            vec![
                array_agg(function_call("pg_output", vec![key.clone()])),
                array_agg(function_call("to_jsonb", vec![value.clone()])),
            ],
        ),
        _ => return Err(format!("{name}() with {} arguments", args.len())),
    };
    Ok(())
}

/// `jsonb_set(target, path, new[, create])` → `pg_jsonb_set(target, new, create, step…)`
/// for a path written out as a string constant and a constant `create` (default true).
pub(super) fn jsonb_set(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let args = unnamed_arguments(function)?;
    let (target, path, new, create) = match args.as_slice() {
        [target, path, new] => (target, path, new, Expr::Value(Value::Boolean(true).into())),
        [target, path, new, create @ Expr::Value(_)] => (target, path, new, create.clone()),
        _ => return Err("jsonb_set() with a create_if_missing that is not a constant".into()),
    };
    let steps = path_steps(path, "jsonb_set()")?;
    if steps.iter().any(|s| matches!(s, Expr::Value(v) if matches!(v.value, Value::Null))) {
        return Err("jsonb_set() with a NULL path element".into());
    }
    let fixed = [target.clone(), new.clone(), create];
    *expr = function_call("pg_jsonb_set", fixed.into_iter().chain(steps).collect());
    Ok(())
}

/// The lists packwire's functions give for each set-returning `jsonb` function (one per
/// column, unnested side by side; `true` where the elements are `jsonb`).
const ROWS_OF: &[(&str, &[(&str, bool)])] = &[
    ("jsonb_array_elements", &[("pg_jsonb_array_elements", true)]),
    ("jsonb_array_elements_text", &[("pg_jsonb_array_elements_text", false)]),
    ("jsonb_object_keys", &[("pg_jsonb_object_keys", false)]),
    ("jsonb_each", &[("pg_jsonb_each_keys", false), ("pg_jsonb_each_values", true)]),
    ("jsonb_each_text", &[("pg_jsonb_each_text_keys", false), ("pg_jsonb_each_text_values", false)]),
];

/// `jsonb_each(j) [WITH ORDINALITY] [AS t(…)]` and the other set-returning `jsonb` functions
/// in FROM → `(SELECT unnest(pg_jsonb_each_keys(j)) AS key, pg_jsonb(unnest(pg_jsonb_each_values(j)))
/// AS value) AS t`: packwire's functions give each row's values as a list (in Postgres' order),
/// the lists of one SELECT unnest side by side, and `pg_jsonb` tags the `jsonb` elements again
/// (unnesting drops the tag). The counter is one more list: `1 … n` for the n rows.
pub(super) fn jsonb_rows_from(factor: &mut TableFactor) -> Result<(), String> {
    let TableFactor::Table { name, args: Some(args), alias, with_ordinality, .. } = factor else {
        return Err("this set-returning jsonb function".into());
    };
    let function = crate::names::normalize_object_name(name).join(".");
    let (Some((_, lists)), Some(out)) =
        (ROWS_OF.iter().find(|(f, _)| *f == function), crate::names::out_parameters(&function))
    else {
        return Err(format!("function {function}() in FROM"));
    };
    let [FunctionArg::Unnamed(FunctionArgExpr::Expr(value))] = args.args.as_slice() else {
        return Err(format!("{function}() with other than one argument"));
    };
    super::uncorrelated([value], &function)?;
    let named = crate::names::set_returning_columns(alias.as_ref(), &function, out, *with_ordinality);
    let (relation, columns) = super::distinct_names(named, &function)?;
    let mut items: Vec<String> = lists
        .iter()
        .zip(&columns)
        .map(|((list, jsonb), column)| match jsonb {
            true => format!("pg_jsonb(unnest({list}({value}))) AS {column}"),
            false => format!("unnest({list}({value})) AS {column}"),
        })
        .collect();
    if *with_ordinality {
        let rows = format!("CAST(cardinality({}({value})) AS BIGINT)", lists[0].0);
        items.push(format!("unnest(generate_series(1, {rows})) AS {}", columns[lists.len()]));
    }
    *factor = super::derived_table(&format!("SELECT {}", items.join(", ")), relation, &function)?;
    Ok(())
}
