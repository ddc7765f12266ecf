//! Identifier normalization and Postgres' rules for naming result columns (`FigureColname`).

use sqlparser::ast::{CastKind, DataType, Expr, Function, Ident, ObjectName, Query, SelectItem, SetExpr, TableAlias};

/// An identifier as Postgres sees it: unquoted names fold to lower case, quoted ones keep case.
pub fn normalize(ident: &Ident) -> String {
    if ident.quote_style.is_some() { ident.value.clone() } else { ident.value.to_lowercase() }
}

/// Set-returning functions a query may call in FROM, with the names of their OUT parameters:
/// the columns of a function that has them; one without has a single column named like its
/// relation (see [`function_columns`]).
pub const SET_RETURNING_FUNCTIONS: &[(&str, &[&str])] = &[
    ("generate_series", &[]),
    ("unnest", &[]),
    ("jsonb_array_elements", &["value"]),
    ("jsonb_array_elements_text", &["value"]),
    ("jsonb_each", &["key", "value"]),
    ("jsonb_each_text", &["key", "value"]),
    ("jsonb_object_keys", &[]),
    ("json_array_elements", &["value"]),
    ("json_array_elements_text", &["value"]),
    ("json_each", &["key", "value"]),
    ("json_each_text", &["key", "value"]),
    ("json_object_keys", &[]),
];

/// The OUT parameter names of a set-returning function ([`SET_RETURNING_FUNCTIONS`]); `None`
/// for a function that is not one.
pub fn out_parameters(function: &str) -> Option<&'static [&'static str]> {
    SET_RETURNING_FUNCTIONS.iter().find(|(name, _)| *name == function).map(|(_, out)| *out)
}

/// The names Postgres gives a function in FROM with `values` value columns and, `WITH
/// ORDINALITY`, a counter: the relation is the alias, else the function; one value column is
/// named like the relation, several like the function, the counter `ordinality`; column aliases
/// replace them in order. `None` when there are more column aliases than columns.
pub fn function_columns(
    alias: Option<&TableAlias>,
    function: &str,
    values: usize,
    ordinality: bool,
) -> Option<(String, Vec<String>)> {
    let relation = relation_name(alias, function);
    let value_name = if values == 1 { relation.clone() } else { function.to_string() };
    aliased(alias, relation, vec![value_name; values], ordinality)
}

/// The names of a set-returning function with OUT parameters `out` ([`out_parameters`]) in
/// FROM: its columns are named like them (whatever the relation's alias), then as
/// [`function_columns`]; a function without any has one column, as [`function_columns`] names it.
pub fn set_returning_columns(
    alias: Option<&TableAlias>,
    function: &str,
    out: &[&str],
    ordinality: bool,
) -> Option<(String, Vec<String>)> {
    if out.is_empty() {
        return function_columns(alias, function, 1, ordinality);
    }
    aliased(alias, relation_name(alias, function), out.iter().map(|name| name.to_string()).collect(), ordinality)
}

/// The name of a function's relation in FROM: its alias, else the function's name.
fn relation_name(alias: Option<&TableAlias>, function: &str) -> String {
    alias.map(|a| normalize(&a.name)).unwrap_or_else(|| function.to_string())
}

/// `names` and the ordinality counter, renamed by the alias's column list.
fn aliased(
    alias: Option<&TableAlias>,
    relation: String,
    mut names: Vec<String>,
    ordinality: bool,
) -> Option<(String, Vec<String>)> {
    if ordinality {
        names.push("ordinality".into());
    }
    let written = alias.map(|a| a.columns.as_slice()).unwrap_or_default();
    if written.len() > names.len() {
        return None;
    }
    for (name, column) in names.iter_mut().zip(written) {
        *name = normalize(&column.name);
    }
    Some((relation, names))
}

/// The normalized parts of a dotted name.
pub fn normalize_object_name(name: &ObjectName) -> Vec<String> {
    name.0
        .iter()
        .map(|part| match part.as_ident() {
            Some(ident) => normalize(ident),
            None => part.to_string(),
        })
        .collect()
}

/// The name Postgres gives a select-list expression that has no alias.
pub fn column_name(expr: &Expr) -> String {
    figure(expr).map(|(name, _)| name).unwrap_or_else(|| "?column?".to_string())
}

