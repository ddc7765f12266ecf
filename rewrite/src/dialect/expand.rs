//! Postgres constructs written as equivalent plain ones, for targets that lack them: the
//! expansion has the same value for every input (NULLs included) or is refused. Used through
//! `Support::Expand`, so the parts of the new expression are translated as usual afterwards.

use sqlparser::ast::{
    ArrayElemTypeDef, BinaryOperator, CastKind, DataType, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Value,
};

/// `x op ANY (array)` → `(x op a OR x op b …)`, `x op ALL (array)` → `(x op a AND x op b …)`
/// for an array written out (`ARRAY[…]`, `'{…}'::type[]`, either cast to `type[]`); an empty
/// array is `false` for ANY and `true` for ALL, whatever `x` is (as in Postgres). `x = ANY
/// (subquery)` is `x IN (subquery)`, `x <> ALL (subquery)` is `x NOT IN (subquery)`. Anything
/// else (an array from a column or a function, two-dimensional arrays) is refused.
pub fn any_all(expr: &mut Expr) -> Result<(), String> {
    let (left, op, right, any) = match expr {
        Expr::AnyOp { left, compare_op, right, .. } => (left, compare_op, right, true),
        Expr::AllOp { left, compare_op, right } => (left, compare_op, right, false),
        _ => return Ok(()),
    };
    if let Expr::Subquery(subquery) = right.as_ref() {
        let negated = match (any, &*op) {
            (true, BinaryOperator::Eq) => false,
            (false, BinaryOperator::NotEq) => true,
            _ => return Err("ANY/ALL over a subquery with another operator than = ANY or <> ALL".into()),
        };
        *expr = Expr::InSubquery { expr: left.clone(), subquery: subquery.clone(), negated };
        return Ok(());
    }
    let elements = written_out_array(right)?;
    let joiner = if any { BinaryOperator::Or } else { BinaryOperator::And };
    let expanded = elements
        .into_iter()
        .map(|element| Expr::BinaryOp { left: left.clone(), op: op.clone(), right: Box::new(element) })
        .reduce(|all, next| Expr::BinaryOp { left: Box::new(all), op: joiner.clone(), right: Box::new(next) });
    *expr = match expanded {
        Some(expanded) => Expr::Nested(Box::new(expanded)),
        None => Expr::Value(Value::Boolean(!any).into()),
    };
    Ok(())
}

/// `x [NOT] [I]LIKE ANY|ALL (array)` → `(x LIKE e1 OR|AND x LIKE e2 …)` over an array written out
/// in the statement (Postgres' NULL rules are those of `OR`/`AND`). `Ok(false)`: not such an
/// expression.
pub fn like_any_all(expr: &mut Expr) -> Result<bool, String> {
    let (Expr::Like { any, pattern, .. } | Expr::ILike { any, pattern, .. }) = expr else { return Ok(false) };
    let (array, joiner) = match pattern.as_ref() {
        _ if *any => (pattern.as_ref().clone(), BinaryOperator::Or),
        Expr::Function(function) if function.name.to_string().eq_ignore_ascii_case("all") => {
            let sqlparser::ast::FunctionArguments::List(list) = &function.args else { return Ok(false) };
            let [sqlparser::ast::FunctionArg::Unnamed(sqlparser::ast::FunctionArgExpr::Expr(array))] =
                list.args.as_slice()
            else {
                return Ok(false);
            };
            (array.clone(), BinaryOperator::And)
        }
        _ => return Ok(false),
    };
    let mut expanded: Option<Expr> = None;
    for element in written_out_array(&array)? {
        let mut single = expr.clone();
        if let Expr::Like { any, pattern, .. } | Expr::ILike { any, pattern, .. } = &mut single {
            *any = false;
            **pattern = element;
        }
        expanded = Some(match expanded {
            None => single,
            Some(all) => Expr::BinaryOp { left: Box::new(all), op: joiner.clone(), right: Box::new(single) },
        });
    }
    *expr = match expanded {
        Some(expanded) => Expr::Nested(Box::new(expanded)),
        None => Expr::Value(Value::Boolean(joiner == BinaryOperator::And).into()),
    };
    Ok(true)
}

