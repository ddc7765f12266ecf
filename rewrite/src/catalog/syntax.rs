//! The Postgres-only syntax of catalog queries in the engine's terms: `OPERATOR(pg_catalog.~)`,
//! `COLLATE`, `pg_catalog.`-qualified names, `reg*`/`oid`/`name` casts, `= ANY('{…}')` and `= ANY($n)`,
//! `(record).field`, the subscript functions, and `reg*` values shown as names.

use std::ops::ControlFlow;

use sqlparser::ast::{
    BinaryOperator, CastKind, DataType, Expr, Function, FunctionArg, FunctionArgExpr, FunctionArguments, Ident,
    ObjectName, SelectItem, SetExpr, Statement, TableFactor, Value, VisitorMut,
};

use crate::error::RewriteError;
use crate::names::normalize;

use super::*;

/// Rewrites Postgres-only expressions and names bottom-up.
pub(super) struct CatalogRewriter {
    pub(super) error: Option<RewriteError>,
}

impl VisitorMut for CatalogRewriter {
    type Break = ();

    fn pre_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
        let TableFactor::Table { name, args, alias, .. } = factor else { return ControlFlow::Continue(()) };
        if args.is_none() {
            return ControlFlow::Continue(());
        }
        let function = function_name(name);
        if EMPTY_TABLE_FUNCTIONS.contains(&function.as_str()) || unnests_null_column(&function, args.as_ref()) {
            // `pg_partition_ancestors(x) [WITH ORDINALITY] AS a(relid, depth)`: no package
            // relation is partitioned, so the result is empty whatever the argument.
            let alias = alias.clone().unwrap_or_else(|| sqlparser::ast::TableAlias {
                explicit: true,
                name: Ident::new(function.clone()),
                columns: Vec::new(),
                at: None,
            });
            // `unnest(a) x` names its column after the alias; the partition functions return
            // `relid` (and more, which a query names in its alias).
            let (columns, ty): (Vec<String>, &str) = match (alias.columns.is_empty(), function.as_str()) {
                (false, "unnest") => (alias.columns.iter().map(|c| normalize(&c.name)).collect(), "TEXT"),
                (true, "unnest") => (vec![normalize(&alias.name)], "TEXT"),
                (true, _) => (vec!["relid".into()], "BIGINT"),
                (false, _) => (alias.columns.iter().map(|c| normalize(&c.name)).collect(), "BIGINT"),
            };
            let select = columns
                .iter()
                .map(|c| format!("CAST(NULL AS {ty}) AS \"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(", ");
            let Ok(Some(Statement::Query(subquery))) =
                crate::parse::parse(&format!("SELECT {select} WHERE false")).map(|mut s| s.pop())
            else {
                return ControlFlow::Continue(());
            };
            let alias = sqlparser::ast::TableAlias { columns: Vec::new(), ..alias };
            *factor = TableFactor::Derived { lateral: false, subquery, alias: Some(alias), sample: None };
        } else {
            *name = ObjectName::from(vec![Ident::new(function)]);
        }
        ControlFlow::Continue(())
    }

    fn post_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
        match expr {
            Expr::Collate { expr: inner, .. } => *expr = (**inner).clone(),
            // `(record).field` → `get_field(record, 'field')`, the engine's struct access.
            Expr::CompoundFieldAccess { root, access_chain } => {
                if let [sqlparser::ast::AccessExpr::Dot(Expr::Identifier(field))] = access_chain.as_slice() {
                    let field = Expr::Value(Value::SingleQuotedString(normalize(field)).into());
                    *expr = crate::dialect::function_call("get_field", vec![(**root).clone(), field]);
                }
            }
            Expr::AnyOp { right, .. } | Expr::AllOp { right, .. } => {
                if let Some(array) = array_literal(right) {
                    **right = array;
                } else if matches!(&**right, Expr::Value(v) if matches!(v.value, Value::Placeholder(_))) {
                    // An array bound as a parameter arrives in its text form.
                    **right = crate::dialect::function_call("pg_text_array", vec![(**right).clone()]);
                }
            }
            Expr::BinaryOp { op: op @ BinaryOperator::PGCustomBinaryOperator(_), .. } => {
                let BinaryOperator::PGCustomBinaryOperator(parts) = &*op else { return ControlFlow::Continue(()) };
                let symbol = match parts.as_slice() {
                    [schema, symbol] if schema == CATALOG_SCHEMA => symbol.as_str(),
                    [symbol] => symbol.as_str(),
                    _ => "",
                };
                *op = match symbol {
                    "~" => BinaryOperator::PGRegexMatch,
                    "~*" => BinaryOperator::PGRegexIMatch,
                    "!~" => BinaryOperator::PGRegexNotMatch,
                    "!~*" => BinaryOperator::PGRegexNotIMatch,
                    "~~" => BinaryOperator::PGLikeMatch,
                    "~~*" => BinaryOperator::PGILikeMatch,
                    "=" => BinaryOperator::Eq,
                    "<>" => BinaryOperator::NotEq,
                    "<" => BinaryOperator::Lt,
                    "<=" => BinaryOperator::LtEq,
                    ">" => BinaryOperator::Gt,
                    ">=" => BinaryOperator::GtEq,
                    "||" => BinaryOperator::StringConcat,
                    _ => {
                        self.error = Some(RewriteError::unsupported(format!("OPERATOR({})", parts.join(".")), 0));
                        return ControlFlow::Break(());
                    }
                };
            }
            Expr::Function(function) => {
                let name = function_name(&function.name);
                if name == "array"
                    && let FunctionArguments::Subquery(query) = &function.args
                {
                    *expr = array_of_subquery(query);
                } else if let Some(rewritten) = subscripts(&name, function) {
                    *expr = rewritten;
                } else {
                    function.name = ObjectName::from(vec![Ident::new(name)]);
                }
            }
            Expr::Cast { kind, expr: inner, data_type, format: None, array: false } => {
                let target = type_name(data_type);
                if REG_TYPES.contains(&target.as_str()) {
                    *expr = crate::dialect::function_call(&format!("{target}_oid"), vec![(**inner).clone()]);
                } else if let Some(reg) = reg_oid_call(inner)
                    && matches!(target.as_str(), "text" | "name" | "varchar")
                {
                    *expr = reg_name_call(reg, (**inner).clone());
                } else {
                    // Arrays of those types (`$1::oid[]`, asyncpg's type introspection) likewise.
                    let (element, array) = match data_type {
                        DataType::Array(sqlparser::ast::ArrayElemTypeDef::SquareBracket(element, None)) => {
                            (type_name(element), true)
                        }
                        _ => (target, false),
                    };
                    let replacement = match element.as_str() {
                        "oid" | "xid" | "cid" => Some(DataType::BigInt(None)),
                        "name" | "\"char\"" | "char" | "text" => Some(DataType::Text),
                        _ => None,
                    };
                    // An array in text (`'{1,2}'::oid[]`): its elements, which the cast converts.
                    if array
                        && let Expr::Value(value) = inner.as_ref()
                        && let Value::SingleQuotedString(text) = &value.value
                        && let Some(elements) = crate::array_text::array_elements(text)
                    {
                        let elem = elements
                            .into_iter()
                            .map(|e| Expr::Value(e.map_or(Value::Null, Value::SingleQuotedString).into()))
                            .collect();
                        **inner = Expr::Array(sqlparser::ast::Array { elem, named: true });
                    }
                    if let Some(replacement) = replacement {
                        *data_type = match array {
                            true => DataType::Array(sqlparser::ast::ArrayElemTypeDef::SquareBracket(
                                Box::new(replacement),
                                None,
                            )),
                            false => replacement,
                        };
                        *kind = CastKind::Cast;
                    }
                }
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }
}

/// `'{r,p}'` (an array in text, as in `relkind = ANY('{r,p}')`) as `ARRAY['r', 'p']`, or
/// `ARRAY[1, 2]` when every element is an integer. Quoted elements and NULLs are left alone.
pub(super) fn array_literal(expr: &Expr) -> Option<Expr> {
    let Expr::Value(value) = expr else { return None };
    let (Value::SingleQuotedString(text) | Value::EscapedStringLiteral(text)) = &value.value else { return None };
    let inner = text.trim().strip_prefix('{')?.strip_suffix('}')?;
    if inner.contains(['"', '\\', '{']) {
        return None;
    }
    let items: Vec<&str> = if inner.trim().is_empty() { Vec::new() } else { inner.split(',').map(str::trim).collect() };
    if items.iter().any(|item| item.eq_ignore_ascii_case("null")) {
        return None;
    }
    let numbers = !items.is_empty() && items.iter().all(|item| item.parse::<i64>().is_ok());
    let elem = items
        .into_iter()
        .map(|item| match numbers {
            true => Expr::Value(Value::Number(item.to_string(), false).into()),
            false => Expr::Value(Value::SingleQuotedString(item.to_string()).into()),
        })
        .collect();
    Some(Expr::Array(sqlparser::ast::Array { elem, named: true }))
}

/// `unnest(x.col)` of a column in [`NULL_COLUMNS`].
pub(super) fn unnests_null_column(function: &str, args: Option<&sqlparser::ast::TableFunctionArgs>) -> bool {
    let Some(args) = args.filter(|_| function == "unnest") else { return false };
    match args.args.as_slice() {
        [FunctionArg::Unnamed(FunctionArgExpr::Expr(column))] => {
            let name = match column {
                Expr::Identifier(ident) => normalize(ident),
                Expr::CompoundIdentifier(parts) => parts.last().map(normalize).unwrap_or_default(),
                _ => return false,
            };
            NULL_COLUMNS.contains(&name.as_str())
        }
        _ => false,
    }
}

/// The set-returning functions over array subscripts, in the engine's terms (which zips the
/// `unnest`s of one select list row by row, as Postgres does with set-returning functions):
/// `generate_subscripts(a, d)` → `unnest(generate_series(1, array_length(a, d)))`, and
/// `information_schema._pg_expandarray(a)` (pgJDBC) → the struct `{x: element, n: subscript}`.
pub(super) fn subscripts(name: &str, function: &Function) -> Option<Expr> {
    let FunctionArguments::List(list) = &function.args else { return None };
    let args: Vec<Expr> = list
        .args
        .iter()
        .filter_map(|arg| match arg {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Some(e.clone()),
            _ => None,
        })
        .collect();
    let call = crate::dialect::function_call;
    let indexes = |array: &Expr, dimension: Expr| {
        let length = Expr::Cast {
            kind: CastKind::Cast,
            expr: Box::new(call("array_length", vec![array.clone(), dimension])),
            data_type: DataType::BigInt(None),
            array: false,
            format: None,
        };
        call("unnest", vec![call("generate_series", vec![number("1"), length])])
    };
    match (name, args.as_slice()) {
        ("generate_subscripts", [array, dimension]) => Some(indexes(array, dimension.clone())),
        ("information_schema._pg_expandarray", [array]) => Some(call(
            "named_struct",
            vec![
                Expr::Value(Value::SingleQuotedString("x".into()).into()),
                call("unnest", vec![array.clone()]),
                Expr::Value(Value::SingleQuotedString("n".into()).into()),
                indexes(array, number("1")),
            ],
        )),
        _ => None,
    }
}

pub(super) fn number(text: &str) -> Expr {
    Expr::Value(Value::Number(text.into(), false).into())
}

/// The `reg*` type of a `regclass_oid(x)`-style call (a cast to a `reg*` type, rewritten).
pub(super) fn reg_oid_call(expr: &Expr) -> Option<&'static str> {
    let Expr::Function(function) = expr else { return None };
    let name = function_name(&function.name);
    REG_TYPES.iter().copied().find(|reg| name.strip_suffix("_oid") == Some(*reg))
}

/// `regclass_name(regclass_oid(x))`: the name a `reg*` value prints as.
pub(super) fn reg_name_call(reg: &str, oid: Expr) -> Expr {
    crate::dialect::function_call(&format!("{reg}_name"), vec![oid])
}

/// A `reg*` value in a select list prints as its name (`c.oid::regclass` shows `lineitem`); in
/// comparisons it stays an OID.
pub(super) fn show_reg_names(body: &mut SetExpr) {
    match body {
        SetExpr::Select(select) => {
            for item in &mut select.projection {
                if let SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. } = item {
                    show_reg_name(expr);
                }
            }
        }
        SetExpr::Query(query) => show_reg_names(&mut query.body),
        SetExpr::SetOperation { left, right, .. } => {
            show_reg_names(left);
            show_reg_names(right);
        }
        _ => {}
    }
}

pub(super) fn show_reg_name(expr: &mut Expr) {
    if let Some(reg) = reg_oid_call(expr) {
        *expr = reg_name_call(reg, expr.clone());
        return;
    }
    // Scalar subqueries and CASE branches whose value is a `reg*`.
    match expr {
        Expr::Subquery(query) => show_reg_names(&mut query.body),
        Expr::Nested(inner) => show_reg_name(inner),
        Expr::Case { conditions, else_result, .. } => {
            for when in conditions {
                show_reg_name(&mut when.result);
            }
            if let Some(other) = else_result {
                show_reg_name(other);
            }
        }
        _ => {}
    }
}