/// Returns the name and its strength (2 = from a column or function, 1 = from a type).
fn figure(expr: &Expr) -> Option<(String, u8)> {
    match expr {
        Expr::Identifier(ident) => Some((normalize(ident), 2)),
        Expr::CompoundIdentifier(parts) => parts.last().map(|p| (normalize(p), 2)),
        Expr::Nested(inner) => figure(inner),
        // `a[1]` is named after `a`; `(a).f` after the field.
        Expr::CompoundFieldAccess { root, access_chain } => match access_chain.last() {
            Some(sqlparser::ast::AccessExpr::Dot(field)) => figure(field),
            _ => figure(root),
        },
        Expr::Function(function) => Some((function_name(function), 2)),
        Expr::Cast { expr: inner, data_type, kind, .. } => match figure(inner) {
            Some((name, 2)) => Some((name, 2)),
            _ if matches!(kind, CastKind::Cast | CastKind::DoubleColon | CastKind::TryCast) => {
                Some((type_name(data_type), 1))
            }
            _ => None,
        },
        Expr::Case { .. } => Some(("case".into(), 1)),
        Expr::Exists { .. } => Some(("exists".into(), 2)),
        Expr::Subquery(query) => subquery_first_name(query).map(|n| (n, 2)),
        Expr::Extract { .. } => Some(("extract".into(), 2)),
        Expr::Substring { .. } => Some(("substring".into(), 2)),
        Expr::Position { .. } => Some(("position".into(), 2)),
        Expr::Overlay { .. } => Some(("overlay".into(), 2)),
        Expr::Trim { trim_where, .. } => Some((
            match trim_where {
                Some(sqlparser::ast::TrimWhereField::Leading) => "ltrim",
                Some(sqlparser::ast::TrimWhereField::Trailing) => "rtrim",
                _ => "btrim",
            }
            .into(),
            2,
        )),
        Expr::Ceil { .. } => Some(("ceil".into(), 2)),
        Expr::Floor { .. } => Some(("floor".into(), 2)),
        Expr::Array(_) => Some(("array".into(), 2)),
        Expr::Interval(_) => Some(("interval".into(), 1)),
        Expr::TypedString(typed) => Some((type_name(&typed.data_type), 1)),
        _ => None,
    }
}

fn function_name(function: &Function) -> String {
    // `current_date` & co. parse as functions without arguments and are named after themselves too.
    function.name.0.last().and_then(|p| p.as_ident()).map(normalize).unwrap_or_default()
}

fn subquery_first_name(query: &Query) -> Option<String> {
    let mut body = query.body.as_ref();
    loop {
        match body {
            SetExpr::Select(select) => {
                return match select.projection.first()? {
                    SelectItem::UnnamedExpr(expr) => figure(expr).map(|(n, _)| n),
                    SelectItem::ExprWithAlias { alias, .. } => Some(normalize(alias)),
                    _ => None,
                };
            }
            SetExpr::Query(inner) => body = inner.body.as_ref(),
            SetExpr::SetOperation { left, .. } => body = left.as_ref(),
            _ => return None,
        }
    }
}

/// The internal name Postgres uses for a type in column names (`int4`, `numeric`, `text`, …).
pub fn type_name(data_type: &DataType) -> String {
    let written = data_type.to_string();
    match package::PgType::parse(&written) {
        Ok(ty) => ty.type_name().to_string(),
        Err(_) => written.split('(').next().unwrap_or("").trim().to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::PostgreSqlDialect;
    use sqlparser::parser::Parser;

    fn name_of(sql: &str) -> String {
        let expr = Parser::new(&PostgreSqlDialect {}).try_with_sql(sql).unwrap().parse_expr().unwrap();
        column_name(&expr)
    }

    #[test]
    fn names_like_postgres() {
        assert_eq!(name_of("count(*)"), "count");
        assert_eq!(name_of("n.N_NAME"), "n_name");
        assert_eq!(name_of("\"Mixed\""), "Mixed");
        assert_eq!(name_of("x::int"), "x");
        assert_eq!(name_of("1::integer"), "int4");
        assert_eq!(name_of("CAST('a' AS varchar(3))"), "varchar");
        assert_eq!(name_of("1 + 2"), "?column?");
        assert_eq!(name_of("case when true then 1 end"), "case");
        assert_eq!(name_of("extract(year from d)"), "extract");
        assert_eq!(name_of("date '2020-01-01'"), "date");
        assert_eq!(name_of("(select max(a) from t)"), "max");
        assert_eq!(name_of("(current_schemas(true))[1]"), "current_schemas");
        assert_eq!(name_of("tags[2]"), "tags");
        assert_eq!(name_of("current_date"), "current_date");
    }
}