/// Whether `expr` is an array written out in the statement (`ARRAY[…]`, `'{…}'::type[]`),
/// which [`any_all`] expands element by element.
pub fn is_written_out(expr: &Expr) -> bool {
    match expr {
        Expr::Nested(inner) => is_written_out(inner),
        Expr::Array(_) => true,
        Expr::Cast { expr: inner, data_type: DataType::Array(ArrayElemTypeDef::SquareBracket(_, None)), .. } => {
            matches!(inner.as_ref(), Expr::Value(v) if matches!(v.value, Value::SingleQuotedString(_)))
                || is_written_out(inner)
        }
        _ => false,
    }
}

/// The elements of an array written out in the statement, each with the array's element type
/// when the array is cast (`'{1,2}'::int[]`, `ARRAY[1, NULL]::int[]`).
fn written_out_array(expr: &Expr) -> Result<Vec<Expr>, String> {
    let not_written_out = || "ANY/ALL over an array that is not written out in the statement".to_string();
    match expr {
        Expr::Nested(inner) => written_out_array(inner),
        Expr::Array(array) => {
            if array.elem.iter().any(|e| matches!(e, Expr::Array(_))) {
                return Err("ANY/ALL over a multi-dimensional array".into());
            }
            array.elem.iter().try_for_each(blank_padded)?;
            Ok(array.elem.clone())
        }
        Expr::Cast {
            expr: inner,
            data_type: DataType::Array(ArrayElemTypeDef::SquareBracket(element_type, None)),
            ..
        } => {
            let elements = match inner.as_ref() {
                Expr::Value(value) => match &value.value {
                    Value::SingleQuotedString(text) => crate::array_text::array_elements(text)
                        .ok_or_else(|| format!("the array literal '{text}' (only one-dimensional arrays)"))?
                        .into_iter()
                        .map(|item| match item {
                            Some(text) => Expr::Value(Value::SingleQuotedString(text).into()),
                            None => Expr::Value(Value::Null.into()),
                        })
                        .collect(),
                    _ => return Err(not_written_out()),
                },
                other => written_out_array(other)?,
            };
            elements.iter().try_for_each(blank_padded)?;
            let cast = |element: Expr| Expr::Cast {
                kind: CastKind::Cast,
                expr: Box::new(element),
                data_type: element_type.as_ref().clone(),
                array: false,
                format: None,
            };
            Ok(elements.into_iter().map(cast).collect())
        }
        _ => Err(not_written_out()),
    }
}

/// A text element with trailing blanks compares differently as `text` (the array's type) and
/// as `char(n)` (what a lone literal becomes next to a `char(n)` column): refused.
fn blank_padded(element: &Expr) -> Result<(), String> {
    match element {
        Expr::Value(value) if matches!(&value.value, Value::SingleQuotedString(s) if s.ends_with(' ')) => {
            Err("ANY/ALL over text ending in blanks".into())
        }
        _ => Ok(()),
    }
}

