//! Arrays on the embedded engine, as Arrow lists: constructors, array literals, subscripts and
//! slices, and the functions whose DataFusion counterparts differ in type or in name.

use sqlparser::ast::{
    DataType, Expr, FunctionArg, FunctionArgExpr, FunctionArgumentClause, FunctionArguments, GroupByExpr, OrderByKind,
    SelectItem, SetExpr, TableFactor, Value,
};

use super::{cast, derived_table, function_call, function_columns, string_constant, unnamed_arguments};
use crate::array_text::array_elements;

/// `ARRAY[a, b, …]`: DataFusion's `make_array`, for one dimension and at least one element.
pub(super) fn array_constructor(expr: &mut Expr) -> Result<(), String> {
    let Expr::Array(array) = expr else { return Ok(()) };
    if array.elem.is_empty() {
        return Err("an empty ARRAY[] (write '{}'::type[])".into());
    }
    if array.elem.iter().any(|e| matches!(e, Expr::Array(_) | Expr::Nested(_) if is_array_expr(e))) {
        return Err("multi-dimensional arrays".into());
    }
    Ok(())
}

pub(super) fn is_array_expr(expr: &Expr) -> bool {
    match expr {
        Expr::Array(_) => true,
        Expr::Nested(inner) => is_array_expr(inner),
        _ => false,
    }
}

/// Element types whose text form both engines read alike inside an array literal.
pub(super) fn literal_element_type(data_type: &DataType) -> bool {
    matches!(
        data_type,
        DataType::SmallInt(_)
            | DataType::Int2(_)
            | DataType::Int(_)
            | DataType::Integer(_)
            | DataType::Int4(_)
            | DataType::BigInt(_)
            | DataType::Int8(_)
            | DataType::Text
            | DataType::Bool
            | DataType::Boolean
    )
}

/// `'{1,2}'::int[]` → `ARRAY[CAST('1' AS INT), CAST('2' AS INT)]` (`'{}'` → an empty array cast
/// to the type); other expressions cast to an array type keep DataFusion's cast of lists.
pub(super) fn array_cast(inner: &Expr, element_type: &DataType, data_type: &DataType) -> Result<Option<Expr>, String> {
    let Some(text) = string_constant(inner) else { return Ok(None) };
    if !literal_element_type(element_type) {
        return Err(format!("the array literal '{text}' of type {data_type}"));
    }
    let items =
        array_elements(text).ok_or_else(|| format!("the array literal '{text}' (only one-dimensional arrays)"))?;
    let elements: Vec<Expr> = items
        .into_iter()
        .map(|item| {
            let value = match item {
                Some(text) => Value::SingleQuotedString(text),
                None => Value::Null,
            };
            cast(Expr::Value(value.into()), element_type.clone())
        })
        .collect();
    let empty = elements.is_empty();
    let array = Expr::Array(sqlparser::ast::Array { elem: elements, named: true });
    Ok(Some(if empty { cast(array, data_type.clone()) } else { array }))
}