/// `j ?| keys` → `(j ? k1 OR j ? k2 …)`, `j ?& keys` → `(j ? k1 AND …)` for keys written out
/// in the statement; NULL keys are skipped, as Postgres skips them. No keys at all is refused
/// (Postgres answers NULL for a NULL `j`, `false`/`true` otherwise).
pub fn json_key_set(expr: &mut Expr) -> Result<(), String> {
    let Expr::BinaryOp { left, op, right } = expr else { return Ok(()) };
    let any = match op {
        BinaryOperator::QuestionPipe => true,
        BinaryOperator::QuestionAnd => false,
        _ => return Ok(()),
    };
    let is_null = |e: &Expr| match e {
        Expr::Value(v) => matches!(v.value, Value::Null),
        Expr::Cast { expr, .. } => matches!(expr.as_ref(), Expr::Value(v) if matches!(v.value, Value::Null)),
        _ => false,
    };
    let keys =
        written_out_array(right).map_err(|_| format!("{op} over keys that are not written out in the statement"))?;
    let joiner = if any { BinaryOperator::Or } else { BinaryOperator::And };
    let expanded = keys
        .into_iter()
        .filter(|key| !is_null(key))
        .map(|key| Expr::BinaryOp { left: left.clone(), op: BinaryOperator::Question, right: Box::new(key) })
        .reduce(|all, next| Expr::BinaryOp { left: Box::new(all), op: joiner.clone(), right: Box::new(next) });
    let expanded = expanded.ok_or_else(|| format!("{op} over an empty list of keys"))?;
    *expr = Expr::Nested(Box::new(expanded));
    Ok(())
}

/// `s [NOT] SIMILAR TO 'pattern' [ESCAPE 'c']` → `s ~ 'regex'` (`!~`), the pattern translated
/// as Postgres translates it (`similar_to_escape`: anchored, `%` → `.*`, `_` → `.`, groups
/// non-capturing, `.^$\` literal). Patterns that are not constants, or whose regular
/// expression could read differently in another engine (escaped letters, POSIX classes), are
/// refused.
pub fn similar_to(expr: &mut Expr) -> Result<(), String> {
    let Expr::SimilarTo { negated, expr: subject, pattern, escape_char } = expr else { return Ok(()) };
    let Expr::Value(value) = pattern.as_ref() else {
        return Err("SIMILAR TO with a pattern that is not a constant".into());
    };
    let Value::SingleQuotedString(pattern) = &value.value else {
        return Err("SIMILAR TO with a pattern that is not a string constant".into());
    };
    let escape = match escape_char.as_ref().map(|v| &v.value) {
        None => Some('\\'),
        Some(Value::SingleQuotedString(e)) if e.is_empty() => None,
        Some(Value::SingleQuotedString(e)) if e.chars().count() == 1 => e.chars().next(),
        Some(_) => return Err("SIMILAR TO … ESCAPE with more than one character".into()),
    };
    let regex = similar_to_regex(pattern, escape)?;
    let op = if *negated { BinaryOperator::PGRegexNotMatch } else { BinaryOperator::PGRegexMatch };
    *expr = Expr::BinaryOp {
        left: subject.clone(),
        op,
        right: Box::new(Expr::Value(Value::SingleQuotedString(regex).into())),
    };
    Ok(())
}

/// Postgres' translation of a SIMILAR TO pattern into a regular expression, with `(?s)` so
/// that `.` matches a newline as in Postgres' regular expressions.
fn similar_to_regex(pattern: &str, escape: Option<char>) -> Result<String, String> {
    let mut regex = String::from("(?s)^(?:");
    let mut after_escape = false;
    let mut in_class = false;
    let mut previous = None;
    for c in pattern.chars() {
        let repeated = previous.replace(c) == Some(c);
        if after_escape {
            after_escape = false;
            if c.is_alphanumeric() || c == '"' {
                return Err(format!("SIMILAR TO with the escape sequence {c:?}"));
            }
            // The character itself, by code point (no engine reads that differently).
            regex.push_str(&format!("\\x{{{:X}}}", u32::from(c)));
        } else if Some(c) == escape {
            after_escape = true;
        } else if in_class {
            match c {
                '\\' | '[' => {
                    // `[[:alpha:]]` and other classes are locale-dependent in Postgres.
                    if c == '[' {
                        return Err("SIMILAR TO with a nested bracket expression".into());
                    }
                    regex.push_str("\\\\");
                }
                ']' => {
                    in_class = false;
                    regex.push(c);
                }
                // `&&`, `--`, `~~` are set operations inside a class for some engines.
                '&' | '-' | '~' if repeated => return Err("SIMILAR TO with a class holding a doubled &, - or ~".into()),
                _ => regex.push(c),
            }
        } else {
            match c {
                '[' => {
                    in_class = true;
                    regex.push(c);
                }
                '%' => regex.push_str(".*"),
                '_' => regex.push('.'),
                '(' => regex.push_str("(?:"),
                '.' | '^' | '$' | '\\' => {
                    regex.push('\\');
                    regex.push(c);
                }
                _ => regex.push(c),
            }
        }
    }
    if after_escape || in_class {
        return Err("SIMILAR TO with an unfinished pattern".into());
    }
    regex.push_str(")$");
    Ok(regex)
}

/// Aggregates that skip NULL inputs: a `FILTER` is the same as a `CASE` that makes the
/// filtered-out rows' input NULL.
const NULL_SKIPPING_AGGREGATES: &[&str] = &[
    "count",
    "sum",
    "avg",
    "min",
    "max",
    "bool_and",
    "bool_or",
    "every",
    "bit_and",
    "bit_or",
    "string_agg",
    "stddev",
    "stddev_samp",
    "stddev_pop",
    "variance",
    "var_samp",
    "var_pop",
];

/// `agg(x) FILTER (WHERE c)` → `agg(CASE WHEN c THEN x END)` for aggregates that skip NULL
/// inputs (`count(*)` counts `CASE WHEN c THEN 1 END`): the same rows reach the aggregate.
/// Aggregates that keep NULLs (`array_agg`, the JSON ones) and ordered-set aggregates are
/// refused.
pub fn aggregate_filter(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let Some(condition) = function.filter.take() else { return Ok(()) };
    let name = function.name.to_string().to_ascii_lowercase();
    let refused = || format!("{name}() with FILTER (WHERE …)");
    if !NULL_SKIPPING_AGGREGATES.contains(&name.as_str()) || !function.within_group.is_empty() {
        return Err(refused());
    }
    let FunctionArguments::List(list) = &mut function.args else { return Err(refused()) };
    let input = match list.args.first_mut() {
        Some(FunctionArg::Unnamed(argument)) => argument,
        _ => return Err(refused()),
    };
    let value = match input {
        FunctionArgExpr::Expr(value) => value.clone(),
        FunctionArgExpr::Wildcard if name == "count" => Expr::Value(Value::Number("1".into(), false).into()),
        _ => return Err(refused()),
    };
    *input = FunctionArgExpr::Expr(Expr::Case {
        case_token: sqlparser::ast::helpers::attached_token::AttachedToken::empty(),
        end_token: sqlparser::ast::helpers::attached_token::AttachedToken::empty(),
        operand: None,
        conditions: vec![sqlparser::ast::CaseWhen { condition: *condition, result: value }],
        else_result: None,
    });
    Ok(())
}

/// The elements of a row constructor: `(a, b)` or `ROW(a, b)` (plain arguments only).
pub(super) fn row_elements(expr: &Expr) -> Option<Vec<&Expr>> {
    match expr {
        Expr::Nested(inner) => row_elements(inner),
        Expr::Tuple(elements) => Some(elements.iter().collect()),
        Expr::Function(function) if function.name.to_string().eq_ignore_ascii_case("row") => {
            let sqlparser::ast::FunctionArguments::List(list) = &function.args else { return None };
            let plain = list.duplicate_treatment.is_none()
                && list.clauses.is_empty()
                && function.filter.is_none()
                && function.over.is_none()
                && function.within_group.is_empty();
            if !plain {
                return None;
            }
            list.args
                .iter()
                .map(|arg| match arg {
                    sqlparser::ast::FunctionArg::Unnamed(sqlparser::ast::FunctionArgExpr::Expr(e)) => Some(e),
                    _ => None,
                })
                .collect()
        }
        _ => None,
    }
}