/// `a[i]`: one subscript; Postgres' arrays start at 1 and have nothing below, where DataFusion
/// counts a negative index from the end, so the index is passed on only when positive.
/// Slices `[m:n]` of positive constants are DataFusion's; other slices and several subscripts
/// are refused.
pub(super) fn subscript(expr: &mut Expr) -> Result<(), String> {
    use sqlparser::ast::{AccessExpr, Subscript};
    let Expr::CompoundFieldAccess { root, access_chain } = expr else { return Ok(()) };
    // A positive integer constant (already given its type: `CAST(2 AS INT)`).
    fn positive(e: &Expr) -> bool {
        match e {
            Expr::Value(v) => matches!(&v.value, Value::Number(n, _) if n.parse::<i64>().is_ok_and(|n| n > 0)),
            Expr::Cast { expr, .. } => positive(expr),
            _ => false,
        }
    }
    let index = match access_chain.as_mut_slice() {
        [AccessExpr::Subscript(Subscript::Index { index })] => index,
        // A slice between positive constants (either may be left out) reads alike in both.
        [AccessExpr::Subscript(Subscript::Slice { lower_bound, upper_bound, stride: None })]
            if lower_bound.iter().chain(upper_bound.iter()).all(positive) =>
        {
            // DataFusion needs both bounds written: Postgres' defaults are the first and the
            // last element.
            lower_bound
                .get_or_insert_with(|| cast(Expr::Value(Value::Number("1".into(), false).into()), DataType::Int(None)));
            upper_bound
                .get_or_insert_with(|| cast(function_call("cardinality", vec![*root.clone()]), DataType::Int(None)));
            return Ok(());
        }
        _ => return Err("array slices other than [m:n] of positive constants, and multi-dimensional subscripts".into()),
    };
    if positive(index) {
        // Written bare (a bigint to DataFusion): `array_agg(…)[n]` is planned as `nth_value(…, n)`,
        // which takes only a bigint constant.
        while let Expr::Cast { expr: inner, .. } = index {
            *index = *inner.clone();
        }
    } else {
        let condition = Expr::BinaryOp {
            left: Box::new(index.clone()),
            op: sqlparser::ast::BinaryOperator::Gt,
            right: Box::new(Expr::Value(Value::Number("0".into(), false).into())),
        };
        *index = Expr::Case {
            case_token: sqlparser::ast::helpers::attached_token::AttachedToken::empty(),
            end_token: sqlparser::ast::helpers::attached_token::AttachedToken::empty(),
            operand: None,
            conditions: vec![sqlparser::ast::CaseWhen { condition, result: index.clone() }],
            else_result: None,
        };
    }
    Ok(())
}

/// `cardinality(a)` is `integer` in Postgres, an unsigned count in DataFusion.
pub(super) fn cardinality(expr: &mut Expr) -> Result<(), String> {
    *expr = cast(expr.clone(), DataType::Int(None));
    Ok(())
}

/// `array_length(a, 1)`: the element count, NULL for an empty array (Postgres' empty arrays
/// have no dimensions); other dimensions are refused (only one-dimensional arrays exist here).
pub(super) fn array_length(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let args = unnamed_arguments(function)?;
    let [array, dimension] = args.as_slice() else { return Err("array_length() without a dimension".into()) };
    if !matches!(dimension, Expr::Value(v) if matches!(&v.value, Value::Number(n, _) if n == "1")) {
        return Err("array_length() of a dimension other than 1".into());
    }
    let count = function_call("cardinality", vec![array.clone()]);
    let zero = Expr::Value(Value::Number("0".into(), false).into());
    *expr = cast(function_call("nullif", vec![count, zero]), DataType::Int(None));
    Ok(())
}

/// `array_position(a, x[, start])` is `integer` in Postgres, an unsigned index in DataFusion.
pub(super) fn array_position(expr: &mut Expr) -> Result<(), String> {
    *expr = cast(expr.clone(), DataType::Int(None));
    Ok(())
}

/// `array_positions(a, x)` is `integer[]` in Postgres, a list of unsigned indexes in DataFusion.
pub(super) fn array_positions(expr: &mut Expr) -> Result<(), String> {
    let int_array =
        DataType::Array(sqlparser::ast::ArrayElemTypeDef::SquareBracket(Box::new(DataType::Int(None)), None));
    *expr = cast(expr.clone(), int_array);
    Ok(())
}

/// `unnest(a, b, …) [WITH ORDINALITY] [AS t [(c…)]]` in FROM → `(SELECT unnest(a) AS c1,
/// unnest(b) AS c2, …) AS t`: the engine unnests the lists of one SELECT side by side, the
/// shorter padded with NULLs, as Postgres does. The counter is one more list unnested beside
/// them: `1 … n` for the longest array's length n.
pub(super) fn unnest_from(factor: &mut TableFactor) -> Result<(), String> {
    let (arrays, alias, ordinality) = match factor {
        TableFactor::UNNEST { alias, array_exprs, with_offset: false, with_ordinality, .. } => {
            (array_exprs.clone(), alias.clone(), *with_ordinality)
        }
        TableFactor::Table { args: Some(args), alias, with_ordinality, .. } => {
            let arrays = args
                .args
                .iter()
                .map(|arg| match arg {
                    FunctionArg::Unnamed(FunctionArgExpr::Expr(array)) => Ok(array.clone()),
                    _ => Err("unnest with named arguments".to_string()),
                })
                .collect::<Result<Vec<_>, _>>()?;
            (arrays, alias.clone(), *with_ordinality)
        }
        _ => return Err("unnest … WITH OFFSET".into()),
    };
    super::uncorrelated(&arrays, "unnest")?;
    let (relation, columns) = function_columns(&alias, "unnest", arrays.len(), ordinality)?;
    let mut items: Vec<String> =
        arrays.iter().zip(&columns).map(|(array, column)| format!("unnest({array}) AS {column}")).collect();
    if ordinality {
        let lengths: Vec<String> = arrays.iter().map(|array| format!("CAST(cardinality({array}) AS BIGINT)")).collect();
        let longest = if lengths.len() == 1 { lengths.join("") } else { format!("greatest({})", lengths.join(", ")) };
        items.push(format!("unnest(generate_series(1, {longest})) AS {}", columns[arrays.len()]));
    }
    let sql = format!("SELECT {}", items.join(", "));
    *factor = derived_table(&sql, relation, "unnest")?;
    Ok(())
}

/// `ARRAY(SELECT e FROM … [ORDER BY k…])` → `(SELECT coalesce(array_agg(e ORDER BY k…),
/// make_array()) FROM …)`: the engine has no array subqueries; an aggregate over the same rows in
/// the same order builds the same array, and no rows the empty array (`{}`, not NULL). Only for a
/// plain SELECT of one expression: grouping, DISTINCT, LIMIT/OFFSET, ORDER BY a position and set
/// operations would change which rows the aggregate sees.
pub(super) fn array_subquery(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let FunctionArguments::Subquery(query) = &function.args else {
        return Err("array() of other than a subquery".into());
    };
    let refused = || "ARRAY(subquery) other than a plain SELECT of one expression".to_string();
    let mut query = query.clone();
    if query.with.is_some() || query.limit_clause.is_some() || query.fetch.is_some() {
        return Err(refused());
    }
    let order = match query.order_by.take() {
        None => Vec::new(),
        Some(order_by) => match order_by.kind {
            OrderByKind::Expressions(items) => items,
            OrderByKind::All(_) => return Err(refused()),
        },
    };
    let position = |e: &Expr| matches!(e, Expr::Value(v) if matches!(v.value, Value::Number(..)));
    if order.iter().any(|item| position(&item.expr)) {
        return Err(refused());
    }
    let SetExpr::Select(select) = query.body.as_mut() else { return Err(refused()) };
    let grouped = !matches!(&select.group_by, GroupByExpr::Expressions(keys, _) if keys.is_empty());
    if grouped || select.having.is_some() || select.distinct.is_some() || select.qualify.is_some() {
        return Err(refused());
    }
    let [SelectItem::UnnamedExpr(item) | SelectItem::ExprWithAlias { expr: item, .. }] = select.projection.as_slice()
    else {
        return Err(refused());
    };
    let mut aggregate = function_call("array_agg", vec![item.clone()]);
    if let Expr::Function(function) = &mut aggregate
        && let FunctionArguments::List(list) = &mut function.args
        && !order.is_empty()
    {
        list.clauses.push(FunctionArgumentClause::OrderBy(order));
    }
    let array = function_call("coalesce", vec![aggregate, function_call("make_array", vec![])]);
    select.projection = vec![SelectItem::UnnamedExpr(array)];
    *expr = Expr::Subquery(query);
    Ok(())
}