/// A comparison of two row constructors as comparisons of their elements, with Postgres'
/// semantics (NULLs included): `=` is the AND of the elements' `=`, `<>` their OR, `IS [NOT]
/// DISTINCT FROM` likewise; `<`, `<=`, `>`, `>=` compare left to right — `(a, b) < (c, d)` is
/// `a < c OR (a = c AND b < d)`, which is NULL exactly when Postgres' pairwise comparison
/// reaches a NULL before a deciding pair. The ordering forms repeat elements, so those must be
/// free of function calls and subqueries (a volatile function would run twice). A row `IN` a
/// list of rows is the OR of row equalities (`row_membership`).
pub fn row_comparison(expr: &mut Expr) -> Result<(), String> {
    if let Some(expanded) = row_membership(expr)? {
        *expr = expanded;
        return Ok(());
    }
    let (left, right, op, distinct) = match &*expr {
        Expr::BinaryOp { left, op, right } => (left.as_ref(), right.as_ref(), Some(op.clone()), None),
        Expr::IsDistinctFrom(left, right) => (left.as_ref(), right.as_ref(), None, Some(true)),
        Expr::IsNotDistinctFrom(left, right) => (left.as_ref(), right.as_ref(), None, Some(false)),
        _ => return Ok(()),
    };
    let (Some(left), Some(right)) = (row_elements(left), row_elements(right)) else { return Ok(()) };
    if left.len() != right.len() || left.is_empty() {
        return Err("comparing rows of different lengths".into());
    }
    let pairs: Vec<(Expr, Expr)> = left.into_iter().cloned().zip(right.into_iter().cloned()).collect();
    let binary = |left: Expr, op: BinaryOperator, right: Expr| Expr::BinaryOp {
        left: Box::new(left),
        op,
        right: Box::new(right),
    };
    let join = |parts: Vec<Expr>, joiner: BinaryOperator| {
        parts.into_iter().reduce(|all, next| binary(all, joiner.clone(), next)).map(|e| Expr::Nested(Box::new(e)))
    };
    let expanded = match (op, distinct) {
        (None, Some(true)) => join(
            pairs.into_iter().map(|(l, r)| Expr::IsDistinctFrom(Box::new(l), Box::new(r))).collect(),
            BinaryOperator::Or,
        ),
        (None, Some(false)) => join(
            pairs.into_iter().map(|(l, r)| Expr::IsNotDistinctFrom(Box::new(l), Box::new(r))).collect(),
            BinaryOperator::And,
        ),
        (Some(BinaryOperator::Eq), _) => {
            join(pairs.into_iter().map(|(l, r)| binary(l, BinaryOperator::Eq, r)).collect(), BinaryOperator::And)
        }
        (Some(BinaryOperator::NotEq), _) => {
            join(pairs.into_iter().map(|(l, r)| binary(l, BinaryOperator::NotEq, r)).collect(), BinaryOperator::Or)
        }
        (Some(op @ (BinaryOperator::Lt | BinaryOperator::LtEq | BinaryOperator::Gt | BinaryOperator::GtEq)), _) => {
            if pairs.iter().any(|(l, r)| calls_anything(l) || calls_anything(r)) {
                return Err("ordering comparisons of rows holding function calls or subqueries".into());
            }
            let strict = match op {
                BinaryOperator::LtEq => BinaryOperator::Lt,
                BinaryOperator::GtEq => BinaryOperator::Gt,
                ref other => other.clone(),
            };
            // Built from the last pair outwards: last_op, then `l < r OR (l = r AND inner)`.
            let mut pairs = pairs.into_iter().rev();
            let (last_left, last_right) = pairs.next().ok_or("an empty row")?;
            let mut inner = binary(last_left, op, last_right);
            for (l, r) in pairs {
                let equal = binary(l.clone(), BinaryOperator::Eq, r.clone());
                let deciding = binary(l, strict.clone(), r);
                let rest = binary(equal, BinaryOperator::And, Expr::Nested(Box::new(inner)));
                inner = binary(deciding, BinaryOperator::Or, Expr::Nested(Box::new(rest)));
            }
            Some(Expr::Nested(Box::new(inner)))
        }
        _ => return Ok(()),
    };
    if let Some(expanded) = expanded {
        *expr = expanded;
    }
    Ok(())
}

/// `row [NOT] IN (row, …)` and `row [NOT] IN (VALUES row, …)` as the OR of the row equalities
/// (each then expanded as a row comparison), negated for `NOT IN`: Postgres' three-valued result.
/// The left row is repeated, so it must not call functions when there is more than one row.
fn row_membership(expr: &Expr) -> Result<Option<Expr>, String> {
    let (left, rows, negated): (&Expr, Vec<Expr>, bool) = match expr {
        Expr::InList { expr: left, list, negated } => (left, list.clone(), *negated),
        Expr::InSubquery { expr: left, subquery, negated } => match values_rows(subquery) {
            Some(rows) => (left, rows.iter().map(|row| Expr::Tuple(row.content.clone())).collect(), *negated),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    if row_elements(left).is_none() {
        return Ok(None);
    }
    if rows.len() > 1 && calls_anything(left) {
        return Err("IN over rows holding function calls or subqueries".into());
    }
    let equal =
        |row: Expr| Expr::BinaryOp { left: Box::new(left.clone()), op: BinaryOperator::Eq, right: Box::new(row) };
    let Some(any) = rows.into_iter().map(equal).reduce(|all, next| Expr::BinaryOp {
        left: Box::new(all),
        op: BinaryOperator::Or,
        right: Box::new(next),
    }) else {
        return Ok(None);
    };
    let any = Expr::Nested(Box::new(any));
    Ok(Some(if negated { Expr::UnaryOp { op: sqlparser::ast::UnaryOperator::Not, expr: Box::new(any) } } else { any }))
}

/// The rows of a subquery that is nothing but a `VALUES` list.
pub(super) fn values_rows(subquery: &sqlparser::ast::Query) -> Option<&[sqlparser::ast::Parens<Vec<Expr>>]> {
    let plain = subquery.with.is_none()
        && subquery.order_by.is_none()
        && subquery.limit_clause.is_none()
        && subquery.fetch.is_none();
    match subquery.body.as_ref() {
        sqlparser::ast::SetExpr::Values(values) if plain => Some(values.rows.as_slice()),
        _ => None,
    }
}

/// Whether an expression calls a function or holds a subquery anywhere.
pub(super) fn calls_anything(expr: &Expr) -> bool {
    sqlparser::ast::visit_expressions(expr, |e: &Expr| {
        if matches!(e, Expr::Function(_) | Expr::Subquery(_) | Expr::Exists { .. } | Expr::InSubquery { .. }) {
            std::ops::ControlFlow::Break(())
        } else {
            std::ops::ControlFlow::Continue(())
        }
    })
    .is_break()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_to_patterns_translate_as_in_postgres() {
        let regex = |p: &str| similar_to_regex(p, Some('\\')).unwrap();
        assert_eq!(regex("a%"), "(?s)^(?:a.*)$");
        assert_eq!(regex("(SM|LG) _.x"), "(?s)^(?:(?:SM|LG) .\\.x)$");
        assert_eq!(regex("ab[cd]+"), "(?s)^(?:ab[cd]+)$");
        assert_eq!(regex("100\\%"), "(?s)^(?:100\\x{25})$");
        assert!(similar_to_regex("\\d", Some('\\')).is_err());
        assert!(similar_to_regex("[[:alpha:]]", Some('\\')).is_err());
        assert!(similar_to_regex("[ab", Some('\\')).is_err());
        assert_eq!(similar_to_regex("a#%", Some('#')).unwrap(), "(?s)^(?:a\\x{25})$");
        assert!(similar_to_regex("[a&&b]", Some('\\')).is_err());
    }
}
